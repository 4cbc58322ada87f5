package dev.fusionlab.project;

import dev.fusionlab.task.TaskContext;
import java.util.concurrent.Flow;
import smile.manifold.TSNE;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Exact t-SNE through Smile, after a PCA to at most 50 dimensions (the usual pre-reduction). Its cost grows
 * with the square of the number of points, so it refuses inputs above {@link #MAX_POINTS}: a caller gets a
 * clear message instead of a run that takes many minutes. Interim: replaced by the Barnes-Hut / FFT t-SNE of
 * {@code dev.fusionlab.project.tsne} at integration.
 */
final class SmileExactTsne {

    /** Above this, exact t-SNE takes minutes (5,000 points: about a minute on 2 cores). */
    static final int MAX_POINTS = 5_000;
    private static final int MAX_ITERATIONS = 1000;
    private static final int PRE_REDUCTION = 50;
    private static final String STAGE = "tsne";

    private SmileExactTsne() {
    }

    static double[][] project(float[][] data, ProjectionParams params, TaskContext ctx) {
        if (data.length > MAX_POINTS) {
            throw new IllegalArgumentException("exact t-SNE is limited to " + MAX_POINTS + " points (its time grows"
                    + " with the square of the count and would take many minutes); got " + data.length
                    + " points: use UMAP or PCA for this data set");
        }
        if (data.length < 4) {
            return new double[data.length][2];
        }
        int dimensions = Math.min(PRE_REDUCTION, Math.min(data.length, data[0].length));
        double[][] reduced = dev.fusionlab.project.pca.Pca.fit(data, params.pca(dimensions), TaskContext.silent())
                .scores();
        double perplexity = Math.min(params.tsnePerplexity(), (data.length - 1) / 3.0);
        // status reports are delivered on the calling thread: the default controller starts a non-daemon
        // thread that would keep the JVM alive after the run
        try (IterativeAlgorithmController<AlgoStatus> controller =
                     new IterativeAlgorithmController<>(Runnable::run, 64)) {
            controller.subscribe(new ProgressRelay(controller, ctx));
            var defaults = new TSNE.Options(2, perplexity, 200, 12, MAX_ITERATIONS);
            var options = new TSNE.Options(2, perplexity, defaults.eta(), defaults.earlyExaggeration(),
                    MAX_ITERATIONS, MAX_ITERATIONS, defaults.tol(), defaults.momentum(), defaults.finalMomentum(),
                    defaults.momentumSwitchIter(), defaults.minGain(), controller);
            double[][] coordinates = TSNE.fit(reduced, options).coordinates();
            ctx.throwIfCancelled(STAGE);
            ctx.report(STAGE, 1, "done");
            return coordinates;
        }
    }

    /** Turns Smile's iteration reports into progress, and a cancellation into a stop request. */
    private record ProgressRelay(IterativeAlgorithmController<AlgoStatus> controller, TaskContext ctx)
            implements Flow.Subscriber<AlgoStatus> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(AlgoStatus status) {
            if (ctx.cancellation().isCancelled()) {
                controller.stop();
            }
            ctx.report(STAGE, (double) status.iteration() / MAX_ITERATIONS, "iteration " + status.iteration());
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }
    }
}
