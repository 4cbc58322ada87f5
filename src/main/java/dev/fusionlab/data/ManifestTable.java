package dev.fusionlab.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

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

    /**
     * One parsed row; {@code ref} is "metadata.csv:17" (file name and 1-based line). {@code lists} holds the
     * JSON values that are arrays of strings (several captions of one image), each also in {@code values}
     * as JSON text.
     */
    record Row(String ref, Map<String, String> values, Map<String, List<String>> lists) {

        Row(String ref, Map<String, String> values) {
            this(ref, values, Map.of());
        }

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
        bytes = StrictUtf8.utf8(bytes);
        BitSet invalidLines = StrictUtf8.invalidLines(bytes);
        String text = StrictUtf8.decodeLenient(bytes);
        return manifest.getFileName().toString().endsWith(".jsonl")
                ? readJsonLines(manifest, text, invalidLines)
                : readCsv(manifest, text, invalidLines);
    }

    /**
     * Reads the CSV record by record ({@link CsvRecords}): a row with an unterminated quote, text after a
     * closing quote, the wrong number of values or bad UTF-8 is skipped with its line number, and every
     * row after it is still read. Only an unreadable header refuses the manifest.
     */
    private static ManifestTable readCsv(Path manifest, String text, BitSet invalidLines) {
        String fileName = manifest.getFileName().toString();
        CsvRecords records = new CsvRecords(text, separator(text));
        Object first = records.next();
        if (first == null) {
            throw new DatasetException(manifest, "the manifest is empty (a header line such as 'file_name,text,label' expected)");
        }
        if (first instanceof CsvRecords.Malformed bad) {
            throw new DatasetException(manifest, "the header line " + bad.line() + " cannot be read: " + bad.reason());
        }
        CsvRecords.Csv headerRecord = (CsvRecords.Csv) first;
        if (!invalidLines.isEmpty() && invalidLines.nextSetBit(0) < headerRecord.lastLine()) {
            throw new DatasetException(manifest, "the header line is not valid UTF-8");
        }
        List<String> header = headerRecord.values();
        records.expectValues(header.size());
        List<Row> rows = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        for (Object next = records.next(); next != null; next = records.next()) {
            if (next instanceof CsvRecords.Malformed bad) {
                problems.add(new SampleProblem(fileName + ":" + bad.line(), manifest,
                        "row skipped: " + bad.reason() + "; reading went on with line " + (bad.line() + 1)));
                continue;
            }
            CsvRecords.Csv record = (CsvRecords.Csv) next;
            String ref = fileName + ":" + record.firstLine();
            int firstBad = invalidLines.nextSetBit(record.firstLine() - 1);
            if (firstBad >= 0 && firstBad < record.lastLine()) {
                problems.add(new SampleProblem(ref, manifest, "row is not valid UTF-8"));
            } else if (record.values().size() != header.size()) {
                problems.add(new SampleProblem(ref, manifest, "row has " + record.values().size()
                        + " values but the header has " + header.size() + " columns"));
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    if (!header.get(c).isEmpty()) {
                        values.putIfAbsent(header.get(c), record.values().get(c)); // a repeated column: its first value
                    }
                }
                rows.add(new Row(ref, values));
            }
        }
        SequencedSet<String> columns = new LinkedHashSet<>(header);
        columns.remove("");
        return new ManifestTable(columns, rows, problems);
    }

    /**
     * The value separator, from the header line: a comma, unless the header holds {@code file_name} only
     * when split at a semicolon (as spreadsheet programs in many European locales save "CSV") or a tab.
     */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        for (char candidate : new char[] {',', ';', '\t'}) {
            for (String name : header.split(java.util.regex.Pattern.quote(String.valueOf(candidate)), -1)) {
                if (name.strip().replace("\"", "").equals(ImageFolderReader.FILE_NAME)) {
                    return candidate;
                }
            }
        }
        return ',';
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
                Map<String, List<String>> lists = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    JsonNode value = field.getValue();
                    if (!value.isNull()) {
                        values.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
                    }
                    if (value.isArray() && !value.isEmpty() && allText(value)) {
                        List<String> texts = new ArrayList<>();
                        value.forEach(item -> texts.add(item.asText()));
                        lists.put(field.getKey(), List.copyOf(texts));
                    }
                }
                columns.addAll(values.keySet());
                rows.add(new Row(ref, values, lists));
            } catch (JsonProcessingException e) {
                problems.add(new SampleProblem(ref, manifest, "row is not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return new ManifestTable(columns, rows, problems);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
