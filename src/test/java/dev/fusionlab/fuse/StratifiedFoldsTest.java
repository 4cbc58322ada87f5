package dev.fusionlab.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    /** 103 rows of three unbalanced classes (50, 33, 20 rows), plus unsplit rows 103..109. */
    private static final int[] LABELS = IntStream.range(0, 110).map(r -> r < 50 ? 0 : r < 83 ? 1 : r < 103 ? 2 : -1).toArray();
    private static final int[] ROWS = IntStream.range(0, 103).map(r -> (r * 37) % 103).toArray();

    @Test
    void everyClassIsSpreadEvenlyOverTheFoldsAndEveryRowIsHeldOutOnce() {
        StratifiedFolds folds = StratifiedFolds.split(ROWS, LABELS, 5, 42);
        int[] heldOutTimes = new int[103];
        for (int f = 0; f < folds.count(); f++) {
            int[] heldOut = folds.heldOut(f);
            int[] train = folds.trainingRows(f);
            assertThat(train).doesNotContain(heldOut);
            assertThat(heldOut.length + train.length).isEqualTo(103);
            for (int r : heldOut) {
                heldOutTimes[r]++;
                assertThat(folds.foldOf(r)).isEqualTo(f);
            }
            for (int c = 0; c < 3; c++) {
                int cls = c;
                long inFold = Arrays.stream(heldOut).filter(r -> LABELS[r] == cls).count();
                long ofClass = Arrays.stream(LABELS).filter(l -> l == cls).count();
                // stratified: each fold holds a fifth of every class, give or take one row
                assertThat((double) inFold).as("class %d in fold %d", c, f).isBetween(ofClass / 5.0 - 1, ofClass / 5.0 + 1);
            }
            assertThat(heldOut.length).isBetween(103 / 5, 103 / 5 + 1);
        }
        assertThat(heldOutTimes).containsOnly(1);
    }

    @Test
    void theSeedDecidesTheAssignment() {
        int[] first = assignment(StratifiedFolds.split(ROWS, LABELS, 4, 7));
        assertThat(assignment(StratifiedFolds.split(ROWS, LABELS, 4, 7))).isEqualTo(first);
        assertThat(assignment(StratifiedFolds.split(ROWS, LABELS, 4, 8))).isNotEqualTo(first);
    }

    @Test
    void refusesMoreFoldsThanTheSmallestClassHasRowsAndUnlabelledRows() {
        assertThatThrownBy(() -> StratifiedFolds.split(ROWS, LABELS, 21, 1)).hasMessageContaining("smallest class has 20");
        assertThatThrownBy(() -> StratifiedFolds.split(ROWS, LABELS, 1, 1)).hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> StratifiedFolds.split(new int[] {0, 105}, LABELS, 2, 1)).hasMessageContaining("row 105");
        assertThatThrownBy(() -> StratifiedFolds.split(ROWS, LABELS, 2, 1).foldOf(105)).hasMessageContaining("105");
    }

    private static int[] assignment(StratifiedFolds folds) {
        return IntStream.range(0, 103).map(folds::foldOf).toArray();
    }
}
