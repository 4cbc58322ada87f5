package dev.fusionlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loaded dataset: the usable samples and the problems found while loading.
 *
 * @param root     the folder (or file) it was read from
 * @param name     short display name
 * @param samples  usable samples, every one with a non-null split once split
 * @param problems skipped items with their reasons
 */
public record Dataset(Path root, String name, List<Sample> samples, List<SampleProblem> problems) {

    public Dataset {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }

    /** Sorted distinct labels of the labelled samples. */
    public List<String> classes() {
        Set<String> labels = new TreeSet<>();
        for (Sample s : samples) {
            if (s.isLabelled()) {
                labels.add(s.label());
            }
        }
        return List.copyOf(labels);
    }

    public boolean isLabelled() {
        return samples.stream().anyMatch(Sample::isLabelled);
    }

    public List<Sample> samples(Split split) {
        return samples.stream().filter(s -> s.split() == split).toList();
    }
}
