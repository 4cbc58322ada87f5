package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.ClassifierSpec;

import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.task.TaskContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training time of the four strategies on demo-sized synthetic data (1,330 rows, 1280 image + 384 text
 * features, 8 classes, 70/15/15 split). Not a unit test: run it on purpose with
 * {@code mvn -B test -Dtest=FusionTrainingBenchmark -Dfusionlab.benchmark=true}.
 *
 * <p>2026-11-27, 2-core Intel Xeon VM shared with other builds (load average about 12), default specs,
 * image + text + early classifier together:
 * <ul>
 *   <li>SOFTMAX: 3.9 s CPU (17.9 s wall under that load); 63 + 99 + 200 epochs; test accuracy image 0.60,
 *       text 0.61, early 1.00, late (mean) 1.00</li>
 *   <li>MLP (128 hidden): 6.0 s CPU (25.3 s wall); 19 + 21 + 110 epochs; test accuracy image 0.60, text 0.59,
 *       early 1.00, late 1.00</li>
 * </ul>
 * Before training was pinned to one PyTorch thread, the same SOFTMAX run took 183 s wall on that machine.
 * These totals predate stacking, which {@link FusionTrainer#train} now also trains (ten fold classifiers and a
 * meta-classifier); the line printed per kind shows its share.
 */
@EnabledIfSystemProperty(named = "fusionlab.benchmark", matches = "true")
class FusionTrainingBenchmark {

    /** Training runs PyTorch on the calling thread (one intra-op thread), so its CPU time is what an idle
     *  machine's wall time would be; wall time alone is inflated when other processes share the cores. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void trainDemoSized() {
        SyntheticModalities data = SyntheticModalities.generate(1330, 1280, 384, 8, 3.0, 42);
        FusionInput in = new FusionInput(data.image(), data.text(), data.labels(), data.splits(), data.classes());
        FusionTrainer.train(in, ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1).withMaxEpochs(3),
                TaskContext.silent()); // warm-up: native library load, JIT
        for (ClassifierKind kind : ClassifierKind.values()) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            FusionModels models = FusionTrainer.train(in, ClassifierSpec.defaults(kind, 42), TaskContext.silent());
            long total = (System.nanoTime() - start) / 1_000_000;
            long cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            Evaluation eval = Evaluation.onTest(data.labels(), data.splits(),
                    models.probabilities(LateCombiner.MEAN, 0.5), data.classes());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: total %d ms wall, %d ms CPU", kind, total, cpu));
            for (var p : models.provenance().entrySet()) {
                line.append(String.format(Locale.ROOT, " | %s %d ms, %d epochs (best %d)", p.getKey().key(),
                        p.getValue().trainMillis(), p.getValue().epochsRun(), p.getValue().bestEpoch()));
            }
            if (models.stacking() instanceof StackingOutcome.Trained trained) {
                line.append(String.format(Locale.ROOT, " | stacking %d ms", trained.stacker().provenance().trainMillis()));
            }
            for (var m : eval.metrics().entrySet()) {
                line.append(String.format(Locale.ROOT, " | %s acc %.3f", m.getKey().key(), m.getValue().accuracy()));
            }
            System.out.println(line);
        }
        System.out.println("test rows: " + in.labelledRows(Split.TEST).length);
    }
}
