package dev.fusionlab.playground;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.task.TaskContext;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two-modality datasets whose structure is known, so what each fusion strategy can and cannot do is known
 * too. Each sample has a class {@code c} (balanced); each modality {@code m} (image, text) draws a latent
 * vector of three blocks of {@code K = classes} dimensions, each block a one-hot code scaled by the
 * modality's signal {@code s_m} plus unit Gaussian noise:
 * <ul>
 *   <li><b>full</b> block: code of {@code c} itself, weight {@code sqrt((1-interaction)(1-complementarity))};</li>
 *   <li><b>pair</b> block: code of the modality's class pair, weight {@code sqrt((1-interaction) complementarity)}.
 *       The image pairs classes {0,1}, {2,3}, ...; the text pairs {1,2}, {3,4}, ..., {K-1,0}: each modality
 *       alone confuses two classes that the other one separates;</li>
 *   <li><b>interaction</b> block: code of a digit {@code u_m}, weight {@code sqrt(interaction)}, with
 *       {@code u_image} uniform and {@code u_text = (c - u_image) mod K}. Either digit alone is independent of
 *       the class; together they give it. With 2 classes this is XOR: the class is the sign of an image
 *       feature times the sign of a text feature.</li>
 * </ul>
 * <b>Redundancy</b> {@code r}: the full block's noise of modality {@code m} is
 * {@code s_m sigma e_shared + sqrt(1 - s_m^2 sigma^2) e_m} with {@code sigma = sqrt(r) / max(s_image, s_text)}:
 * at {@code r = 1} the stronger modality's noise is entirely shared, so the other one is a noisier copy of it
 * and adds nothing; the shared noise rides with the class code, so no combination of the two cancels it.
 * <b>Label noise</b> redraws the observed label of that share of samples uniformly at random (all splits, so
 * the best reachable test accuracy is {@code 1 - label_noise (K-1)/K}).
 *
 * <p>The 3K-dimensional latent is placed in a random 3K-dimensional subspace of the embedding (orthonormal
 * basis, seeded), and the rest of the embedding is unit Gaussian noise, so every embedding dimension mixes
 * signal and noise as a real encoder's would. Splits are stratified 70/15/15. Everything is drawn from one
 * {@link Random} seeded by {@link GeneratorSettings#seed()}: the same settings give bit-identical data.
 */
public final class SyntheticGenerator {

    /** Encoder id recorded for synthetic embeddings in the run's provenance. */
    public static final String ENCODER_ID = "synthetic";

    private SyntheticGenerator() {
    }

    /**
     * Generates the dataset, already "encoded": samples (no image file; the text tells the generating class,
     * the class pairs and the interaction digits) and both embedding matrices.
     *
     * @param name display name, e.g. the preset's
     */
    public static EncodedDataset generate(GeneratorSettings s, String name, TaskContext ctx) {
        ctx.report("generate", 0, name);
        int k = s.classes();
        int n = s.samples();
        Random random = new Random(s.seed());
        double[][] imageBasis = orthonormalRows(GeneratorSettings.BLOCKS * k, s.imageDim(), random);
        double[][] textBasis = orthonormalRows(GeneratorSettings.BLOCKS * k, s.textDim(), random);
        Split[] splits = stratifiedSplits(n, k, random);

        double full = Math.sqrt((1 - s.interaction()) * (1 - s.complementarity()));
        double pair = Math.sqrt((1 - s.interaction()) * s.complementarity());
        double inter = Math.sqrt(s.interaction());
        double strongest = Math.max(s.imageSnr(), s.textSnr());
        double sharedSigma = strongest == 0 ? 0 : Math.sqrt(s.redundancy()) / strongest;

        float[][] image = new float[n][];
        float[][] text = new float[n][];
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 256 == 0) {
                ctx.throwIfCancelled("generate");
                ctx.report("generate", (double) i / n, name);
            }
            int c = i % k;
            int uImage = random.nextInt(k);
            int uText = Math.floorMod(c - uImage, k);
            double[] shared = gaussian(k, random);
            double[] imageLatent = latent(c, imagePair(c), uImage, s.imageSnr(), full, pair, inter, shared, sharedSigma, k, random);
            double[] textLatent = latent(c, textPair(c, k), uText, s.textSnr(), full, pair, inter, shared, sharedSigma, k, random);
            image[i] = embed(imageLatent, imageBasis, random);
            text[i] = embed(textLatent, textBasis, random);
            int label = random.nextDouble() < s.labelNoise() ? random.nextInt(k) : c;
            String id = String.format(java.util.Locale.ROOT, "syn-%05d", i);
            String description = String.format(java.util.Locale.ROOT,
                    "generated as %s (image pair %d, text pair %d, interaction digits %d and %d)%s",
                    className(c), imagePair(c), textPair(c, k), uImage, uText,
                    label == c ? "" : ", labelled " + className(label) + " by label noise");
            samples.add(new Sample(id, null, description, className(label), splits[i], id, Map.of()));
        }
        ctx.report("generate", 1, name);
        Dataset dataset = new Dataset(Path.of("playground", name), "playground: " + name, samples, List.of());
        List<EncodedDataset.EncoderInfo> encoders = List.of(
                new EncodedDataset.EncoderInfo("image", ENCODER_ID, sha256(image), s.imageDim(), 0, 0),
                new EncodedDataset.EncoderInfo("text", ENCODER_ID, sha256(text), s.textDim(), 0, 0));
        return new EncodedDataset(dataset, samples, image, text, List.of(), encoders);
    }

    /** Name of class {@code c}: {@code c0}, {@code c1}, ... */
    public static String className(int c) {
        return "c" + c;
    }

    /** The image's class pair of class {@code c}: {0,1} -> 0, {2,3} -> 1, ... */
    static int imagePair(int c) {
        return c / 2;
    }

    /** The text's class pair of class {@code c}: {K-1,0} -> 0 (K even), {1,2} -> 1, {3,4} -> 2, ... */
    static int textPair(int c, int k) {
        return ((c + 1) % k) / 2;
    }

    private static double[] latent(int c, int pairCode, int digit, double snr, double full, double pair, double inter,
                                   double[] shared, double sharedSigma, int k, Random random) {
        double[] z = new double[GeneratorSettings.BLOCKS * k];
        double sharedWeight = snr * sharedSigma; // <= 1 by the choice of sigma
        double ownWeight = Math.sqrt(Math.max(0, 1 - sharedWeight * sharedWeight));
        for (int d = 0; d < k; d++) {
            z[d] = sharedWeight * shared[d] + ownWeight * random.nextGaussian();
            z[k + d] = random.nextGaussian();
            z[2 * k + d] = random.nextGaussian();
        }
        z[c] += snr * full;
        z[k + pairCode] += snr * pair;
        z[2 * k + digit] += snr * inter;
        return z;
    }

    /** The latent in the basis' subspace plus unit noise in its orthogonal complement. */
    private static float[] embed(double[] latent, double[][] basis, Random random) {
        int dim = basis[0].length;
        double[] noise = gaussian(dim, random);
        double[] out = noise.clone();
        for (double[] row : basis) { // remove the noise's component inside the subspace
            double dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += row[d] * noise[d];
            }
            for (int d = 0; d < dim; d++) {
                out[d] -= dot * row[d];
            }
        }
        for (int j = 0; j < basis.length; j++) {
            for (int d = 0; d < dim; d++) {
                out[d] += latent[j] * basis[j][d];
            }
        }
        float[] f = new float[dim];
        for (int d = 0; d < dim; d++) {
            f[d] = (float) out[d];
        }
        return f;
    }

    /** {@code rows} orthonormal vectors of length {@code dim} (Gram-Schmidt, twice for stability). */
    private static double[][] orthonormalRows(int rows, int dim, Random random) {
        double[][] q = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double[] v = gaussian(dim, random);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < r; p++) {
                    double dot = 0;
                    for (int d = 0; d < dim; d++) {
                        dot += q[p][d] * v[d];
                    }
                    for (int d = 0; d < dim; d++) {
                        v[d] -= dot * q[p][d];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dim; d++) {
                v[d] /= norm;
            }
            q[r] = v;
        }
        return q;
    }

    /** Per class (row {@code i} has class {@code i mod k}), a seeded shuffle cut 70/15/15. */
    private static Split[] stratifiedSplits(int n, int k, Random random) {
        Split[] splits = new Split[n];
        for (int c = 0; c < k; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = c; i < n; i += k) {
                rows.add(i);
            }
            java.util.Collections.shuffle(rows, random);
            int train = (int) Math.round(0.70 * rows.size());
            int validation = Math.max(1, (int) Math.round(0.15 * rows.size()));
            for (int j = 0; j < rows.size(); j++) {
                splits[rows.get(j)] = j < train ? Split.TRAIN : j < train + validation ? Split.VALIDATION : Split.TEST;
            }
        }
        return splits;
    }

    private static double[] gaussian(int dim, Random random) {
        double[] v = new double[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = random.nextGaussian();
        }
        return v;
    }

    private static String sha256(float[][] rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (float[] row : rows) {
                ByteBuffer buffer = ByteBuffer.allocate(4 * row.length);
                buffer.asFloatBuffer().put(row);
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
