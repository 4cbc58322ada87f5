package dev.fusionlab.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.pipeline.RunResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that autosaves in a loop ({@link AutosaveChild}) with {@code kill -9} at random moments,
 * again and again, and checks every time that the autosave opens and is one whole generation: the last
 * one the child reported saved, or the one it was writing, never a mixture and never older.
 */
class AutosaveKillTest {

    @TempDir
    Path dir;

    @Test
    void anAutosaveKilledAtAnyMomentIsNeverHalfWritten() throws Exception {
        Path file = dir.resolve("autosave").resolve("autosave.fusionlab");
        Files.createDirectories(file.getParent());
        Random random = new Random(2026);
        int next = 1;
        int kills = 8;
        int interrupted = 0;
        for (int k = 0; k < kills; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx512m", AutosaveChild.class.getName(),
                    file.toString(), Integer.toString(next))
                    .redirectErrorStream(true).start();
            AtomicInteger lastSaved = new AtomicInteger(next - 1);
            AtomicInteger saves = new AtomicInteger();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("saved ")) {
                            lastSaved.set(Integer.parseInt(line.substring(6)));
                            saves.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child died: what it printed is all there is
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (saves.get() < 1 + k % 3 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5); // let it save at least once, then a different number of times each round
            }
            assertThat(child.isAlive()).as("the child is still saving").isTrue();
            Thread.sleep(random.nextInt(400)); // then kill it at a random moment, most likely mid-write
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);

            try (var files = Files.list(file.getParent())) { // a kill during a write leaves its temporary file
                interrupted += files.anyMatch(p -> p.toString().endsWith(".tmp")) ? 1 : 0;
            }
            Workspace back = WorkspaceStore.open(file);
            int g = back.view().selection()[0];
            assertThat(g).as("kill %d: the restored generation is the last saved or the one being written", k)
                    .isBetween(lastSaved.get(), lastSaved.get() + 1);
            RunResult run = back.result();
            for (float[][] m : run.embeddings().values()) {
                for (float[] row : m) {
                    for (float v : row) {
                        assertThat(v).isEqualTo((float) g);
                    }
                }
            }
            for (double[][] m : run.projections().values()) {
                for (double[] row : m) {
                    assertThat(row).containsOnly((double) g);
                }
            }
            next = g + 1;
        }
        System.out.println("AutosaveKillTest: " + interrupted + " of " + kills + " kills interrupted a write");
        // the kills leave temporary files behind; the next autosave clears them
        new Autosave(file, file.resolveSibling("clean-exit"), 0, Throwable::printStackTrace).close();
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("autosave.fusionlab");
        }
    }
}
