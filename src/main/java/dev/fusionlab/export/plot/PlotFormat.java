package dev.fusionlab.export.plot;

import java.util.Locale;

/** The plot file formats, each with its file extension and writer. */
public enum PlotFormat {
    PNG(new PngPlotWriter()),
    SVG(new SvgPlotWriter()),
    PDF(new PdfPlotWriter());

    private final PlotWriter writer;

    PlotFormat(PlotWriter writer) {
        this.writer = writer;
    }

    public PlotWriter writer() {
        return writer;
    }

    /** Extension without the dot, lower case. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
