package dev.fusionlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns train / validation / test. A split given by the dataset is kept. The other samples are split
 * by group, never by sample: near-duplicates (all captions of one image, all variants of one emoji)
 * land in the same split, so test scores are not inflated by having seen a twin in training. Groups are
 * stratified by their label, so every class keeps its proportions, and a class with at least one group
 * always has one in train. Same samples and seed, same split.
 */
public final class Splitter {

    private static final String NO_LABEL = "";

    private Splitter() {
    }

    /**
     * Samples in the same order, each with a split. A sample without a split whose group has a member
     * with one joins that member's split, so a partly filled split column cannot make a group straddle.
     */
    public static List<Sample> split(List<Sample> samples, SplitFractions fractions, long seed) {
        Map<String, Split> splitOfGroup = new HashMap<>();
        for (Sample sample : samples) {
            if (sample.split() != null) {
                splitOfGroup.putIfAbsent(sample.group(), sample.split());
            }
        }
        Map<String, List<Sample>> unsplitGroups = new TreeMap<>();
        for (Sample sample : samples) {
            if (!splitOfGroup.containsKey(sample.group())) {
                unsplitGroups.computeIfAbsent(sample.group(), g -> new ArrayList<>()).add(sample);
            }
        }
        splitOfGroup.putAll(assignGroups(unsplitGroups, fractions, seed));
        return samples.stream()
                .map(s -> s.split() != null ? s : s.withSplit(splitOfGroup.get(s.group())))
                .toList();
    }

    private static Map<String, Split> assignGroups(Map<String, List<Sample>> groups, SplitFractions fractions,
                                                   long seed) {
        Map<String, List<String>> groupsByLabel = new TreeMap<>();
        groups.forEach((group, members) ->
                groupsByLabel.computeIfAbsent(majorityLabel(members), l -> new ArrayList<>()).add(group));
        Random random = new Random(seed);
        Map<String, Split> result = new HashMap<>();
        for (List<String> stratum : groupsByLabel.values()) {
            Collections.shuffle(stratum, random);
            Map<Split, Integer> counts = counts(stratum.size(), fractions);
            int next = 0;
            for (Split split : Split.values()) {
                for (int i = 0; i < counts.get(split); i++) {
                    result.put(stratum.get(next++), split);
                }
            }
        }
        return result;
    }

    /**
     * Group counts per split by largest remainder (they add up to n exactly), then at least one train
     * group: a class absent from training cannot be predicted at all.
     */
    static Map<Split, Integer> counts(int n, SplitFractions fractions) {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        Map<Split, Double> remainders = new EnumMap<>(Split.class);
        int assigned = 0;
        for (Split split : Split.values()) {
            double exact = n * fractions.of(split);
            int whole = (int) Math.floor(exact + 1e-9);
            counts.put(split, whole);
            remainders.put(split, exact - whole);
            assigned += whole;
        }
        List<Split> byRemainder = new ArrayList<>(List.of(Split.TRAIN, Split.TEST, Split.VALIDATION));
        byRemainder.sort(Comparator.comparingDouble((Split s) -> remainders.get(s)).reversed());
        for (int i = 0; assigned < n; i++, assigned++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        if (n > 0 && counts.get(Split.TRAIN) == 0) {
            Split donor = counts.get(Split.VALIDATION) > 0 ? Split.VALIDATION : Split.TEST;
            counts.merge(donor, -1, Integer::sum);
            counts.put(Split.TRAIN, 1);
        }
        return counts;
    }

    /** The most frequent label of a group (ties: alphabetically first), or "" when unlabelled. */
    private static String majorityLabel(List<Sample> members) {
        Map<String, Integer> frequency = new TreeMap<>();
        for (Sample member : members) {
            frequency.merge(member.isLabelled() ? member.label() : NO_LABEL, 1, Integer::sum);
        }
        String majority = NO_LABEL;
        int best = 0;
        for (Map.Entry<String, Integer> entry : frequency.entrySet()) {
            if (entry.getValue() > best) {
                majority = entry.getKey();
                best = entry.getValue();
            }
        }
        return majority;
    }
}
