package dev.fusionlab.cli;

import dev.fusionlab.embeddings.EmbeddingRun;
import dev.fusionlab.embeddings.ImportSpec;
import dev.fusionlab.embeddings.PublicationFigure;
import dev.fusionlab.embeddings.SampleColumns;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.PointTable;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.project.ProjectionMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fusionlab plot}: a publication-ready figure of embeddings made elsewhere, in one command. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Lay out one embedding file in 2D and write a figure coloured by a metadata column: legend, "
                + "column width, colour-blind-safe colours; PNG, or SVG/PDF as vectors. A CSV of the points "
                + "(id,x,y,<column>) is written beside it.")
final class PlotCommand implements Callable<Integer> {

    @Mixin
    EmbeddingOptions embeddings = new EmbeddingOptions();

    @Option(names = {"--colour-by", "--color-by"}, paramLabel = "<column>", defaultValue = "label",
            description = "Metadata column that colours the points (default: ${DEFAULT-VALUE}); a numeric column "
                    + "with many values is binned along viridis.")
    String colourBy;

    @Option(names = "--method", defaultValue = "umap", description = "pca, tsne or umap (default: ${DEFAULT-VALUE}).")
    ProjectionMethod method;

    @Option(names = "--out", required = true, paramLabel = "<file.png|.svg|.pdf>", description = "The figure.")
    Path out;

    @Option(names = "--dpi", defaultValue = "300", description = "PNG resolution (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--title", defaultValue = "", description = "Title above the plot (default: none; a paper "
            + "figure has its caption).")
    String title;

    @Option(names = "--width", defaultValue = "3.5", paramLabel = "<inches>",
            description = "Figure width in inches (default: ${DEFAULT-VALUE}, one journal column).")
    double widthIn;

    @Option(names = "--height", defaultValue = "3.0", paramLabel = "<inches>", description = "Figure height (default: ${DEFAULT-VALUE}).")
    double heightIn;

    @Option(names = "--max-categories", defaultValue = "8",
            description = "Categories with their own colour, the rest pooled as 'other' (default: ${DEFAULT-VALUE}, "
                    + "the colour-blind-safe Okabe-Ito set).")
    int maxCategories;

    @Option(names = "--label-column", defaultValue = "label", description = "Metadata column with the label (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the layout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ProjectionOptions projectionOptions = new ProjectionOptions();

    @Override
    public Integer call() throws Exception {
        if (!embeddings.isSet()) {
            throw new IllegalArgumentException("--embeddings <file> is required");
        }
        PlotFormat format = formatOf(out);
        ImportSpec spec = embeddings.spec(labelColumn, null, seed);
        if (spec.sources().size() != 1) {
            throw new IllegalArgumentException("plot draws one embedding file; run --embeddings a,b plots all spaces");
        }
        if (maxCategories < 1) {
            throw new IllegalArgumentException("--max-categories must be at least 1");
        }
        RunConfig config = RunConfig.defaults().withProjection(method, projectionOptions.toSettings()).withSeed(seed);
        RunResult result;
        try (CliContext context = new CliContext()) {
            result = EmbeddingRun.open(spec, config, context.task(), LiveLayouts.NONE);
        }
        Map.Entry<ProjectionKey, double[][]> layout = result.projections().entrySet().iterator().next();
        List<String> values = SampleColumns.values(result.samples(), colourBy);
        PublicationFigure.Figure figure = PublicationFigure.of(layout.getValue(), values, title, method.label(),
                widthIn, heightIn, dpi, maxCategories);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        format.writer().write(figure.spec(), out);
        Path csv = out.resolveSibling(stem(out) + ".csv");
        new PointTable(figure.inPlotOrder(result.ids()), Map.of(colourBy, figure.inPlotOrder(values)))
                .writeCsv(figure.spec(), csv);
        System.out.printf(Locale.ROOT, "%d points, %s, coloured by %s -> %s (+ %s)%n", result.samples().size(),
                method.label(), colourBy, out, csv.getFileName());
        if (!figure.note().isEmpty()) {
            System.out.println("note: " + figure.note());
        }
        if (!result.dataset().problems().isEmpty()) {
            System.out.printf("%d rows skipped; first: %s%n", result.dataset().problems().size(),
                    result.dataset().problems().getFirst());
        }
        return 0;
    }

    private static PlotFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (PlotFormat f : PlotFormat.values()) {
            if (name.endsWith("." + f.extension())) {
                return f;
            }
        }
        throw new IllegalArgumentException(file + ": the figure must end in .png, .svg or .pdf");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
