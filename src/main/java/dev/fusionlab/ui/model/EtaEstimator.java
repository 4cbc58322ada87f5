package dev.fusionlab.ui.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Estimates the time left in the current stage from its progress so far, assuming a steady pace. A
 * new stage name restarts the estimate; no estimate is given before 2% or 0.5 s, when it would only
 * flicker.
 */
final class EtaEstimator {

    private String stage;
    private long stageStartNanos;

    Optional<Duration> update(String newStage, double fraction, long nowNanos) {
        if (!newStage.equals(stage)) {
            stage = newStage;
            stageStartNanos = nowNanos;
        }
        long elapsed = nowNanos - stageStartNanos;
        if (fraction < 0.02 || fraction > 1 || elapsed < 500_000_000L) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction)));
    }

    /** "12 s left", "3 min 20 s left". */
    static String format(Duration left) {
        long s = Math.max(0, Math.round(left.toMillis() / 1000.0));
        return s < 60 ? s + " s left" : s / 60 + " min " + s % 60 + " s left";
    }
}
