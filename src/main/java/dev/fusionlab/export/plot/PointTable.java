package dev.fusionlab.export.plot;

import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV sidecar of a plot: one row per point with its id, its coordinates and any per-point columns
 * (label, predictions, ...; null values become empty cells), so a figure can be redrawn in R or matplotlib from exactly the same data.
 *
 * @param ids     point ids, in plot order
 * @param columns further columns by header, each as long as {@code ids}, in column order
 */
public record PointTable(List<String> ids, Map<String, List<String>> columns) {

    public PointTable {
        ids = List.copyOf(ids);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (var column : columns.entrySet()) {
            if (column.getValue().size() != ids.size()) {
                throw new IllegalArgumentException("column " + column.getKey() + " has " + column.getValue().size()
                        + " values for " + ids.size() + " ids");
            }
            copy.put(column.getKey(), Collections.unmodifiableList(new ArrayList<>(column.getValue())));
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** Writes {@code id,x,y,<columns...>} with the spec's coordinates; rows in point order. */
    public void writeCsv(ScatterPlotSpec spec, Path file) throws IOException {
        if (spec.size() != ids.size()) {
            throw new IllegalArgumentException("plot has " + spec.size() + " points but the table " + ids.size() + " ids");
        }
        List<String> header = new ArrayList<>(List.of("id", "x", "y"));
        header.addAll(columns.keySet());
        AtomicFiles.writeText(file, out -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
                List<Object> row = new ArrayList<>(header.size());
                for (int i = 0; i < ids.size(); i++) {
                    row.clear();
                    row.add(ids.get(i));
                    row.add(spec.xs()[i]);
                    row.add(spec.ys()[i]);
                    for (List<String> column : columns.values()) {
                        row.add(column.get(i));
                    }
                    csv.printRecord(row);
                }
            }
        });
    }
}
