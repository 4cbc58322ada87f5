package dev.fusionlab.data;

import java.util.List;

/**
 * What a format reader found before images are checked and splits assigned.
 *
 * @param samples  samples whose row or file could be read (images not yet validated)
 * @param problems rows or files that could not be turned into a sample
 */
public record ReadResult(List<Sample> samples, List<SampleProblem> problems) {

    public ReadResult {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }
}
