package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import java.util.List;
import java.util.Map;

/**
 * Per-sample predictions of every strategy with intact inputs and under one ablation condition, for colouring
 * the projection by what the condition changes.
 *
 * @param samples   the run's samples (row {@code i} of every array)
 * @param condition the condition's name, e.g. {@code drop_text}
 * @param intact    predicted class per strategy and row with intact inputs; -1 outside the labelled test split
 * @param altered   the same under {@code condition}
 */
public record ConditionFlips(List<Sample> samples, String condition, Map<Strategy, int[]> intact,
                             Map<Strategy, int[]> altered) {
}
