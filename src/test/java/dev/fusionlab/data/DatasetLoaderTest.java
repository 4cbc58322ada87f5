package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.ProgressListener;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void detectsEachLayout() {
        Fixtures.text(dir.resolve("manifest/metadata.jsonl"), "");
        Fixtures.image(dir.resolve("classes/cat/a.png"));
        Path captions = Fixtures.text(dir.resolve("captions.txt"), "");

        assertThat(DatasetFormat.detect(dir.resolve("manifest"))).isEqualTo(DatasetFormat.IMAGEFOLDER);
        assertThat(DatasetFormat.detect(dir.resolve("classes"))).isEqualTo(DatasetFormat.CLASS_FOLDERS);
        assertThat(DatasetFormat.detect(captions)).isEqualTo(DatasetFormat.CAPTIONS_FILE);
        assertThatThrownBy(() -> DatasetFormat.detect(dir.resolve("nowhere")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("nowhere");
    }

    @Test
    void loadsValidatesAndSplitsAClassFolderDataset() {
        for (String label : new String[] {"cat", "dog"}) {
            for (int i = 0; i < 10; i++) {
                Fixtures.image(dir.resolve(label + "/" + label + "_" + i + ".png"));
            }
        }
        Fixtures.bytes(dir.resolve("dog/broken.png"), new byte[0]);

        Dataset dataset = DatasetLoader.load(dir, DatasetOptions.defaults());

        assertThat(dataset.name()).isEqualTo(dir.getFileName().toString());
        assertThat(dataset.classes()).containsExactly("cat", "dog");
        assertThat(dataset.samples()).hasSize(20).allSatisfy(s -> assertThat(s.split()).isNotNull());
        assertThat(dataset.samples(Split.TRAIN)).hasSize(14);
        assertThat(dataset.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("broken.png").endsWith("image file is zero bytes"));
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        Fixtures.image(dir.resolve("cat/a.png"));
        java.util.List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener listener = (stage, fraction, message) -> stages.add(stage);
        DatasetLoader.load(dir, DatasetOptions.defaults(), new TaskContext(listener, new CancellationToken()));
        assertThat(stages).contains("load-dataset", "validate");

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> DatasetLoader.load(dir, DatasetOptions.defaults(),
                new TaskContext(ProgressListener.NONE, cancelled))).isInstanceOf(CancelledException.class);
    }
}
