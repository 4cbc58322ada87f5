package dev.fusionlab.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** A small, real dataset for end-to-end tests: the first few emoji of each category of the bundled demo. */
final class DemoSubset {

    static final Path DEMO = Path.of("assets", "datasets", "emoji");

    private DemoSubset() {
    }

    /** Copies {@code perClass} samples of every category into {@code dir} as an imagefolder dataset. */
    static Path write(Path dir, int perClass) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(DEMO.resolve("metadata.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        Map<String, Integer> taken = new HashMap<>();
        try (Writer w = Files.newBufferedWriter(dir.resolve("metadata.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord("file_name", "text", "label", "group");
            for (CSVRecord row : rows) {
                String label = row.get("label");
                if (taken.merge(label, 1, Integer::sum) > perClass) {
                    continue;
                }
                Files.copy(DEMO.resolve(row.get("file_name")), dir.resolve(row.get("file_name")));
                csv.printRecord(row.get("file_name"), row.get("text"), label, row.get("group"));
            }
        }
        return dir;
    }
}
