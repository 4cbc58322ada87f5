package dev.fusionlab.encode;

import java.util.HexFormat;

/**
 * What makes two encoders interchangeable: the same modality, id, weights, input pipeline and embedding
 * size. It is what the {@link EmbeddingCache} is keyed by and what a run records as provenance, so a
 * cached vector is only ever reused by an encoder with the very same identity: same weights, and inputs
 * made into model input (and outputs into vectors) the very same way.
 *
 * @param modality      what the encoder reads
 * @param id            stable identifier, e.g. {@code mobilenet_v2}, {@code all-minilm-l6-v2}, {@code file:/m/x.pt}
 * @param weightsSha256 hex sha256 (64 digits) of the weights, so new weights never hit old vectors
 * @param dimension     length of every embedding vector the encoder returns
 * @param pipeline      canonical description of the input pipeline and output post-processing
 *                      ({@link InputPipeline}), so changed decoding, preprocessing, tokenizer or pooling
 *                      never hits vectors made the old way
 */
public record EncoderIdentity(Modality modality, String id, String weightsSha256, int dimension, String pipeline) {

    public EncoderIdentity {
        if (modality == null) {
            throw new IllegalArgumentException("encoder " + id + " needs a modality");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("encoder id must not be blank");
        }
        if (weightsSha256 == null || weightsSha256.length() != 64 || !isHex(weightsSha256)) {
            throw new IllegalArgumentException("encoder " + id + ": weights sha256 must be 64 hex digits, is "
                    + weightsSha256);
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("encoder " + id + ": dimension must be positive, is " + dimension);
        }
        if (pipeline == null || pipeline.isBlank()) {
            throw new IllegalArgumentException("encoder " + id + " needs a description of its input pipeline");
        }
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(HexFormat::isHexDigit);
    }
}
