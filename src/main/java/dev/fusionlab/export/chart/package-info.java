/**
 * Line and grouped bar charts as PNG and SVG, in the style of the scatter plots of
 * {@code dev.fusionlab.export.plot} (same palette, themes, CSS-pixel sizes and dpi handling): a
 * {@link dev.fusionlab.export.chart.LineChartSpec} or {@link dev.fusionlab.export.chart.BarChartSpec} says what
 * to show, {@link dev.fusionlab.export.chart.ChartFormat} writes it. Used for the playground's sweeps and the
 * modality ablation table. Pure Java2D and text: no JavaFX.
 */
package dev.fusionlab.export.chart;
