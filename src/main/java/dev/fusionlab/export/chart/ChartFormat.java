package dev.fusionlab.export.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The chart file formats: PNG at the spec's dpi, SVG as vectors (one {@code <polyline>} per line series). */
public enum ChartFormat {
    PNG, SVG;

    /** Writes {@code spec} to {@code file}, replacing it; the parent folder must exist. */
    public void write(ChartSpec spec, Path file) throws IOException {
        switch (this) {
            case PNG -> PngChartWriter.write(spec, file);
            case SVG -> SvgChartWriter.write(spec, file);
        }
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes {@code <stem>.png} and {@code <stem>.svg} next to each other. */
    public static void writeBoth(ChartSpec spec, Path dir, String stem) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        for (ChartFormat f : values()) {
            f.write(spec, dir.resolve(stem + "." + f.extension()));
        }
    }
}
