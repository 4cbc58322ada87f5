package dev.fusionlab.project.neighbors;

import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Approximate neighbours by NN-descent (Dong, Moses and Li 2011): a neighbour of a neighbour is
 * probably a neighbour, so each iteration compares the sampled neighbours (and reverse neighbours)
 * of every point with one another and keeps the closer pairs. A random projection forest provides
 * the starting graph. Deterministic for a given seed whatever the number of threads.
 */
final class NnDescent {

    private static final int TREES = 4;
    /**
     * Candidates sampled per point and iteration; PyNNDescent uses up to 60. With 16 (and DELTA 0.02)
     * 70 000 x 50, k = 91 takes 20.5 s CPU at recall 0.9905, against 27 s at 0.9995 with 24 (and 0.005):
     * bench/tsne/RESULTS.md. t-SNE and UMAP need no more than that recall.
     */
    private static final int MAX_CANDIDATES = 16;
    /** Stop when fewer than this fraction of all slots changed in an iteration (PyNNDescent: 0.001). */
    private static final double DELTA = 0.02;

    /** The input rows copied in the leaf order of the first tree, so that near points lie near in memory. */
    private float[][] rows;
    /** {@code order[p]}: input index of the row stored at position p; all work is done on positions. */
    private int[] order;
    private final int n;
    private final int k;
    private final long seed;
    private final Workers workers;
    private final TaskContext ctx;
    private final NeighborHeaps heaps;

    private NnDescent(float[][] rows, int k, long seed, Workers workers, TaskContext ctx) {
        this.rows = rows;
        this.n = rows.length;
        this.k = k;
        this.seed = seed;
        this.workers = workers;
        this.ctx = ctx;
        this.heaps = new NeighborHeaps(n, k);
    }

    /** Neighbours of every row; {@code cosine} says how to report the distances (see NeighborHeaps). */
    static KnnGraph search(float[][] rows, int k, boolean cosine, long seed, Workers workers, TaskContext ctx) {
        NnDescent search = new NnDescent(rows, k, seed, workers, ctx);
        search.initialise();
        search.descend();
        return search.heaps.toGraph(cosine, search.order);
    }

    private void initialise() {
        ctx.report("knn", 0, "growing " + TREES + " random projection trees");
        List<List<int[]>> forest = growForest();
        ctx.throwIfCancelled("knn");
        List<int[]> leaves = reorderRows(forest);
        ctx.throwIfCancelled("knn");
        ctx.report("knn", 0, "comparing the points of each leaf");
        workers.forRange(leaves.size(), 8, (from, to, worker) -> {
            for (int l = from; l < to; l++) {
                int[] leaf = leaves.get(l);
                for (int x = 0; x < leaf.length; x++) {
                    float[] a = rows[leaf[x]];
                    for (int y = x + 1; y < leaf.length; y++) {
                        offerPair(leaf[x], leaf[y], LaneDistance.squaredEuclidean(a, rows[leaf[y]]), 0);
                    }
                }
            }
        });
        fillWithRandomPoints();
    }

    private List<List<int[]>> growForest() {
        int leafSize = Math.min(256, Math.max(k + 1, 32));
        List<List<int[]>> forest = new ArrayList<>();
        for (int t = 0; t < TREES; t++) {
            forest.add(null);
        }
        workers.forRange(TREES, 1, (from, to, worker) -> {
            for (int t = from; t < to; t++) {
                forest.set(t, RandomProjectionForest.leaves(rows, leafSize, mix(seed, t, 0, 0)));
            }
        });
        return forest;
    }

    /**
     * Copies the rows in the leaf order of the first tree (close points then sit close in memory,
     * which roughly halves the time of the joins on large data) and returns every tree's leaves in
     * positions of that order.
     */
    private List<int[]> reorderRows(List<List<int[]>> forest) {
        order = new int[n];
        int position = 0;
        for (int[] leaf : forest.get(0)) {
            for (int i : leaf) {
                order[position++] = i;
            }
        }
        int[] positionOf = new int[n];
        float[][] local = new float[n][];
        for (int p = 0; p < n; p++) {
            positionOf[order[p]] = p;
            local[p] = rows[order[p]].clone();
        }
        rows = local;
        List<int[]> leaves = new ArrayList<>();
        for (List<int[]> tree : forest) {
            for (int[] leaf : tree) {
                int[] mapped = new int[leaf.length];
                for (int x = 0; x < leaf.length; x++) {
                    mapped[x] = positionOf[leaf[x]];
                }
                leaves.add(mapped);
            }
        }
        return leaves;
    }

    /** Rows that the trees left short (tiny leaves) get random neighbours so every heap is full. */
    private void fillWithRandomPoints() {
        for (int i = 0; i < n; i++) {
            if (heaps.index[i * k] >= 0) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(mix(seed, -1, i, 0));
            while (heaps.index[i * k] < 0) {
                int j = random.nextInt(n);
                if (j != i) {
                    heaps.push(i, j, LaneDistance.squaredEuclidean(rows[i], rows[j]), 0);
                }
            }
        }
    }

    private void descend() {
        int maxIterations = Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
        int capacity = Math.min(k, MAX_CANDIDATES);
        CandidateLists fresh = new CandidateLists(n, capacity);
        CandidateLists old = new CandidateLists(n, capacity);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            ctx.throwIfCancelled("knn");
            ctx.report("knn", (double) iteration / maxIterations, "NN-descent iteration " + iteration);
            sample(iteration, fresh, old);
            int it = iteration;
            workers.forRange(n, 256, (from, to, worker) -> {
                for (int i = from; i < to; i++) {
                    join(i, fresh, old, it);
                }
            });
            long updates = heaps.updatesIn(iteration);
            ctx.report("knn", (double) iteration / maxIterations, String.format(java.util.Locale.ROOT,
                    "NN-descent iteration %d: %.2f%% of the neighbours changed", iteration, 100.0 * updates / ((long) n * k)));
            if (updates <= DELTA * n * k) {
                break;
            }
        }
    }

    /** Samples new and old candidates (forward and reverse) and marks the sampled new ones as old. */
    private void sample(int iteration, CandidateLists fresh, CandidateLists old) {
        fresh.clear();
        old.clear();
        for (int i = 0; i < n; i++) {
            for (int m = i * k, end = m + k; m < end; m++) {
                int j = heaps.index[m];
                float p = priority(iteration, i, j);
                CandidateLists target = heaps.fresh[m] ? fresh : old;
                target.offer(i, j, p);
                target.offer(j, i, p);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int m = i * k, end = m + k; m < end; m++) {
                int j = heaps.index[m];
                if (heaps.fresh[m] && fresh.kept(i, j, priority(iteration, i, j))) {
                    heaps.fresh[m] = false;
                }
            }
        }
    }

    /** Local join around point {@code i}: new-new and new-old candidate pairs. */
    private void join(int i, CandidateLists fresh, CandidateLists old, int iteration) {
        int cap = fresh.capacity;
        int newBase = i * cap;
        int newCount = fresh.count[i];
        int oldCount = old.count[i];
        for (int x = 0; x < newCount; x++) {
            int a = fresh.index[newBase + x];
            float[] ra = rows[a];
            for (int y = x + 1; y < newCount; y++) {
                int b = fresh.index[newBase + y];
                offerPair(a, b, LaneDistance.squaredEuclidean(ra, rows[b]), iteration);
            }
            for (int y = 0; y < oldCount; y++) {
                int b = old.index[newBase + y];
                if (b != a) {
                    offerPair(a, b, LaneDistance.squaredEuclidean(ra, rows[b]), iteration);
                }
            }
        }
    }

    private void offerPair(int a, int b, float d, int iteration) {
        heaps.pushShared(a, b, d, iteration);
        heaps.pushShared(b, a, d, iteration);
    }

    /** Symmetric pseudo-random priority of the pair (i, j) in an iteration, in [0, 1). */
    private float priority(int iteration, int i, int j) {
        long h = mix(seed, iteration, Math.min(i, j), Math.max(i, j));
        return (h >>> 40) * 0x1.0p-24f;
    }

    private static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L + a;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL + c;
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        return h ^ (h >>> 32);
    }
}
