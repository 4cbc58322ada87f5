package dev.fusionlab.align;

import dev.fusionlab.fuse.EarlyFusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pairs whose image and text embeddings are two different random linear views (plus noise) of one hidden
 * vector, in spaces of different widths: nothing relates them until a joint space is learned.
 */
class JointSpaceTrainerTest {

    private static final int PAIRS = 400;
    private static final int[] TRAIN = IntStream.range(0, 280).toArray();
    private static final int[] VALIDATION = IntStream.range(280, 340).toArray();
    private static final int[] TEST = IntStream.range(340, PAIRS).toArray();
    private static final JointSpaceSpec SPEC = JointSpaceSpec.defaults(5).withMaxEpochs(60);

    private static float[][] image;
    private static float[][] text;
    private static EarlyFusion normalisation;
    private static JointSpace space;

    @BeforeAll
    static void train() {
        Random random = new Random(11);
        double[][] hidden = gaussian(random, PAIRS, 8, 1);
        image = view(hidden, gaussian(random, 8, 40, 1), random);
        text = view(hidden, gaussian(random, 8, 24, 1), random);
        normalisation = EarlyFusion.fit(image, text, TRAIN);
        space = JointSpaceTrainer.train(image, text, normalisation, TRAIN, VALIDATION, SPEC, TaskContext.silent());
    }

    @Test
    void aCaptionFindsItsImageFarAboveChance() {
        RetrievalMetrics m = RetrievalMetrics.of(space.embedImages(rows(image, TEST)), space.embedTexts(rows(text, TEST)));

        assertThat(m.pairs()).isEqualTo(60);
        assertThat(m.textToImage().recallAt1()).isGreaterThan(0.5); // chance: 1/60
        assertThat(m.imageToText().recallAt5()).isGreaterThan(0.8);  // chance: 5/60
        assertThat(m.textToImage().medianRank()).isLessThanOrEqualTo(2);
        assertThat(space.dimension()).isEqualTo(SPEC.dimension());
        assertThat(space.provenance().trainPairs()).isEqualTo(TRAIN.length);
        assertThat(space.provenance().bestEpoch()).isBetween(1, space.provenance().epochsRun());
    }

    @Test
    void nearestRanksTheGalleryByMeaning() {
        float[][] gallery = space.embedImages(rows(image, TEST));
        int query = TEST[7];
        int[] best = JointSpace.nearest(space.embedText(text[query]), gallery, 3);
        assertThat(best).hasSize(3).contains(7);
    }

    @Test
    void sameSeedSameSpace() {
        JointSpace again = JointSpaceTrainer.train(image, text, normalisation, TRAIN, VALIDATION, SPEC,
                TaskContext.silent());
        assertThat(again.embedText(text[3])).containsExactly(space.embedText(text[3]));
        assertThat(again.embedImage(image[3])).containsExactly(space.embedImage(image[3]));
    }

    @Test
    void stopsWhenCancelledAndRefusesTooFewPairs() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> JointSpaceTrainer.train(image, text, normalisation, TRAIN, VALIDATION, SPEC,
                new TaskContext((s, f, m) -> { }, token))).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> JointSpaceTrainer.train(image, text, normalisation, new int[] {0}, VALIDATION, SPEC,
                TaskContext.silent())).hasMessageContaining("at least 2 training pairs");
    }

    private static float[][] rows(float[][] x, int[] indices) {
        return IntStream.of(indices).mapToObj(i -> x[i]).toArray(float[][]::new);
    }

    private static double[][] gaussian(Random random, int rows, int columns, double scale) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    /** hidden x mixing + a little noise. */
    private static float[][] view(double[][] hidden, double[][] mixing, Random random) {
        int width = mixing[0].length;
        float[][] out = new float[hidden.length][width];
        for (int i = 0; i < hidden.length; i++) {
            for (int j = 0; j < width; j++) {
                double sum = 0.1 * random.nextGaussian();
                for (int h = 0; h < hidden[i].length; h++) {
                    sum += hidden[i][h] * mixing[h][j];
                }
                out[i][j] = (float) sum;
            }
        }
        return out;
    }
}
