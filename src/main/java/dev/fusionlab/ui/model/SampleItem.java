package dev.fusionlab.ui.model;

import dev.fusionlab.data.Sample;

/**
 * A sample as the thumbnail grid shows it.
 *
 * @param index position of the sample in the list shown: the open dataset's samples, or once a run is
 *              shown, the run's samples, so that it is the sample's row in every result array
 */
public record SampleItem(int index, Sample sample) {
}
