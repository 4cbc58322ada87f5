package dev.fusionlab.project;

/** 2D projection methods offered to the user. */
public enum ProjectionMethod {
    PCA, TSNE, UMAP;

    /** Lower-case name used in files and on the command line. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
