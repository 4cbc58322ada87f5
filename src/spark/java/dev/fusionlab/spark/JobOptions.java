package dev.fusionlab.spark;

import dev.fusionlab.encode.EncoderCatalog;
import java.io.Serializable;

/**
 * What every executor needs to build its encoders; shipped inside the partition function, so it is small
 * and serializable.
 *
 * @param imageModel     image encoder id as the desktop takes it ({@code mobilenet_v2}, {@code file:/m/x.pt}, ...)
 * @param textModel      text encoder id ({@code all-minilm-l6-v2}, {@code file:/m/t.onnx}, ...)
 * @param cacheDir       embedding cache folder on the executors (a shared folder lets them reuse each other's
 *                       vectors); null for the desktop's own ({@code ~/.cache/fusionlab/embeddings})
 * @param modelsDir      folder with the bundled MobileNetV2 files on the executors; null: {@code -Dfusionlab.models},
 *                       else the files shipped with {@code --files}, else {@code assets/models}
 * @param rowsPerBatch   rows handed to the encoders at once (each encoder batches again by its own size)
 * @param threadsPerTask compute threads of each encoder (intra-op); 0 for {@code spark.task.cpus}
 */
public record JobOptions(String imageModel, String textModel, String cacheDir, String modelsDir, int rowsPerBatch,
                         int threadsPerTask) implements Serializable {

    public static final int DEFAULT_ROWS_PER_BATCH = 64;

    public JobOptions {
        imageModel = imageModel == null ? EncoderCatalog.DEFAULT_IMAGE : imageModel;
        textModel = textModel == null ? EncoderCatalog.DEFAULT_TEXT : textModel;
        if (rowsPerBatch <= 0) {
            throw new IllegalArgumentException("rows per batch must be positive, is " + rowsPerBatch);
        }
        if (threadsPerTask < 0) {
            throw new IllegalArgumentException("threads per task must be 0 (spark.task.cpus) or more, is " + threadsPerTask);
        }
    }

    /** The desktop's default encoders, its cache, 64 rows per batch, one thread per task CPU. */
    public static JobOptions defaults() {
        return new JobOptions(null, null, null, null, DEFAULT_ROWS_PER_BATCH, 0);
    }
}
