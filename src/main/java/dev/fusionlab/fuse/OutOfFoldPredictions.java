package dev.fusionlab.fuse;

/**
 * The base classifiers' probabilities for each labelled training row, each predicted by the fold model
 * that was not trained on that row: what the stacking meta-classifier learns from.
 *
 * @param folds the fold assignment; row {@code i} here belongs to {@code folds.rows()[i]}
 * @param image image probabilities, in the order of {@code folds.rows()}
 * @param text  text probabilities, in the same order
 */
public record OutOfFoldPredictions(StratifiedFolds folds, float[][] image, float[][] text) {

    public OutOfFoldPredictions {
        int n = folds.rows().length;
        if (image.length != n || text.length != n) {
            throw new IllegalArgumentException(n + " rows in the folds but " + image.length + " image and "
                    + text.length + " text predictions");
        }
    }

    /** Image probabilities of data-set row {@code row}, predicted by the model of its fold. */
    public float[] image(int row) {
        return image[position(row)];
    }

    /** Text probabilities of data-set row {@code row}, predicted by the model of its fold. */
    public float[] text(int row) {
        return text[position(row)];
    }

    private int position(int row) {
        int[] rows = folds.rows();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == row) {
                return i;
            }
        }
        throw new IllegalArgumentException("row " + row + " has no out-of-fold prediction");
    }
}
