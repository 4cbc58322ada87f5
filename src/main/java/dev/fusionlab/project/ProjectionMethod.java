package dev.fusionlab.project;

/** 2D projection methods offered to the user. */
public enum ProjectionMethod {
    PCA("PCA"), TSNE("t-SNE"), UMAP("UMAP");

    private final String label;

    ProjectionMethod(String label) {
        this.label = label;
    }

    /** The method's usual written name, for people: "t-SNE". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Lower-case name used in files and on the command line. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
