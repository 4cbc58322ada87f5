package dev.fusionlab.embeddings.bench;

import dev.fusionlab.project.neighbors.bench.KnnBench;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trustworthiness of the Python peers' layouts ({@code bench/python_peers.py} writes them as float64
 * n x 2 .npy) by the same code and subsample as {@link EmbeddingBench}:
 * {@code java ... PeerTrust embeddings.npy python-umap-embeddings.npy ...}.
 */
public final class PeerTrust {

    private PeerTrust() {
    }

    public static void main(String[] args) throws IOException {
        float[][] data = KnnBench.readNpy(Path.of(args[0]), Integer.MAX_VALUE);
        for (int a = 1; a < args.length; a++) {
            double[][] layout = readLayout(Path.of(args[a]));
            if (layout.length != data.length) {
                System.out.printf(Locale.ROOT, "%s: %d rows, the data has %d; skipped%n", args[a], layout.length, data.length);
                continue;
            }
            System.out.printf(Locale.ROOT, "%s: trustworthiness@10 (20,000-row subsample): %.4f%n", args[a],
                    EmbeddingBench.trust(data, layout));
        }
    }

    /** A float64, C-order, n x 2 .npy as numpy.save writes it. */
    static double[][] readLayout(Path npy) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(npy)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = buf.get(6) == 1 ? (buf.getShort(8) & 0xffff) : buf.getInt(8);
        int offset = buf.get(6) == 1 ? 10 : 12;
        String header = new String(buf.array(), offset, headerLength, StandardCharsets.ISO_8859_1);
        if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
            throw new IOException(npy + ": expected a C-order float64 array, header " + header.strip());
        }
        String shape = header.substring(header.indexOf("'shape': (") + 10);
        String[] dims = shape.substring(0, shape.indexOf(')')).split(",");
        int n = Integer.parseInt(dims[0].trim());
        int d = Integer.parseInt(dims[1].trim());
        buf.position(offset + headerLength);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = buf.getDouble();
            }
        }
        return out;
    }
}
