package dev.fusionlab.embeddings;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.data.SplitFractions;
import dev.fusionlab.data.Splitter;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Opens embeddings made elsewhere: reads the matrices and the metadata, aligns their rows (by order or by
 * id, as the {@link ImportSpec} says), turns every metadata row into a {@link Sample} and skips rows whose
 * vectors hold NaN or infinite values as problems, so the rest goes on.
 *
 * <p>Metadata columns, by name (case-insensitive): the id column (default {@code id}; row numbers without
 * one), the label column (default {@code label}), the caption ({@code text} or {@code caption}), the image
 * ({@code image}, {@code image_path}, {@code file_name}, {@code filepath} or {@code path}; relative paths
 * are taken from the metadata file's folder; none is fine), {@code split}, {@code group}; every other
 * column is kept as extra metadata, to colour or filter by.
 */
public final class EmbeddingImport {

    private static final String STAGE = "open";
    private static final String IMAGE_EMBEDDING = "image_embedding";
    private static final String TEXT_EMBEDDING = "text_embedding";
    private static final String[] IMAGE_COLUMNS = {"image", "image_path", "file_name", "filepath", "path"};

    private EmbeddingImport() {
    }

    /**
     * @throws EmbeddingFileException naming the file and what is wrong (format, shape, ragged rows, rows
     *                                that do not align, with the first differing row)
     */
    public static ImportedEmbeddings open(ImportSpec spec, TaskContext ctx) {
        List<EmbeddingMatrix> matrices = new ArrayList<>();
        for (int i = 0; i < spec.sources().size(); i++) {
            EmbeddingSource source = spec.sources().get(i);
            ctx.report(STAGE, (double) i / (spec.sources().size() + 1), "reading " + source.file().getFileName());
            ctx.throwIfCancelled(STAGE);
            matrices.add(source.read());
        }
        ctx.report(STAGE, spec.sources().size() / (spec.sources().size() + 1.0), "reading metadata");
        MetadataTable metadata = metadataFor(spec).orElse(null);
        ctx.throwIfCancelled(STAGE);

        Aligned aligned = align(spec, matrices, metadata);
        ctx.report(STAGE, 0.95, "building " + aligned.size() + " samples");
        return build(spec, matrices, metadata, aligned);
    }

    /**
     * One Parquet table (a file or a folder of shards) opened without naming a column, that holds both
     * {@code image_embedding} and {@code text_embedding} (what FusionLab's Spark job and {@code --export parquet}
     * write): both columns, as the image and the text modality of one table. Any other spec is returned as is.
     */
    public static ImportSpec withPairedColumns(ImportSpec spec) {
        if (spec.sources().size() != 1) {
            return spec;
        }
        EmbeddingSource only = spec.sources().getFirst();
        Path file = only.file();
        boolean parquet = Files.isDirectory(file)
                || Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        if (only.column() != null || !only.modality().equals("image") || !parquet) {
            return spec;
        }
        List<String> columns = ParquetTables.columns(file).stream().map(ParquetTables.Column::name).toList();
        if (!columns.contains(IMAGE_EMBEDDING) || !columns.contains(TEXT_EMBEDDING)) {
            return spec;
        }
        return new ImportSpec(List.of(new EmbeddingSource("image", file, IMAGE_EMBEDDING),
                new EmbeddingSource("text", file, TEXT_EMBEDDING)), spec.metadata(), spec.alignment(), spec.idColumn(),
                spec.labelColumn(), spec.textColumn(), spec.seed());
    }

    /** The metadata to use: the given file, else a Parquet source's own columns, else TF Projector's sibling file. */
    static Optional<MetadataTable> metadataFor(ImportSpec spec) {
        if (spec.metadata() != null) {
            return Optional.of(MetadataTable.read(spec.metadata()));
        }
        EmbeddingSource first = spec.sources().getFirst();
        if (first.format() == EmbeddingSource.FileFormat.PARQUET
                && ParquetTables.columns(first.file()).stream().anyMatch(c -> !c.isVector())) {
            return Optional.of(ParquetTables.readMetadata(first.file()));
        }
        Path sibling = first.file().resolveSibling("metadata.tsv");
        if (first.format() == EmbeddingSource.FileFormat.TSV && Files.isRegularFile(sibling)) {
            return Optional.of(MetadataTable.readTsv(sibling));
        }
        return Optional.empty();
    }

    /**
     * Which row of each file makes output row {@code i}: {@code matrixRows[m][i]} and {@code metadataRows[i]}
     * (null without metadata); ids of the output rows.
     */
    private record Aligned(int[][] matrixRows, int[] metadataRows, List<String> ids) {
        int size() {
            return ids.size();
        }
    }

    private static Aligned align(ImportSpec spec, List<EmbeddingMatrix> matrices, MetadataTable metadata) {
        int idColumn = metadata == null ? -1 : metadata.column(spec.idColumn());
        List<String> metadataIds = idColumn >= 0 ? metadata.values(idColumn) : null;
        return spec.alignment() == Alignment.ORDER
                ? alignByOrder(matrices, metadata, metadataIds)
                : alignById(spec, matrices, metadata, metadataIds);
    }

    private static Aligned alignByOrder(List<EmbeddingMatrix> matrices, MetadataTable metadata, List<String> metadataIds) {
        EmbeddingMatrix first = matrices.getFirst();
        int n = first.size();
        for (EmbeddingMatrix m : matrices.subList(1, matrices.size())) {
            if (m.size() != n) {
                throw new EmbeddingFileException(m.file(), m.size() + " rows but " + first.file() + " has " + n
                        + ": aligned by order, every file needs one row per item");
            }
            checkSameIds(first.file(), first.ids(), m.file(), m.ids());
        }
        if (metadata != null) {
            if (metadata.size() != n) {
                throw new EmbeddingFileException(metadata.file(), metadata.size() + " rows but " + first.file() + " has "
                        + n + ": aligned by order, the metadata needs one row per embedding"
                        + (metadata.columns().size() > 1 ? " (the first line is the header)"
                        : " (a single-column metadata.tsv has no header line, as in TF Projector)"));
            }
            for (EmbeddingMatrix m : matrices) {
                checkSameIds(m.file(), m.ids(), metadata.file(), metadataIds);
            }
        }
        List<String> ids = metadataIds != null ? metadataIds : first.ids() != null ? first.ids()
                : IntStream.range(0, n).mapToObj(Integer::toString).toList();
        int[] identity = IntStream.range(0, n).toArray();
        int[][] rows = new int[matrices.size()][];
        java.util.Arrays.fill(rows, identity);
        return new Aligned(rows, metadata == null ? null : identity, ids);
    }

    private static void checkSameIds(Path a, List<String> aIds, Path b, List<String> bIds) {
        if (aIds == null || bIds == null) {
            return;
        }
        for (int i = 0; i < aIds.size(); i++) {
            if (!aIds.get(i).equals(bIds.get(i))) {
                throw new EmbeddingFileException(a, "row " + i + " has id '" + aIds.get(i) + "' but row " + i + " of " + b
                        + " has id '" + bIds.get(i) + "' (aligned by order; use --align id to match rows by id)");
            }
        }
    }

    private static Aligned alignById(ImportSpec spec, List<EmbeddingMatrix> matrices, MetadataTable metadata,
                                     List<String> metadataIds) {
        for (EmbeddingMatrix matrix : matrices) {
            if (matrix.ids() == null) {
                throw new EmbeddingFileException(matrix.file(), "has no ids to align by (a Parquet or CSV 'id' column, "
                        + "or an ids.csv beside a .npy); a file without ids aligns by order (--align order)");
            }
        }
        EmbeddingMatrix first = matrices.getFirst();
        List<String> order = first.ids();
        Path orderFile = first.file();
        int n = order.size();
        int[][] rows = new int[matrices.size()][];
        rows[0] = IntStream.range(0, n).toArray();
        index(orderFile, order); // duplicates in the order-giving file are an error too
        for (int m = 1; m < matrices.size(); m++) {
            EmbeddingMatrix matrix = matrices.get(m);
            rows[m] = lookup(orderFile, order, matrix.file(), index(matrix.file(), matrix.ids()));
        }
        int[] metadataRows = null;
        if (metadata != null) {
            if (metadataIds == null) {
                throw new EmbeddingFileException(metadata.file(), "has no '" + spec.idColumn() + "' column to align by;"
                        + " columns: " + metadata.columns());
            }
            metadataRows = lookup(orderFile, order, metadata.file(), index(metadata.file(), metadataIds));
        }
        return new Aligned(rows, metadataRows, List.copyOf(order));
    }

    private static Map<String, Integer> index(Path file, List<String> ids) {
        Map<String, Integer> index = HashMap.newHashMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Integer earlier = index.putIfAbsent(ids.get(i), i);
            if (earlier != null) {
                throw new EmbeddingFileException(file, "duplicate id '" + ids.get(i) + "' in rows " + earlier + " and " + i);
            }
        }
        return index;
    }

    private static int[] lookup(Path orderFile, List<String> order, Path file, Map<String, Integer> index) {
        int[] rows = new int[order.size()];
        for (int i = 0; i < rows.length; i++) {
            Integer row = index.get(order.get(i));
            if (row == null) {
                throw new EmbeddingFileException(file, "has no row with id '" + order.get(i) + "' (row " + i + " of "
                        + orderFile + ")");
            }
            rows[i] = row;
        }
        return rows;
    }

    private static ImportedEmbeddings build(ImportSpec spec, List<EmbeddingMatrix> matrices, MetadataTable metadata,
                                            Aligned aligned) {
        Columns c = Columns.of(spec, metadata);
        Path base = metadata == null ? null : Files.isDirectory(metadata.file()) ? metadata.file().toAbsolutePath()
                : metadata.file().toAbsolutePath().getParent(); // relative image paths: from the table's folder
        List<Sample> samples = new ArrayList<>(aligned.size());
        List<Integer> kept = new ArrayList<>(aligned.size());
        List<SampleProblem> problems = new ArrayList<>();
        for (int i = 0; i < aligned.size(); i++) {
            String id = aligned.ids().get(i);
            Optional<Path> bad = nonFinite(matrices, aligned, i);
            if (bad.isPresent()) {
                problems.add(new SampleProblem(id, bad.get(), "embedding has NaN or infinite values"));
                continue;
            }
            String[] row = metadata == null ? null : metadata.rows().get(aligned.metadataRows()[i]);
            samples.add(sample(id, row, c, base));
            kept.add(i);
        }
        List<ImportedEmbeddings.ImportedModality> modalities = new ArrayList<>();
        for (int m = 0; m < matrices.size(); m++) {
            EmbeddingMatrix matrix = matrices.get(m);
            float[][] rows = new float[kept.size()][];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = matrix.rows()[aligned.matrixRows()[m][kept.get(k)]];
            }
            EmbeddingSource source = spec.sources().get(m);
            modalities.add(new ImportedEmbeddings.ImportedModality(source.modality(), rows, new EncodedDataset.EncoderInfo(
                    source.modality(), source.id(), matrix.sha256(), matrix.dimension(), 0, 0)));
        }
        if (matrices.size() == 2 && samples.stream().anyMatch(s -> s.split() == null)) {
            samples = Splitter.split(samples, SplitFractions.DEFAULT, spec.seed()); // fusion trains on train only
        }
        Path root = metadata != null ? metadata.file() : spec.sources().getFirst().file();
        String name = spec.sources().getFirst().file().getFileName().toString();
        Dataset dataset = new Dataset(root.toAbsolutePath(), name, samples, problems);
        return new ImportedEmbeddings(dataset, samples, modalities, metadata == null ? List.of() : metadata.columns());
    }

    /** The file whose row for output row i holds a NaN or infinite value, if any. */
    private static Optional<Path> nonFinite(List<EmbeddingMatrix> matrices, Aligned aligned, int i) {
        for (int m = 0; m < matrices.size(); m++) {
            for (float v : matrices.get(m).rows()[aligned.matrixRows()[m][i]]) {
                if (!Float.isFinite(v)) {
                    return Optional.of(matrices.get(m).file());
                }
            }
        }
        return Optional.empty();
    }

    private record Columns(int label, int text, int image, int split, int group, Map<String, Integer> extra) {
        static Columns of(ImportSpec spec, MetadataTable t) {
            if (t == null) {
                return new Columns(-1, -1, -1, -1, -1, Map.of());
            }
            int id = t.column(spec.idColumn());
            int label = t.column(spec.labelColumn());
            int text = t.firstColumn(spec.textColumn(), "caption", "text");
            int image = t.firstColumn(IMAGE_COLUMNS);
            int split = t.column("split");
            int group = t.column("group");
            Map<String, Integer> extra = new LinkedHashMap<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (c != id && c != label && c != text && c != image && c != split && c != group) {
                    extra.put(t.columns().get(c), c);
                }
            }
            return new Columns(label, text, image, split, group, extra);
        }
    }

    private static Sample sample(String id, String[] row, Columns c, Path base) {
        if (row == null) {
            return new Sample(id, null, "", null, null, null, Map.of());
        }
        String image = cell(row, c.image());
        Path imagePath = image == null ? null : base.resolve(image).normalize();
        Map<String, String> extra = new LinkedHashMap<>();
        c.extra().forEach((name, col) -> extra.put(name, row[col]));
        String text = cell(row, c.text());
        return new Sample(id, imagePath, text == null ? "" : text, cell(row, c.label()), split(cell(row, c.split())),
                cell(row, c.group()), extra);
    }

    private static String cell(String[] row, int column) {
        if (column < 0 || row[column] == null || row[column].isBlank()) {
            return null;
        }
        return row[column].strip();
    }

    private static Split split(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "train", "training" -> Split.TRAIN;
            case "validation", "val", "valid", "dev" -> Split.VALIDATION;
            case "test", "testing" -> Split.TEST;
            default -> null;
        };
    }
}
