package dev.fusionlab.ui.model;

import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained multimodal VAE as the workbench uses it (see {@code dev.fusionlab.generate.Mvae}), behind an
 * interface so that {@link GenerativeViewModel} can be tested with hand-made pictures and tables and the
 * application wires in the real model ({@code ui.CoreGenerativeModel}). Samples are named by id; pictures
 * are plain ARGB pixels, so nothing here needs a display. Calls may be slow (they run on the generative
 * pane's worker) and the model is closed when the pane trains another or the window closes.
 */
public interface GenerativeModel extends AutoCloseable {

    /** One line on where the model came from: epochs, time, trained now or taken from the cache. */
    String summary();

    /** Side of the generated images in pixels. */
    int imageSize();

    /**
     * Text to image: the description embedded by the run's text encoder, the image decoded from the mean
     * of q(z | text), then {@code samples} images decoded from samples of q(z | text) (seeded), and the
     * {@code nearest} real training images closest in pixels to the decoded mean.
     */
    TextToImageResult textToImage(String description, int samples, int nearest, long seed, TaskContext context)
            throws Exception;

    /** Image to text: the {@code k} captions nearest to the text embedding generated from the sample's image. */
    List<CaptionMatch> nearestCaptions(String sampleId, int k, TaskContext context) throws Exception;

    /**
     * The missing-modality measures on the test split ({@code GenerationMeasures}): trains the classifiers,
     * encodes the generated images, so it takes about a minute on the demo.
     */
    MissingModalityTable measure(TaskContext context) throws Exception;

    /** One sample classified with both modalities, with each missing in turn (imputed, mean, fallback). */
    SampleImputation imputeSample(String sampleId, TaskContext context) throws Exception;

    /**
     * The joint latent (mean of q(z | image, text)) of each sample id, in order.
     *
     * @throws IllegalArgumentException naming the first id the model has no pixels for
     */
    float[][] latents(List<String> sampleIds, TaskContext context) throws Exception;

    @Override
    void close();

    /** An image as ARGB pixels, row by row. */
    record GeneratedPicture(int width, int height, int[] argb) {
        public GeneratedPicture {
            if (argb.length != width * height) {
                throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
            }
        }
    }

    /** A real training image near a generated one: the sample, its file and its pixel MSE. */
    record PixelNeighbour(String id, Path image, String caption, double mse) {
    }

    /** @param images the decoded mean first, then the posterior samples */
    record TextToImageResult(String description, List<GeneratedPicture> images, List<PixelNeighbour> nearest) {
        public TextToImageResult {
            images = List.copyOf(images);
            nearest = List.copyOf(nearest);
        }
    }

    /** A caption of the dataset near a generated text embedding (cosine similarity). */
    record CaptionMatch(String id, String caption, String label, double similarity) {
    }

    /** One row of the missing-modality table: accuracy and macro-F1 of one strategy or imputation. */
    record ImputationScore(String key, String description, double accuracy, double macroF1) {
    }

    /** @param note what the rows mean, or why there are none (unlabelled data, empty test split) */
    record MissingModalityTable(List<ImputationScore> rows, String note) {
        public MissingModalityTable {
            rows = List.copyOf(rows);
        }
    }

    /** How one condition classified the sample: the predicted class and its probability. */
    record ImputedPrediction(String condition, String predicted, double probability) {
    }

    /** @param truth the sample's label, or empty when it has none */
    record SampleImputation(String id, String truth, List<ImputedPrediction> predictions) {
        public SampleImputation {
            predictions = List.copyOf(predictions);
        }
    }
}
