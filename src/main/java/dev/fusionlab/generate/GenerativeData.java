package dev.fusionlab.generate;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.pipeline.DatasetFingerprint;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the generative model learns from and is measured on, row-aligned: each encoded sample with its
 * image as pixels at the model's size, its image embedding (for measuring generated images with the
 * run's image encoder) and its text embedding.
 *
 * @param samples         the samples, row {@code i} of every array
 * @param pixels          images as {@link PixelImages} floats
 * @param imageEmbeddings the run's image encoder's embeddings
 * @param textEmbeddings  the run's text encoder's embeddings
 * @param problems        samples dropped here (image unreadable as pixels), with the file and the reason
 */
public record GenerativeData(List<Sample> samples, float[][] pixels, float[][] imageEmbeddings,
                             float[][] textEmbeddings, List<SampleProblem> problems) {

    public static final String STAGE = "read-pixels";

    public GenerativeData {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
        int n = samples.size();
        if (pixels.length != n || imageEmbeddings.length != n || textEmbeddings.length != n) {
            throw new IllegalArgumentException("row counts differ: " + n + " samples, " + pixels.length + " images, "
                    + imageEmbeddings.length + " image and " + textEmbeddings.length + " text embeddings");
        }
    }

    /**
     * Reads every encoded sample's image as pixels of {@code size}; a sample whose file cannot be read
     * again is dropped, with the reason, and the rest go on.
     */
    public static GenerativeData of(EncodedDataset encoded, int size, TaskContext ctx) {
        List<Sample> kept = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        List<float[]> texts = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        List<Sample> samples = encoded.samples();
        for (int i = 0; i < samples.size(); i++) {
            if (i % 64 == 0) {
                ctx.throwIfCancelled(STAGE);
                ctx.report(STAGE, i / (double) samples.size(), i + "/" + samples.size() + " images");
            }
            Sample s = samples.get(i);
            try {
                pixels.add(PixelImages.read(s.image(), size));
            } catch (IOException | RuntimeException e) {
                problems.add(new SampleProblem(s.id(), s.image(), "image could not be read as pixels: " + e.getMessage()));
                continue;
            }
            kept.add(s);
            images.add(encoded.image()[i]);
            texts.add(encoded.text()[i]);
        }
        ctx.report(STAGE, 1, samples.size() + " images");
        return new GenerativeData(kept, pixels.toArray(float[][]::new), images.toArray(float[][]::new),
                texts.toArray(float[][]::new), problems);
    }

    public int size() {
        return samples.size();
    }

    /** Rows of {@code split}, in order. */
    public int[] rows(Split split) {
        return IntStream.range(0, size()).filter(i -> samples.get(i).split() == split).toArray();
    }

    /**
     * A sha256 over everything the model learns from and is keyed by: ids, captions, labels, splits, the
     * pixels at the model's size and the text embeddings. One changed caption, image or split changes it.
     */
    public String fingerprint() {
        MessageDigest digest = DatasetFingerprint.sha256();
        for (int i = 0; i < size(); i++) {
            Sample s = samples.get(i);
            DatasetFingerprint.field(digest, s.id());
            DatasetFingerprint.field(digest, s.text());
            DatasetFingerprint.field(digest, s.label() == null ? "" : s.label());
            DatasetFingerprint.field(digest, s.split() == null ? "" : s.split().name());
            DatasetFingerprint.floats(digest, pixels[i]);
            DatasetFingerprint.floats(digest, textEmbeddings[i]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
