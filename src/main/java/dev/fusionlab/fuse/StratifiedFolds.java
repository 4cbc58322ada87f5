package dev.fusionlab.fuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns labelled rows to {@code k} folds so that every class is spread as evenly as possible over the
 * folds (scikit-learn's {@code StratifiedKFold} with shuffling): the rows of each class are shuffled with
 * the seed and dealt round-robin, the dealing continuing from class to class so fold sizes differ by at most
 * one. Stacking trains on {@link #trainingRows(int)} and predicts {@link #heldOut(int)}, so every row gets a
 * prediction from a model that never saw it. Same rows, labels and seed give the same folds.
 */
public final class StratifiedFolds {

    private final int[] rows;
    private final int[] foldOfPosition;
    private final int count;

    private StratifiedFolds(int[] rows, int[] foldOfPosition, int count) {
        this.rows = rows;
        this.foldOfPosition = foldOfPosition;
        this.count = count;
    }

    /**
     * @param rows   the row indices to split (e.g. the labelled training rows)
     * @param labels class index of every row of the data set; only {@code labels[rows[i]]} are read
     * @param folds  number of folds, at least 2 and at most the size of the smallest class among {@code rows}
     * @param seed   seeds the shuffling within each class
     */
    public static StratifiedFolds split(int[] rows, int[] labels, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("stratified folds need at least 2 folds, got " + folds);
        }
        TreeMap<Integer, List<Integer>> positionsByClass = new TreeMap<>();
        for (int i = 0; i < rows.length; i++) {
            if (labels[rows[i]] < 0) {
                throw new IllegalArgumentException("row " + rows[i] + " has no label to stratify on");
            }
            positionsByClass.computeIfAbsent(labels[rows[i]], c -> new ArrayList<>()).add(i);
        }
        int smallest = positionsByClass.values().stream().mapToInt(List::size).min().orElse(0);
        if (smallest < folds) {
            throw new IllegalArgumentException(folds + " folds need at least " + folds
                    + " rows of every class, the smallest class has " + smallest);
        }
        Random random = new Random(seed);
        int[] foldOfPosition = new int[rows.length];
        int next = 0;
        for (List<Integer> positions : positionsByClass.values()) {
            Collections.shuffle(positions, random);
            for (int position : positions) {
                foldOfPosition[position] = next;
                next = (next + 1) % folds;
            }
        }
        return new StratifiedFolds(rows.clone(), foldOfPosition, folds);
    }

    /** Number of folds. */
    public int count() {
        return count;
    }

    /** The rows that were split, in the order given. */
    public int[] rows() {
        return rows.clone();
    }

    /** Fold of {@code row}, one of the rows that were split. */
    public int foldOf(int row) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == row) {
                return foldOfPosition[i];
            }
        }
        throw new IllegalArgumentException("row " + row + " is not among the split rows");
    }

    /** Fold of the row at {@code position} in {@link #rows()}. */
    int foldAt(int position) {
        return foldOfPosition[position];
    }

    /** The rows of {@code fold}: the ones its model predicts without having seen them. */
    public int[] heldOut(int fold) {
        return select(fold, true);
    }

    /** The rows of every other fold: what the model for {@code fold} is trained on. */
    public int[] trainingRows(int fold) {
        return select(fold, false);
    }

    private int[] select(int fold, boolean inFold) {
        if (fold < 0 || fold >= count) {
            throw new IllegalArgumentException("fold " + fold + " is not in [0, " + count + ")");
        }
        int[] out = new int[rows.length];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if ((foldOfPosition[i] == fold) == inFold) {
                out[n++] = rows[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
