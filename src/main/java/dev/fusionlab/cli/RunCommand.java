package dev.fusionlab.cli;

import dev.fusionlab.embeddings.EmbeddingRun;
import dev.fusionlab.embeddings.InteropExport;
import dev.fusionlab.export.RunExporter;
import dev.fusionlab.io.AtomicFiles;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fusionlab run}: the whole pipeline, every artifact written into one folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Load, encode, train early/late fusion and the unimodal baselines, evaluate, project, export.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder (created; files in it are replaced).")
    Path out;

    @Option(names = "--dpi", defaultValue = "150", description = "Resolution of the PNG plots (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Mixin
    EmbeddingOptions embeddings = new EmbeddingOptions();

    @Mixin
    EmbeddingOptions.Exports exports = new EmbeddingOptions.Exports();

    @Override
    public Integer call() throws Exception {
        RunResult result;
        AtomicFiles.requireWritableFolder(out); // before minutes of work, not after
        if (embeddings.isSet()) { // bring your own embeddings: no encoder runs
            if (!RunConfig.DEMO.equals(options.dataset)) {
                throw new IllegalArgumentException("give --dataset or --embeddings, not both");
            }
            try (CliContext context = new CliContext()) {
                result = EmbeddingRun.open(dev.fusionlab.embeddings.EmbeddingImport.withPairedColumns(
                                embeddings.spec(options.labelColumn, options.textColumn, options.seed)),
                        options.toConfig(), context.task(), LiveLayouts.NONE);
                RunExporter.writeAll(result, out, dpi, context.task());
                InteropExport.write(result, out, exports.parsed(), context.task());
            }
            System.out.println(Summary.of(result, out));
            return 0;
        }
        try (CliContext context = new CliContext(); Pipeline pipeline = Pipeline.withDefaults()) {
            result = pipeline.run(options.toConfig(), context.task());
            RunExporter.writeAll(result, out, dpi, context.task());
            InteropExport.write(result, out, exports.parsed(), context.task());
        }
        System.out.println(Summary.of(result, out));
        return 0;
    }
}
