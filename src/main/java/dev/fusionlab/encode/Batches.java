package dev.fusionlab.encode;

import dev.fusionlab.task.TaskContext;

/** Walks {@code [0, count)} in fixed-size batches, checking cancellation before and reporting after each. */
final class Batches {

    /** Work on the inputs {@code [from, to)}. */
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    private Batches() {
    }

    static void run(int count, int batchSize, String stage, TaskContext ctx, Body body) {
        int total = (count + batchSize - 1) / batchSize;
        for (int b = 0; b < total; b++) {
            ctx.throwIfCancelled(stage);
            int from = b * batchSize;
            body.run(from, Math.min(count, from + batchSize));
            ctx.report(stage, (b + 1) / (double) total, "batch " + (b + 1) + "/" + total);
        }
        if (total == 0) {
            ctx.report(stage, 1.0, "nothing to encode");
        }
    }

    static int checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        return batchSize;
    }
}
