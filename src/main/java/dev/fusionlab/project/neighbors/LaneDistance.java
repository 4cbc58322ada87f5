package dev.fusionlab.project.neighbors;

/**
 * Squared euclidean distance as NN-descent computes it, defined lane by lane so that a SIMD
 * implementation and a plain loop give the same bits: dimension {@code j} (below the last multiple of
 * 16) is added, in order of {@code j}, to partial sum {@code j mod 16}; partial sums {@code l} and
 * {@code l + 8} are added, then the eight results pairwise in a fixed tree, then the remaining
 * dimensions one by one. Every step is one IEEE single-precision operation (no fused multiply-add),
 * so the value depends neither on the CPU nor on which implementation ran it. The dot product of the
 * random projection trees is defined the same way.
 *
 * <p>With the JDK's incubating Vector API ({@code --add-modules jdk.incubator.vector}, which the
 * launcher, the installer and the tests pass) the sums run as two 8-lane vectors, about 3-4x faster on
 * 384 dimensions; without it, or on a CPU whose vectors are narrower than 256 bits, the plain loop
 * gives the same result more slowly.
 */
final class LaneDistance {

    static final int LANES = 8;
    private static final int STEP = 2 * LANES;

    /** Whether the vector implementation runs ({@code -Dfusionlab.vector=false} turns it off). */
    static final boolean VECTORISED = vectorApiAvailable();

    private LaneDistance() {
    }

    static float squaredEuclidean(float[] a, float[] b) {
        return VECTORISED ? VectorLaneDistance.squaredEuclidean(a, b) : plain(a, b);
    }

    /** Dot product in the same lane order as the distance (the random projection trees' hyperplane test). */
    static float dot(float[] a, float[] b) {
        return VECTORISED ? VectorLaneDistance.dot(a, b) : plainDot(a, b);
    }

    static float plainDot(float[] a, float[] b) {
        int d = a.length;
        float[] sum = new float[STEP];
        int j = 0;
        for (; j + STEP <= d; j += STEP) {
            for (int l = 0; l < STEP; l++) {
                sum[l] = sum[l] + a[j + l] * b[j + l];
            }
        }
        float[] v = new float[LANES];
        for (int l = 0; l < LANES; l++) {
            v[l] = sum[l] + sum[l + LANES];
        }
        float s = reduce(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        for (; j < d; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** The defining loop. */
    static float plain(float[] a, float[] b) {
        int d = a.length;
        float[] sum = new float[STEP];
        int j = 0;
        for (; j + STEP <= d; j += STEP) {
            for (int l = 0; l < STEP; l++) {
                float t = a[j + l] - b[j + l];
                sum[l] = sum[l] + t * t;
            }
        }
        float[] v = new float[LANES];
        for (int l = 0; l < LANES; l++) {
            v[l] = sum[l] + sum[l + LANES];
        }
        float s = reduce(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        for (; j < d; j++) {
            float t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }

    static float reduce(float v0, float v1, float v2, float v3, float v4, float v5, float v6, float v7) {
        return ((v0 + v1) + (v2 + v3)) + ((v4 + v5) + (v6 + v7));
    }

    private static boolean vectorApiAvailable() {
        if (!Boolean.parseBoolean(System.getProperty("fusionlab.vector", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorLaneDistance.supported();
        } catch (LinkageError e) {
            return false;
        }
    }
}
