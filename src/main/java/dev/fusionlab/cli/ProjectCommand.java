package dev.fusionlab.cli;

import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.export.ProjectionCsv;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.Projector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fusionlab project}: a 2D layout of any .npy matrix. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Project the rows of a .npy matrix to 2D; write id,x,y CSV. Ids come from an ids.csv "
                + "beside the .npy, else they are row numbers.")
final class ProjectCommand implements Callable<Integer> {

    @Option(names = "--embeddings", required = true, paramLabel = "<file.npy>", description = "float32/float64 [n, d] matrix.")
    Path embeddings;

    @Option(names = "--method", required = true, description = "pca, tsne or umap.")
    ProjectionMethod method;

    @Option(names = "--out", required = true, paramLabel = "<file.csv>", description = "Output CSV.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ProjectionOptions projectionOptions = new ProjectionOptions();

    @Override
    public Integer call() throws Exception {
        ProjectionParams params = ProjectionParams.of(seed, projectionOptions.toSettings());
        if (!Files.isRegularFile(embeddings)) {
            throw new IllegalArgumentException(embeddings + ": no such file");
        }
        float[][] data = Npy.read(embeddings);
        Path idsFile = embeddings.resolveSibling("ids.csv");
        List<String> ids = Files.isRegularFile(idsFile) ? ProjectionCsv.readIds(idsFile)
                : IntStream.range(0, data.length).mapToObj(Integer::toString).toList();
        if (ids.size() != data.length) {
            throw new IllegalArgumentException(idsFile + " has " + ids.size() + " ids but " + embeddings + " has "
                    + data.length + " rows");
        }
        try (CliContext context = new CliContext()) {
            double[][] points = Projector.project(data, method, params, context.task());
            ProjectionCsv.write(out, ids, points);
        }
        System.out.printf("%d points, %s -> %s%n", data.length, method.key(), out);
        return 0;
    }
}
