package dev.fusionlab.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BLEU and CIDEr-D against cases worked out by hand from the papers' formulas (the working is in the comments). */
class CaptionMetricsTest {

    private static List<String> t(String s) {
        return CaptionText.tokens(s);
    }

    private static List<List<String>> refs(String... captions) {
        return java.util.Arrays.stream(captions).map(CaptionMetricsTest::t).toList();
    }

    @Test
    void tokensAreLowerCaseAlphanumericRuns() {
        assertThat(t("Grinning face; grinning")).containsExactly("grinning", "face", "grinning");
        assertThat(t("  A dog's 2nd ball -- café! ")).containsExactly("a", "dog", "s", "2nd", "ball", "café");
        assertThat(t(";;")).isEmpty();
    }

    @Test
    void bleuOfOneCandidateAgainstTwoReferences() {
        // candidate "the cat sat on the mat" (6 words); references "the cat is on the mat" (6),
        // "there is a cat on the mat" (7)
        // p1: the 2 (max in one reference 2), cat 1, sat 0, on 1, mat 1 -> 5/6
        // p2: the cat, cat sat, sat on, on the, the mat -> the cat, on the, the mat match -> 3/5
        // p3: the cat sat, cat sat on, sat on the, on the mat -> on the mat -> 1/4
        // p4: the cat sat on, cat sat on the, sat on the mat -> none -> 0
        // closest reference length 6 = c, so BP = exp(1 - 6/6) = 1
        double[] bleu = Bleu.corpus(List.of(t("the cat sat on the mat")),
                List.of(refs("the cat is on the mat", "there is a cat on the mat")), 4);
        assertThat(bleu[0]).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(bleu[1]).isCloseTo(Math.sqrt(5.0 / 6 * 3.0 / 5), within(1e-12)); // 0.7071
        assertThat(bleu[2]).isCloseTo(0.5, within(1e-12));                           // (1/8)^(1/3)
        assertThat(bleu[3]).isZero();
    }

    @Test
    void bleuIsCorpusLevelWithABrevityPenalty() {
        // "a cat" vs "a cat sits here": 2/2 unigrams, 1/1 bigrams, no trigram or 4-gram;
        // "the dog runs fast" vs itself: 4/4, 3/3, 2/2, 1/1. Pooled: p1..p4 = 6/6, 4/4, 2/2, 1/1 = 1,
        // c = 2 + 4 = 6 < r = 4 + 4 = 8, so BP = exp(1 - 8/6) = 0.716531 for every n.
        // (Averaging sentence scores instead would give BLEU-3 = (0 + 1) / 2.)
        double[] bleu = Bleu.corpus(List.of(t("a cat"), t("the dog runs fast")),
                List.of(refs("a cat sits here"), refs("the dog runs fast")), 4);
        double bp = Math.exp(1 - 8.0 / 6);
        for (double b : bleu) {
            assertThat(b).isCloseTo(bp, within(1e-12));
        }
        assertThat(bp).isCloseTo(0.716531, within(1e-6));
    }

    @Test
    void bleuClipsRepeatedWordsByTheBestReference() {
        // "the the the the": "the" occurs at most 2 times in one reference -> p1 = 2/4;
        // "the the" x3, at most once in a reference -> p2 = 1/3; reference lengths 2 and 3, the closest to
        // 4 is 3 <= 4, BP = 1
        double[] bleu = Bleu.corpus(List.of(t("the the the the")), List.of(refs("the cat", "the the dog")), 2);
        assertThat(bleu[0]).isCloseTo(0.5, within(1e-12));
        assertThat(bleu[1]).isCloseTo(Math.sqrt(0.5 / 3), within(1e-12));
    }

    @Test
    void closestReferenceLengthPrefersTheShorterOnATie() {
        assertThat(Bleu.closestLength(4, refs("a b c", "a b c d e"))).isEqualTo(3);
        assertThat(Bleu.closestLength(4, refs("a b c d e", "a b c"))).isEqualTo(3);
        assertThat(Bleu.closestLength(1, refs("a b c d e", "a b c"))).isEqualTo(3);
    }

    @Test
    void bleuOfNothingIsZero() {
        assertThat(Bleu.corpus(List.of(List.of()), List.of(refs("a cat")), 4)).containsOnly(0.0);
    }

    @Test
    void ciderDOfTwoImages() {
        // N = 2 images, so idf = ln 2 - ln df: "a" is in both images' references (idf 0), "cat", "dog",
        // "a cat", "a dog" in one (idf ln 2).
        // image 1, "a cat" vs "a cat": unigram vectors {a: 0, cat: ln2} both, cosine 1; bigram {a cat: ln2}
        // both, cosine 1; no 3- or 4-grams (norm 0 -> 0); equal lengths, penalty 1:
        // 10 * (1 + 1 + 0 + 0) / 4 = 5.
        // image 2, "a cat" vs "a dog": the only non-zero weights are on n-grams the other lacks -> 0.
        double[] scores = CiderD.perImage(List.of(t("a cat"), t("a cat")), List.of(refs("a cat"), refs("a dog")));
        assertThat(scores[0]).isCloseTo(5.0, within(1e-12));
        assertThat(scores[1]).isCloseTo(0.0, within(1e-12));
        assertThat(CiderD.corpus(List.of(t("a cat"), t("a cat")), List.of(refs("a cat"), refs("a dog"))))
                .isCloseTo(2.5, within(1e-12));
    }

    @Test
    void ciderDPenalisesLengthDifferences() {
        // image 1, "cat" vs "a cat": unigram cosine ({cat: ln2} . {a: 0, cat: ln2}) = 1, no bigram in the
        // candidate -> 0; lengths 1 and 2: penalty exp(-1 / (2 * 36)); 10 * (1 + 0 + 0 + 0) / 4 * penalty
        double[] scores = CiderD.perImage(List.of(t("cat"), t("a cat")), List.of(refs("a cat"), refs("a dog")));
        assertThat(scores[0]).isCloseTo(2.5 * Math.exp(-1.0 / 72), within(1e-12));
        assertThat(scores[0]).isCloseTo(2.465517, within(1e-6));
    }

    @Test
    void ciderDClipsTheCandidatesCounts() {
        // one image, so ln N = 0 and every weight is 0: add a second image to give weights.
        // image 1: "cat cat" vs "a cat"; N = 2, df(cat) = 1 -> idf ln2; "a" idf 0.
        // candidate unigrams {cat: 2 ln2}, norm 2 ln2; reference {a: 0, cat: ln2}, norm ln2.
        // D clipping: min(2 ln2, ln2) * ln2 = ln2^2, / (2 ln2 * ln2) = 1/2 (without clipping it would be 1).
        // bigram "cat cat" absent from the reference -> 0. Equal lengths. 10 * (0.5 + 0) / 4 = 1.25
        double[] scores = CiderD.perImage(List.of(t("cat cat"), t("a dog")), List.of(refs("a cat"), refs("a dog")));
        assertThat(scores[0]).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void ciderDAveragesOverAllReferencesOfAnImage() {
        // image 1 with references "a cat" and "a dog", image 2 with "a bird"; N = 2.
        // df: a 2 (idf 0), cat 1, dog 1, bird 1, "a cat" 1, "a dog" 1, "a bird" 1 (idf ln2).
        // candidate "a cat": vs "a cat" 10 * (1 + 1) / 4 = 5, vs "a dog" 0 -> (5 + 0) / 2 references = 2.5
        double[] scores = CiderD.perImage(List.of(t("a cat"), t("a bird")),
                List.of(refs("a cat", "a dog"), refs("a bird")));
        assertThat(scores[0]).isCloseTo(2.5, within(1e-12));
        assertThat(scores[1]).isCloseTo(5.0, within(1e-12));
    }
}
