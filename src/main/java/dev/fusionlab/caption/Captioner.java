package dev.fusionlab.caption;

import dev.fusionlab.task.TaskContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained image captioner, the API the CLI and the GUI call: {@link #train} learns one from image
 * embeddings and their captions, {@link #caption} writes a caption for any image embedding (with its label
 * when the model is conditioned on it). Generation is plain Java on the copied weights: deterministic, no
 * native engine, a few milliseconds per caption.
 *
 * <p>Encoder: the image embedding (standardised) or the image embedding fused with the one-hot label
 * ({@link CaptionFeatures}); decoder: a GRU over the training captions' vocabulary ({@link CaptionDecoder}),
 * trained by teacher forcing ({@link CaptionTrainer}); greedy or beam search.
 */
public final class Captioner {

    private static final int MAGIC = 0x46_4C_43_50; // "FLCP"
    private static final int FORMAT = 1;

    private final CaptionFeatures features;
    private final CaptionDecoder decoder;
    private final CaptionProvenance provenance;

    Captioner(CaptionFeatures features, CaptionDecoder decoder, CaptionProvenance provenance) {
        if (features.dim() != decoder.features()) {
            throw new IllegalArgumentException("features of width " + features.dim() + " for a decoder of "
                    + decoder.features());
        }
        this.features = features;
        this.decoder = decoder;
        this.provenance = provenance;
    }

    /**
     * Learns a captioner.
     *
     * @param image          image embedding of every row
     * @param captions       caption of every row
     * @param labels         label of every row (null entries allowed); read only for
     *                       {@link Conditioning#IMAGE_AND_LABEL}
     * @param trainRows      rows to learn from; the vocabulary comes from their captions
     * @param validationRows rows for early stopping (may be empty)
     * @throws IllegalArgumentException when no training row has a caption with a word, or label
     *                                  conditioning is asked of rows without labels
     */
    public static Captioner train(float[][] image, List<String> captions, List<String> labels, int[] trainRows,
                                  int[] validationRows, CaptionSpec spec, TaskContext ctx) {
        List<List<String>> tokens = captions.stream().map(CaptionText::tokens).toList();
        int[] train = withWords(trainRows, tokens);
        int[] validation = withWords(validationRows, tokens);
        if (train.length == 0) {
            throw new IllegalArgumentException("no training caption has a word: nothing to learn a captioner from");
        }
        List<String> classes = List.of();
        if (spec.conditioning() == Conditioning.IMAGE_AND_LABEL) {
            for (int r : train) {
                if (labels.get(r) == null || labels.get(r).isBlank()) {
                    throw new IllegalArgumentException("label conditioning needs labelled training rows; row " + r
                            + " has no label");
                }
            }
            classes = java.util.Arrays.stream(train).mapToObj(labels::get).distinct().sorted().toList();
        }
        CaptionFeatures f = CaptionFeatures.fit(image, train, classes);
        Vocabulary vocabulary = Vocabulary.build(java.util.Arrays.stream(train).mapToObj(tokens::get).toList(),
                spec.minWordCount());
        CaptionTrainer.Outcome outcome = CaptionTrainer.train(pairs(f, image, tokens, labels, train),
                pairs(f, image, tokens, labels, validation), vocabulary, spec, ctx);
        return new Captioner(f, outcome.decoder(), outcome.provenance());
    }

    private static int[] withWords(int[] rows, List<List<String>> tokens) {
        return java.util.Arrays.stream(rows).filter(r -> !tokens.get(r).isEmpty()).toArray();
    }

    private static CaptionTrainer.Pairs pairs(CaptionFeatures f, float[][] image, List<List<String>> tokens,
                                              List<String> labels, int[] rows) {
        float[][] x = new float[rows.length][];
        List<List<String>> c = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            x[i] = f.of(image[rows[i]], labels == null ? null : labels.get(rows[i]));
            c.add(tokens.get(rows[i]));
        }
        return new CaptionTrainer.Pairs(x, c);
    }

    /** The caption's words for an image embedding, by beam search of width {@code beamWidth} (1 = greedy). */
    public List<String> captionWords(float[] imageEmbedding, String label, int beamWidth) {
        return decoder.generate(features.of(imageEmbedding, label), beamWidth, provenance.spec().maxLength());
    }

    /** A caption for an image embedding, without a label (see {@link #caption(float[], String, int)}). */
    public String caption(float[] imageEmbedding, int beamWidth) {
        return caption(imageEmbedding, null, beamWidth);
    }

    /**
     * A caption for an image embedding, words separated by spaces.
     *
     * @param label the image's label; used only by a model conditioned on it (may be null)
     */
    public String caption(float[] imageEmbedding, String label, int beamWidth) {
        return CaptionText.join(captionWords(imageEmbedding, label, beamWidth));
    }

    public CaptionProvenance provenance() {
        return provenance;
    }

    public Conditioning conditioning() {
        return provenance.spec().conditioning();
    }

    public Vocabulary vocabulary() {
        return decoder.vocabulary();
    }

    CaptionDecoder decoder() {
        return decoder;
    }

    CaptionFeatures features() {
        return features;
    }

    /** Saves the model to {@code file} (written beside it, then moved into place). */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(CaptionJson.provenance(provenance).toString());
                floats(out, features.mean());
                floats(out, features.scale());
                strings(out, features.classes());
                strings(out, decoder.vocabulary().words());
                out.writeInt(decoder.features());
                out.writeInt(decoder.wordSize());
                out.writeInt(decoder.hiddenSize());
                for (float[] a : List.of(decoder.init(), decoder.initBias(), decoder.words(), decoder.input(),
                        decoder.inputBias(), decoder.state(), decoder.stateBias(), decoder.output(), decoder.outputBias())) {
                    floats(out, a);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** @throws IOException when the file is missing, truncated or not a FusionLab caption model */
    public static Captioner read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + ": not a FusionLab caption model (format " + FORMAT + ")");
            }
            CaptionProvenance provenance = CaptionJson.readProvenance(in.readUTF());
            CaptionFeatures features = new CaptionFeatures(floats(in), floats(in), strings(in));
            Vocabulary vocabulary = new Vocabulary(strings(in));
            int f = in.readInt();
            int d = in.readInt();
            int h = in.readInt();
            CaptionDecoder decoder = new CaptionDecoder(vocabulary, f, d, h, floats(in), floats(in), floats(in),
                    floats(in), floats(in), floats(in), floats(in), floats(in), floats(in));
            return new Captioner(features, decoder, provenance);
        } catch (IllegalArgumentException | java.io.EOFException e) {
            throw new IOException(file + ": damaged caption model: " + e.getMessage(), e);
        }
    }

    private static void floats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    private static float[] floats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("implausible array length " + n);
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) {
            throw new IOException("implausible list length " + n);
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF());
        }
        return list;
    }
}
