package dev.fusionlab.ui;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.LateFusionModels;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunProvenance;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Hand-made run results for tests of the GUI and its view models: every number is chosen, nothing comes
 * from a model. Test-only; the application never shows these.
 */
public final class TestRuns {

    public static final List<String> CLASSES = List.of("animal", "food", "travel");

    private TestRuns() {
    }

    /**
     * {@code n} samples in three classes laid out as three clusters. Every sample is a TEST sample
     * except every fifth (TRAIN). IMAGE probabilities are right for samples with {@code i % 4 != 1},
     * TEXT ones (more confident) for {@code i % 6 != 2}; EARLY is right except when {@code i % 7 == 3}. So late fusion
     * (mean) and early fusion disagree on a known set of samples.
     *
     * @param imageDir where tiny PNG thumbnails are written, or null for paths that do not exist
     */
    public static RunResult clusters(int n, Path imageDir) {
        int k = CLASSES.size();
        Random random = new Random(3);
        List<Sample> samples = new ArrayList<>(n);
        int[] truth = new int[n];
        float[][] image = new float[n][], text = new float[n][], early = new float[n][];
        double[][] fused = new double[n][], imageLayout = new double[n][];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            truth[i] = c;
            Path file = imageDir == null ? Path.of("/nonexistent/" + i + ".png") : thumbnail(imageDir, i, c);
            samples.add(new Sample("s" + i, file, CLASSES.get(c) + " caption number " + i, CLASSES.get(c),
                    i % 5 == 0 ? Split.TRAIN : Split.TEST, null, Map.of()));
            image[i] = confident(k, i % 4 != 1 ? c : (c + 1) % k, 0.7f);
            text[i] = confident(k, i % 6 != 2 ? c : (c + 2) % k, 0.9f);
            early[i] = confident(k, i % 7 != 3 ? c : (c + 1) % k, 0.8f);
            double angle = 2 * Math.PI * c / k;
            fused[i] = new double[] {10 * Math.cos(angle) + random.nextGaussian(), 10 * Math.sin(angle) + random.nextGaussian()};
            imageLayout[i] = new double[] {c * 5 + random.nextGaussian(), random.nextGaussian()};
        }
        Dataset dataset = new Dataset(imageDir == null ? Path.of("/nonexistent") : imageDir, "clusters", samples,
                List.of(new SampleProblem("broken-1", Path.of("broken-1.png"), "image is zero bytes"),
                        new SampleProblem("metadata.csv:17", null, "caption is empty")));
        RunConfig config = RunConfig.defaults();
        Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
        probabilities.put(Strategy.IMAGE, image);
        probabilities.put(Strategy.TEXT, text);
        probabilities.put(Strategy.EARLY, early);
        probabilities.put(Strategy.LATE, new dev.fusionlab.fuse.LateFusion.Formula(config.combiner(), config.imageWeight()).combine(image, text));
        Map<ProjectionKey, double[][]> projections = new LinkedHashMap<>();
        projections.put(new ProjectionKey(Space.FUSED, ProjectionMethod.UMAP), fused);
        projections.put(new ProjectionKey(Space.IMAGE, ProjectionMethod.UMAP), imageLayout);
        projections.put(new ProjectionKey(Space.FUSED, ProjectionMethod.PCA), imageLayout);
        Map<Space, float[][]> embeddings = new EnumMap<>(Space.class);
        embeddings.put(Space.FUSED, withNoiseDimensions(fused, 6, random));
        embeddings.put(Space.IMAGE, withNoiseDimensions(imageLayout, 6, random));
        embeddings.put(Space.TEXT, withNoiseDimensions(fused, 4, random));
        // chosen, like every number here: the hand-made PCA layout's axes claim 62.5% and 12.5% of the variance
        Map<ProjectionKey, double[]> explainedVariance = Map.of(new ProjectionKey(Space.FUSED, ProjectionMethod.PCA),
                new double[] {0.625, 0.125});
        return new RunResult(dataset, CLASSES, samples, truth, embeddings, probabilities,
                LateFusionModels.untrained("hand-made test run: nothing was trained"), null, java.util.Optional.empty(),
                projections, config,
                Map.of("encode", 10L), new RunProvenance("0".repeat(64), List.of(), Map.of(), Map.of()), null,
                explainedVariance);
    }

    /** The run's text embedding of the sample {@code id}: what a fake text encoder returns for that query. */
    public static float[] queryEmbedding(RunResult run, String id) {
        int row = run.ids().indexOf(id);
        if (row < 0) {
            throw new IllegalArgumentException("no sample '" + id + "' to stand for the query");
        }
        return run.embeddings().get(Space.TEXT)[row].clone();
    }

    /** The run with a joint space trained on its training pairs (image and text embeddings), a second. */
    public static RunResult withJointSpace(RunResult run) {
        float[][] image = run.embeddings().get(Space.IMAGE);
        float[][] text = run.embeddings().get(Space.TEXT);
        int[] train = java.util.stream.IntStream.range(0, run.samples().size())
                .filter(i -> run.samples().get(i).split() == Split.TRAIN).toArray();
        var space = dev.fusionlab.align.JointSpaceTrainer.train(image, text,
                dev.fusionlab.fuse.EarlyFusion.fit(image, text, train), train, new int[0],
                dev.fusionlab.align.JointSpaceSpec.defaults(1).withMaxEpochs(20), dev.fusionlab.task.TaskContext.silent());
        return new RunResult(run.dataset(), run.classes(), run.samples(), run.truth(), run.embeddings(),
                run.probabilities(), run.late(), space,
                RunResult.scoreRetrieval(space, run.samples(), run.embeddings()), run.projections(), run.config(),
                run.stageMillis(), run.provenance(), run.models(), run.explainedVariance());
    }

    /** Each 2D point followed by {@code extra} small Gaussian coordinates: an embedding to re-project. */
    private static float[][] withNoiseDimensions(double[][] points, int extra, Random random) {
        float[][] rows = new float[points.length][2 + extra];
        for (int i = 0; i < points.length; i++) {
            rows[i][0] = (float) points[i][0];
            rows[i][1] = (float) points[i][1];
            for (int j = 2; j < rows[i].length; j++) {
                rows[i][j] = (float) (0.1 * random.nextGaussian());
            }
        }
        return rows;
    }

    /** A distribution with {@code p} on {@code best} and the rest spread evenly. */
    static float[] confident(int k, int best, float p) {
        float[] out = new float[k];
        java.util.Arrays.fill(out, (1 - p) / (k - 1));
        out[best] = p;
        return out;
    }

    private static Path thumbnail(Path dir, int i, int c) {
        Path file = dir.resolve("s" + i + ".png");
        if (Files.exists(file)) {
            return file;
        }
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB(c / 3f, 0.6f, 0.9f)));
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(8 + i % 8, 8, 14, 14);
        g.dispose();
        try {
            Files.createDirectories(dir);
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
