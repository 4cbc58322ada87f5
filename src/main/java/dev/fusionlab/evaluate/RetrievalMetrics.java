package dev.fusionlab.evaluate;

import dev.fusionlab.fuse.JointSpace;
import java.util.Arrays;

/**
 * How well a joint space retrieves: for each of n pairs, query i's right answer is gallery item i, and
 * its rank is 1 + the number of gallery items more similar to the query (dot product of unit vectors).
 * Both directions, as in the CLIP and image-caption retrieval literature: text to image (a caption finds
 * its image among all test images) and image to text.
 *
 * @param pairs       the number of pairs (queries = gallery items per direction); chance R@k is k / pairs
 * @param textToImage captions as queries, images as the gallery
 * @param imageToText images as queries, captions as the gallery
 */
public record RetrievalMetrics(int pairs, Ranking textToImage, Ranking imageToText) {

    /**
     * @param recallAt1  fraction of queries whose right answer is ranked first
     * @param recallAt5  ... within the first 5
     * @param recallAt10 ... within the first 10
     * @param medianRank median rank of the right answer (1 is best)
     */
    public record Ranking(double recallAt1, double recallAt5, double recallAt10, double medianRank) {
    }

    /**
     * @param images points of the images, row i paired with {@code texts[i]}
     * @param texts  points of the texts in the same space
     */
    public static RetrievalMetrics of(float[][] images, float[][] texts) {
        if (images.length != texts.length || images.length == 0) {
            throw new IllegalArgumentException("retrieval needs the same, non-zero number of images and texts: "
                    + images.length + " vs " + texts.length);
        }
        return new RetrievalMetrics(images.length, ranking(texts, images), ranking(images, texts));
    }

    private static Ranking ranking(float[][] queries, float[][] gallery) {
        int n = queries.length;
        int[] ranks = new int[n];
        for (int q = 0; q < n; q++) {
            double own = JointSpace.similarity(queries[q], gallery[q]);
            int better = 0;
            for (int g = 0; g < n; g++) {
                if (g != q && JointSpace.similarity(queries[q], gallery[g]) > own) {
                    better++;
                }
            }
            ranks[q] = 1 + better;
        }
        Arrays.sort(ranks);
        double median = n % 2 == 1 ? ranks[n / 2] : (ranks[n / 2 - 1] + ranks[n / 2]) / 2.0;
        return new Ranking(within(ranks, 1), within(ranks, 5), within(ranks, 10), median);
    }

    private static double within(int[] sortedRanks, int k) {
        int count = 0;
        for (int r : sortedRanks) {
            if (r <= k) {
                count++;
            }
        }
        return count / (double) sortedRanks.length;
    }
}
