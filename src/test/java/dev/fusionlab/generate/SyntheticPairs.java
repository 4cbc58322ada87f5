package dev.fusionlab.generate;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny seeded image-text set: four classes, each a coloured square on white at one of three places,
 * its "caption" a 16-d vector pointing at the class (and the place) plus noise.
 */
final class SyntheticPairs {

    static final int SIZE = 8;
    static final int TEXT_DIM = 16;
    static final int EPOCHS = 40;
    private static final float[][] COLOURS = {{1, 0, 0}, {0, 0.6f, 0}, {0, 0, 1}, {1, 0.8f, 0}};

    private SyntheticPairs() {
    }

    static GenerativeData of(int n, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        float[][] pixels = new float[n][];
        float[][] text = new float[n][];
        float[][] image = new float[n][];
        for (int i = 0; i < n; i++) {
            int c = i % 4;
            int place = (i / 4) % 3;
            Split split = i % 8 == 0 ? Split.VALIDATION : i % 8 == 1 ? Split.TEST : Split.TRAIN;
            samples.add(new Sample("s" + i, Path.of("synthetic-" + i + ".png"), "class " + c + " at " + place,
                    "c" + c, split, null, null));
            pixels[i] = square(COLOURS[c], place);
            text[i] = new float[TEXT_DIM];
            text[i][c] = 1;
            text[i][4 + place] = 0.5f;
            for (int d = 0; d < TEXT_DIM; d++) {
                text[i][d] += (float) (0.05 * random.nextGaussian());
            }
            image[i] = new float[] {c, place, 1};
        }
        return new GenerativeData(samples, pixels, image, text, List.of());
    }

    private static float[] square(float[] colour, int place) {
        int plane = SIZE * SIZE;
        float[] p = new float[3 * plane];
        java.util.Arrays.fill(p, 1f);
        int x0 = place * 2;
        for (int y = 2; y < 6; y++) {
            for (int x = x0; x < x0 + 4; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    p[ch * plane + y * SIZE + x] = colour[ch];
                }
            }
        }
        return p;
    }

    static MvaeSpec spec(long seed) {
        return new MvaeSpec(SIZE, 4, 32, 5, 3e-3, 8, 2, EPOCHS, 100, seed);
    }
}
