package dev.fusionlab.project.neighbors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneDistance}'s sums on the Vector API: a fixed 256-bit species (never the CPU's preferred
 * one, whose width would change the lanes) and a lane reduction written out in a fixed order, since
 * {@code reduceLanes} leaves the order of its float additions unspecified. Loaded only when the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorLaneDistance {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
    private static final int STEP = 2 * LaneDistance.LANES;

    private VectorLaneDistance() {
    }

    /** Whether the CPU runs 256-bit float vectors natively (otherwise the plain loop is faster). */
    static boolean supported() {
        return SPECIES.length() == LaneDistance.LANES && FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    static float squaredEuclidean(float[] a, float[] b) {
        int d = a.length;
        FloatVector low = FloatVector.zero(SPECIES);
        FloatVector high = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j + STEP <= d; j += STEP) {
            FloatVector t = FloatVector.fromArray(SPECIES, a, j).sub(FloatVector.fromArray(SPECIES, b, j));
            low = low.add(t.mul(t));
            FloatVector u = FloatVector.fromArray(SPECIES, a, j + 8).sub(FloatVector.fromArray(SPECIES, b, j + 8));
            high = high.add(u.mul(u));
        }
        FloatVector v = low.add(high);
        float s = LaneDistance.reduce(v.lane(0), v.lane(1), v.lane(2), v.lane(3),
                v.lane(4), v.lane(5), v.lane(6), v.lane(7));
        for (; j < d; j++) {
            float t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }

    static float dot(float[] a, float[] b) {
        int d = a.length;
        FloatVector low = FloatVector.zero(SPECIES);
        FloatVector high = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j + STEP <= d; j += STEP) {
            low = low.add(FloatVector.fromArray(SPECIES, a, j).mul(FloatVector.fromArray(SPECIES, b, j)));
            high = high.add(FloatVector.fromArray(SPECIES, a, j + 8).mul(FloatVector.fromArray(SPECIES, b, j + 8)));
        }
        FloatVector v = low.add(high);
        float s = LaneDistance.reduce(v.lane(0), v.lane(1), v.lane(2), v.lane(3),
                v.lane(4), v.lane(5), v.lane(6), v.lane(7));
        for (; j < d; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
