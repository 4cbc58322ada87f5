package dev.fusionlab.spark;

import dev.fusionlab.data.ImageProbe;
import dev.fusionlab.encode.EncodeResult;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Encodes one partition on an executor, {@link JobOptions#rowsPerBatch()} rows at a time, lazily (the
 * partition is never held in memory whole). Every input row comes out once: with both embeddings and a null
 * {@code error}, or with null embeddings and the reason in {@code error} — the desktop's rule, one bad item
 * is a clear error for that item and the rest goes on. Reasons use the desktop's words: the image check of
 * {@code ImageProbe} (missing, corrupt, truncated, not an image, decompression bomb, ...), then
 * "image could not be encoded: ..." / "text could not be encoded: ..." from the encoders.
 */
final class PartitionEncoder implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final JobOptions options;
    private final int imageColumn;
    private final int textColumn;

    PartitionEncoder(JobOptions options, int imageColumn, int textColumn) {
        this.options = options;
        this.imageColumn = imageColumn;
        this.textColumn = textColumn;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        if (!input.hasNext()) {
            return Collections.emptyIterator();
        }
        ExecutorEncoders.Pair encoders = ExecutorEncoders.borrow(options);
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        boolean[] returned = {false};
        Runnable giveBack = () -> {
            if (!returned[0]) {
                returned[0] = true;
                ExecutorEncoders.giveBack(options, encoders);
            }
        };
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> giveBack.run()); // also after a failed or killed task
        }
        return new Iterator<>() {
            private Iterator<Row> batch = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (batch.hasNext()) {
                    return true;
                }
                if (!input.hasNext()) {
                    if (task == null) {
                        giveBack.run();
                    }
                    return false;
                }
                List<Row> rows = new ArrayList<>(options.rowsPerBatch());
                while (input.hasNext() && rows.size() < options.rowsPerBatch()) {
                    rows.add(input.next());
                }
                batch = encode(encoders, rows).iterator();
                return batch.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
    }

    /** One batch: checks, then both encoders once each on the rows that passed. */
    List<Row> encode(ExecutorEncoders.Pair encoders, List<Row> rows) {
        int n = rows.size();
        String[] errors = new String[n];
        List<Integer> todo = new ArrayList<>(n);
        List<Path> images = new ArrayList<>(n);
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            String image = row.isNullAt(imageColumn) ? null : row.getString(imageColumn);
            String text = row.isNullAt(textColumn) ? null : row.getString(textColumn);
            if (image == null || image.isBlank()) {
                errors[i] = "no image file";
                continue;
            }
            Path path = Path.of(image);
            Optional<String> problem = ImageProbe.problem(path);
            if (problem.isPresent()) {
                errors[i] = problem.get();
            } else if (text == null || text.isBlank()) {
                errors[i] = "text is empty";
            } else {
                todo.add(i);
                images.add(path);
                texts.add(text);
            }
        }
        float[][] imageVectors = new float[n][];
        float[][] textVectors = new float[n][];
        if (!todo.isEmpty()) {
            EncodeResult imageResult = encoders.images().encode(images, TaskContext.silent());
            EncodeResult textResult = encoders.texts().encode(texts, TaskContext.silent());
            for (int k = 0; k < todo.size(); k++) {
                int i = todo.get(k);
                if (!imageResult.succeeded(k)) {
                    errors[i] = "image could not be encoded: " + imageResult.failure(k).orElseThrow();
                } else if (!textResult.succeeded(k)) {
                    errors[i] = "text could not be encoded: " + textResult.failure(k).orElseThrow();
                } else {
                    imageVectors[i] = imageResult.vector(k);
                    textVectors[i] = textResult.vector(k);
                }
            }
        }
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            Object[] values = new Object[row.length() + 3];
            for (int c = 0; c < row.length(); c++) {
                values[c] = row.get(c);
            }
            values[row.length()] = imageVectors[i];
            values[row.length() + 1] = textVectors[i];
            values[row.length() + 2] = errors[i];
            out.add(RowFactory.create(values));
        }
        return out;
    }
}
