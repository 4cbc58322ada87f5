package dev.fusionlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmileNativeSmokeTest {
    @Test
    void pcaRunsOnShippedOpenBlas() {
        double[][] x = new double[50][4];
        java.util.Random r = new java.util.Random(1);
        for (double[] row : x) for (int j = 0; j < 4; j++) row[j] = r.nextGaussian() * (j + 1);
        var pca = smile.feature.extraction.PCA.fit(x);
        assertEquals(4, pca.variance().size());
    }
}
