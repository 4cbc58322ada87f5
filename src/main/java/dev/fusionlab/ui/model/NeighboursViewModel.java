package dev.fusionlab.ui.model;

import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.NeighbourLists;
import dev.fusionlab.pipeline.NeighbourSpace;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.SampleNeighbours;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * The k nearest samples of the selected sample in the image, text, fused and joint spaces, and how much
 * those neighbourhoods overlap. Follows the projection: a single selected point (or the point focused from
 * the comparison) is the query. The lookup runs on the background worker; when the worker is busy it
 * runs as soon as the worker is free.
 */
public final class NeighboursViewModel {

    /**
     * One row of a neighbour list, ready to show.
     *
     * @param distance cosine distance to the query
     */
    public record NeighbourRow(int rank, int row, String id, String caption, String label, Path image,
                               double distance) {
    }

    private final BackgroundTaskViewModel task;
    private final ObservableValue<RunResult> result;
    private final IntegerProperty k = new SimpleIntegerProperty(8);
    private final ReadOnlyIntegerWrapper query = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<NeighbourLists> lists = new ReadOnlyObjectWrapper<>();
    private SampleNeighbours lookup;
    private boolean pending;

    NeighboursViewModel(BackgroundTaskViewModel task, ObservableValue<RunResult> result, ProjectionViewModel projection) {
        this.task = task;
        this.result = result;
        result.addListener((obs, old, now) -> {
            lookup = null;
            lists.set(null);
            query.set(-1);
        });
        projection.selectionProperty().addListener((obs, old, now) -> {
            if (now.length == 1) {
                show(now[0]);
            }
        });
        projection.focusedProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                show(now.intValue());
            }
        });
        k.addListener((obs, old, now) -> {
            if (query.get() >= 0) {
                show(query.get());
            }
        });
        task.runningProperty().addListener((obs, was, running) -> {
            if (!running && pending && query.get() >= 0) {
                show(query.get());
            }
        });
    }

    /**
     * Looks up the neighbours of {@code row} of the shown run in the background.
     *
     * @return false when there is no run or the row is not in it (a busy worker defers the lookup)
     */
    public boolean show(int row) {
        RunResult run = result.getValue();
        if (run == null || row < 0 || row >= run.samples().size()) {
            return false;
        }
        query.set(row);
        if (lookup == null || lookup.run() != run) {
            lookup = new SampleNeighbours(run);
        }
        SampleNeighbours l = lookup;
        int kk = k.get();
        pending = !task.start("Neighbours of " + run.samples().get(row).id(), ctx -> l.of(row, kk, ctx), found -> {
            if (result.getValue() == run && query.get() == found.row()) {
                lists.set(found);
            }
        }, found -> "Neighbours of " + run.samples().get(row).id() + " in " + found.lists().size() + " spaces");
        return true;
    }

    /** The rows of one space's list, closest first; empty before a lookup or when the run lacks the space. */
    public List<NeighbourRow> rows(NeighbourSpace space) {
        NeighbourLists l = lists.get();
        RunResult run = result.getValue();
        List<NeighbourRow> out = new ArrayList<>();
        if (l == null || run == null || !l.lists().containsKey(space)) {
            return out;
        }
        int rank = 1;
        for (NeighbourLists.Neighbour n : l.lists().get(space)) {
            Sample s = run.samples().get(n.row());
            int t = run.truth()[n.row()];
            out.add(new NeighbourRow(rank++, n.row(), s.id(), s.text(), t < 0 ? "" : run.classes().get(t), s.image(),
                    n.distance()));
        }
        return out;
    }

    /**
     * What the list of {@code space} says while it has no rows: before a run, before a sample is selected,
     * while the lookup runs, and only for a run that really has none, that the run lacks the joint space.
     */
    public String placeholder(NeighbourSpace space) {
        RunResult run = result.getValue();
        if (run == null) {
            return "Run the pipeline to see neighbours";
        }
        if (space == NeighbourSpace.JOINT && run.jointSpace() == null) {
            return "No joint space in this run (too few training pairs)";
        }
        NeighbourLists l = lists.get();
        if (query.get() < 0) {
            return "Select a sample to see its neighbours";
        }
        if (l == null || l.row() != query.get()) {
            return "Looking up the neighbours\u2026";
        }
        return l.lists().containsKey(space) ? "No other samples" : "Not in this run";
    }

    /** {@link #placeholder} of {@code space}, kept up to date. */
    public javafx.beans.binding.StringBinding placeholderBinding(NeighbourSpace space) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> placeholder(space), result, query, lists);
    }

    /** Share of neighbours in {@code space} that have the query's label; NaN when unlabelled or unknown. */
    public double sameLabelShare(NeighbourSpace space) {
        NeighbourLists l = lists.get();
        RunResult run = result.getValue();
        if (l == null || run == null || !l.lists().containsKey(space) || run.truth()[l.row()] < 0
                || l.lists().get(space).isEmpty()) {
            return Double.NaN;
        }
        int label = run.truth()[l.row()];
        return l.lists().get(space).stream().filter(n -> run.truth()[n.row()] == label).count()
                / (double) l.lists().get(space).size();
    }

    /**
     * Writes the lists as CSV ({@code query_id,space,rank,id,label,distance}) followed by the pairwise
     * overlaps ({@code query_id,overlap,space_a,space_b,jaccard}), in the background.
     */
    public boolean exportCsv(Path file) {
        NeighbourLists l = lists.get();
        RunResult run = result.getValue();
        if (l == null || run == null) {
            return false;
        }
        StringBuilder csv = new StringBuilder("query_id,space,rank,id,label,distance\n");
        String queryId = csvField(run.samples().get(l.row()).id());
        for (NeighbourSpace s : NeighbourSpace.values()) {
            for (NeighbourRow r : rows(s)) {
                csv.append(queryId).append(',').append(s.key()).append(',').append(r.rank()).append(',')
                        .append(csvField(r.id())).append(',').append(csvField(r.label())).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", r.distance())).append('\n');
            }
        }
        csv.append("\nquery_id,overlap,space_a,space_b,jaccard\n");
        NeighbourSpace[] spaces = NeighbourSpace.values();
        for (int a = 0; a < spaces.length; a++) {
            for (int b = a + 1; b < spaces.length; b++) {
                double j = l.overlap(spaces[a], spaces[b]);
                if (!Double.isNaN(j)) {
                    csv.append(queryId).append(",overlap,").append(spaces[a].key()).append(',')
                            .append(spaces[b].key()).append(',').append(String.format(Locale.ROOT, "%.4f", j)).append('\n');
                }
            }
        }
        String text = csv.toString();
        return task.start("Exporting " + file.getFileName(), ctx -> {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot write neighbours " + file + ": " + e.getMessage(), e);
            }
            return file;
        }, written -> { }, written -> "Wrote " + written);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Neighbours per space. */
    public IntegerProperty kProperty() {
        return k;
    }

    /** The query sample's row, or -1. */
    public ReadOnlyIntegerProperty queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** The last lookup's lists, or null. */
    public ReadOnlyObjectProperty<NeighbourLists> listsProperty() {
        return lists.getReadOnlyProperty();
    }
}
