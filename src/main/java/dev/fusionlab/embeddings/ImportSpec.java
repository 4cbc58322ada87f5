package dev.fusionlab.embeddings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to open: one or two embedding files, their metadata and how rows align.
 *
 * @param sources     one (explore and plot) or two (fusion, retrieval, every view of a run) embedding files
 * @param metadata    per-row metadata (TSV, CSV or Parquet); null for none, or for the non-vector columns of
 *                    a Parquet source, or for a {@code metadata.tsv} beside a TF Projector {@code tensors.tsv}
 * @param alignment   by order or by id
 * @param idColumn    metadata column with the row ids (default {@code id})
 * @param labelColumn metadata column with the class label (default {@code label})
 * @param textColumn  metadata column with the caption (default {@code text}, else {@code caption})
 * @param seed        seed of the train/validation/test split of rows without a {@code split} value
 */
public record ImportSpec(List<EmbeddingSource> sources, Path metadata, Alignment alignment, String idColumn,
                         String labelColumn, String textColumn, long seed) {

    public static final String DEFAULT_ID_COLUMN = "id";

    public ImportSpec {
        sources = List.copyOf(sources);
        if (sources.isEmpty() || sources.size() > 2) {
            throw new IllegalArgumentException("one or two embedding files, got " + sources.size());
        }
        Objects.requireNonNull(alignment, "alignment");
        idColumn = idColumn == null || idColumn.isBlank() ? DEFAULT_ID_COLUMN : idColumn;
        labelColumn = labelColumn == null || labelColumn.isBlank() ? "label" : labelColumn;
        textColumn = textColumn == null || textColumn.isBlank() ? "text" : textColumn;
    }

    /** Default columns ({@code id}, {@code label}, {@code text}), seed 42. */
    public static ImportSpec of(List<EmbeddingSource> sources, Path metadata, Alignment alignment) {
        return new ImportSpec(sources, metadata, alignment, null, null, null, 42);
    }
}
