package dev.fusionlab.generate;

import dev.fusionlab.encode.BundledModels;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A dataset with its trained multimodal VAE, ready to generate and to be measured: what the CLI's
 * {@code generate} command and the workbench both start from. {@link #prepare} encodes the dataset
 * through the {@link Pipeline} (embeddings from the cache after a first run), reads the images as pixels
 * and takes the model from the {@link MvaeStore} when one was trained on the same data, encoders,
 * settings and seed; otherwise it trains one and saves it. Close it to release the model.
 *
 * @param config     the run's dataset, encoders, classifier and seed
 * @param encoded    the dataset as encoded
 * @param data       the samples the model saw, with pixels and embeddings
 * @param mvae       the trained model
 * @param cacheKey   its key in the store
 * @param fromCache  whether it was loaded rather than trained in this call
 * @param millis     wall time of this call (encoding, reading, training or loading)
 */
public record Generation(RunConfig config, EncodedDataset encoded, GenerativeData data, Mvae mvae, String cacheKey,
                         boolean fromCache, long millis) implements AutoCloseable {

    /** The default store: {@code <FusionLab cache>/generative}. */
    public static MvaeStore defaultStore() {
        return new MvaeStore(BundledModels.cacheRoot().resolve("generative"));
    }

    /**
     * @throws IllegalArgumentException when the dataset has no usable sample or fewer than 2 training pairs
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    public static Generation prepare(Pipeline pipeline, RunConfig config, MvaeSpec spec, MvaeStore store,
                                     TaskContext ctx) {
        long start = System.nanoTime();
        EncodedDataset encoded = pipeline.encode(config, ctx);
        GenerativeData data = GenerativeData.of(encoded, spec.imageSize(), ctx);
        if (data.size() == 0) {
            throw new IllegalArgumentException(Pipeline.datasetPath(config) + ": no usable sample ("
                    + (encoded.problems().size() + data.problems().size()) + " skipped)");
        }
        String key = MvaeStore.key(data.fingerprint(), encoderKey(encoded, "image"), encoderKey(encoded, "text"), spec);
        Optional<Mvae> cached = store.load(key);
        Mvae mvae;
        if (cached.isPresent()) {
            mvae = cached.get();
            ctx.report(MvaeTrainer.STAGE, 1, "taken from the cache (" + store.folder(key) + ")");
        } else {
            mvae = Mvae.train(data, spec, config.textEncoder(), ctx);
            try {
                store.save(key, mvae);
            } catch (IOException e) {
                mvae.close();
                throw new UncheckedIOException("cannot save the trained model to " + store.folder(key) + ": "
                        + e.getMessage(), e);
            }
        }
        return new Generation(config, encoded, data, mvae, key, cached.isPresent(), (System.nanoTime() - start) / 1_000_000);
    }

    private static String encoderKey(EncodedDataset encoded, String modality) {
        return encoded.encoders().stream().filter(e -> e.modality().equals(modality))
                .map(e -> e.id() + "@" + e.weightsSha256()).findFirst().orElse(modality + ":unknown");
    }

    /** Where the model is stored. */
    public Path modelFolder(MvaeStore store) {
        return store.folder(cacheKey);
    }

    @Override
    public void close() {
        mvae.close();
    }
}
