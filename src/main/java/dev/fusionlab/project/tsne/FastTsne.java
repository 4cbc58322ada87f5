package dev.fusionlab.project.tsne;

import dev.fusionlab.project.neighbors.KnnGraph;
import dev.fusionlab.project.neighbors.Metric;
import dev.fusionlab.project.neighbors.NearestNeighbors;
import dev.fusionlab.project.Workers;
import dev.fusionlab.project.pca.Pca;
import dev.fusionlab.project.pca.PcaParams;
import dev.fusionlab.task.TaskContext;
import java.util.SplittableRandom;

/**
 * t-SNE for tens of thousands of points: sparse perplexity-calibrated affinities over approximate
 * nearest neighbours, attractive forces over those sparse affinities, repulsive forces approximated
 * either by a Barnes-Hut quadtree (van der Maaten 2014) or, for large n, by FFT-accelerated
 * interpolation (FIt-SNE, Linderman et al. 2019; see {@link RepulsionMethod}), gradient descent with
 * momentum and per-coordinate gains, early exaggeration, PCA initialisation. Multithreaded and
 * reproducible: the same data, parameters and seed give the same layout whatever the number of threads, on
 * any CPU. Across CPUs the neighbours and affinities are the same too; the PCA (start layout, and the
 * neighbour search's input when wider than 50 dimensions) agrees only to single-precision accuracy, as
 * OpenBLAS's kernels depend on the CPU, so the layouts may differ while their quality agrees (see
 * docs/reproducibility.md; the system property {@code fusionlab.pca.java} makes them bit-identical).
 *
 * <p>Progress goes to stage {@code "tsne"}; cancellation is polled every iteration.
 */
public final class FastTsne {

    private static final String STAGE = "tsne";
    private static final double INITIAL_SCALE = 1e-4;
    private static final double MIN_GAIN = 0.01;
    private static final double EARLY_MOMENTUM = 0.5;
    private static final double FINAL_MOMENTUM = 0.8;

    /**
     * From this many points {@link RepulsionMethod#AUTO} uses FFT interpolation instead of Barnes-Hut.
     * Measured on 2 cores (bench/tsne/RESULTS.md): at 5 000 points the quadtree is 2.5x cheaper than
     * the fixed FFT grid; at 20 000 FFT interpolation is 1.5x cheaper per iteration but its layout has a
     * 2% higher KL, and Barnes-Hut already runs well inside the time target there; at 70 000 FFT
     * interpolation is 3x cheaper and needed for the target.
     */
    public static final int AUTO_FFT_THRESHOLD = 25_000;

    private FastTsne() {
    }

    /**
     * @param data     n rows of equal length (n &gt;= 4), finite values
     * @param params   settings, see {@link TsneParams#defaults()}
     * @param ctx      progress and cancellation
     * @param listener receives snapshots of the layout while it forms
     * @return the n x 2 layout and its final KL divergence
     */
    public static TsneResult fit(float[][] data, TsneParams params, TaskContext ctx, IterationListener listener) {
        if (data == null || data.length < 4) {
            throw new IllegalArgumentException("t-SNE needs at least 4 points, got "
                    + (data == null ? 0 : data.length));
        }
        int n = data.length;
        int k = Math.min(n - 1, (int) (3 * params.perplexity()) + 1);
        double perplexity = Math.min(params.perplexity(), k / 3.0);
        try (Workers workers = new Workers(params.threads())) {
            ctx.report(STAGE, 0, "preparing input");
            float[][] input = data;
            float[][] principal = null;
            int d = data[0].length;
            if (params.pcaDimensions() > 0 && d > params.pcaDimensions()) {
                ctx.report(STAGE, 0, "PCA to " + params.pcaDimensions() + " dimensions");
                input = principalComponents(data, params.pcaDimensions(), params, ctx);
                principal = input;
            }
            ctx.throwIfCancelled(STAGE);
            KnnGraph graph = NearestNeighbors.search(input, k, Metric.EUCLIDEAN, params.seed(), workers.threads(), ctx);
            Affinities p = Affinities.fromNeighbors(graph, perplexity, workers);
            ctx.throwIfCancelled(STAGE);
            double[] y = initialLayout(data, principal, params, ctx);
            Optimizer optimizer = new Optimizer(p, y, params, workers);
            return optimizer.run(ctx, listener);
        }
    }

    /**
     * The first {@code components} principal-component scores, by the shared randomized PCA with two
     * power iterations: plenty for a neighbour search and a starting layout, and cheap.
     */
    private static float[][] principalComponents(float[][] data, int components, TsneParams params, TaskContext ctx) {
        double[][] scores = Pca.fit(data, new PcaParams(components, 10, 2, params.seed(), params.threads()), ctx).scores();
        float[][] out = new float[scores.length][components];
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < components; j++) {
                out[i][j] = (float) scores[i][j];
            }
        }
        return out;
    }

    private static double[] initialLayout(float[][] data, float[][] principal, TsneParams params, TaskContext ctx) {
        int n = data.length;
        double[] y = new double[2 * n];
        if (params.initialization() == TsneParams.Initialization.PCA && data[0].length >= 2) {
            float[][] scores = principal != null ? principal : principalComponents(data, 2, params, ctx);
            double mean = 0;
            for (float[] s : scores) {
                mean += s[0];
            }
            mean /= n;
            double var = 0;
            for (float[] s : scores) {
                var += (s[0] - mean) * (s[0] - mean);
            }
            double std = Math.sqrt(var / n);
            if (std > 0) {
                double scale = INITIAL_SCALE / std;
                for (int i = 0; i < n; i++) {
                    y[2 * i] = scores[i][0] * scale;
                    y[2 * i + 1] = scores[i][1] * scale;
                }
                return y;
            }
        }
        SplittableRandom random = new SplittableRandom(params.seed());
        for (int i = 0; i < 2 * n; i++) {
            y[i] = gaussian(random) * INITIAL_SCALE;
        }
        return y;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The gradient-descent state; every array is allocated once. */
    private static final class Optimizer {

        private final Affinities p;
        private final double[] y;
        private final TsneParams params;
        private final Workers workers;
        private final int n;
        private final double[] attraction;
        private final double[] repulsion;
        private final double[] update;
        private final double[] gains;
        private final RepulsiveForces repulsiveForces;
        private final float[] snapshot;

        Optimizer(Affinities p, double[] y, TsneParams params, Workers workers) {
            this.p = p;
            this.y = y;
            this.params = params;
            this.workers = workers;
            this.n = p.size();
            this.attraction = new double[2 * n];
            this.repulsion = new double[2 * n];
            this.update = new double[2 * n];
            this.gains = new double[2 * n];
            this.repulsiveForces = repulsiveForces(n, params, workers);
            this.snapshot = new float[2 * n];
        }

        private static RepulsiveForces repulsiveForces(int n, TsneParams params, Workers workers) {
            boolean fft = switch (params.repulsion()) {
                case BARNES_HUT -> false;
                case FFT_INTERPOLATION -> true;
                case AUTO -> n >= AUTO_FFT_THRESHOLD;
            };
            return fft ? new FftRepulsion(n, workers) : new BarnesHutRepulsion(n, params.theta(), workers);
        }

        TsneResult run(TaskContext ctx, IterationListener listener) {
            int total = params.iterations();
            double rate = params.effectiveLearningRate(n);
            int interval = Math.max(1, listener.snapshotInterval());
            java.util.Arrays.fill(gains, 1);
            for (int it = 0; it < total; it++) {
                ctx.throwIfCancelled(STAGE);
                boolean early = it < params.exaggerationIterations();
                if (it == params.exaggerationIterations()) {
                    // a new phase starts from rest, as in scikit-learn
                    java.util.Arrays.fill(update, 0);
                    java.util.Arrays.fill(gains, 1);
                }
                step(early ? params.earlyExaggeration() : 1, early ? EARLY_MOMENTUM : FINAL_MOMENTUM, rate);
                if ((it + 1) % interval == 0 || it + 1 == total) {
                    for (int i = 0; i < 2 * n; i++) {
                        snapshot[i] = (float) y[i];
                    }
                    listener.onSnapshot(it + 1, total, snapshot);
                }
                ctx.report(STAGE, (it + 1.0) / total, "iteration " + (it + 1) + "/" + total);
            }
            double kl = klDivergence();
            double[][] embedding = new double[n][2];
            for (int i = 0; i < n; i++) {
                embedding[i][0] = y[2 * i];
                embedding[i][1] = y[2 * i + 1];
            }
            return new TsneResult(embedding, kl, total);
        }

        private void step(double exaggeration, double momentum, double rate) {
            double z = forces();
            double invZ = 1 / z;
            workers.forRange(n, 4096, (from, to, worker) -> {
                for (int c = 2 * from; c < 2 * to; c++) {
                    double grad = 4 * (exaggeration * attraction[c] - repulsion[c] * invZ);
                    double u = update[c];
                    gains[c] = (u * grad < 0) ? gains[c] + 0.2 : Math.max(MIN_GAIN, gains[c] * 0.8);
                    u = momentum * u - rate * gains[c] * grad;
                    update[c] = u;
                    y[c] += u;
                }
            });
            recentre();
        }

        /** Computes attraction and repulsion for the current layout; returns the normalisation Z. */
        private double forces() {
            double z = repulsiveForces.compute(y, repulsion);
            workers.forRange(n, 1024, (from, to, worker) -> {
                for (int i = from; i < to; i++) {
                    double xi = y[2 * i];
                    double yi = y[2 * i + 1];
                    double fx = 0;
                    double fy = 0;
                    for (int e = p.rowStart[i], end = p.rowStart[i + 1]; e < end; e++) {
                        int j = p.columns[e];
                        double dx = xi - y[2 * j];
                        double dy = yi - y[2 * j + 1];
                        double w = p.values[e] / (1 + dx * dx + dy * dy);
                        fx += w * dx;
                        fy += w * dy;
                    }
                    attraction[2 * i] = fx;
                    attraction[2 * i + 1] = fy;
                }
            });
            return z;
        }

        private void recentre() {
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += y[2 * i];
                my += y[2 * i + 1];
            }
            mx /= n;
            my /= n;
            for (int i = 0; i < n; i++) {
                y[2 * i] -= mx;
                y[2 * i + 1] -= my;
            }
        }

        /** KL(P || Q) over the sparse P, with Z from the approximate repulsion sums. */
        private double klDivergence() {
            double z = forces();
            double kl = 0;
            for (int i = 0; i < n; i++) {
                for (int e = p.rowStart[i], end = p.rowStart[i + 1]; e < end; e++) {
                    double pij = p.values[e];
                    if (pij > 0) {
                        int j = p.columns[e];
                        double dx = y[2 * i] - y[2 * j];
                        double dy = y[2 * i + 1] - y[2 * j + 1];
                        double q = 1 / (1 + dx * dx + dy * dy) / z;
                        kl += pij * Math.log(pij / Math.max(q, Double.MIN_NORMAL));
                    }
                }
            }
            return kl;
        }
    }
}
