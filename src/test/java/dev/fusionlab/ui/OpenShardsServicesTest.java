package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.embeddings.ParquetTables;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open ▸ Open folder of Parquet shards…: a Spark job's output folder (shards holding the metadata,
 * {@code image_embedding} and {@code text_embedding}) opens through the real services as image and text
 * (the pairing happens in {@link CoreWorkbenchServices}, on the worker thread).
 */
class OpenShardsServicesTest {

    private static final String[] CLASSES = {"cat", "dog", "owl"};

    @TempDir
    Path dir;

    /** Stands in for the FX thread: updates queue up and run on the test thread. */
    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(new CoreWorkbenchServices(), ui::add);

    private void drainUntilIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // real training on a busy machine
        while (true) {
            Runnable r = ui.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            } else if (!vm.task().isRunning()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for background work");
            }
        }
    }

    private static void shard(Path file, int from, int to) throws IOException {
        SplittableRandom random = new SplittableRandom(from);
        List<String> ids = IntStream.range(from, to).mapToObj(i -> "s" + i).toList();
        Map<String, List<String>> text = new LinkedHashMap<>();
        text.put("label", IntStream.range(from, to).mapToObj(i -> CLASSES[i % 3]).toList());
        text.put("text", IntStream.range(from, to).mapToObj(i -> "a " + CLASSES[i % 3] + " number " + i).toList());
        Map<String, float[][]> vectors = new LinkedHashMap<>();
        vectors.put("image_embedding", rows(from, to, 12, random));
        vectors.put("text_embedding", rows(from, to, 9, random));
        ParquetTables.write(file, ids, text, Map.of(), vectors);
    }

    private static float[][] rows(int from, int to, int dims, SplittableRandom random) {
        float[][] rows = new float[to - from][dims];
        for (int i = from; i < to; i++) {
            for (int d = 0; d < dims; d++) {
                rows[i - from][d] = (float) ((d % 3 == i % 3 ? 3 : 0) + random.nextGaussian() * 0.3);
            }
        }
        return rows;
    }

    @Test
    void aFolderOfShardsOpensAsImageAndTextWithItsMetadata() throws Exception {
        Path shards = Files.createDirectories(dir.resolve("embeddings"));
        shard(shards.resolve("part-00000-a.snappy.parquet"), 0, 45);
        shard(shards.resolve("part-00001-a.snappy.parquet"), 45, 90);
        Files.writeString(shards.resolve("_SUCCESS"), "");
        vm.settings().projectionProperty().set(ProjectionMethod.PCA);

        assertThat(vm.openEmbeddings(List.of(shards), null, Alignment.ORDER)).isTrue();
        drainUntilIdle();

        assertThat(vm.task().errorProperty().get()).isEmpty();
        RunResult shown = vm.resultProperty().get();
        assertThat(shown.samples()).hasSize(90);
        assertThat(shown.samples().get(50).id()).isEqualTo("s50");
        assertThat(shown.samples().get(50).label()).isEqualTo(CLASSES[50 % 3]);
        assertThat(shown.embeddings()).containsKeys(Space.IMAGE, Space.TEXT, Space.FUSED);
        assertThat(shown.isClassified()).isTrue();
    }
}
