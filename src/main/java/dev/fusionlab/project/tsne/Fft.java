package dev.fusionlab.project.tsne;

/**
 * In-place iterative radix-2 complex FFT of one power-of-two size, with its twiddle factors and
 * bit-reversal permutation computed once. Unnormalised in both directions: a forward then inverse
 * transform multiplies by the size. Stateless after construction, so one instance serves all threads.
 */
final class Fft {

    private final int size;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        this.cos = new double[size / 2];
        this.sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = 2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        this.reversed = new int[size];
        int bits = Integer.numberOfTrailingZeros(size);
        for (int i = 0; i < size; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    int size() {
        return size;
    }

    /**
     * Transforms columns {@code [from, to)} of a row-major grid of {@code size} rows whose rows are
     * {@code stride} apart, in place. The butterflies run along rows, so the innermost loop walks
     * contiguous memory (cache friendly, and open to the JIT's vectorisation).
     */
    void transformColumns(double[] re, double[] im, int stride, int from, int to, boolean inverse) {
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                for (int c = from; c < to; c++) {
                    int a = i * stride + c;
                    int b = j * stride + c;
                    double t = re[a];
                    re[a] = re[b];
                    re[b] = t;
                    t = im[a];
                    im[a] = im[b];
                    im[b] = t;
                }
            }
        }
        double sign = inverse ? 1 : -1;
        for (int half = 1; half < size; half <<= 1) {
            int step = size / (2 * half);
            for (int k = 0; k < half; k++) {
                double wr = cos[k * step];
                double wi = sign * sin[k * step];
                for (int a = k; a < size; a += 2 * half) {
                    int rowA = a * stride;
                    int rowB = (a + half) * stride;
                    for (int c = from; c < to; c++) {
                        double br = re[rowB + c];
                        double bi = im[rowB + c];
                        double tr = br * wr - bi * wi;
                        double ti = br * wi + bi * wr;
                        double ar = re[rowA + c];
                        double ai = im[rowA + c];
                        re[rowB + c] = ar - tr;
                        im[rowB + c] = ai - ti;
                        re[rowA + c] = ar + tr;
                        im[rowA + c] = ai + ti;
                    }
                }
            }
        }
    }

    /**
     * Transforms {@code re[offset..offset+size)}, {@code im[...]} in place: forward uses
     * exp(-2 pi i jk / size), inverse exp(+2 pi i jk / size).
     */
    void transform(double[] re, double[] im, int offset, boolean inverse) {
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[offset + i];
                re[offset + i] = re[offset + j];
                re[offset + j] = t;
                t = im[offset + i];
                im[offset + i] = im[offset + j];
                im[offset + j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int half = 1; half < size; half <<= 1) {
            int stride = size / (2 * half);
            for (int k = 0; k < half; k++) {
                double wr = cos[k * stride];
                double wi = sign * sin[k * stride];
                for (int a = offset + k; a < offset + size; a += 2 * half) {
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
