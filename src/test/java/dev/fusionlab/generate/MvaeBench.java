package dev.fusionlab.generate;

import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.ProgressListener;
import dev.fusionlab.task.TaskContext;
import java.util.Locale;

/**
 * Training time of the MVAE on the bundled demo (bench/generate/RESULTS.md). Not a test.
 * Arguments: image size, max epochs, anneal epochs (threads: -Dfusionlab.mvae.threads).
 */
public final class MvaeBench {

    private MvaeBench() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int anneal = Integer.parseInt(args[2]);
        RunConfig config = RunConfig.defaults();
        try (Pipeline pipeline = Pipeline.withDefaults()) {
            long t0 = System.nanoTime();
            EncodedDataset encoded = pipeline.encode(config, TaskContext.silent());
            long t1 = System.nanoTime();
            GenerativeData data = GenerativeData.of(encoded, size, TaskContext.silent());
            long t2 = System.nanoTime();
            ProgressListener print = (stage, fraction, message) -> {
                if (message.startsWith("epoch") && !message.contains("batch")) {
                    System.out.printf(Locale.ROOT, "%8.1f s  %s%n", (System.nanoTime() - t2) / 1e9, message);
                }
            };
            MvaeSpec spec = MvaeSpec.defaults(config.seed()).withImageSize(size).withEpochs(anneal, epochs);
            try (Mvae mvae = Mvae.train(data, spec, config.textEncoder(), new TaskContext(print, new CancellationToken()))) {
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "encode %.1f s, pixels %.1f s, train %.1f s (%d epochs, %d threads, %d px)%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, mvae.provenance().epochsRun(),
                        mvae.provenance().threads(), size);
            }
        }
    }
}
