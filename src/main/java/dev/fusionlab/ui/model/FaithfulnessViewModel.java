package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.quality.NeighbourhoodPreservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.value.ObservableValue;

/**
 * Per-point faithfulness of the run's layouts, for {@link ColourMode#FAITHFULNESS}: computed once per
 * layout, on the background worker (with progress and cancel), only when a projection view asks for it
 * by being in that colour mode, and kept until the next run or re-projection. All three spaces of the
 * shown method are computed in one job, since the linked views show them side by side.
 */
public final class FaithfulnessViewModel {

    private final BackgroundTaskViewModel task;
    private final ObservableValue<RunResult> result;
    private final List<ProjectionViewModel> views = new ArrayList<>();
    private final Map<ProjectionKey, double[]> scores = new HashMap<>();
    /** Keys a job was started for in this run: a cancelled or failed job is not restarted on its own. */
    private final Set<ProjectionKey> attempted = new HashSet<>();
    private final int k;
    private RunResult scoredRun;

    FaithfulnessViewModel(BackgroundTaskViewModel task, ObservableValue<RunResult> result, int k) {
        this.task = task;
        this.result = result;
        this.k = k;
        result.addListener((obs, old, now) -> {
            scores.clear();
            attempted.clear();
            scoredRun = now;
            refresh();
        });
        task.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                refresh();
            }
        });
    }

    /** Lets {@code view} colour by faithfulness; its colour mode and layout changes ask for scores. */
    void attach(ProjectionViewModel view) {
        views.add(view);
        view.faithfulnessSource(this::scores);
        view.colourModeProperty().addListener((obs, old, now) -> {
            if (now == ColourMode.FAITHFULNESS) {
                attempted.removeIf(key -> !scores.containsKey(key)); // choosing the mode again retries
            }
            refresh();
        });
        view.spaceProperty().addListener((obs, old, now) -> refresh());
        view.methodProperty().addListener((obs, old, now) -> refresh());
    }

    /** The scores of a layout of the shown run, or null while not computed. */
    public double[] scores(ProjectionKey key) {
        return result.getValue() == scoredRun ? scores.get(key) : null;
    }

    /** Mean faithfulness of a layout, or NaN while not computed. */
    public double mean(ProjectionKey key) {
        double[] s = scores(key);
        return s == null ? Double.NaN : NeighbourhoodPreservation.mean(s);
    }

    /** Starts a job for the layouts that views in faithfulness mode need and nobody computed yet. */
    private void refresh() {
        RunResult run = result.getValue();
        Set<ProjectionKey> wanted = new HashSet<>();
        for (ProjectionViewModel v : views) {
            if (v.colourModeProperty().get() == ColourMode.FAITHFULNESS) {
                for (Space s : Space.OF_A_RUN) {
                    wanted.add(new ProjectionKey(s, v.methodProperty().get()));
                }
            }
        }
        Map<ProjectionKey, double[][]> todo = new LinkedHashMap<>();
        if (run != null) {
            for (ProjectionKey key : wanted) {
                double[][] layout = run.projections().get(key);
                if (layout != null && run.embeddings().get(key.space()) != null && !scores.containsKey(key)
                        && !attempted.contains(key)) {
                    todo.put(key, layout);
                }
            }
        }
        if (todo.isEmpty() || task.isRunning()) {
            views.forEach(ProjectionViewModel::refreshColouring);
            return;
        }
        long seed = run.config().seed();
        if (task.start("Faithfulness of " + todo.size() + " layouts", ctx -> {
            Map<ProjectionKey, double[]> out = new LinkedHashMap<>();
            for (var e : todo.entrySet()) {
                ctx.throwIfCancelled("faithfulness");
                out.put(e.getKey(), NeighbourhoodPreservation.perPoint(run.embeddings().get(e.getKey().space()),
                        e.getValue(), k, seed, ctx));
            }
            return out;
        }, done -> {
            if (result.getValue() == run) {
                scores.putAll(done);
            }
            views.forEach(ProjectionViewModel::refreshColouring);
        }, done -> "Faithfulness: " + summary(done))) {
            attempted.addAll(todo.keySet());
        }
    }

    private static String summary(Map<ProjectionKey, double[]> done) {
        List<String> parts = new ArrayList<>();
        done.forEach((key, s) -> parts.add(ProjectionViewModel.titleOf(key.space()).toLowerCase(java.util.Locale.ROOT)
                + " " + Math.round(100 * NeighbourhoodPreservation.mean(s)) + " %"));
        return "neighbours kept, " + String.join(", ", parts);
    }
}
