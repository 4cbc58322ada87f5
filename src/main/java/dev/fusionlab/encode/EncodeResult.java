package dev.fusionlab.encode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vectors of one {@link Encoder#encode} call, index-aligned with its inputs, and for each input
 * that could not be encoded the reason why. Exactly one of vector/failure exists per index.
 */
public final class EncodeResult {

    /** Why the input at {@code index} has no vector, in words a user can act on. */
    public record Failure(int index, String reason) {
    }

    private final float[][] vectors;
    private final String[] reasons;

    private EncodeResult(float[][] vectors, String[] reasons) {
        this.vectors = vectors;
        this.reasons = reasons;
    }

    public int size() {
        return vectors.length;
    }

    public boolean succeeded(int index) {
        return vectors[index] != null;
    }

    /** @throws IllegalStateException when that input failed (the message carries the reason) */
    public float[] vector(int index) {
        if (vectors[index] == null) {
            throw new IllegalStateException("input " + index + " has no embedding: " + reasons[index]);
        }
        return vectors[index];
    }

    public Optional<String> failure(int index) {
        return Optional.ofNullable(reasons[index]);
    }

    public List<Failure> failures() {
        List<Failure> list = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] != null) {
                list.add(new Failure(i, reasons[i]));
            }
        }
        return list;
    }

    public boolean allSucceeded() {
        return Arrays.stream(reasons).allMatch(Objects::isNull);
    }

    /** Collects per-item outcomes; every index must be set exactly once before {@link #build()}. */
    public static final class Builder {

        private final float[][] vectors;
        private final String[] reasons;

        public Builder(int size) {
            vectors = new float[size][];
            reasons = new String[size];
        }

        public Builder succeed(int index, float[] vector) {
            vectors[index] = Objects.requireNonNull(vector, "vector");
            reasons[index] = null;
            return this;
        }

        public Builder fail(int index, String reason) {
            vectors[index] = null;
            reasons[index] = Objects.requireNonNull(reason, "reason");
            return this;
        }

        public EncodeResult build() {
            for (int i = 0; i < vectors.length; i++) {
                if (vectors[i] == null && reasons[i] == null) {
                    throw new IllegalStateException("no outcome recorded for input " + i);
                }
            }
            return new EncodeResult(vectors, reasons);
        }
    }
}
