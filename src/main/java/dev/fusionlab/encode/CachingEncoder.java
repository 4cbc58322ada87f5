package dev.fusionlab.encode;

import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps an encoder with an {@link EmbeddingCache}: inputs whose content was encoded before (by the
 * same encoder identity: id, weights and input pipeline) are answered from disk, only the rest reach
 * the wrapped encoder, in one call. Identical contents within one call are encoded once. Closing closes
 * the wrapped encoder and the cache.
 */
public final class CachingEncoder<I> implements Encoder<I> {

    private final Encoder<I> inner;
    private final EmbeddingCache cache;
    private final ContentKey<I> contentKey;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingEncoder(Encoder<I> inner, EmbeddingCache cache, ContentKey<I> contentKey) {
        if (cache.dimension() != inner.dimension()) {
            throw new IllegalArgumentException("cache dimension " + cache.dimension() + " != encoder dimension "
                    + inner.dimension());
        }
        this.inner = inner;
        this.cache = cache;
        this.contentKey = contentKey;
    }

    @Override
    public EncodeResult encode(List<I> inputs, TaskContext ctx) {
        EncodeResult.Builder result = new EncodeResult.Builder(inputs.size());
        Map<String, List<Integer>> missesByContent = new HashMap<>();
        List<I> toEncode = new ArrayList<>();
        List<byte[]> toEncodeKeys = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            byte[] key;
            try {
                key = contentKey.sha256(inputs.get(i));
            } catch (IOException e) {
                result.fail(i, inputs.get(i) + ": cannot read (" + e.getMessage() + ")");
                continue;
            }
            float[] cached = cache.get(key);
            if (cached != null) {
                hits.incrementAndGet();
                result.succeed(i, cached);
                continue;
            }
            misses.incrementAndGet();
            List<Integer> same = missesByContent.computeIfAbsent(HexFormat.of().formatHex(key),
                    k -> new ArrayList<>());
            if (same.isEmpty()) {
                toEncode.add(inputs.get(i));
                toEncodeKeys.add(key);
            }
            same.add(i);
        }
        if (toEncode.isEmpty()) {
            ctx.report("encode-" + modality().name().toLowerCase(Locale.ROOT), 1.0,
                    "all " + inputs.size() + " from cache");
            return result.build();
        }
        EncodeResult fresh = inner.encode(toEncode, ctx);
        List<byte[]> newKeys = new ArrayList<>();
        List<float[]> newVectors = new ArrayList<>();
        for (int k = 0; k < toEncode.size(); k++) {
            byte[] key = toEncodeKeys.get(k);
            List<Integer> targets = missesByContent.get(HexFormat.of().formatHex(key));
            if (fresh.succeeded(k)) {
                float[] vector = fresh.vector(k);
                newKeys.add(key);
                newVectors.add(vector);
                targets.forEach(i -> result.succeed(i, vector.clone()));
            } else {
                String reason = fresh.failure(k).orElseThrow();
                targets.forEach(i -> result.fail(i, reason));
            }
        }
        try {
            cache.putAll(newKeys.toArray(byte[][]::new), newVectors.toArray(float[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + cache.file(), e);
        }
        return result.build();
    }

    /** Inputs answered from the cache since this wrapper was created. */
    public long hits() {
        return hits.get();
    }

    /** Inputs that had to be encoded since this wrapper was created. */
    public long misses() {
        return misses.get();
    }

    @Override
    public EncoderIdentity identity() {
        return inner.identity();
    }

    @Override
    public void close() {
        try {
            cache.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inner.close();
        }
    }
}
