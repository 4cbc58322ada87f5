package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.BootstrapIntervals;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The bootstrap confidence intervals of the comparison on screen, computed off the UI thread (a thousand
 * draws per strategy: milliseconds on the demo, too long for the UI thread on a large test split) and
 * shown when ready; a comparison replaced meanwhile drops its late answer.
 */
public final class ScoreIntervals {

    private final ReadOnlyObjectWrapper<Map<Strategy, BootstrapIntervals>> intervals =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fusionlab-intervals");
        t.setDaemon(true);
        return t;
    });

    /** @param uiThread where the result is applied */
    public ScoreIntervals(ObservableValue<Comparison> comparison, Executor uiThread) {
        comparison.addListener((obs, old, now) -> {
            intervals.set(Map.of());
            if (now == null) {
                return;
            }
            CompletableFuture.supplyAsync(() -> now.report().intervals(), worker)
                    .thenAcceptAsync(found -> {
                        if (comparison.getValue() == now) {
                            intervals.set(found);
                        }
                    }, uiThread);
        });
    }

    /** Intervals of each strategy of the current comparison; empty until computed. */
    public ReadOnlyObjectProperty<Map<Strategy, BootstrapIntervals>> intervalsProperty() {
        return intervals.getReadOnlyProperty();
    }
}
