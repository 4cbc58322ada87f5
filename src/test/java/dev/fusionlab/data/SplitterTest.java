package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** 3 classes of 40 / 20 / 2 groups, each group of 1 to 3 samples. */
    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> groupsPerClass = Map.of("big", 40, "mid", 20, "tiny", 2);
        groupsPerClass.forEach((label, groups) -> {
            for (int g = 0; g < groups; g++) {
                for (int m = 0; m <= g % 3; m++) {
                    String id = label + "-" + g + "-" + m;
                    samples.add(new Sample(id, Path.of(id + ".png"), "t", label, null, label + "-" + g, null));
                }
            }
        });
        return samples;
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<Sample> input = samples();

        List<Sample> first = Splitter.split(input, SplitFractions.DEFAULT, 7);
        List<Sample> again = Splitter.split(input, SplitFractions.DEFAULT, 7);
        List<Sample> other = Splitter.split(input, SplitFractions.DEFAULT, 8);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).extracting(Sample::id).isEqualTo(input.stream().map(Sample::id).toList());
    }

    @Test
    void noGroupCrossesSplits() {
        List<Sample> split = Splitter.split(samples(), SplitFractions.DEFAULT, 3);

        Map<String, Set<Split>> splitsPerGroup = split.stream().collect(
                Collectors.groupingBy(Sample::group, Collectors.mapping(Sample::split, Collectors.toSet())));
        assertThat(splitsPerGroup.values()).allSatisfy(splits -> assertThat(splits).hasSize(1));
    }

    @Test
    void everyClassIsSplitInProportionByGroupsAndTinyClassesKeepATrainGroup() {
        List<Sample> split = Splitter.split(samples(), SplitFractions.DEFAULT, 11);

        assertThat(groupCount(split, "big")).isEqualTo(Map.of(Split.TRAIN, 28, Split.VALIDATION, 6, Split.TEST, 6));
        assertThat(groupCount(split, "mid")).isEqualTo(Map.of(Split.TRAIN, 14, Split.VALIDATION, 3, Split.TEST, 3));
        assertThat(groupCount(split, "tiny")).containsEntry(Split.TRAIN, 2);
    }

    @Test
    void splitGivenByTheDatasetIsKept() {
        List<Sample> input = new ArrayList<>(samples());
        input.set(0, input.getFirst().withSplit(Split.TEST));

        List<Sample> split = Splitter.split(input, SplitFractions.DEFAULT, 1);

        assertThat(split.getFirst().split()).isEqualTo(Split.TEST);
        assertThat(split).allSatisfy(s -> assertThat(s.split()).isNotNull());
    }

    @Test
    void unsplitSamplesFollowTheGivenSplitOfTheirGroup() {
        Sample given = new Sample("a", Path.of("a.png"), "t", "l", Split.VALIDATION, "g", null);
        Sample sibling = new Sample("b", Path.of("b.png"), "t", "l", null, "g", null);

        List<Sample> split = Splitter.split(List.of(given, sibling), SplitFractions.DEFAULT, 5);

        assertThat(split).extracting(Sample::split).containsExactly(Split.VALIDATION, Split.VALIDATION);
    }

    @Test
    void countsAddUpAndGiveTrainAtLeastOneGroup() {
        for (int n = 0; n <= 30; n++) {
            Map<Split, Integer> counts = Splitter.counts(n, SplitFractions.DEFAULT);
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
            assertThat(counts.get(Split.TRAIN)).isGreaterThanOrEqualTo(Math.min(n, 1));
        }
        assertThat(Splitter.counts(1, new SplitFractions(0.1, 0.1, 0.8))).containsEntry(Split.TRAIN, 1);
    }

    private static Map<Split, Integer> groupCount(List<Sample> samples, String label) {
        Map<Split, Set<String>> groups = new HashMap<>();
        samples.stream().filter(s -> s.label().equals(label))
                .forEach(s -> groups.computeIfAbsent(s.split(), k -> new java.util.HashSet<>()).add(s.group()));
        Map<Split, Integer> counts = new HashMap<>();
        groups.forEach((split, set) -> counts.put(split, set.size()));
        return counts;
    }
}
