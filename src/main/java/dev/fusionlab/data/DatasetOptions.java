package dev.fusionlab.data;

import java.util.Objects;

/**
 * How to read a dataset. Column names only matter for manifest datasets ({@code metadata.csv} /
 * {@code metadata.jsonl}); the seed and fractions matter whenever the dataset names no splits itself.
 *
 * @param textColumn  manifest column holding the text of each image
 * @param labelColumn manifest column holding the class; when it is the default {@code label} and the
 *                    manifest lacks it, the dataset is simply unlabelled, while a column the user named
 *                    explicitly must exist (a typo must not silently turn classification off)
 * @param seed        seed of the split: same seed, same split
 * @param fractions   shares of train / validation / test groups
 */
public record DatasetOptions(String textColumn, String labelColumn, long seed, SplitFractions fractions) {

    public static final String DEFAULT_TEXT_COLUMN = "text";
    public static final String DEFAULT_LABEL_COLUMN = "label";
    public static final long DEFAULT_SEED = 42;

    public DatasetOptions {
        Objects.requireNonNull(textColumn, "textColumn");
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(fractions, "fractions");
    }

    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_TEXT_COLUMN, DEFAULT_LABEL_COLUMN, DEFAULT_SEED, SplitFractions.DEFAULT);
    }

    public DatasetOptions withTextColumn(String column) {
        return new DatasetOptions(column, labelColumn, seed, fractions);
    }

    public DatasetOptions withLabelColumn(String column) {
        return new DatasetOptions(textColumn, column, seed, fractions);
    }

    public DatasetOptions withSeed(long newSeed) {
        return new DatasetOptions(textColumn, labelColumn, newSeed, fractions);
    }

    public DatasetOptions withFractions(SplitFractions newFractions) {
        return new DatasetOptions(textColumn, labelColumn, seed, newFractions);
    }

    boolean labelColumnIsDefault() {
        return DEFAULT_LABEL_COLUMN.equals(labelColumn);
    }
}
