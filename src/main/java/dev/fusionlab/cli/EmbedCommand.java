package dev.fusionlab.cli;

import dev.fusionlab.export.RunExporter;
import dev.fusionlab.io.AtomicFiles;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fusionlab embed}: encode a dataset and write the embeddings, nothing else. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Encode a dataset; write embeddings/{image,text,fused}.npy and embeddings/ids.csv.")
final class EmbedCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        EncodedDataset encoded;
        AtomicFiles.requireWritableFolder(out); // before minutes of work, not after
        try (CliContext context = new CliContext(); Pipeline pipeline = Pipeline.withDefaults()) {
            encoded = pipeline.encode(options.toConfig(), context.task());
            RunExporter.writeEmbeddings(encoded, out);
        }
        System.out.printf("%d samples encoded (%d skipped) -> %s%n", encoded.samples().size(),
                encoded.problems().size(), out.resolve("embeddings"));
        return 0;
    }
}
