package dev.fusionlab.ui.model;

import dev.fusionlab.data.Sample;

/**
 * A sample as the thumbnail grid shows it.
 *
 * @param index row of the sample in the current run's results, or -1 before any run
 */
public record SampleItem(int index, Sample sample) {
}
