package dev.fusionlab.cli;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.evaluate.McNemarTest;
import dev.fusionlab.pipeline.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The few lines {@code fusionlab run} prints when it is done: what was read, the metrics table, where files went. */
final class Summary {

    /** Skipped items listed one per line; beyond this many, metrics.json has the rest. */
    static final int MAX_LISTED_PROBLEMS = 50;

    private Summary() {
    }

    static String of(RunResult result, Path out) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %d samples, %d classes, %d skipped%n", result.dataset().name(),
                result.samples().size(), result.classes().size(), result.dataset().problems().size()));
        List<SampleProblem> problems = result.dataset().problems();
        for (SampleProblem p : problems.subList(0, Math.min(MAX_LISTED_PROBLEMS, problems.size()))) {
            s.append("  skipped ").append(p).append('\n');
        }
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            s.append(String.format(Locale.ROOT, "  ... and %d more skipped: every one is in metrics.json (\"skipped\")%n",
                    problems.size() - MAX_LISTED_PROBLEMS));
        }
        if (result.isClassified()) {
            Evaluation evaluation = result.evaluate();
            s.append(String.format(Locale.ROOT, "test split: %d samples%n", evaluation.testRows().length));
            s.append("late fusion: ").append(result.lateFusion().fusion().describe()).append('\n');
            s.append(String.format(Locale.ROOT, "%-8s %9s %9s%n", "strategy", "accuracy", "macro-F1"));
            for (Strategy strategy : Strategy.values()) {
                ClassificationMetrics m = evaluation.metrics().get(strategy);
                s.append(String.format(Locale.ROOT, "%-8s %9.3f %9.3f%n", strategy.key(), m.accuracy(), m.macroF1()));
            }
            McNemarTest.Result mcnemar = evaluation.pair(Strategy.EARLY, Strategy.LATE).mcNemar();
            s.append(String.format(Locale.ROOT, "McNemar early vs late: %d vs %d discordant, p = %.4g%n",
                    mcnemar.b(), mcnemar.c(), mcnemar.pValue()));
        } else {
            s.append(result.classes().isEmpty() ? "unlabelled dataset" : "one class only")
                    .append(": classification skipped; embeddings, joint space, retrieval and projections only\n");
        }
        result.retrieval().ifPresent(r -> s.append(String.format(Locale.ROOT,
                "retrieval (%d test captions of %d images, joint space): text->image R@1 %.3f R@5 %.3f R@10 %.3f, "
                        + "image->text R@1 %.3f R@5 %.3f R@10 %.3f (chance text->image R@1 %.3f)%n", r.pairs(), r.images(),
                r.textToImage().recallAt1(), r.textToImage().recallAt5(), r.textToImage().recallAt10(),
                r.imageToText().recallAt1(), r.imageToText().recallAt5(), r.imageToText().recallAt10(),
                1.0 / r.images())));
        s.append("timings (ms): ").append(result.stageMillis()).append('\n');
        s.append("written to ").append(out.toAbsolutePath());
        return s.toString();
    }
}
