package dev.fusionlab.export.chart;

final class ChartChecks {

    private ChartChecks() {
    }

    static void size(int widthPx, int heightPx, int dpi) {
        if (widthPx < 200 || heightPx < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 px, got " + widthPx + " x " + heightPx);
        }
        if (dpi < 24 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be in [24, 1200], got " + dpi);
        }
    }
}
