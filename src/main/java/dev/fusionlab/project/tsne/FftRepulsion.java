package dev.fusionlab.project.tsne;

import dev.fusionlab.project.Workers;
import java.util.Arrays;

/**
 * Repulsive forces by FFT-accelerated interpolation (FIt-SNE, Linderman et al. 2019). The square
 * bounding box of the layout is cut into boxes, each holding {@value #NODES} x {@value #NODES}
 * equispaced interpolation nodes, so that all nodes form one regular grid. Every point spreads the
 * charges (1, x, y, x^2 + y^2) onto the nodes of its box with Lagrange interpolation weights; the
 * node charges are convolved with the kernel 1 / (1 + d^2)^2 by a zero-padded 2D FFT (the kernel only
 * depends on the node offset, so the node-to-node sums are a discrete convolution); the potentials
 * are interpolated back to the points with the same weights. Expanding |y_i - y_j|^2 then gives both
 * the forces sum_j q_ij^2 (y_i - y_j) and Z = sum_j q_ij = sum_j q_ij^2 (1 + |y_i - y_j|^2) from
 * those four potentials. Cost per iteration: O(n) for spreading and interpolation plus a few FFTs of
 * a grid whose size depends on the layout's extent, not on n.
 *
 * <p>Deterministic whatever the thread count: points are spread box row by box row (the node rows of
 * different box rows are disjoint, so no two threads write the same node), and every other step
 * writes only its own slots. Buffers are allocated once per grid size, not per call.
 */
final class FftRepulsion implements RepulsiveForces {

    /** Interpolation nodes per box and dimension. */
    static final int NODES = 3;
    /**
     * Smallest FFT size per dimension (42 boxes); the grid doubles while a box would be wider than one
     * unit of layout length (the kernel's width), up to {@link #MAX_FFT}.
     */
    static final int MIN_FFT = 256;
    /** Largest FFT size per dimension, which caps the grid at (MAX_FFT + 1) / 6 boxes per dimension. */
    static final int MAX_FFT = 512;
    /**
     * Box widths are rounded up to a power of 2^(1/8), so that the kernel's spectrum only has to be
     * recomputed when the layout's extent changes by more than about 9%, not every iteration.
     */
    private static final double WIDTH_STEPS_PER_OCTAVE = 8;
    /** Columns transformed together: 32 doubles of each row, and a block of a 1024 grid fits in L2. */
    private static final int COLUMN_BLOCK = 32;

    private final int n;
    private final Workers workers;
    /** Per point: box column, box row, three weights along x, three along y. */
    private final int[] boxX;
    private final int[] boxY;
    private final double[] weightX;
    private final double[] weightY;
    /** Points sorted by box row: rowStart[b]..rowStart[b+1] in sortedPoints. */
    private final int[] sortedPoints;
    private int[] rowStart = new int[0];
    private final double[] zPerPoint;

    private Fft fft;
    /** Grids of size fftSize^2, row-major: a = (1, x) as (re, im), b = (y, x^2+y^2), kernel spectrum. */
    private double[] aRe;
    private double[] aIm;
    private double[] bRe;
    private double[] bIm;
    private double[] kernelRe;
    private double[] kernelIm;
    private int kernelSize;
    private double kernelSpacing;

    FftRepulsion(int n, Workers workers) {
        this.n = n;
        this.workers = workers;
        this.boxX = new int[n];
        this.boxY = new int[n];
        this.weightX = new double[NODES * n];
        this.weightY = new double[NODES * n];
        this.sortedPoints = new int[n];
        this.zPerPoint = new double[n];
    }

    /** FFT size per dimension for a layout of width {@code extent}: boxes at most one unit wide, if possible. */
    static int fftSizeFor(double extent) {
        int size = MIN_FFT;
        while (size < MAX_FFT && boxesFor(size) < extent) {
            size *= 2;
        }
        return size;
    }

    /** {@code width} rounded up to the next step of the ladder of box widths. */
    static double quantizedWidth(double width) {
        double steps = Math.ceil(Math.log(width) / Math.log(2) * WIDTH_STEPS_PER_OCTAVE);
        return Math.pow(2, steps / WIDTH_STEPS_PER_OCTAVE);
    }

    /** The most boxes whose zero-padded node grid (2 N - 1 nodes per dimension) fits an FFT of {@code size}. */
    static int boxesFor(int size) {
        return (size + 1) / (2 * NODES);
    }

    @Override
    public double compute(double[] y, double[] force) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double extent = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12) * (1 + 1e-9);
        int size = fftSizeFor(extent);
        prepare(size);
        int boxes = boxesFor(size);
        int nodes = NODES * boxes;
        double boxWidth = quantizedWidth(extent / boxes);
        double spacing = boxWidth / NODES;
        // centre the box on the layout; charges use coordinates relative to the centre (less cancellation)
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double lo = -boxWidth * boxes / 2;

        locate(y, cx, cy, lo, boxes, boxWidth, spacing);
        spread(y, cx, cy, boxes, nodes, size);
        if (size != kernelSize || spacing != kernelSpacing) {
            kernelSpectrum(nodes, size, spacing);
            kernelSize = size;
            kernelSpacing = spacing;
        }
        transform2d(aRe, aIm, size, nodes, true);
        transform2d(bRe, bIm, size, nodes, true);
        workers.forRange(size, 16, (from, to, worker) -> {
            for (int c = from * size; c < to * size; c++) {
                double k = kernelRe[c];
                aRe[c] *= k;
                aIm[c] *= k;
                bRe[c] *= k;
                bIm[c] *= k;
            }
        });
        transform2d(aRe, aIm, size, nodes, false);
        transform2d(bRe, bIm, size, nodes, false);
        interpolate(y, cx, cy, size, force);
        double z = 0;
        for (double zi : zPerPoint) {
            z += zi;
        }
        return z;
    }

    private void prepare(int size) {
        if (fft != null && fft.size() == size) {
            return;
        }
        fft = new Fft(size);
        int cells = size * size;
        if (aRe == null || aRe.length < cells) {
            aRe = new double[cells];
            aIm = new double[cells];
            bRe = new double[cells];
            bIm = new double[cells];
            kernelRe = new double[cells];
            kernelIm = new double[cells];
            rowStart = new int[boxesFor(size) + 1];
        }
    }

    /** Finds each point's box and interpolation weights, and sorts the points by box row. */
    private void locate(double[] y, double cx, double cy, double lo, int boxes, double boxWidth, double spacing) {
        workers.forRange(n, 4096, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                boxX[i] = weights(y[2 * i] - cx, lo, boxes, boxWidth, spacing, weightX, i);
                boxY[i] = weights(y[2 * i + 1] - cy, lo, boxes, boxWidth, spacing, weightY, i);
            }
        });
        Arrays.fill(rowStart, 0, boxes + 1, 0);
        for (int i = 0; i < n; i++) {
            rowStart[boxY[i] + 1]++;
        }
        for (int b = 0; b < boxes; b++) {
            rowStart[b + 1] += rowStart[b];
        }
        for (int i = 0; i < n; i++) {
            sortedPoints[rowStart[boxY[i]]++] = i;
        }
        for (int b = boxes; b > 0; b--) {
            rowStart[b] = rowStart[b - 1];
        }
        rowStart[0] = 0;
    }

    /** Box index of coordinate {@code v}; writes the three Lagrange weights of its box nodes. */
    private static int weights(double v, double lo, int boxes, double boxWidth, double spacing, double[] out, int i) {
        int box = Math.min(boxes - 1, Math.max(0, (int) ((v - lo) / boxWidth)));
        // nodes of the box sit at offsets 0.5, 1.5, 2.5 spacings from its left edge; u is relative to the first
        double u = (v - lo - box * boxWidth) / spacing - 0.5;
        out[NODES * i] = 0.5 * (u - 1) * (u - 2);
        out[NODES * i + 1] = -u * (u - 2);
        out[NODES * i + 2] = 0.5 * u * (u - 1);
        return box;
    }

    /** Spreads the four charges of every point onto the node grid (top-left nodes x nodes corner). */
    private void spread(double[] y, double cx, double cy, int boxes, int nodes, int size) {
        workers.forRange(boxes, 1, (from, to, worker) -> {
            for (int box = from; box < to; box++) {
                for (int r = NODES * box; r < NODES * box + NODES; r++) {
                    Arrays.fill(aRe, r * size, r * size + nodes, 0);
                    Arrays.fill(aIm, r * size, r * size + nodes, 0);
                    Arrays.fill(bRe, r * size, r * size + nodes, 0);
                    Arrays.fill(bIm, r * size, r * size + nodes, 0);
                }
                for (int s = rowStart[box], end = rowStart[box + 1]; s < end; s++) {
                    int i = sortedPoints[s];
                    double x = y[2 * i] - cx;
                    double v = y[2 * i + 1] - cy;
                    double norm = x * x + v * v;
                    int firstColumn = NODES * boxX[i];
                    for (int ky = 0; ky < NODES; ky++) {
                        double wy = weightY[NODES * i + ky];
                        int row = (NODES * box + ky) * size + firstColumn;
                        for (int kx = 0; kx < NODES; kx++) {
                            double w = wy * weightX[NODES * i + kx];
                            int c = row + kx;
                            aRe[c] += w;
                            aIm[c] += w * x;
                            bRe[c] += w * v;
                            bIm[c] += w * norm;
                        }
                    }
                }
            }
        });
    }

    /**
     * FFT of the kernel 1 / (1 + d^2)^2 over node offsets -(nodes-1)..(nodes-1) in both dimensions,
     * embedded circularly in the size x size grid; real because the kernel is even. Scaled by
     * 1 / size^2 so that the unnormalised inverse transform of the product is the convolution.
     */
    private void kernelSpectrum(int nodes, int size, double spacing) {
        double scale = 1.0 / ((double) size * size);
        workers.forRange(size, 16, (from, to, worker) -> {
            for (int r = from; r < to; r++) {
                int dy = r < nodes ? r : r - size;
                boolean rowInside = r < nodes || r > size - nodes;
                for (int c = 0; c < size; c++) {
                    int dx = c < nodes ? c : c - size;
                    boolean inside = rowInside && (c < nodes || c > size - nodes);
                    double d2 = spacing * spacing * ((double) dx * dx + (double) dy * dy);
                    double q = 1 / (1 + d2);
                    kernelRe[r * size + c] = inside ? q * q * scale : 0;
                    kernelIm[r * size + c] = 0;
                }
            }
        });
        transform2d(kernelRe, kernelIm, size, size, true);
    }

    /**
     * 2D FFT of a size x size row-major grid. Forward: only the top-left {@code valid} x {@code valid}
     * corner is read (the rest is taken as zero), rows first. Inverse: columns first, and only the rows
     * of that corner are transformed back.
     */
    private void transform2d(double[] re, double[] im, int size, int valid, boolean forward) {
        if (forward) {
            rows(re, im, size, valid, valid, true);
            columns(re, im, size, valid, true);
        } else {
            columns(re, im, size, size, false);
            rows(re, im, size, valid, size, false);
        }
    }

    /** Transforms rows 0..count-1 in place; inputs beyond column {@code read} are taken as zero. */
    private void rows(double[] re, double[] im, int size, int count, int read, boolean forward) {
        workers.forRange(count, 8, (from, to, worker) -> {
            for (int r = from; r < to; r++) {
                if (read < size) {
                    Arrays.fill(re, r * size + read, (r + 1) * size, 0);
                    Arrays.fill(im, r * size + read, (r + 1) * size, 0);
                }
                fft.transform(re, im, r * size, !forward);
            }
        });
    }

    /** Transforms every column in place; rows from {@code read} on are taken as zero. */
    private void columns(double[] re, double[] im, int size, int read, boolean forward) {
        workers.forRange(size / COLUMN_BLOCK, 1, (from, to, worker) -> {
            int c0 = from * COLUMN_BLOCK;
            int c1 = to * COLUMN_BLOCK;
            for (int r = read; r < size; r++) {
                Arrays.fill(re, r * size + c0, r * size + c1, 0);
                Arrays.fill(im, r * size + c0, r * size + c1, 0);
            }
            fft.transformColumns(re, im, size, c0, c1, !forward);
        });
    }

    /** Interpolates the four potentials back to the points and forms forces and per-point Z. */
    private void interpolate(double[] y, double cx, double cy, int size, double[] force) {
        workers.forRange(n, 2048, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                double phi1 = 0;
                double phiX = 0;
                double phiY = 0;
                double phiNorm = 0;
                int firstColumn = NODES * boxX[i];
                for (int ky = 0; ky < NODES; ky++) {
                    double wy = weightY[NODES * i + ky];
                    int row = (NODES * boxY[i] + ky) * size + firstColumn;
                    for (int kx = 0; kx < NODES; kx++) {
                        double w = wy * weightX[NODES * i + kx];
                        int c = row + kx;
                        phi1 += w * aRe[c];
                        phiX += w * aIm[c];
                        phiY += w * bRe[c];
                        phiNorm += w * bIm[c];
                    }
                }
                double x = y[2 * i] - cx;
                double v = y[2 * i + 1] - cy;
                force[2 * i] = x * phi1 - phiX;
                force[2 * i + 1] = v * phi1 - phiY;
                // sum_j q_ij = sum_j q_ij^2 (1 + |y_i|^2 - 2 y_i.y_j + |y_j|^2), minus the self term q_ii = 1
                zPerPoint[i] = (1 + x * x + v * v) * phi1 - 2 * (x * phiX + v * phiY) + phiNorm - 1;
            }
        });
    }
}
