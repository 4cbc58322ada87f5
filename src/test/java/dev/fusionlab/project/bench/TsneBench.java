package dev.fusionlab.project.bench;

import dev.fusionlab.project.quality.Trustworthiness;
import dev.fusionlab.project.testdata.GaussianMixture;
import dev.fusionlab.project.tsne.FastTsne;
import dev.fusionlab.project.tsne.TsneParams;
import dev.fusionlab.project.tsne.TsneResult;
import dev.fusionlab.project.tsne.IterationListener;
import dev.fusionlab.project.tsne.RepulsionMethod;
import dev.fusionlab.task.TaskContext;

/**
 * Times FastTsne on a synthetic embedding-like Gaussian mixture and scores the layout by
 * trustworthiness (k = 10). Arguments: {@code n dimensions [trustworthinessSample] [seed] [BARNES_HUT|FFT_INTERPOLATION|AUTO]}; a sample of
 * 0 ranks every point exactly. Command and results: bench/tsne/RESULTS.md.
 */
public final class TsneBench {

    private TsneBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        float[][] data = GaussianMixture.generate(n, d, 20, 3, seed).points();
        TsneParams params = TsneParams.defaults().withSeed(seed);
        if (args.length > 4) {
            params = params.withRepulsion(RepulsionMethod.valueOf(args[4]));
        }
        long c0 = KnnBench.cpuNanos();
        long t0 = System.nanoTime();
        long[] phase = new long[1];
        String[] lastPhase = {""};
        TsneResult result = FastTsne.fit(data, params, new TaskContext((stage, fraction, message) -> {
            if (phase[0] == 0 && message.startsWith("iteration 1/")) {
                phase[0] = System.nanoTime();
            }
            String kind = message.replaceAll("[0-9/]", "");
            if (!kind.equals(lastPhase[0]) || message.startsWith("iteration 250/")) {
                lastPhase[0] = kind;
                System.out.printf("  %6.2f s wall %6.2f s cpu  %s%n", (System.nanoTime() - t0) / 1e9,
                        (KnnBench.cpuNanos() - c0) / 1e9, message);
            }
        }, new dev.fusionlab.task.CancellationToken()), IterationListener.NONE);
        long t1 = System.nanoTime();
        System.out.printf("tsne n=%d d=%d %s: %.1f s wall (%.1f s before the first iteration), %.1f s cpu, KL %.4f%n",
                n, d, params.repulsion(), (t1 - t0) / 1e9, (phase[0] - t0) / 1e9, (KnnBench.cpuNanos() - c0) / 1e9, result.klDivergence());
        long t2 = System.nanoTime();
        double trust = sample > 0
                ? Trustworthiness.estimate(data, result.embedding(), 10, sample, 7, 0)
                : Trustworthiness.compute(data, result.embedding(), 10, 0);
        System.out.printf("trustworthiness(k=10%s) = %.4f (%.1f s)%n",
                sample > 0 ? ", " + sample + " sampled points" : ", all points", trust, (System.nanoTime() - t2) / 1e9);
    }
}
