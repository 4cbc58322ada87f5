package dev.fusionlab.ui.model;

import static dev.fusionlab.ui.model.LessonStep.Place.COMPARE;
import static dev.fusionlab.ui.model.LessonStep.Place.EARLY_VS_LATE;
import static dev.fusionlab.ui.model.LessonStep.Place.EXPLORE;
import static dev.fusionlab.ui.model.LessonStep.Place.LINKED;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.LessonStep.View;
import java.util.List;

/**
 * The lesson content: data, not code. To add a step, add a {@link LessonStep} to the list; its view
 * names only what it wants changed. Written for a class, in plain words, for the bundled demo (emoji
 * pictures with captions) but true of any labelled dataset.
 */
public final class Lessons {

    private Lessons() {
    }

    /** The introduction to multimodal fusion, in order. */
    public static List<LessonStep> fusionBasics() {
        return List.of(
                new LessonStep("1. The image space",
                        "Each dot is one picture, placed so that pictures the image encoder finds similar sit close"
                                + " together. Colours are the true classes. Where colours form clean islands, pictures"
                                + " alone tell the classes apart; where they mix, pictures are not enough.",
                        View.of(EXPLORE, Space.IMAGE, ColourMode.LABEL)),
                new LessonStep("2. The text space",
                        "The same samples, now placed by their captions. Compare with the image space: some classes"
                                + " that mixed there may separate here, and the other way round. Hover a dot to see its"
                                + " picture and caption.",
                        View.of(EXPLORE, Space.TEXT, ColourMode.LABEL)),
                new LessonStep("3. Putting them together",
                        "The fused space glues each sample's image and text vectors end to end (after scaling both"
                                + " to the same size). This concatenation is what early fusion learns from: one"
                                + " classifier that sees both modalities at once.",
                        View.of(EXPLORE, Space.FUSED, ColourMode.LABEL)),
                new LessonStep("4. One sample, three views",
                        "Image, text and fused side by side, with one selection. Click a dot that sits among the"
                                + " wrong colour in one space: in another space it may be clearly in its class. Below,"
                                + " its nearest samples in each space, and how much those lists overlap.",
                        View.of(LINKED, null, ColourMode.LABEL)),
                new LessonStep("5. Can you trust the picture?",
                        "Squeezing hundreds of dimensions into two loses something. Yellow dots kept most of their"
                                + " real neighbours; dark purple ones did not, so a cluster of dark dots may be one the"
                                + " projection invented. Read distances between far-apart islands with care too.",
                        View.of(LINKED, null, ColourMode.FAITHFULNESS)),
                new LessonStep("6. Early vs late fusion",
                        "Late fusion trains one classifier per modality and combines their answers; early fusion"
                                + " trains one on the concatenation. Left, the test samples early fusion gets right"
                                + " (green) or wrong (red); right, the same for late fusion, each with its accuracy."
                                + " Click the buttons below (or press 1 to 4) to light up the samples only one of them"
                                + " gets right.",
                        View.of(EARLY_VS_LATE, null, null)),
                new LessonStep("7. The combiner",
                        "Late fusion needs a rule to combine the two answers: the mean, a weighted mean, the product,"
                                + " the more confident one, or a small learned model (stacking). Try the combiner and the"
                                + " image weight in the left panel: the scores change at once, nothing is retrained.",
                        new View(COMPARE, null, null, null, LateCombiner.WEIGHTED, 0.5)),
                new LessonStep("8. A missing modality",
                        "What if a sample had no caption? With weighted late fusion at image weight 1.0 only the"
                                + " image classifier speaks (this step sets it); at 0.0 only the text one does. Compare"
                                + " late fusion's score with both: that is what each modality adds. The Robustness tab"
                                + " goes further: it drops, shuffles or blurs one modality of every test sample and"
                                + " scores every strategy.",
                        new View(COMPARE, null, ColourMode.CORRECTNESS, Strategy.LATE, LateCombiner.WEIGHTED, 1.0)),
                new LessonStep("9. The XOR playground",
                        "Sometimes the class depends on image and text together, like XOR: neither alone says"
                                + " anything. Late fusion, which looks at each modality alone, then fails, and early"
                                + " fusion with a hidden layer (MLP) can succeed. Try it in the Playground tab: choose"
                                + " the xor preset and run it (or app/fusionlab playground --preset xor).",
                        new View(EXPLORE, Space.FUSED, ColourMode.CORRECTNESS, Strategy.EARLY, LateCombiner.MEAN, null)));
    }
}
