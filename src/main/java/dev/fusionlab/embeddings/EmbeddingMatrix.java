package dev.fusionlab.embeddings;

import java.nio.file.Path;
import java.util.List;

/**
 * One matrix of embeddings as read from a file: row {@code i} is one item.
 *
 * @param file   where it was read from
 * @param rows   n x d, every row of the same length
 * @param ids    the id of each row when the file carries ids (a Parquet/CSV id column, an {@code ids.csv}
 *               beside a {@code .npy}), else null
 * @param dtype  the stored element type, e.g. {@code float16}
 * @param sha256 of the file's bytes, for the run's provenance record
 */
public record EmbeddingMatrix(Path file, float[][] rows, List<String> ids, String dtype, String sha256) {

    public EmbeddingMatrix {
        if (ids != null && ids.size() != rows.length) {
            throw new EmbeddingFileException(file, ids.size() + " ids for " + rows.length + " rows");
        }
        ids = ids == null ? null : List.copyOf(ids);
    }

    public int size() {
        return rows.length;
    }

    public int dimension() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    public EmbeddingMatrix withIds(List<String> newIds) {
        return new EmbeddingMatrix(file, rows, newIds, dtype, sha256);
    }
}
