package dev.fusionlab.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionerTest {

    private static final SyntheticCaptions DATA = new SyntheticCaptions(40, 7);

    private static Captioner train(Conditioning conditioning, long seed) {
        return Captioner.train(DATA.image, DATA.captions, DATA.labels, DATA.trainRows, DATA.validationRows,
                SyntheticCaptions.spec(conditioning, seed), TaskContext.silent());
    }

    @Test
    void learnsTheCaptionOfEachClusterAndItsLossDecreases() {
        Captioner captioner = train(Conditioning.IMAGE, 1);
        CaptionProvenance p = captioner.provenance();
        assertThat(p.trainCaptions()).isEqualTo(DATA.trainRows.length);
        assertThat(p.validationCaptions()).isEqualTo(DATA.validationRows.length);
        // <pad> <bos> <eos> <unk> + a, red, circle, blue, square, green, triangle, on, grass, two, squares
        assertThat(p.vocabularySize()).isEqualTo(4 + 11);
        assertThat(p.trainLosses()).hasSize(p.epochsRun());
        assertThat(p.trainLosses().getLast()).isLessThan(p.trainLosses().getFirst() / 4);
        assertThat(p.validationLosses().get(p.bestEpoch() - 1)).isLessThan(p.validationLosses().getFirst());
        for (int row : DATA.testRows) {
            assertThat(captioner.caption(DATA.image[row], null, 1)).isEqualTo(DATA.captions.get(row));
            assertThat(captioner.caption(DATA.image[row], null, 3)).isEqualTo(DATA.captions.get(row));
        }
    }

    @Test
    void javaDecoderComputesTheTrainedModelsLoss() {
        // the validation loss reported by the DJL training equals the Java decoder's teacher-forced loss on
        // the same captions: the two implementations of the GRU agree
        Captioner captioner = train(Conditioning.IMAGE, 2);
        double sum = 0;
        int words = 0;
        for (int row : DATA.validationRows) {
            List<String> caption = CaptionText.tokens(DATA.captions.get(row));
            sum -= captioner.decoder().logProbability(captioner.features().of(DATA.image[row], null), caption);
            words += caption.size() + 1;
        }
        assertThat(sum / words).isCloseTo(captioner.provenance().bestValidationLoss(), within(1e-4));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Captioner a = train(Conditioning.IMAGE, 3);
        Captioner b = train(Conditioning.IMAGE, 3);
        Captioner c = train(Conditioning.IMAGE, 4);
        assertThat(a.decoder().output()).isEqualTo(b.decoder().output());
        assertThat(a.decoder().words()).isEqualTo(b.decoder().words());
        assertThat(Arrays.equals(a.decoder().output(), c.decoder().output())).isFalse();
        for (int row : DATA.testRows) {
            assertThat(a.captionWords(DATA.image[row], null, 3)).isEqualTo(b.captionWords(DATA.image[row], null, 3));
        }
    }

    @Test
    void widthOneIsGreedyAndEveryWidthGivesAWellFormedCaption() {
        // an undertrained model, so that the captions are not all trivially right
        Captioner captioner = Captioner.train(DATA.image, DATA.captions, DATA.labels, DATA.trainRows,
                DATA.validationRows, SyntheticCaptions.spec(Conditioning.IMAGE, 5).withMaxEpochs(2), TaskContext.silent());
        CaptionDecoder decoder = captioner.decoder();
        int maxLength = captioner.provenance().spec().maxLength();
        for (int row : DATA.testRows) {
            float[] f = captioner.features().of(DATA.image[row], null);
            // greedy written out: the most likely word that may be emitted, until <eos> or the length limit
            List<String> greedy = new java.util.ArrayList<>();
            float[] h = decoder.initialState(f);
            int last = Vocabulary.BOS_ID;
            while (true) {
                h = decoder.step(last, h);
                double[] logp = decoder.logProbabilities(h);
                int best = Vocabulary.EOS_ID;
                for (int w = 0; w < logp.length && greedy.size() < maxLength; w++) {
                    if (w != Vocabulary.PAD_ID && w != Vocabulary.BOS_ID && w != Vocabulary.UNK_ID && logp[w] > logp[best]
                            || greedy.isEmpty() && best == Vocabulary.EOS_ID && w > Vocabulary.UNK_ID) { // a first word, even if <eos> is likelier
                        best = w;
                    }
                }
                if (best == Vocabulary.EOS_ID) {
                    break;
                }
                greedy.add(decoder.vocabulary().word(best));
                last = best;
            }
            assertThat(captioner.captionWords(DATA.image[row], null, 1)).isEqualTo(greedy);
            for (int width = 1; width <= 5; width++) {
                List<String> words = captioner.captionWords(DATA.image[row], null, width);
                assertThat(words.size()).isBetween(1, maxLength);
                assertThat(words).allMatch(w -> decoder.vocabulary().id(w) > Vocabulary.UNK_ID);
                assertThat(captioner.captionWords(DATA.image[row], null, width)).isEqualTo(words);
            }
        }
    }

    @Test
    void labelConditioningTakesTheLabel() {
        Captioner captioner = train(Conditioning.IMAGE_AND_LABEL, 6);
        assertThat(captioner.features().classes()).containsExactly("circle", "square", "triangle");
        assertThat(captioner.features().dim()).isEqualTo(SyntheticCaptions.DIM + 3);
        for (int row : DATA.testRows) {
            assertThat(captioner.caption(DATA.image[row], DATA.labels.get(row), 3)).isEqualTo(DATA.captions.get(row));
        }
    }

    @Test
    void writesAndReadsBackTheSameModel(@TempDir Path dir) throws Exception {
        Captioner captioner = train(Conditioning.IMAGE_AND_LABEL, 8);
        captioner.write(dir.resolve("model.bin"));
        Captioner back = Captioner.read(dir.resolve("model.bin"));
        assertThat(back.provenance()).usingRecursiveComparison().isEqualTo(captioner.provenance());
        assertThat(back.decoder().state()).isEqualTo(captioner.decoder().state());
        assertThat(back.vocabulary().words()).isEqualTo(captioner.vocabulary().words());
        for (int row : DATA.testRows) {
            assertThat(back.caption(DATA.image[row], DATA.labels.get(row), 2))
                    .isEqualTo(captioner.caption(DATA.image[row], DATA.labels.get(row), 2));
        }
    }

    @Test
    void cancelStopsTheTraining() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> Captioner.train(DATA.image, DATA.captions, DATA.labels, DATA.trainRows,
                DATA.validationRows, SyntheticCaptions.spec(Conditioning.IMAGE, 1),
                new TaskContext((stage, fraction, message) -> { }, token)))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void labelConditioningNeedsLabels() {
        List<String> noLabels = Arrays.asList(new String[DATA.captions.size()]);
        assertThatThrownBy(() -> Captioner.train(DATA.image, DATA.captions, noLabels, DATA.trainRows,
                DATA.validationRows, SyntheticCaptions.spec(Conditioning.IMAGE_AND_LABEL, 1), TaskContext.silent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
    }
}
