package dev.fusionlab.pipeline;

/** Which embedding a projection shows. */
public enum Space {
    IMAGE, TEXT, FUSED,
    /** The multimodal VAE's joint latent ({@code generate}); laid out only on request, never by a run. */
    LATENT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
