package dev.fusionlab.cli;

import dev.fusionlab.task.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows progress on stderr: a redrawn bar on an interactive terminal, otherwise one line per stage and
 * per 25 % step, so logs of scripted runs stay short.
 */
final class TerminalProgress implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private String lastStage = "";
    private int lastQuarter = -1;
    private long lastDrawNanos;

    TerminalProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static TerminalProgress forStderr() {
        return new TerminalProgress(System.err, System.console() != null && System.console().isTerminal());
    }

    @Override
    public synchronized void update(String stage, double fraction, String message) {
        boolean newStage = !stage.equals(lastStage);
        if (interactive) {
            long now = System.nanoTime();
            if (!newStage && fraction < 1 && now - lastDrawNanos < 100_000_000L) {
                return; // at most 10 redraws a second
            }
            lastDrawNanos = now;
            if (newStage && !lastStage.isEmpty()) {
                out.println();
            }
            out.print("\r" + line(stage, fraction, message) + "\u001b[K");
            out.flush();
        } else {
            int quarter = fraction < 0 ? -1 : (int) Math.floor(fraction * 4);
            if (newStage || quarter > lastQuarter) {
                out.println(line(stage, fraction, message));
            }
            lastQuarter = newStage ? quarter : Math.max(lastQuarter, quarter);
        }
        lastStage = stage;
    }

    /** Ends the bar's line, so the next output starts on a fresh one. */
    synchronized void finish() {
        if (interactive && !lastStage.isEmpty()) {
            out.println();
        }
        lastStage = "";
    }

    static String line(String stage, double fraction, String message) {
        String label = String.format(Locale.ROOT, "%-14s", stage);
        if (fraction < 0) {
            return label + " " + message;
        }
        int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
        return label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", (int) Math.round(fraction * 100)) + (message.isEmpty() ? "" : " " + message);
    }
}
