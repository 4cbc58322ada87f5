package dev.fusionlab.pipeline;

/**
 * A space in which a sample's neighbours are looked up: the three embedding spaces a run projects, plus
 * the learned image-text joint space ({@code align}).
 */
public enum NeighbourSpace {
    IMAGE, TEXT, FUSED, JOINT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
