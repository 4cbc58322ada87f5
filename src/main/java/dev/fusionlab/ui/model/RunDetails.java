package dev.fusionlab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's provenance as the "Run details" dialog shows it: what {@code run.json} holds (dataset and its
 * fingerprint, every setting, the seed, encoders with their weight hashes, how each model was trained,
 * timings per stage, versions), read from the very document {@link ReportJson#run} builds, so that the
 * dialog, "Copy as JSON" and the exported file never disagree.
 *
 * @param sections one per top-level part of {@code run.json}, in its order
 * @param json     the text of {@code run.json} for this run, byte for byte
 */
public record RunDetails(List<Section> sections, String json) {

    /** One part of the document ("config", "encoders", "timings_ms", …), flattened to keys and values. */
    public record Section(String title, List<Detail> entries) {
    }

    /**
     * @param key   a path inside the section, e.g. {@code projection_settings.tsne_perplexity} or
     *              {@code 0.weights_sha256} (array elements by position)
     * @param value the JSON value as text (strings without quotes)
     */
    public record Detail(String key, String value) {
    }

    public static RunDetails of(RunResult result) {
        String json;
        try {
            json = ReportJson.runText(result);
        } catch (IOException e) {
            throw new UncheckedIOException("the run's details could not be written as JSON", e);
        }
        JsonNode root = ReportJson.run(result);
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> part : root.properties()) {
            if (part.getKey().equals(ReportJson.SCHEMA_VERSION_KEY)) {
                continue;
            }
            List<Detail> entries = new ArrayList<>();
            flatten("", part.getValue(), entries);
            sections.add(new Section(part.getKey(), List.copyOf(entries)));
        }
        return new RunDetails(List.copyOf(sections), json);
    }

    /** The section called {@code title}, e.g. "timings_ms". */
    public Section section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section " + title));
    }

    /** Value of {@code key} in section {@code title}, or null. */
    public String value(String title, String key) {
        return section(title).entries().stream().filter(e -> e.key().equals(key)).map(Detail::value).findFirst()
                .orElse(null);
    }

    private static void flatten(String prefix, JsonNode node, List<Detail> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                flatten(prefix.isEmpty() ? child.getKey() : prefix + "." + child.getKey(), child.getValue(), out);
            }
            if (node.isEmpty()) {
                out.add(new Detail(prefix, "{}"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, node.get(i), out);
            }
            if (node.isEmpty()) {
                out.add(new Detail(prefix, "[]"));
            }
        } else {
            out.add(new Detail(prefix.isEmpty() ? "value" : prefix, node.isTextual() ? node.textValue() : node.toString()));
        }
    }
}
