package dev.fusionlab.spark;

import dev.fusionlab.data.DatasetFormat;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.data.ReadResult;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Splitter;
import dev.fusionlab.encode.EncoderIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The dataset as Spark rows, and the schema of the shards.
 *
 * <p>The driver only <em>reads</em> the dataset (the desktop's readers: class folders, imagefolder CSV/JSONL,
 * split folders, captions files), which lists files without opening images; the image checks that the
 * desktop's {@code SampleValidator} does on one machine ({@code ImageProbe}) run on the executors, next to the
 * encoding, so a million images are never probed by the driver. Duplicate ids and empty texts are problems
 * found on the driver, as on the desktop. Splits are the desktop's ({@link Splitter}, seeded, by group); they
 * equal a desktop run's whenever no image turns out unreadable (the desktop splits after dropping those).
 *
 * <p>Input columns: {@code id, image, text, label, split, group}, then the dataset's own extra columns (a name
 * that clashes with one of these, or with the output columns, gets the prefix {@code extra_}). Output: the
 * same plus {@value #IMAGE_EMBEDDING} and {@value #TEXT_EMBEDDING} ({@code array<float>}, one length per
 * column, the encoder's identity in the column metadata) and {@value #ERROR}.
 */
public final class EncodeRows {

    public static final String ID = "id";
    public static final String IMAGE = "image";
    public static final String TEXT = "text";
    public static final String LABEL = "label";
    public static final String SPLIT = "split";
    public static final String GROUP = "group";
    public static final String IMAGE_EMBEDDING = "image_embedding";
    public static final String TEXT_EMBEDDING = "text_embedding";
    public static final String ERROR = "error";
    static final List<String> FIXED = List.of(ID, IMAGE, TEXT, LABEL, SPLIT, GROUP);
    private static final Set<String> RESERVED = Set.of(ID, IMAGE, TEXT, LABEL, SPLIT, GROUP, IMAGE_EMBEDDING,
            TEXT_EMBEDDING, ERROR);

    /** Rows to encode (input schema), the problems the driver found, and the extra column names as read. */
    public record Input(StructType schema, List<Row> rows, List<SampleProblem> problems, List<String> extraKeys) {
    }

    private EncodeRows() {
    }

    /** Reads a dataset folder or file, as the desktop would, without opening any image. */
    public static Input read(Path dataset, DatasetOptions options, int limit) {
        ReadResult read = DatasetFormat.detect(dataset).reader().read(dataset, options);
        List<Sample> kept = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>(read.problems());
        Set<String> ids = new HashSet<>();
        for (Sample s : read.samples()) {
            if (limit > 0 && kept.size() >= limit) {
                break;
            }
            if (!ids.add(s.id())) {
                problems.add(new SampleProblem(s.id(), s.image(), "duplicate id '" + s.id() + "'"));
            } else if (s.text().isBlank()) {
                problems.add(new SampleProblem(s.id(), s.image(), "text is empty"));
            } else {
                kept.add(s);
            }
        }
        List<Sample> split = Splitter.split(kept, options.fractions(), options.seed());
        Set<String> extraKeys = new LinkedHashSet<>();
        split.forEach(s -> extraKeys.addAll(s.extra().keySet()));
        List<String> keys = List.copyOf(extraKeys);
        List<Row> rows = new ArrayList<>(split.size());
        for (Sample s : split) {
            Object[] values = new Object[FIXED.size() + keys.size()];
            values[0] = s.id();
            values[1] = s.image() == null ? null : s.image().toAbsolutePath().toString();
            values[2] = s.text();
            values[3] = s.label();
            values[4] = s.split() == null ? null : s.split().name().toLowerCase(Locale.ROOT);
            values[5] = s.group();
            for (int k = 0; k < keys.size(); k++) {
                values[FIXED.size() + k] = s.extra().get(keys.get(k));
            }
            rows.add(RowFactory.create(values));
        }
        return new Input(inputSchema(keys), rows, problems, keys);
    }

    /** {@code id, image, text, label, split, group} and the extra columns, all strings. */
    static StructType inputSchema(List<String> extraKeys) {
        List<StructField> fields = new ArrayList<>();
        for (String name : FIXED) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, !name.equals(ID)));
        }
        Set<String> taken = new HashSet<>(RESERVED);
        for (String key : extraKeys) {
            String name = key;
            while (!taken.add(name.toLowerCase(Locale.ROOT))) {
                name = "extra_" + name;
            }
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The input schema plus the two embedding columns (identity in their metadata) and the error column. */
    static StructType outputSchema(StructType input, EncoderIdentity image, EncoderIdentity text) {
        return input.add(DataTypes.createStructField(IMAGE_EMBEDDING,
                        DataTypes.createArrayType(DataTypes.FloatType, false), true, describe(image)))
                .add(DataTypes.createStructField(TEXT_EMBEDDING,
                        DataTypes.createArrayType(DataTypes.FloatType, false), true, describe(text)))
                .add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
    }

    /** {@code encoder_id}, {@code weights_sha256}, {@code dimension}, {@code pipeline}: kept in every shard's Spark schema. */
    private static Metadata describe(EncoderIdentity encoder) {
        return new MetadataBuilder().putString("encoder_id", encoder.id())
                .putString("weights_sha256", encoder.weightsSha256())
                .putLong("dimension", encoder.dimension())
                .putString("pipeline", encoder.pipeline()).build();
    }
}
