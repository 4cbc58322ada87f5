package dev.fusionlab.pipeline;

import dev.fusionlab.align.JointSpace;
import dev.fusionlab.project.neighbors.Distances;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The nearest samples of one sample of a run in the image, text, fused and joint spaces, by an exact
 * scan (n rows per space: fine for one query at a time). Distances are cosine distances, the usual
 * measure for encoder embeddings. A sample's point in the joint space is the normalised sum of its
 * image's and its caption's joint embeddings: where the pair sits in the space they share.
 *
 * <p>The unit-length rows of each space are made once per run, on first use, and kept; the class is safe
 * to call from one background thread at a time.
 */
public final class SampleNeighbours {

    private final RunResult run;
    private final Map<NeighbourSpace, float[][]> unitRows = new EnumMap<>(NeighbourSpace.class);

    public SampleNeighbours(RunResult run) {
        this.run = run;
    }

    public RunResult run() {
        return run;
    }

    /**
     * @param row the query sample's row
     * @param k   neighbours per space (the sample itself excluded); fewer when the run is smaller
     */
    public NeighbourLists of(int row, int k, TaskContext ctx) {
        int n = run.samples().size();
        if (row < 0 || row >= n) {
            throw new IllegalArgumentException("row " + row + " is not in the run (" + n + " samples)");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Map<NeighbourSpace, List<NeighbourLists.Neighbour>> lists = new EnumMap<>(NeighbourSpace.class);
        NeighbourSpace[] spaces = NeighbourSpace.values();
        for (int s = 0; s < spaces.length; s++) {
            ctx.throwIfCancelled("neighbours");
            ctx.report("neighbours", s / (double) spaces.length, spaces[s].key() + " space");
            float[][] rows = rows(spaces[s], ctx);
            if (rows != null) {
                lists.put(spaces[s], nearest(rows, row, Math.min(k, n - 1)));
            }
        }
        ctx.report("neighbours", 1, "done");
        return new NeighbourLists(row, k, lists);
    }

    private synchronized float[][] rows(NeighbourSpace space, TaskContext ctx) {
        if (unitRows.containsKey(space)) {
            return unitRows.get(space);
        }
        float[][] rows = switch (space) {
            case IMAGE -> unit(run.embeddings().get(Space.IMAGE));
            case TEXT -> unit(run.embeddings().get(Space.TEXT));
            case FUSED -> unit(run.embeddings().get(Space.FUSED));
            case JOINT -> joint(ctx);
        };
        unitRows.put(space, rows);
        return rows;
    }

    private float[][] joint(TaskContext ctx) {
        JointSpace js = run.jointSpace();
        float[][] images = run.embeddings().get(Space.IMAGE), texts = run.embeddings().get(Space.TEXT);
        if (js == null || images == null || texts == null) {
            return null;
        }
        float[][] out = new float[images.length][];
        for (int i = 0; i < out.length; i++) {
            if (i % 1024 == 0) {
                ctx.throwIfCancelled("neighbours");
            }
            float[] a = js.embedImage(images[i]), b = js.embedText(texts[i]);
            float[] sum = new float[a.length];
            for (int d = 0; d < sum.length; d++) {
                sum[d] = a[d] + b[d];
            }
            out[i] = sum;
        }
        return Distances.normalizedRows(out);
    }

    private static float[][] unit(float[][] rows) {
        return rows == null ? null : Distances.normalizedRows(rows);
    }

    /** The k rows with the highest dot product with row q (q excluded), closest first; ties by lower row. */
    static List<NeighbourLists.Neighbour> nearest(float[][] unitRows, int q, int k) {
        float[] query = unitRows[q];
        PriorityQueue<double[]> worstFirst = new PriorityQueue<>((x, y) -> x[0] != y[0]
                ? Double.compare(y[0], x[0]) : Double.compare(y[1], x[1]));
        for (int j = 0; j < unitRows.length; j++) {
            if (j == q) {
                continue;
            }
            double dot = 0;
            float[] r = unitRows[j];
            for (int d = 0; d < r.length; d++) {
                dot += query[d] * r[d];
            }
            double distance = Math.max(0, 1 - dot);
            if (worstFirst.size() < k) {
                worstFirst.add(new double[] {distance, j});
            } else if (distance < worstFirst.peek()[0]) {
                worstFirst.poll();
                worstFirst.add(new double[] {distance, j});
            }
        }
        List<NeighbourLists.Neighbour> out = new ArrayList<>(worstFirst.size());
        while (!worstFirst.isEmpty()) {
            double[] e = worstFirst.poll();
            out.add(new NeighbourLists.Neighbour((int) e[1], e[0]));
        }
        java.util.Collections.reverse(out);
        return out;
    }
}
