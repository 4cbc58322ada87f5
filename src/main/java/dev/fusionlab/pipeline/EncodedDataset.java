package dev.fusionlab.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.EarlyFusion;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A dataset after both encoders ran: the samples that have both embeddings, row-aligned with them.
 *
 * @param dataset  the dataset as loaded
 * @param samples  samples encoded by both encoders; row {@code i} of both matrices
 * @param image    image embeddings
 * @param text     text embeddings
 * @param problems every skipped item: the dataset's own problems, then encoding failures
 * @param encoders the two encoders used
 */
public record EncodedDataset(Dataset dataset, List<Sample> samples, float[][] image, float[][] text,
                             List<SampleProblem> problems, List<EncoderInfo> encoders) {

    public EncodedDataset {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
        encoders = List.copyOf(encoders);
    }

    /**
     * The fused (early-fusion) space without any classifier: each modality normalised with statistics of
     * the training split only, then concatenated. (Not the learned joint space of {@code align}.)
     */
    public float[][] fused() {
        int[] trainRows = IntStream.range(0, samples.size()).filter(i -> samples.get(i).split() == Split.TRAIN).toArray();
        return EarlyFusion.fit(image, text, trainRows).fuse(image, text);
    }

    /** Ids of the encoded samples, in row order. */
    public List<String> ids() {
        return samples.stream().map(Sample::id).toList();
    }

    /**
     * Identity of an encoder for the provenance record.
     *
     * @param cacheHits   inputs answered from the embedding cache in this run
     * @param cacheMisses inputs that had to be encoded
     * @param pipeline    how inputs were made into model input and outputs into vectors (the encoder's
     *                    {@link dev.fusionlab.encode.InputPipeline}, part of its cache key); null for
     *                    vectors FusionLab did not make (imported, synthetic)
     */
    public record EncoderInfo(String modality, String id, String weightsSha256, int dimension, long cacheHits,
                              long cacheMisses,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String pipeline) {

        /** Vectors without a known input pipeline (imported or synthetic). */
        public EncoderInfo(String modality, String id, String weightsSha256, int dimension, long cacheHits,
                           long cacheMisses) {
            this(modality, id, weightsSha256, dimension, cacheHits, cacheMisses, null);
        }
    }
}
