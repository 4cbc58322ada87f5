package dev.fusionlab.encode;

import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An encoder whose {@link EncoderIdentity} is known up front and whose model is loaded only
 * when something must really be encoded. Behind a {@link CachingEncoder}, a run whose inputs are all
 * cached never loads the network at all (seconds saved for TorchScript, and no native memory).
 * When the model is finally opened, its identity (input pipeline included) is checked against the
 * announced one.
 */
public final class LazyEncoder<I> implements Encoder<I> {

    /** Opens the real encoder; may do I/O. */
    @FunctionalInterface
    public interface Opener<I> {
        Encoder<I> open() throws IOException;
    }

    private final EncoderIdentity identity;
    private final Opener<I> opener;
    private Encoder<I> delegate;

    /** @param identity what {@code opener} will open, announced now so the cache can be consulted first */
    public LazyEncoder(EncoderIdentity identity, Opener<I> opener) {
        this.identity = identity;
        this.opener = opener;
    }

    @Override
    public EncoderIdentity identity() {
        return identity;
    }

    /** True once the model has been loaded. */
    public synchronized boolean opened() {
        return delegate != null;
    }

    @Override
    public synchronized EncodeResult encode(List<I> inputs, TaskContext ctx) {
        if (inputs.isEmpty()) {
            return new EncodeResult.Builder(0).build();
        }
        return open().encode(inputs, ctx);
    }

    private Encoder<I> open() {
        if (delegate == null) {
            Encoder<I> real;
            try {
                real = opener.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open encoder " + id() + ": " + e.getMessage(), e);
            }
            if (!real.identity().equals(identity)) {
                real.close();
                throw new IllegalStateException("encoder " + id() + " announced weights " + weightsSha256()
                        + " / dimension " + dimension() + " / pipeline " + pipeline() + " but loaded "
                        + real.weightsSha256() + " / " + real.dimension() + " / " + real.pipeline());
            }
            delegate = real;
        }
        return delegate;
    }

    @Override
    public synchronized void close() {
        if (delegate != null) {
            delegate.close();
            delegate = null;
        }
    }
}
