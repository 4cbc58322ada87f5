package dev.fusionlab.caption;

/** What the caption decoder is conditioned on. */
public enum Conditioning {
    /** The image embedding alone: works on every dataset, captions-only ones included. */
    IMAGE("image"),
    /**
     * The image embedding fused (concatenated) with the one-hot label: multimodal input, labelled datasets
     * only. The label is given at generation time too, so this model may use what it says.
     */
    IMAGE_AND_LABEL("image_label");

    private final String key;

    Conditioning(String key) {
        this.key = key;
    }

    /** snake_case name used in files. */
    public String key() {
        return key;
    }
}
