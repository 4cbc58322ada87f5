package dev.fusionlab.pipeline;

/** Which embedding a projection shows. */
public enum Space {
    IMAGE, TEXT, FUSED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
