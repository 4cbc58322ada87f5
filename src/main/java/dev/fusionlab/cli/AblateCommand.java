package dev.fusionlab.cli;

import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.robustness.Ablation;
import dev.fusionlab.robustness.AblationCondition;
import dev.fusionlab.robustness.AblationReport;
import dev.fusionlab.project.ProjectionMethod;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fusionlab ablate}: trains a run (embeddings from the cache after a first run), then scores every
 * strategy with a modality dropped, shuffled or noised at test time, without retraining; writes
 * {@code ablation.json} and {@code ablation.png}/{@code .svg}.
 */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Modality ablation and robustness at test time: drop, shuffle or noise one modality, score every strategy.")
final class AblateCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder (created; files in it are replaced).")
    Path out;

    @Option(names = "--sigmas", split = ",", paramLabel = "<s>",
            description = "Noise levels, in training standard deviations of the normalised embedding (default: 0.5,1,2).")
    double[] sigmas = AblationCondition.DEFAULT_SIGMAS.clone();

    @Option(names = "--dpi", defaultValue = "150", description = "Resolution of the PNG chart (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Override
    public Integer call() throws Exception {
        AblationReport report;
        try (CliContext context = new CliContext(); Pipeline pipeline = Pipeline.withDefaults()) {
            // the layouts are not needed: PCA is the cheapest projection the run must still make
            RunResult run = pipeline.run(options.toConfig().withProjection(ProjectionMethod.PCA), context.task());
            report = Ablation.run(run, AblationCondition.standard(Arrays.stream(sigmas).toArray()), options.seed,
                    context.task());
            report.writeAll(out, "Modality ablation: " + run.dataset().name(), dpi);
        }
        System.out.println(report.table());
        System.out.println("wrote " + out.resolve("ablation.json") + " and ablation.png/.svg");
        return 0;
    }
}
