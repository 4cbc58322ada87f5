package dev.fusionlab.project.bench;

import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.project.pca.Pca;
import dev.fusionlab.project.pca.PcaParams;
import dev.fusionlab.project.testdata.GaussianMixture;
import dev.fusionlab.task.TaskContext;
import java.lang.management.ManagementFactory;

/**
 * Times the two OpenBLAS paths of the projections: the PCA (50 components, 2 power iterations, as t-SNE's
 * pre-reduction) and the exact neighbour search (k = 91, as t-SNE's perplexity 30). Arguments:
 * {@code pcaRows knnRows dim threads repeats}. Results: bench/tsne/RESULTS.md ("Reproducibility").
 */
public final class BlasPathBench {

    private BlasPathBench() {
    }

    public static void main(String[] args) {
        int pcaRows = Integer.parseInt(args[0]);
        int knnRows = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int repeats = Integer.parseInt(args[4]);
        float[][] pcaData = GaussianMixture.generate(pcaRows, dim, 20, 3, 42).points();
        float[][] knnData = GaussianMixture.generate(knnRows, dim, 20, 3, 42).points();
        for (int r = 0; r < repeats; r++) {
            long[] t = start();
            Pca.fit(pcaData, new PcaParams(50, 10, 2, 42, threads), TaskContext.silent());
            String pca = stop(t);
            t = start();
            NearestNeighbors.search(knnData, 91, Metric.EUCLIDEAN, 42, threads, TaskContext.silent());
            String knn = stop(t);
            System.out.printf("PCA %d x %d: %s | exact kNN %d x %d: %s%n", pcaRows, dim, pca, knnRows, dim, knn);
        }
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), cpu()};
    }

    private static String stop(long[] start) {
        return String.format("%.2f s wall, %.2f s CPU", (System.nanoTime() - start[0]) / 1e9, (cpu() - start[1]) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
