package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import java.util.Map;

/**
 * What the tooltip of a point says: the sample (its thumbnail and caption), its label and what each
 * strategy predicted, with whether that was right.
 *
 * @param predictions predicted class name per strategy the run has, in {@link Strategy} order
 */
public record HoverInfo(int index, Sample sample, String truth, Map<Strategy, String> predictions) {

    public boolean isCorrect(Strategy strategy) {
        return truth.equals(predictions.get(strategy));
    }
}
