package dev.fusionlab.evaluate;

import java.util.Arrays;

/**
 * How well a joint space retrieves: for each of n pairs, query i's right answer is gallery item i, and
 * its rank is 1 + the number of other gallery items at least as similar to the query (dot product of unit
 * vectors). Ties count against the right answer, so duplicate captions or a collapsed space cannot score
 * well by luck.
 * Both directions, as in the CLIP and image-caption retrieval literature: text to image (a caption finds
 * its image among all test images) and image to text.
 *
 * <p>With several captions per image ({@link #of(float[][], float[][], int[])}, the Flickr8k/30k and COCO
 * protocol): text to image, each caption has one right image among the distinct images; image to text, an
 * image's rank is that of the best-ranked of its own captions among all captions (a hit at k when any of
 * its captions is within the first k).
 *
 * @param pairs       the number of captions (text queries; with one caption per image, the number of pairs)
 * @param images      the number of distinct images (image queries); chance text-to-image R@k is k / images
 * @param textToImage captions as queries, images as the gallery
 * @param imageToText images as queries, captions as the gallery
 */
public record RetrievalMetrics(int pairs, int images, Ranking textToImage, Ranking imageToText) {

    /** One caption per image: {@code pairs} images and as many captions. */
    public RetrievalMetrics(int pairs, Ranking textToImage, Ranking imageToText) {
        this(pairs, pairs, textToImage, imageToText);
    }

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
        int[] identity = new int[images.length];
        Arrays.setAll(identity, i -> i);
        return of(images, texts, identity); // one caption per image: the general case, same ranks bit for bit
    }

    /**
     * Several captions per image: {@code texts[t]} describes {@code images[imageOfText[t]]}. Every image
     * must have at least one caption. With one caption per image, in order, this equals {@link #of(float[][], float[][])}.
     *
     * @param images     points of the distinct images
     * @param texts      points of the captions in the same space
     * @param imageOfText for each caption, the row of its image in {@code images}
     */
    public static RetrievalMetrics of(float[][] images, float[][] texts, int[] imageOfText) {
        int n = images.length;
        int m = texts.length;
        if (n == 0 || m == 0 || imageOfText.length != m) {
            throw new IllegalArgumentException("retrieval needs images, captions and one image per caption: "
                    + n + " images, " + m + " captions, " + imageOfText.length + " owners");
        }
        double[] own = new double[m];
        double[] bestOwn = new double[n];
        Arrays.fill(bestOwn, Double.NEGATIVE_INFINITY);
        boolean[] captioned = new boolean[n];
        for (int t = 0; t < m; t++) {
            int i = imageOfText[t];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("caption " + t + " belongs to image " + i + ", not one of 0.." + (n - 1));
            }
            own[t] = dot(texts[t], images[i]);
            if (!Double.isFinite(own[t])) { // a NaN would rank itself first and flatter the scores
                throw new IllegalArgumentException("caption " + t + " and its image " + i
                        + " are not finite points of the joint space (similarity " + own[t] + ")");
            }
            bestOwn[i] = Math.max(bestOwn[i], own[t]);
            captioned[i] = true;
        }
        for (int i = 0; i < n; i++) {
            if (!captioned[i]) {
                throw new IllegalArgumentException("image " + i + " has no caption");
            }
        }
        // one pass over every (text, image) similarity serves both directions
        int[] textRanks = new int[m];
        int[] imageRanks = new int[n];
        Arrays.fill(textRanks, 1);
        Arrays.fill(imageRanks, 1);
        for (int t = 0; t < m; t++) {
            int mine = imageOfText[t];
            for (int i = 0; i < n; i++) {
                if (i == mine) {
                    continue;
                }
                double s = dot(texts[t], images[i]);
                if (s >= own[t]) {
                    textRanks[t]++; // image i is at least as close to caption t as its own image
                }
                if (s >= bestOwn[i]) {
                    imageRanks[i]++; // caption t, not image i's, is at least as close as image i's best own caption
                }
            }
        }
        return new RetrievalMetrics(m, n, ranking(textRanks), ranking(imageRanks));
    }

    private static Ranking ranking(int[] ranks) {
        int n = ranks.length;
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

    /** Cosine similarity of two unit vectors. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
