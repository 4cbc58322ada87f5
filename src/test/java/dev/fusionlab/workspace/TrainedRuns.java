package dev.fusionlab.workspace;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A real run (classifiers, stacker and joint space trained, layouts computed) on synthetic embeddings. */
final class TrainedRuns {

    private TrainedRuns() {
    }

    /**
     * 90 samples in 3 classes, with image files (a few bytes each) under {@code folder}, trained with the
     * stacking combiner so that every kind of stored model is present.
     */
    static RunResult stacked(Path folder) {
        try {
            Files.createDirectories(folder.resolve("images"));
            Random random = new Random(7);
            int n = 90;
            String[] classes = {"cat", "dog", "fish"};
            List<Sample> samples = new ArrayList<>();
            float[][] image = new float[n][10];
            float[][] text = new float[n][6];
            for (int i = 0; i < n; i++) {
                int c = i % 3;
                Path file = folder.resolve("images").resolve("img" + i + ".bin");
                Files.write(file, new byte[] {(byte) i, (byte) c, 42});
                Split split = i % 10 < 6 ? Split.TRAIN : i % 10 < 8 ? Split.VALIDATION : Split.TEST;
                samples.add(new Sample("s" + i, file, classes[c] + " number " + i, classes[c], split, null,
                        Map.of("source", "synthetic")));
                for (int d = 0; d < 10; d++) {
                    image[i][d] = (float) ((d == c ? 1.5 : 0) + random.nextGaussian());
                }
                for (int d = 0; d < 6; d++) {
                    text[i][d] = (float) ((d == c ? 1.0 : 0) + random.nextGaussian());
                }
            }
            Dataset dataset = new Dataset(folder, "synthetic", samples, List.of());
            EncodedDataset encoded = new EncodedDataset(dataset, samples, image, text, List.of(), List.of(
                    new EncodedDataset.EncoderInfo("image", "test-image", "a".repeat(64), 10, 0, n,
                            "image;decoding=1;preprocessing=1;size=224;mean=0.0,0.0,0.0;std=1.0,1.0,1.0;output=0;normalize=false"),
                    new EncodedDataset.EncoderInfo("text", "test-text", "b".repeat(64), 6, n, 0)));
            RunConfig config = RunConfig.defaults().withDataset(folder.toString())
                    .withClassifier(ClassifierKind.SOFTMAX).withLateFusion(LateCombiner.STACKING, 0.5)
                    .withProjection(ProjectionMethod.PCA);
            return Pipeline.analyse(encoded, config, new LinkedHashMap<>(), TaskContext.silent(), LiveLayouts.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
