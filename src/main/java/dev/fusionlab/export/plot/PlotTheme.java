package dev.fusionlab.export.plot;

/**
 * Background and ink colours of a plot, packed ARGB. Exports follow the GUI's light or dark theme so
 * a file looks like the view it came from.
 */
public record PlotTheme(int background, int ink, int mutedInk, int frame, int highlightOutline) {

    public static final PlotTheme LIGHT = new PlotTheme(0xFFFFFFFF, 0xFF1F2328, 0xFF59636E, 0xFFD0D7DE, 0xFF000000);
    public static final PlotTheme DARK = new PlotTheme(0xFF1B1E23, 0xFFE6EDF3, 0xFF9DA7B3, 0xFF3D444D, 0xFFFFFFFF);
}
