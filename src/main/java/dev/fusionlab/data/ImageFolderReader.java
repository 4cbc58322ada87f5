package dev.fusionlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Hugging Face {@code imagefolder} layout: a folder with {@code metadata.csv} or
 * {@code metadata.jsonl} whose {@code file_name} column gives each image relative to the folder.
 * The text and label columns are chosen in {@link DatasetOptions}; optional {@code split}, {@code id}
 * and {@code group} columns are honoured; every other column is kept in {@link Sample#extra()}.
 * Columns may come in any order.
 */
public final class ImageFolderReader implements DatasetReader {

    public static final String CSV_MANIFEST = "metadata.csv";
    public static final String JSONL_MANIFEST = "metadata.jsonl";
    public static final String FILE_NAME = "file_name";
    public static final String ID = "id";
    public static final String GROUP = "group";
    public static final String SPLIT = "split";

    /** The manifest of a folder, or null when it has none. */
    static Path manifestOf(Path folder) {
        for (String name : List.of(CSV_MANIFEST, JSONL_MANIFEST)) {
            Path manifest = folder.resolve(name);
            if (Files.isRegularFile(manifest)) {
                return manifest;
            }
        }
        return null;
    }

    @Override
    public ReadResult read(Path folder, DatasetOptions options) {
        Path root = DatasetPaths.realFolder(folder);
        Path manifest = manifestOf(root);
        if (manifest == null) {
            throw new DatasetException(folder, "no " + CSV_MANIFEST + " or " + JSONL_MANIFEST + " in this folder");
        }
        ManifestTable table = ManifestTable.read(manifest);
        requireColumn(manifest, table, FILE_NAME);
        requireColumn(manifest, table, options.textColumn());
        boolean labelled = table.columns().contains(options.labelColumn());
        if (!labelled && !options.labelColumnIsDefault()) {
            requireColumn(manifest, table, options.labelColumn());
        }
        Set<String> known = Set.of(FILE_NAME, options.textColumn(), options.labelColumn(), ID, GROUP, SPLIT);
        List<CaptionEntry> entries = entries(table, options.textColumn());
        Map<String, Integer> imageUses = countImageUses(entries);

        List<Sample> samples = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>(table.problems());
        Map<String, Integer> seenPerImage = new HashMap<>();
        for (CaptionEntry entry : entries) {
            ManifestTable.Row row = entry.row();
            String fileName = row.get(FILE_NAME);
            String id = row.get(ID);
            if (id != null && entry.of() > 1) {
                id = id + "#" + entry.index();
            } else if (id == null && fileName != null) {
                int use = seenPerImage.merge(fileName, 1, Integer::sum);
                id = imageUses.get(fileName) > 1 ? fileName + "#" + use : fileName;
            }
            try {
                samples.add(toSample(root, manifest, row, entry.text(), id, options, known));
            } catch (InvalidSampleException e) {
                problems.add(e.toProblem(id == null ? row.ref() : id));
            }
        }
        return new ReadResult(samples, problems);
    }

    /** One sample to be: a row, and one of its texts (a JSON list of captions gives one entry per caption). */
    private record CaptionEntry(ManifestTable.Row row, String text, int index, int of) {
    }

    private static List<CaptionEntry> entries(ManifestTable table, String textColumn) {
        List<CaptionEntry> entries = new ArrayList<>();
        for (ManifestTable.Row row : table.rows()) {
            List<String> texts = row.lists().get(textColumn);
            if (texts == null) {
                entries.add(new CaptionEntry(row, row.values().getOrDefault(textColumn, ""), 0, 1));
            } else {
                for (int k = 0; k < texts.size(); k++) {
                    entries.add(new CaptionEntry(row, texts.get(k), k, texts.size()));
                }
            }
        }
        return entries;
    }

    private static Sample toSample(Path root, Path manifest, ManifestTable.Row row, String rawText, String id,
                                   DatasetOptions options, Set<String> known) throws InvalidSampleException {
        String fileName = row.get(FILE_NAME);
        if (fileName == null) {
            throw new InvalidSampleException(manifest, "row " + row.ref() + " has no " + FILE_NAME);
        }
        Path image = DatasetPaths.resolveInside(root, fileName);
        String text = rawText.strip();
        Split split = null;
        String splitValue = row.get(SPLIT);
        if (splitValue != null) {
            split = SplitNames.parse(splitValue).orElseThrow(() -> new InvalidSampleException(manifest,
                    "row " + row.ref() + ": unknown split '" + splitValue + "' (train, validation or test expected)"));
        }
        String group = row.get(GROUP);
        Map<String, String> extra = new LinkedHashMap<>();
        row.values().forEach((column, value) -> {
            if (!known.contains(column)) {
                extra.put(column, value);
            }
        });
        return new Sample(id, image, text, row.get(options.labelColumn()), split,
                group == null ? fileName : group, extra);
    }

    private static Map<String, Integer> countImageUses(List<CaptionEntry> entries) {
        Map<String, Integer> uses = new HashMap<>();
        for (CaptionEntry entry : entries) {
            String fileName = entry.row().get(FILE_NAME);
            if (fileName != null) {
                uses.merge(fileName, 1, Integer::sum);
            }
        }
        return uses;
    }

    private static void requireColumn(Path manifest, ManifestTable table, String column) {
        if (!table.columns().contains(column)) {
            throw new DatasetException(manifest, "has no column '" + column + "' (columns: "
                    + String.join(", ", table.columns()) + ")");
        }
    }
}
