package dev.fusionlab.export.plot;

/**
 * One line of a plot legend.
 *
 * @param label text shown next to the swatch, e.g. a class name or "both right"
 * @param argb  colour of the swatch, packed ARGB
 */
public record LegendEntry(String label, int argb) {
}
