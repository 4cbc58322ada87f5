package dev.fusionlab.ui.model;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.pipeline.RunResult;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The dataset panel: every sample of the open dataset (or of the run, once there is one), filtered by
 * free text over id, caption and label, by label, and by the points selected in the projection; plus
 * the items that were skipped and why.
 */
public final class SampleBrowserViewModel {

    /** The label filter's "no filter" entry. */
    public static final String ALL_LABELS = "All labels";

    private final ObservableList<SampleItem> all = FXCollections.observableArrayList();
    private final FilteredList<SampleItem> filtered = new FilteredList<>(all);
    /** The filtered samples in the selection's order: best first after a search, else dataset order. */
    private final SortedList<SampleItem> shown = new SortedList<>(filtered);
    private final ObservableList<String> labels = FXCollections.observableArrayList(ALL_LABELS);
    private final ObservableList<SampleProblem> problems = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<String> labelFilter = new SimpleObjectProperty<>(ALL_LABELS);
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(0);
    private final ObservableValue<int[]> selection;

    SampleBrowserViewModel(ObservableValue<Dataset> dataset, ObservableValue<RunResult> result,
                           ObservableValue<int[]> selection) {
        this.selection = selection;
        dataset.addListener((obs, old, now) -> {
            if (result.getValue() == null || result.getValue().dataset() != now) {
                showDataset(now);
            }
        });
        result.addListener((obs, old, now) -> {
            if (now != null) {
                showResult(now);
            }
        });
        filterText.addListener((obs, old, now) -> refilter());
        labelFilter.addListener((obs, old, now) -> refilter());
        selection.addListener((obs, old, now) -> refilter());
    }

    private void showDataset(Dataset d) {
        showSamples(d == null ? List.of() : d.samples());
        problems.setAll(d == null ? List.of() : d.problems());
        setLabels(d == null ? List.of() : d.classes());
        refilter();
    }

    private void showResult(RunResult r) {
        showSamples(r.samples());
        problems.setAll(r.dataset().problems());
        setLabels(r.classes());
    }

    /**
     * Shows these samples, each item's index its position. When they are the samples already shown
     * (a run over the open dataset, every sample encoded) the grid is left alone: nothing to redraw.
     */
    private void showSamples(List<Sample> samples) {
        if (samples.size() == all.size() && IntStream.range(0, samples.size())
                .allMatch(i -> all.get(i).sample().equals(samples.get(i)))) {
            return;
        }
        List<SampleItem> items = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            items.add(new SampleItem(i, samples.get(i)));
        }
        all.setAll(items);
    }

    private void setLabels(List<String> classes) {
        String current = labelFilter.get();
        labels.setAll(ALL_LABELS);
        labels.addAll(classes);
        labelFilter.set(labels.contains(current) ? current : ALL_LABELS);
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        String label = labelFilter.get();
        int[] selected = selection.getValue();
        BitSet inSelection = new BitSet();
        for (int i : selected) {
            inSelection.set(i);
        }
        selectedCount.set(selected.length);
        int[] position = new int[all.size()];
        for (int p = 0; p < selected.length; p++) {
            if (selected[p] < position.length) {
                position[selected[p]] = p;
            }
        }
        shown.setComparator(selected.length == 0 ? null
                : java.util.Comparator.comparingInt(item -> item.index() < position.length
                        ? position[item.index()] : Integer.MAX_VALUE));
        Predicate<SampleItem> filter = item -> {
            Sample s = item.sample();
            if (selected.length > 0 && !inSelection.get(item.index())) {
                return false;
            }
            if (label != null && !ALL_LABELS.equals(label) && !label.equals(s.label())) {
                return false;
            }
            return text.isEmpty() || s.id().toLowerCase(Locale.ROOT).contains(text)
                    || s.text().toLowerCase(Locale.ROOT).contains(text)
                    || (s.label() != null && s.label().toLowerCase(Locale.ROOT).contains(text));
        };
        filtered.setPredicate(filter);
    }

    /** The samples that pass every filter, in dataset order. */
    public ObservableList<SampleItem> shown() {
        return shown;
    }

    public int totalCount() {
        return all.size();
    }

    /** "All labels" followed by the class names. */
    public ObservableList<String> labels() {
        return labels;
    }

    public ObservableList<SampleProblem> problems() {
        return problems;
    }

    /** Number of skipped items, for the badge. */
    public IntegerBinding skippedCount() {
        return Bindings.size(problems);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<String> labelFilterProperty() {
        return labelFilter;
    }

    /** How many points are selected in the projection (the grid shows only those when > 0). */
    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }
}
