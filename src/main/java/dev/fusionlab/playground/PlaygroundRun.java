package dev.fusionlab.playground;

import dev.fusionlab.pipeline.RunResult;

/**
 * A playground run: the generator's settings and what the pipeline made of the data.
 *
 * @param name     preset key or {@code custom}
 * @param settings what was generated
 * @param result   the pipeline's result, as for any dataset (exported by the run exporter)
 */
public record PlaygroundRun(String name, GeneratorSettings settings, RunResult result) {
}
