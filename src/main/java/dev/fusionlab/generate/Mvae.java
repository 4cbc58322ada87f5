package dev.fusionlab.generate;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fusionlab.data.Split;
import dev.fusionlab.task.TaskContext;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A trained multimodal variational autoencoder (MVAE, Wu &amp; Goodman 2018) over images (pixels) and
 * texts (sentence embeddings), with a joint latent space: the entry point for the workbench and the CLI.
 *
 * <ul>
 *   <li>{@link #generateImages}: text to image, the decoded posterior mean and samples of q(z|text);</li>
 *   <li>{@link #imputeTexts} and {@link #nearestCaptions}: image to text, a text embedding generated from
 *       q(z|image) and the captions nearest to it;</li>
 *   <li>{@link #imputeTexts} and {@link #generateImages} also impute a missing modality for a classifier;</li>
 *   <li>{@link #latents}: the joint latent space, one more space to project.</li>
 * </ul>
 *
 * <p>It holds the network in native memory: close it. Its methods are synchronised, so one instance can
 * serve a GUI and a worker thread. Everything here is deterministic: posterior means, and samples drawn
 * from a {@link Random} of the caller's seed.
 */
public final class Mvae implements AutoCloseable {

    private final Model model;
    private final MvaeNet net;
    private final ParameterStore store;
    private final TextScaler scaler;
    private final MvaeProvenance provenance;
    private final byte[] weights;

    private Mvae(byte[] weights, TextScaler scaler, MvaeProvenance provenance) {
        this.weights = weights.clone();
        this.scaler = scaler;
        this.provenance = provenance;
        MvaeSpec spec = provenance.spec();
        Model m = Model.newInstance("mvae", Device.cpu(), MvaeTrainer.ENGINE);
        try {
            net = new MvaeNet(spec.imageSize(), provenance.textDim(), spec.latentDim(), spec.hidden());
            m.setBlock(net);
            NDManager manager = m.getNDManager();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, spec.imageSize(), spec.imageSize()),
                    new Shape(1, provenance.textDim()));
            net.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(weights)));
            store = new ParameterStore(manager, false);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new IllegalArgumentException("the model's weights do not fit its settings: " + e.getMessage(), e);
        }
        model = m;
    }

    /**
     * Trains on the data's training rows, stopping early on its validation rows.
     *
     * @param textEncoder id of the encoder behind {@link GenerativeData#textEmbeddings()}, for the provenance
     * @throws IllegalArgumentException when the training split has fewer than 2 pairs
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    public static Mvae train(GenerativeData data, MvaeSpec spec, String textEncoder, TaskContext ctx) {
        int[] trainRows = data.rows(Split.TRAIN);
        if (trainRows.length < 2) {
            throw new IllegalArgumentException("a multimodal VAE needs at least 2 training pairs, the training split has "
                    + trainRows.length);
        }
        if (data.pixels()[0].length != spec.pixelCount()) {
            throw new IllegalArgumentException("images of " + PixelImages.sizeOf(data.pixels()[0])
                    + " px for a model of " + spec.imageSize() + " px");
        }
        TextScaler scaler = TextScaler.fit(data.textEmbeddings(), trainRows);
        MvaeTrainer.Trained trained = MvaeTrainer.train(data.pixels(), scaler.apply(data.textEmbeddings()), trainRows,
                data.rows(Split.VALIDATION), spec, textEncoder, ctx);
        return new Mvae(trained.weights(), scaler, trained.provenance());
    }

    /** A model from saved parts (see {@link MvaeStore}). */
    static Mvae of(byte[] weights, TextScaler scaler, MvaeProvenance provenance) {
        return new Mvae(weights, scaler, provenance);
    }

    public MvaeProvenance provenance() {
        return provenance;
    }

    public int imageSize() {
        return provenance.spec().imageSize();
    }

    public int latentDim() {
        return provenance.spec().latentDim();
    }

    byte[] weights() {
        return weights.clone();
    }

    TextScaler scaler() {
        return scaler;
    }

    /**
     * Text to image: the image decoded from the mean of q(z|text), then {@code samples} images decoded
     * from latents drawn from q(z|text) with a {@link Random} of {@code seed}.
     *
     * @param textEmbedding the text encoder's embedding of the description
     * @return {@code 1 + samples} images ({@link PixelImages} floats), the mean first
     */
    public synchronized List<float[]> generateImages(float[] textEmbedding, int samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray[] posterior = net.textExpert(store, scope.create(new float[][] {scaler.apply(textEmbedding)}), false);
            NDArray[] q = MvaeNet.productOfExperts(posterior);
            float[] mean = q[0].toFloatArray();
            float[] std = q[1].mul(0.5f).exp().toFloatArray();
            float[][] z = new float[1 + samples][];
            z[0] = mean;
            Random random = new Random(seed);
            for (int s = 1; s <= samples; s++) {
                z[s] = new float[mean.length];
                for (int d = 0; d < mean.length; d++) {
                    z[s][d] = (float) (mean[d] + std[d] * random.nextGaussian());
                }
            }
            return Arrays.asList(decodePixels(scope, z));
        }
    }

    /** Text to image for many texts at once: the image decoded from the mean of q(z|text) of each. */
    public synchronized float[][] decodeTexts(float[][] textEmbeddings) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray[] q = MvaeNet.productOfExperts(net.textExpert(store, scope.create(scaler.apply(textEmbeddings)), false));
            return decodePixels(scope, rows(q[0]));
        }
    }

    /**
     * Image to text: for each image ({@link PixelImages} floats of {@link #imageSize()}), the text
     * embedding decoded from the mean of q(z|image), in the text encoder's space (unit length).
     */
    public synchronized float[][] imputeTexts(float[][] pixels) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray[] q = MvaeNet.productOfExperts(net.imageExpert(store, images(scope, pixels), false));
            float[][] standardised = rows(net.decodeText(store, q[0], false));
            float[][] out = new float[standardised.length][];
            for (int r = 0; r < out.length; r++) {
                out[r] = scaler.restore(standardised[r]);
            }
            return out;
        }
    }

    /** The joint latent space: the mean of q(z|image, text) of each pair. */
    public synchronized float[][] latents(float[][] pixels, float[][] textEmbeddings) {
        if (pixels.length != textEmbeddings.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + textEmbeddings.length + " texts");
        }
        float[][] out = new float[pixels.length][];
        int batch = 256;
        for (int from = 0; from < pixels.length; from += batch) {
            int to = Math.min(pixels.length, from + batch);
            try (NDManager scope = model.getNDManager().newSubManager()) {
                NDArray[] image = net.imageExpert(store, images(scope, Arrays.copyOfRange(pixels, from, to)), false);
                NDArray[] text = net.textExpert(store,
                        scope.create(scaler.apply(Arrays.copyOfRange(textEmbeddings, from, to))), false);
                float[][] means = rows(MvaeNet.productOfExperts(image, text)[0]);
                System.arraycopy(means, 0, out, from, means.length);
            }
        }
        return out;
    }

    /** One caption found by {@link #nearestCaptions}: its row and cosine similarity. */
    public record CaptionHit(int row, double similarity) {
    }

    /**
     * Image to text: the {@code k} captions whose embeddings are nearest (cosine) to the text generated
     * from {@code pixels}, best first.
     */
    public List<CaptionHit> nearestCaptions(float[] pixels, float[][] captionEmbeddings, int k) {
        float[] generated = imputeTexts(new float[][] {pixels})[0];
        List<CaptionHit> hits = new ArrayList<>();
        for (int row : nearestByCosine(generated, captionEmbeddings, k)) {
            hits.add(new CaptionHit(row, cosine(generated, captionEmbeddings[row])));
        }
        return hits;
    }

    /** Rows of the {@code k} gallery vectors most cosine-similar to {@code query}, best first (ties: lower row). */
    public static int[] nearestByCosine(float[] query, float[][] gallery, int k) {
        double[] sims = new double[gallery.length];
        for (int i = 0; i < gallery.length; i++) {
            sims[i] = cosine(query, gallery[i]);
        }
        return java.util.stream.IntStream.range(0, gallery.length).boxed()
                .sorted((a, b) -> sims[a] != sims[b] ? Double.compare(sims[b], sims[a]) : Integer.compare(a, b))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Rows of the {@code k} images with the smallest pixel MSE to {@code pixels}, best first. */
    public static int[] nearestByPixels(float[] pixels, float[][] gallery, int k) {
        double[] mse = new double[gallery.length];
        for (int i = 0; i < gallery.length; i++) {
            mse[i] = PixelImages.mse(pixels, gallery[i]);
        }
        return java.util.stream.IntStream.range(0, gallery.length).boxed()
                .sorted((a, b) -> mse[a] != mse[b] ? Double.compare(mse[a], mse[b]) : Integer.compare(a, b))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private NDArray images(NDManager scope, float[][] pixels) {
        int size = imageSize();
        int count = 3 * size * size;
        float[] flat = new float[pixels.length * count];
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != count) {
                throw new IllegalArgumentException("image " + i + " has " + pixels[i].length + " floats, the model reads "
                        + count + " (" + size + " px RGB)");
            }
            System.arraycopy(pixels[i], 0, flat, i * count, count);
        }
        return scope.create(flat, new Shape(pixels.length, 3, size, size));
    }

    private float[][] decodePixels(NDManager scope, float[][] z) {
        NDArray probabilities = ai.djl.nn.Activation.sigmoid(net.decodeImage(store, scope.create(z), false));
        return rows(probabilities.reshape(z.length, -1));
    }

    private static float[][] rows(NDArray matrix) {
        int n = Math.toIntExact(matrix.getShape().get(0));
        int width = Math.toIntExact(matrix.size() / Math.max(1, n));
        float[] flat = matrix.toFloatArray();
        float[][] out = new float[n][];
        for (int r = 0; r < n; r++) {
            out[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        model.close();
    }
}
