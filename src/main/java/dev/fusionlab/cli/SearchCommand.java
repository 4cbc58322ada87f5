package dev.fusionlab.cli;

import dev.fusionlab.pipeline.Pipeline;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fusionlab search}: the images of a dataset that a text describes, through its joint space. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Learn the dataset's joint image-text space (embeddings from the cache after a first run) "
                + "and print the images nearest to a text query, best first: rank, similarity, id, image, text.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--query", required = true, paramLabel = "<text>", description = "What the images should show.")
    String query;

    @Option(names = "--top", defaultValue = "10", paramLabel = "<k>",
            description = "How many images (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        if (query.isBlank() || top < 1) {
            throw new IllegalArgumentException("--query must not be blank and --top must be at least 1");
        }
        List<Pipeline.ImageHit> hits;
        try (CliContext context = new CliContext(); Pipeline pipeline = Pipeline.withDefaults()) {
            hits = pipeline.searchImages(options.toConfig(), query.strip(), top, context.task());
        }
        for (int i = 0; i < hits.size(); i++) {
            var hit = hits.get(i);
            System.out.printf(Locale.ROOT, "%2d  %.3f  %s  %s  %s%n", i + 1, hit.similarity(), hit.sample().id(),
                    hit.sample().image(), hit.sample().text());
        }
        return 0;
    }
}
