package dev.fusionlab.data.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.data.ImageProbe;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds the bundled demo dataset {@code assets/datasets/emoji} from the npm package
 * {@code emoji-datasource-google} (run {@code tools/build-emoji-dataset.sh}, which downloads and unpacks
 * the package, then calls this). Output is deterministic: same package, same bytes.
 *
 * <p>Kept: every base emoji with a Google image, except category {@code Component} (skin-tone and hair
 * swatches, not emoji one would classify). Skin-tone variants ({@code skin_variations}) are skipped: they
 * would be near-identical images with identical text. Written: {@code images/<code>.png} (64 px),
 * {@code metadata.csv} in the imagefolder layout with columns
 * {@code file_name,text,label,group,id,subcategory,unified}, {@code LICENSE} (the package's MIT licence)
 * and {@code README.md} with the counts.
 *
 * <p>Groups keep near-duplicates together in one split: see {@link EmojiGroups}.
 */
public final class EmojiDemoBuilder {

    static final String PACKAGE_NAME = "emoji-datasource-google";
    static final String IMAGE_FOLDER = "img/google/64";
    static final String EXCLUDED_CATEGORY = "Component";
    static final int IMAGE_SIZE = 64;

    private EmojiDemoBuilder() {
    }

    /** One kept emoji, as written to one metadata row. */
    record Entry(String fileName, String text, String label, String group, String id, String subcategory,
                 String unified, int sortOrder) {
    }

    /**
     * @param args the unpacked npm package folder (the one with {@code emoji.json}) and the output folder
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EmojiDemoBuilder <unpacked emoji-datasource-google folder> <output folder>");
            System.exit(2);
        }
        Path packageDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Entry> entries = build(packageDir, output);
        System.out.println("wrote " + entries.size() + " emoji to " + output.toAbsolutePath());
        countsPerCategory(entries).forEach((category, count) -> System.out.println("  " + category + ": " + count));
    }

    /** Writes the dataset and returns its rows in file order. */
    static List<Entry> build(Path packageDir, Path output) throws IOException {
        JsonNode packageJson = new ObjectMapper().readTree(packageDir.resolve("package.json").toFile());
        String version = packageJson.path("version").asText();
        List<Entry> entries = entries(new ObjectMapper().readTree(packageDir.resolve("emoji.json").toFile()));
        Path images = output.resolve("images");
        deleteFolder(images);
        Files.createDirectories(images);
        for (Entry entry : entries) {
            Path source = packageDir.resolve(IMAGE_FOLDER).resolve(Path.of(entry.fileName()).getFileName());
            Path target = output.resolve(entry.fileName());
            Files.copy(source, target);
            ImageProbe.Dimensions size = ImageProbe.dimensions(target);
            if (size.width() != IMAGE_SIZE || size.height() != IMAGE_SIZE) {
                throw new IOException(source + " is " + size.width() + "x" + size.height() + ", expected 64x64");
            }
        }
        writeMetadata(output.resolve("metadata.csv"), entries);
        Files.copy(packageDir.resolve("LICENSE"), output.resolve("LICENSE"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(output.resolve("README.md"), readme(version, entries), StandardCharsets.UTF_8);
        return entries;
    }

    static List<Entry> entries(JsonNode emojiJson) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode emoji : emojiJson) {
            if (!EXCLUDED_CATEGORY.equals(emoji.path("category").asText())
                    && emoji.path("has_img_google").asBoolean()) {
                kept.add(emoji);
            }
        }
        Map<String, String> groups = EmojiGroups.of(kept);
        return kept.stream()
                .map(emoji -> new Entry(
                        "images/" + emoji.path("image").asText(),
                        text(emoji),
                        emoji.path("category").asText(),
                        groups.get(emoji.path("unified").asText()),
                        emoji.path("short_name").asText(),
                        emoji.path("subcategory").asText(),
                        emoji.path("unified").asText(),
                        emoji.path("sort_order").asInt()))
                .sorted(Comparator.comparingInt(Entry::sortOrder).thenComparing(Entry::fileName))
                .toList();
    }

    /** "grinning face; grinning": the lower-cased name, then the short names that add something. */
    static String text(JsonNode emoji) {
        Set<String> parts = new LinkedHashSet<>();
        parts.add(emoji.path("name").asText().toLowerCase(Locale.ROOT).strip());
        for (JsonNode shortName : emoji.path("short_names")) {
            parts.add(shortName.asText().replace('_', ' ').replaceAll("(?<=\\w)-", " ").strip());
        }
        return String.join("; ", parts);
    }

    static Map<String, Integer> countsPerCategory(List<Entry> entries) {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }

    private static void writeMetadata(Path file, List<Entry> entries) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader("file_name", "text", "label", "group", "id", "subcategory", "unified").get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (Entry e : entries) {
                printer.printRecord(e.fileName(), e.text(), e.label(), e.group(), e.id(), e.subcategory(), e.unified());
            }
        }
    }

    private static String readme(String version, List<Entry> entries) {
        StringBuilder table = new StringBuilder();
        countsPerCategory(entries).forEach((category, count) ->
                table.append("| ").append(category).append(" | ").append(count).append(" |\n"));
        long groups = entries.stream().map(Entry::group).distinct().count();
        return """
                # Emoji demo dataset

                The dataset FusionLab opens by default: %d Google Noto emoji, each a 64x64 PNG, with its
                Unicode name and short names as text and its Unicode category as label. Small enough to ship,
                varied enough to show that image and text embeddings agree (or not) and that fusion helps.

                ## How it was built

                ```
                tools/build-emoji-dataset.sh
                ```

                which runs `npm pack %s@%s`, unpacks it to a temporary folder and runs
                `dev.fusionlab.data.demo.EmojiDemoBuilder <package> assets/datasets/emoji`.
                The output is deterministic (rows in the `sort_order` of `emoji.json`).

                - kept: every base emoji of `emoji.json` that has a Google image, except category `Component`
                  (skin-tone and hair swatches); skin-tone variants (`skin_variations`) are skipped;
                - `file_name`: `images/<code points>.png`, copied from `img/google/64/`;
                - `text`: lower-cased name, then the short names, e.g. `grinning face; grinning`;
                - `label`: category, e.g. `Smileys & Emotion`;
                - `group`: near-duplicates share a group and so always a split (%d groups): gendered and
                  direction variants of a ZWJ sequence (`man running`, `woman running`, `person running facing
                  right`) share the base emoji, profession sequences share the object (`man cook`, `woman cook`,
                  `cook`), and `obsoletes` / `obsoleted_by` links of `emoji.json` are followed (e.g. `family`);
                - `id` (short name), `subcategory`, `unified` (code points): extra columns.

                ## Samples per category

                | Category | Samples |
                |---|---|
                %s
                ## Licences

                - the metadata (names, short names, categories) comes from `emoji-data` by Cal Henderson, MIT
                  licence: see `LICENSE`;
                - the images are Google's Noto Emoji, Apache License 2.0: see `LICENSE-images` and `NOTICE`.
                """.formatted(entries.size(), PACKAGE_NAME, version, groups, table);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
