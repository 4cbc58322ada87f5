package dev.fusionlab.embeddings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Parquet tables through DuckDB's embedded JDBC driver: embeddings as a list or fixed-size array column
 * ({@code FLOAT[]}, {@code FLOAT[384]}, doubles or halves), metadata as the other columns, and the
 * export of every space and layout. A table is one file, or a folder of Parquet shards read as one table
 * (a Spark job's output: {@code part-*.parquet}, in name order). DuckDB runs in-process and offline; its
 * native library is unpacked on the first connection (about a second) and only then, so runs that never
 * touch Parquet never pay it.
 *
 * <p>Vectors are fetched as {@code col[1], ..., col[d]}: plain float columns, one JDBC call per value, no
 * boxed arrays (1M x 384 is 384M values).
 */
public final class ParquetTables {

    private ParquetTables() {
    }

    /** A column of a Parquet file: its name and DuckDB type, e.g. {@code FLOAT[384]}. */
    public record Column(String name, String type) {
        boolean isVector() {
            return type.endsWith("]");
        }
    }

    /** The columns of a Parquet file. */
    public static List<Column> columns(Path file) {
        checkTable(file);
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + readParquet(file))) {
            List<Column> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(new Column(rs.getString("column_name"), rs.getString("column_type")));
            }
            return columns;
        } catch (SQLException e) {
            throw new EmbeddingFileException(file, "cannot read as Parquet: " + firstLine(e), e);
        }
    }

    /** A Parquet file, or a folder with at least one {@code .parquet} shard. */
    private static void checkTable(Path file) {
        if (Files.isDirectory(file)) {
            shards(file);
        } else {
            checkFile(file);
        }
    }

    /**
     * A table's source in SQL: one file, or every {@code *.parquet} shard of a folder (what Spark and other
     * distributed writers produce, e.g. {@code part-00000-....parquet}) read as one table, shards in name order.
     */
    private static String readParquet(Path file) {
        if (Files.isDirectory(file)) {
            String glob = file.toAbsolutePath().resolve("*.parquet").toString().replace("'", "''");
            return "read_parquet('" + glob + "')";
        }
        return "read_parquet(" + literal(file) + ")";
    }

    /** The Parquet shards of a folder, in name order (the order DuckDB reads them in). */
    static List<Path> shards(Path dir) {
        try (var files = Files.list(dir)) {
            List<Path> shards = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
                    && !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).sorted().toList();
            if (shards.isEmpty()) {
                throw new EmbeddingFileException(dir, "a folder without any .parquet file (expected Parquet shards, "
                        + "e.g. part-00000-*.parquet)");
            }
            return shards;
        } catch (IOException e) {
            throw new EmbeddingFileException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    /** sha256 of a file; of a folder, sha256 over each shard's name and sha256, in name order. */
    private static String fingerprint(Path file) {
        if (!Files.isDirectory(file)) {
            return sha256(file);
        }
        StringBuilder parts = new StringBuilder();
        for (Path shard : shards(file)) {
            parts.append(shard.getFileName()).append(' ').append(sha256(shard)).append('\n');
        }
        return HexFormat.of().formatHex(dev.fusionlab.pipeline.DatasetFingerprint.sha256()
                .digest(parts.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Reads the vectors of column {@code column} (null: the one list/array column of the table) and, when
     * the table has an {@code id} column, the ids of the rows.
     *
     * @throws EmbeddingFileException naming the file: no or several vector columns, non-numeric elements,
     *                                null or ragged rows (with the first such row)
     */
    public static EmbeddingMatrix readVectors(Path file, String column) {
        List<Column> columns = columns(file);
        Column vector = vectorColumn(file, columns, column);
        String element = vector.type().substring(0, vector.type().indexOf('[')).toUpperCase(Locale.ROOT);
        if (!List.of("FLOAT", "DOUBLE", "HALF", "FLOAT4", "FLOAT8", "REAL", "DECIMAL").contains(element.replaceAll("\\(.*", ""))) {
            throw new EmbeddingFileException(file, "column " + vector.name() + " holds " + vector.type()
                    + ": embeddings must be lists or arrays of floating-point numbers");
        }
        boolean hasId = columns.stream().anyMatch(c -> c.name().equalsIgnoreCase("id"));
        String source = readParquet(file);
        String list = "CAST(" + quote(vector.name()) + " AS DOUBLE[])";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long n;
            int d;
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(len(" + list + ")), max(len(" + list + ")), "
                    + "count(*) FILTER (WHERE " + quote(vector.name()) + " IS NULL) FROM " + source)) {
                rs.next();
                n = rs.getLong(1);
                d = rs.getInt(2);
                if (rs.getLong(4) > 0) {
                    throw new EmbeddingFileException(file, "column " + vector.name() + " is null in " + rs.getLong(4)
                            + " rows, first at row " + firstRow(s, source, quote(vector.name()) + " IS NULL"));
                }
                if (rs.getInt(2) != rs.getInt(3)) {
                    throw new EmbeddingFileException(file, "ragged rows in column " + vector.name() + ": lengths from "
                            + rs.getInt(2) + " to " + rs.getInt(3) + "; row " + firstRow(s, source, "len(" + list + ") <> "
                            + firstLength(s, source, list)) + " differs from the first row");
                }
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new EmbeddingFileException(file, n + " rows are too many");
            }
            StringBuilder select = new StringBuilder("SELECT ");
            for (int j = 1; j <= d; j++) {
                select.append(j > 1 ? ", " : "").append("CAST(").append(quote(vector.name())).append('[').append(j)
                        .append("] AS FLOAT)");
            }
            if (hasId) {
                select.append(", CAST(").append(quote("id")).append(" AS VARCHAR)");
            }
            select.append(" FROM ").append(source);
            float[][] rows = new float[(int) n][d];
            List<String> ids = hasId ? new ArrayList<>((int) n) : null;
            try (ResultSet rs = s.executeQuery(select.toString())) {
                int i = 0;
                while (rs.next()) {
                    float[] row = rows[i++];
                    for (int j = 0; j < d; j++) {
                        row[j] = rs.getFloat(j + 1);
                        if (rs.wasNull()) {
                            row[j] = Float.NaN; // a null element: the import skips the row as non-finite
                        }
                    }
                    if (hasId) {
                        ids.add(rs.getString(d + 1));
                    }
                }
            }
            return new EmbeddingMatrix(file, rows, ids, vector.type().toLowerCase(Locale.ROOT), fingerprint(file));
        } catch (SQLException e) {
            throw new EmbeddingFileException(file, "cannot read column " + vector.name() + ": " + firstLine(e), e);
        }
    }

    /** Every column that is not a list or array, as text: the metadata of a table that also holds vectors. */
    public static MetadataTable readMetadata(Path file) {
        List<Column> columns = columns(file).stream().filter(c -> !c.isVector()).toList();
        if (columns.isEmpty()) {
            throw new EmbeddingFileException(file, "no metadata columns (only vectors)");
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i > 0 ? ", " : "").append("CAST(").append(quote(columns.get(i).name())).append(" AS VARCHAR)");
        }
        select.append(" FROM ").append(readParquet(file));
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    String v = rs.getString(i + 1);
                    row[i] = v == null ? "" : v;
                }
                rows.add(row);
            }
            return new MetadataTable(file, columns.stream().map(Column::name).toList(), rows);
        } catch (SQLException e) {
            throw new EmbeddingFileException(file, "cannot read metadata: " + firstLine(e), e);
        }
    }

    /**
     * Writes one Parquet table (zstd): {@code id}, the text columns, the number columns (DOUBLE) and the
     * vector columns as fixed-size {@code FLOAT[d]} arrays, all in the given order.
     *
     * @param text    text columns by name, each as long as {@code ids}; null cells become NULL
     * @param numbers number columns by name (e.g. {@code umap_x}), each as long as {@code ids}
     * @param vectors vector columns by name, each with one row per id
     */
    public static void write(Path file, List<String> ids, Map<String, List<String>> text, Map<String, double[]> numbers,
                             Map<String, float[][]> vectors) throws IOException {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("id", "VARCHAR");
        text.keySet().forEach(k -> addColumn(types, k, "VARCHAR"));
        numbers.keySet().forEach(k -> addColumn(types, k, "DOUBLE"));
        vectors.forEach((k, v) -> addColumn(types, k, "FLOAT[" + (v.length == 0 ? 1 : v[0].length) + "]"));
        StringBuilder create = new StringBuilder("CREATE TABLE t (");
        int i = 0;
        for (var e : types.entrySet()) {
            create.append(i++ > 0 ? ", " : "").append(quote(e.getKey())).append(' ').append(e.getValue());
        }
        create.append(')');
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(create.toString());
            List<List<String>> textColumns = List.copyOf(text.values());
            List<double[]> numberColumns = List.copyOf(numbers.values());
            List<float[][]> vectorColumns = List.copyOf(vectors.values());
            try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender("t")) {
                for (int r = 0; r < ids.size(); r++) {
                    appender.beginRow().append(ids.get(r));
                    for (List<String> column : textColumns) {
                        String v = column.get(r);
                        if (v == null) {
                            appender.appendNull();
                        } else {
                            appender.append(v);
                        }
                    }
                    for (double[] column : numberColumns) {
                        appender.append(column[r]);
                    }
                    for (float[][] column : vectorColumns) {
                        appender.append(column[r]);
                    }
                    appender.endRow();
                }
            }
            s.execute("COPY t TO " + literal(file) + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IOException(file + ": cannot write Parquet: " + firstLine(e), e);
        }
    }

    private static void addColumn(Map<String, String> types, String name, String type) {
        if (types.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
            throw new IllegalArgumentException("two columns named '" + name + "'");
        }
        types.put(name, type);
    }

    private static Column vectorColumn(Path file, List<Column> columns, String wanted) {
        if (wanted != null) {
            return columns.stream().filter(c -> c.name().equals(wanted)).findFirst().orElseThrow(() ->
                    new EmbeddingFileException(file, "no column '" + wanted + "'; columns: "
                            + columns.stream().map(c -> c.name() + " " + c.type()).toList()));
        }
        List<Column> vectors = columns.stream().filter(Column::isVector).toList();
        if (vectors.size() != 1) {
            throw new EmbeddingFileException(file, (vectors.isEmpty() ? "no list or array column"
                    : "several vector columns " + vectors.stream().map(Column::name).toList())
                    + ": name the embedding column as " + file.getFileName() + "#<column>");
        }
        return vectors.getFirst();
    }

    private static long firstRow(Statement s, String source, String condition) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT rn FROM (SELECT row_number() OVER () - 1 AS rn, * FROM " + source
                + ") WHERE " + condition + " ORDER BY rn LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static int firstLength(Statement s, String source, String list) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT len(" + list + ") FROM " + source + " LIMIT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connect() throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("DuckDB's JDBC driver (duckdb_jdbc) is not on the class path", e);
        }
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    private static void checkFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EmbeddingFileException(file, "no such file");
        }
    }

    private static String sha256(Path file) {
        MessageDigest digest = dev.fusionlab.pipeline.DatasetFingerprint.sha256();
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new EmbeddingFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
