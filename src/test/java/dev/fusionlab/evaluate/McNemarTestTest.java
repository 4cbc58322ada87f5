package dev.fusionlab.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class McNemarTestTest {

    @Test
    void fewDiscordantSamplesUseTheExactBinomialTest() {
        // b = 10, c = 2: p = 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 * 79 / 4096
        McNemarTest.Result r = McNemarTest.fromCounts(10, 2);
        assertThat(r.method()).isEqualTo(McNemarTest.Method.EXACT_BINOMIAL);
        assertThat(r.pValue()).isCloseTo(2 * 79 / 4096.0, within(1e-12));
        assertThat(r.significantAt(0.05)).isTrue();
        // b = 5, c = 15: 2 * sum_{i<=5} C(20, i) / 2^20 = 0.0413894653...
        assertThat(McNemarTest.fromCounts(5, 15).pValue()).isCloseTo(0.04138946533203125, within(1e-12));
    }

    @Test
    void manyDiscordantSamplesUseContinuityCorrectedChiSquare() {
        // b = 25, c = 10: (|25 - 10| - 1)^2 / 35 = 5.6, P(chi2_1 > 5.6) = 0.0179604775...
        McNemarTest.Result r = McNemarTest.fromCounts(25, 10);
        assertThat(r.method()).isEqualTo(McNemarTest.Method.CHI_SQUARE_CORRECTED);
        assertThat(r.statistic()).isCloseTo(5.6, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.017960477526078766, within(1e-9));
    }

    @Test
    void noDiscordantSampleMeansNoEvidence() {
        McNemarTest.Result r = McNemarTest.fromCounts(0, 0);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(McNemarTest.fromCounts(3, 3).pValue()).isEqualTo(1.0);
    }

    @Test
    void countsOnlySamplesExactlyOneSideGotRight() {
        int[] truth = {0, 1, 2, 0, 1, 2};
        int[] a = {0, 1, 2, 1, 0, 0}; // right on 0, 1, 2
        int[] b = {0, 0, 1, 0, 0, 1}; // right on 0, 3
        McNemarTest.Result r = McNemarTest.compare(truth, a, b);
        assertThat(r.b()).isEqualTo(2); // samples 1, 2
        assertThat(r.c()).isEqualTo(1); // sample 3
    }
}
