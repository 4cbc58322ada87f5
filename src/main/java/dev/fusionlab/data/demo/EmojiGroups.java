package dev.fusionlab.data.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts near-duplicate emoji into one group, so a split never has "man running" in train and "woman
 * running" in test. {@code emoji.json} has no single key for this, but two obvious ones combine well:
 * <ul>
 *   <li>the code points of a ZWJ sequence, minus gender signs (♀ ♂), the direction arrow (➡) and the
 *       variation selector, name its base: {@code 1F3C3 200D 2642 FE0F} (man running) and
 *       {@code 1F3C3 200D 27A1 FE0F} (person running facing right) both become {@code 1f3c3}, the group
 *       of plain "person running". Sequences that start with man / woman / person and add something
 *       (professions, hair styles, families) become {@code people+<the rest>}, so "man cook", "woman
 *       cook" and "cook" share {@code people+1f373} without joining the frying pan {@code 1f373};</li>
 *   <li>the {@code obsoletes} / {@code obsoleted_by} links, which join e.g. the family sequences to the
 *       old single-code-point family.</li>
 * </ul>
 * Groups are the connected components of these links, named after their smallest key.
 */
final class EmojiGroups {

    private static final String ZWJ = "200D";
    private static final Set<String> IGNORED_IN_SEQUENCE = Set.of("FE0F", "2640", "2642", "27A1");
    private static final Set<String> PEOPLE = Set.of("1F468", "1F469", "1F9D1");

    private EmojiGroups() {
    }

    /** Group name per {@code unified} code point string. */
    static Map<String, String> of(List<JsonNode> emoji) {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> keyOfUnified = new HashMap<>();
        for (JsonNode e : emoji) {
            String unified = e.path("unified").asText();
            String key = key(unified);
            keyOfUnified.put(unified, key);
            parent.putIfAbsent(key, key);
            for (String link : List.of("obsoletes", "obsoleted_by")) {
                if (e.hasNonNull(link)) {
                    String other = key(e.get(link).asText());
                    parent.putIfAbsent(other, other);
                    union(parent, key, other);
                }
            }
        }
        Map<String, String> groups = new HashMap<>();
        keyOfUnified.forEach((unified, key) -> groups.put(unified, find(parent, key)));
        return groups;
    }

    static String key(String unified) {
        List<String> codes = List.of(unified.toUpperCase(Locale.ROOT).split("-"));
        if (!codes.contains(ZWJ)) {
            return String.join("-", codes.stream().filter(c -> !c.equals("FE0F")).toList()).toLowerCase(Locale.ROOT);
        }
        List<String> parts = new ArrayList<>();
        for (String code : codes) {
            if (!code.equals(ZWJ) && !IGNORED_IN_SEQUENCE.contains(code)) {
                parts.add(code);
            }
        }
        List<String> nonPeople = parts.stream().filter(c -> !PEOPLE.contains(c)).toList();
        boolean startsWithPerson = !parts.isEmpty() && PEOPLE.contains(parts.getFirst());
        String key = startsWithPerson && !nonPeople.isEmpty()
                ? "people+" + String.join("-", nonPeople)
                : String.join("-", parts);
        return key.toLowerCase(Locale.ROOT);
    }

    private static String find(Map<String, String> parent, String key) {
        String root = key;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    /** Joins two groups; the smaller key names the result, so names do not depend on input order. */
    private static void union(Map<String, String> parent, String a, String b) {
        String rootA = find(parent, a);
        String rootB = find(parent, b);
        if (rootA.compareTo(rootB) < 0) {
            parent.put(rootB, rootA);
        } else if (rootB.compareTo(rootA) < 0) {
            parent.put(rootA, rootB);
        }
    }
}
