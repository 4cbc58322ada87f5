package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFoldersReaderTest {

    @TempDir
    Path dir;

    @Test
    void eachSplitFolderKeepsItsSplitWhateverItsLayout() {
        // train: class folders; validation ("val"): a manifest whose split column says otherwise; test: class folders
        for (int i = 0; i < 3; i++) {
            Fixtures.image(dir.resolve("train/cat/" + i + ".png"));
            Fixtures.image(dir.resolve("train/dog/" + i + ".png"));
        }
        Fixtures.image(dir.resolve("val/a.png"));
        Fixtures.text(dir.resolve("val/metadata.csv"), "file_name,text,label,split\na.png,a cat,cat,train\n");
        Fixtures.image(dir.resolve("test/cat/0.png")); // same relative name as a training image
        Fixtures.bytes(dir.resolve("test/dog/broken.png"), new byte[0]);

        assertThat(DatasetFormat.detect(dir)).isEqualTo(DatasetFormat.SPLIT_FOLDERS);
        Dataset dataset = DatasetLoader.load(dir, DatasetOptions.defaults());

        assertThat(dataset.samples(Split.TRAIN)).hasSize(6).allSatisfy(s -> assertThat(s.id()).startsWith("train/"));
        assertThat(dataset.samples(Split.VALIDATION)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("val/a.png");
            assertThat(s.text()).isEqualTo("a cat");
        });
        assertThat(dataset.samples(Split.TEST)).extracting(Sample::id).containsExactly("test/cat/0.png");
        assertThat(dataset.samples()).extracting(Sample::id).contains("train/cat/0.png", "test/cat/0.png");
        assertThat(dataset.classes()).containsExactly("cat", "dog");
        assertThat(dataset.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("broken.png").endsWith("image file is zero bytes"));
    }

    @Test
    void splitFoldersWithoutATrainFolderAreRefusedNotReadAsClasses() {
        Fixtures.image(dir.resolve("validation/a.png"));
        Fixtures.text(dir.resolve("validation/metadata.csv"), "file_name,text,label\na.png,a cat,cat\n");
        Fixtures.image(dir.resolve("test/b.png"));
        Fixtures.text(dir.resolve("test/metadata.csv"), "file_name,text,label\nb.png,a dog,dog\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatasetFormat.detect(dir))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no train folder");
    }

    @Test
    void classFoldersThatMerelyIncludeATrainFolderAreNotSplits() {
        Fixtures.image(dir.resolve("train/a.png"));
        Fixtures.image(dir.resolve("plane/b.png"));
        assertThat(DatasetFormat.detect(dir)).isEqualTo(DatasetFormat.CLASS_FOLDERS);

        Fixtures.image(dir.resolve("other/test/c.png"));
        assertThat(DatasetFormat.detect(dir.resolve("other"))).isEqualTo(DatasetFormat.CLASS_FOLDERS);
    }
}
