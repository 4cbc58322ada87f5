package dev.fusionlab.ui.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The progress of a whole job from the progress its stages report one by one. The core reports each
 * stage from 0 to 1 (encoding, each classifier, t-SNE or UMAP of each space...), so a bar fed with them
 * restarts about eight times and its "time left" says "0 s" with minutes to go. This maps a stage's
 * fraction into the job's share for that phase, never goes backwards, and names the space a projection
 * stage works on (the core announces the space with a "project" report before the method's own).
 *
 * <p>The phases' weights are rough shares of a typical run's time on a CPU (encoding dominates on real
 * encoders, then projecting three spaces); the point is a bar that moves forward once, not a precise one.
 */
public final class RunProgress {

    /** What kind of job: which phases it goes through. */
    public enum JobShape {
        /** Load (when needed), encode, train, align, project three spaces. */
        RUN(Map.of(Phase.LOAD, 0.05, Phase.ENCODE_IMAGE, 0.30, Phase.ENCODE_TEXT, 0.10, Phase.TRAIN, 0.20,
                Phase.PROJECT, 0.35)),
        /** Project the three spaces again. */
        REPROJECT(Map.of(Phase.PROJECT, 1.0)),
        /** Anything else: the stage's own fraction, as reported. */
        SINGLE(Map.of());

        private final Map<Phase, Double> weights;

        JobShape(Map<Phase, Double> weights) {
            this.weights = weights;
        }
    }

    enum Phase { LOAD, ENCODE_IMAGE, ENCODE_TEXT, TRAIN, PROJECT }

    /** The stage as the status bar shows it, and the job's fraction done (-1 while unknown). */
    public record Step(String stage, double fraction) {
    }

    private static final int SPACES = 3;
    private final JobShape kind;
    private final EnumMap<Phase, Double> done = new EnumMap<>(Phase.class);
    private double overall;
    private String space = "";
    private int spacesStarted;

    public RunProgress(JobShape kind) {
        this.kind = kind;
    }

    /** True when the fractions are the whole job's, not each stage's. */
    public boolean isWholeJob() {
        return kind != JobShape.SINGLE;
    }

    /** Folds in one report of the core ({@code detail} is its message). */
    public Step update(String stage, double fraction, String detail) {
        if (kind == JobShape.SINGLE) {
            return new Step(stage, fraction);
        }
        if (stage.equals("project")) {
            spacesStarted++;
            int cut = 0; // the key's file stem: "text-umap"
            while (detail != null && cut < detail.length() && Character.isLetter(detail.charAt(cut))) {
                cut++;
            }
            space = detail == null ? "" : detail.substring(0, cut);
        }
        Phase phase = phaseOf(stage);
        String shown = phase == Phase.PROJECT && !space.isEmpty() && !stage.equals("project")
                ? stage + " (" + space + " space)" : stage;
        if (phase == null || !kind.weights.containsKey(phase)) {
            return new Step(shown, overall > 0 ? overall : -1);
        }
        double f = fraction < 0 ? 0 : Math.min(1, fraction);
        double within = switch (phase) {
            case PROJECT -> (Math.max(0, spacesStarted - 1) + (stage.equals("knn") ? 0 : f)) / SPACES;
            default -> f;
        };
        done.merge(phase, Math.min(1, within), Math::max);
        double sum = 0;
        for (Phase p : Phase.values()) {
            boolean passed = p.ordinal() < phase.ordinal();
            double share = passed ? 1 : done.getOrDefault(p, 0.0);
            sum += kind.weights.getOrDefault(p, 0.0) * (p.ordinal() <= phase.ordinal() ? share : 0);
        }
        overall = Math.max(overall, Math.min(1, sum));
        return new Step(shown, overall);
    }

    private static Phase phaseOf(String stage) {
        return switch (stage) {
            case "load-dataset", "validate" -> Phase.LOAD;
            case "encode-image" -> Phase.ENCODE_IMAGE;
            case "encode-text" -> Phase.ENCODE_TEXT;
            case "project", "pca", "tsne", "umap", "knn" -> Phase.PROJECT;
            default -> stage.startsWith("train") ? Phase.TRAIN : null;
        };
    }
}
