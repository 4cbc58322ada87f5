package dev.fusionlab.project.tsne;

import dev.fusionlab.project.Workers;
import java.util.SplittableRandom;

/**
 * Times one evaluation of the repulsive forces, Barnes-Hut against FFT interpolation, on a synthetic
 * layout of 20 Gaussian blobs spread over a given extent (as t-SNE layouts of that size look), to set
 * {@link FastTsne#AUTO_FFT_THRESHOLD}. Arguments: {@code n extent [threads]}. Results: bench/tsne/RESULTS.md.
 */
public final class RepulsionBench {

    private RepulsionBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        double extent = Double.parseDouble(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SplittableRandom random = new SplittableRandom(1);
        double[][] centres = new double[20][2];
        for (double[] c : centres) {
            c[0] = (random.nextDouble() - 0.5) * extent * 0.8;
            c[1] = (random.nextDouble() - 0.5) * extent * 0.8;
        }
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % 20];
            y[2 * i] = c[0] + extent / 40 * gaussian(random);
            y[2 * i + 1] = c[1] + extent / 40 * gaussian(random);
        }
        try (Workers workers = new Workers(threads)) {
            double[] bhForce = new double[2 * n];
            double[] fftForce = new double[2 * n];
            RepulsiveForces bh = new BarnesHutRepulsion(n, 0.5, workers);
            RepulsiveForces fft = new FftRepulsion(n, workers);
            double bhZ = time("Barnes-Hut", bh, y, bhForce);
            double fftZ = time("FFT interpolation", fft, y, fftForce);
            double err = 0;
            double norm = 0;
            for (int c = 0; c < 2 * n; c++) {
                err += (fftForce[c] - bhForce[c]) * (fftForce[c] - bhForce[c]);
                norm += bhForce[c] * bhForce[c];
            }
            System.out.printf("n=%d extent=%.0f: Z relative difference %.2e, force relative difference %.2e%n",
                    n, extent, Math.abs(fftZ - bhZ) / bhZ, Math.sqrt(err / norm));
        }
    }

    private static double time(String name, RepulsiveForces forces, double[] y, double[] out) {
        double z = 0;
        for (int warm = 0; warm < 5; warm++) {
            z = forces.compute(y, out);
        }
        int reps = 20;
        long c0 = dev.fusionlab.project.bench.KnnBench.cpuNanos();
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            z = forces.compute(y, out);
        }
        System.out.printf("  %-18s %7.2f ms wall %7.2f ms cpu per call%n", name, (System.nanoTime() - t0) / 1e6 / reps,
                (dev.fusionlab.project.bench.KnnBench.cpuNanos() - c0) / 1e6 / reps);
        return z;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
