package dev.fusionlab.cli;

import dev.fusionlab.embeddings.Alignment;
import dev.fusionlab.embeddings.EmbeddingSource;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.embeddings.InteropExport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that open embeddings made elsewhere, shared by {@code run} and {@code plot}. */
final class EmbeddingOptions {

    @Option(names = "--embeddings", paramLabel = "<file>[,<file>]",
            description = "Embeddings made elsewhere, instead of --dataset: one file (explore and plot) or two "
                    + "(image,text: fusion, retrieval, every view). .npy (float16/32/64), TF Projector tensors.tsv, "
                    + "CSV, or Parquet (name a column as table.parquet#column), also a folder of Parquet shards; one table "
                    + "with image_embedding and text_embedding opens as both. Optional name=: audio=a.npy.")
    String embeddings;

    @Option(names = "--metadata", paramLabel = "<file>",
            description = "Per-row metadata: TSV (TF Projector metadata.tsv), CSV or Parquet with id, label, "
                    + "text/caption, image, split and any other columns. Default: a Parquet source's own columns, "
                    + "or the metadata.tsv beside a tensors.tsv.")
    Path metadata;

    @Option(names = "--align", paramLabel = "order|id",
            description = "How rows of the files match: by order (row i is one item everywhere) or by id. "
                    + "Required with --embeddings.")
    Alignment alignment;

    @Option(names = "--id-column", defaultValue = "id", description = "Metadata column with the ids (default: ${DEFAULT-VALUE}).")
    String idColumn;

    boolean isSet() {
        return embeddings != null;
    }

    ImportSpec spec(String labelColumn, String textColumn, long seed) {
        if (alignment == null) {
            throw new IllegalArgumentException("say how the rows of " + embeddings + (metadata == null ? "" : " and " + metadata)
                    + " match: --align order or --align id");
        }
        List<EmbeddingSource> sources = EmbeddingSource.parseList(embeddings);
        return new ImportSpec(sources, metadata, alignment, idColumn, labelColumn, textColumn, seed);
    }

    /** {@code --export tfprojector,parquet}: the way out to other tools, for {@code run}. */
    static final class Exports {
        @Option(names = "--export", split = ",", paramLabel = "tfprojector|parquet",
                description = "Also write every space for other tools: TF Projector files (projector/<space>/tensors.tsv "
                        + "+ metadata.tsv) and/or one Parquet table of every space and layout (parquet/embeddings.parquet).")
        List<String> formats = List.of();

        List<InteropExport.ExportFormat> parsed() {
            return formats.stream().map(InteropExport.ExportFormat::parse).distinct().toList();
        }
    }
}
