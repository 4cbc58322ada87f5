package dev.fusionlab.project.tsne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void forwardTransformMatchesTheDirectDft() {
        int size = 16;
        SplittableRandom random = new SplittableRandom(4);
        double[] re = new double[size + 3];
        double[] im = new double[size + 3];
        for (int i = 0; i < re.length; i++) {
            re[i] = random.nextDouble() - 0.5;
            im[i] = random.nextDouble() - 0.5;
        }
        double[] inRe = re.clone();
        double[] inIm = im.clone();

        new Fft(size).transform(re, im, 3, false);

        for (int f = 0; f < size; f++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < size; t++) {
                double angle = -2 * Math.PI * f * t / size;
                sr += inRe[3 + t] * Math.cos(angle) - inIm[3 + t] * Math.sin(angle);
                si += inRe[3 + t] * Math.sin(angle) + inIm[3 + t] * Math.cos(angle);
            }
            assertThat(re[3 + f]).isCloseTo(sr, within(1e-12));
            assertThat(im[3 + f]).isCloseTo(si, within(1e-12));
        }
        assertThat(re[2]).isEqualTo(inRe[2]);
    }

    @Test
    void inverseUndoesForwardUpToTheSize() {
        int size = 64;
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size; i++) {
            re[i] = Math.sin(i * 0.3);
            im[i] = i % 5;
        }
        double[] inRe = re.clone();
        double[] inIm = im.clone();
        Fft fft = new Fft(size);

        fft.transform(re, im, 0, false);
        fft.transform(re, im, 0, true);

        for (int i = 0; i < size; i++) {
            assertThat(re[i] / size).isCloseTo(inRe[i], within(1e-12));
            assertThat(im[i] / size).isCloseTo(inIm[i], within(1e-12));
        }
    }

    @Test
    void sizeMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new Fft(12)).hasMessageContaining("power of two");
    }
}
