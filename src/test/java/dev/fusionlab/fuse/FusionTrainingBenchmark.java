package dev.fusionlab.fuse;

import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.task.TaskContext;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training time of the four strategies on demo-sized synthetic data (1,330 rows, 1280 image + 384 text
 * features, 8 classes, 70/15/15 split). Not a unit test: run it on purpose with
 * {@code mvn -B test -Dtest=FusionTrainingBenchmark -Dfusionlab.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "fusionlab.benchmark", matches = "true")
class FusionTrainingBenchmark {

    @Test
    void trainDemoSized() {
        SyntheticModalities data = SyntheticModalities.generate(1330, 1280, 384, 8, 3.0, 42);
        FusionInput in = new FusionInput(data.image(), data.text(), data.labels(), data.splits(), data.classes());
        FusionTrainer.train(in, ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1).withMaxEpochs(3),
                TaskContext.silent()); // warm-up: native library load, JIT
        for (ClassifierKind kind : ClassifierKind.values()) {
            long start = System.nanoTime();
            FusionModels models = FusionTrainer.train(in, ClassifierSpec.defaults(kind, 42), TaskContext.silent());
            long total = (System.nanoTime() - start) / 1_000_000;
            Evaluation eval = Evaluation.onTest(data.labels(), data.splits(),
                    models.probabilities(LateCombiner.MEAN, 0.5), data.classes());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: total %d ms", kind, total));
            for (var p : models.provenance().entrySet()) {
                line.append(String.format(Locale.ROOT, " | %s %d ms, %d epochs (best %d)", p.getKey().key(),
                        p.getValue().trainMillis(), p.getValue().epochsRun(), p.getValue().bestEpoch()));
            }
            for (var m : eval.metrics().entrySet()) {
                line.append(String.format(Locale.ROOT, " | %s acc %.3f", m.getKey().key(), m.getValue().accuracy()));
            }
            System.out.println(line);
        }
        System.out.println("test rows: " + in.labelledRows(Split.TEST).length);
    }
}
