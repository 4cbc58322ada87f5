package dev.fusionlab.encode;

import java.util.HexFormat;

/**
 * What makes two encoders interchangeable: the same modality, id, weights and embedding size. It is
 * what the {@link EmbeddingCache} is keyed by and what a run records as provenance, so a cached
 * vector is only ever reused by an encoder with the very same identity.
 *
 * @param modality      what the encoder reads
 * @param id            stable identifier, e.g. {@code mobilenet_v2}, {@code all-minilm-l6-v2}, {@code file:/m/x.pt}
 * @param weightsSha256 hex sha256 (64 digits) of the weights, so new weights never hit old vectors
 * @param dimension     length of every embedding vector the encoder returns
 */
public record EncoderIdentity(Modality modality, String id, String weightsSha256, int dimension) {

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
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(HexFormat::isHexDigit);
    }
}
