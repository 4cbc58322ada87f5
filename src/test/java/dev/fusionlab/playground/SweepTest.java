package dev.fusionlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    @TempDir
    Path dir;

    @Test
    void imageSignalSweepLiftsTheImageFromChanceAndWritesCsvAndChart() throws Exception {
        GeneratorSettings base = GeneratorSettings.defaults().with(Control.SAMPLES, 400);
        List<String> reported = new ArrayList<>();
        TaskContext ctx = new TaskContext((stage, fraction, message) -> reported.add(stage + " " + message),
                new dev.fusionlab.task.CancellationToken());
        SweepResult sweep = Sweep.run(base, "custom", Playground.config("custom", ClassifierKind.SOFTMAX, 42),
                SweepSpec.parse("image_snr=0:3:3"), ctx);

        assertThat(sweep.points()).extracting(SweepResult.Point::value).containsExactly(0.0, 1.5, 3.0);
        assertThat(sweep.points().getFirst().accuracy(Strategy.IMAGE)).isLessThan(0.45); // chance 0.25
        assertThat(sweep.points().getLast().accuracy(Strategy.IMAGE)).isGreaterThan(0.8);
        assertThat(sweep.points().getLast().accuracy(Strategy.EARLY))
                .isGreaterThan(sweep.points().getFirst().accuracy(Strategy.EARLY));
        assertThat(reported).contains("sweep image_snr = 0", "sweep image_snr = 1.5", "sweep image_snr = 3");

        PlaygroundExporter.writeSweep(sweep, dir, 96);
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(csv.getFirst()).isEqualTo("image_snr,strategy,accuracy,macro_f1");
        assertThat(csv).hasSize(1 + 3 * 4);
        assertThat(csv.get(1)).startsWith("0,image,");
        assertThat(csv.get(12)).startsWith("3,late,");
        String svg = Files.readString(dir.resolve("sweep.svg"));
        assertThat(svg.split("<polyline", -1)).hasSize(1 + 4);
        assertThat(dir.resolve("sweep.png")).exists();
        assertThat(Files.readString(dir.resolve("sweep.json"))).contains("\"schema_version\" : 1", "\"control\" : \"image_snr\"");
    }
}
