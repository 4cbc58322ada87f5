package dev.fusionlab.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny seeded captioning task: four clusters of 16-d "image embeddings" (a random centre plus a little
 * noise), each with its own caption and label; rows alternate train, train, train, validation, test.
 */
final class SyntheticCaptions {

    static final List<String> CAPTIONS = List.of("a red circle", "a blue square", "a green triangle on grass",
            "two red squares");
    static final List<String> LABELS = List.of("circle", "square", "triangle", "square");
    static final int DIM = 16;

    final float[][] centres = new float[CAPTIONS.size()][DIM];
    final float[][] image;
    final List<String> captions = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final int[] cluster;
    final int[] trainRows;
    final int[] validationRows;
    final int[] testRows;

    SyntheticCaptions(int perCluster, long seed) {
        Random random = new Random(seed);
        for (float[] c : centres) {
            for (int j = 0; j < DIM; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        int n = perCluster * CAPTIONS.size();
        image = new float[n][DIM];
        cluster = new int[n];
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i % CAPTIONS.size();
            cluster[i] = k;
            for (int j = 0; j < DIM; j++) {
                image[i][j] = centres[k][j] + 0.1f * (float) random.nextGaussian();
            }
            captions.add(CAPTIONS.get(k));
            labels.add(LABELS.get(k));
            int slot = (i / CAPTIONS.size()) % 5;
            (slot < 3 ? train : slot == 3 ? validation : test).add(i);
        }
        trainRows = train.stream().mapToInt(Integer::intValue).toArray();
        validationRows = validation.stream().mapToInt(Integer::intValue).toArray();
        testRows = test.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Small and quick: 16-d words, a 32-d GRU, a little dropout, every word kept. */
    static CaptionSpec spec(Conditioning conditioning, long seed) {
        return new CaptionSpec(conditioning, 16, 32, 0.1, 1e-2, 0, 8, 40, 6, 8, 1, seed);
    }
}
