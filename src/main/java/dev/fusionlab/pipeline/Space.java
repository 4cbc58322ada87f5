package dev.fusionlab.pipeline;

/** Which embedding a projection shows. */
public enum Space {
    IMAGE, TEXT, FUSED,
    /** The multimodal VAE's joint latent ({@code generate}); laid out only on request, never by a run. */
    LATENT;

    /** The spaces every run embeds and projects (the linked views show these three side by side). */
    public static final java.util.List<Space> OF_A_RUN = java.util.List.of(IMAGE, TEXT, FUSED);

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
