package dev.fusionlab.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a {@code metadata.csv} or {@code metadata.jsonl} manifest as column-to-value maps, so the
 * imagefolder reader does not care which one it got. Rows that cannot be parsed (bad UTF-8, malformed
 * JSON, a CSV row with the wrong number of values) are kept as {@link #problems()}, not thrown.
 *
 * @param columns  every column seen, in first-seen order
 * @param rows     the parsable rows
 * @param problems the rows that could not be parsed
 */
record ManifestTable(SequencedSet<String> columns, List<Row> rows, List<SampleProblem> problems) {

    /** One parsed row; {@code ref} is "metadata.csv:17" (file name and 1-based line). */
    record Row(String ref, Map<String, String> values) {

        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Created on first use only: Jackson's start-up costs a cold JVM about a second, and CSV needs none of it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static ManifestTable read(Path manifest) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifest);
        } catch (IOException e) {
            throw new DatasetException(manifest, "cannot read the manifest: " + e.getMessage(), e);
        }
        BitSet invalidLines = StrictUtf8.invalidLines(bytes);
        String text = StrictUtf8.decodeLenient(bytes);
        return manifest.getFileName().toString().endsWith(".jsonl")
                ? readJsonLines(manifest, text, invalidLines)
                : readCsv(manifest, text, invalidLines);
    }

    private static ManifestTable readCsv(Path manifest, String text, BitSet invalidLines) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
                .get();
        String fileName = manifest.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (!invalidLines.isEmpty() && invalidLines.nextSetBit(0) == 0) {
                throw new DatasetException(manifest, "the header line is not valid UTF-8");
            }
            long previousEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long lastLine = Math.max(parser.getCurrentLineNumber(), previousEnd + 1);
                int firstBad = invalidLines.nextSetBit((int) previousEnd);
                String ref = fileName + ":" + (previousEnd + 1);
                previousEnd = lastLine;
                if (firstBad >= 0 && firstBad < lastLine) {
                    problems.add(new SampleProblem(ref, manifest, "row is not valid UTF-8"));
                } else if (record.size() != header.size()) {
                    problems.add(new SampleProblem(ref, manifest,
                            "row has " + record.size() + " values but the header has " + header.size() + " columns"));
                } else {
                    rows.add(new Row(ref, record.toMap()));
                }
            }
            return new ManifestTable(new LinkedHashSet<>(header), rows, problems);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new DatasetException(manifest, "not a readable CSV manifest: " + e.getMessage(), e);
        }
    }

    private static ManifestTable readJsonLines(Path manifest, String text, BitSet invalidLines) {
        String fileName = manifest.getFileName().toString();
        SequencedSet<String> columns = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String ref = fileName + ":" + (i + 1);
            if (invalidLines.get(i)) {
                problems.add(new SampleProblem(ref, manifest, "row is not valid UTF-8"));
                continue;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (!node.isObject()) {
                    problems.add(new SampleProblem(ref, manifest, "row is not a JSON object"));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    JsonNode value = field.getValue();
                    if (!value.isNull()) {
                        values.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
                    }
                }
                columns.addAll(values.keySet());
                rows.add(new Row(ref, values));
            } catch (JsonProcessingException e) {
                problems.add(new SampleProblem(ref, manifest, "row is not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return new ManifestTable(columns, rows, problems);
    }
}
