package dev.fusionlab.report;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.ClassMetrics;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A {@link MetricsReport} as one flat table for spreadsheets: one row per strategy (accuracy, macro-F1), then
 * one per class and strategy (F1, support). Header {@code scope,name,strategy,accuracy,macro_f1,f1,support}.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(MetricsReport report, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder()
                    .setHeader("scope", "name", "strategy", "accuracy", "macro_f1", "f1", "support").get().print(out)) {
                for (Map.Entry<Strategy, ClassificationMetrics> e : report.strategies().entrySet()) {
                    csv.printRecord("strategy", e.getKey().key(), e.getKey().key(), e.getValue().accuracy(),
                            e.getValue().macroF1(), "", report.testSize());
                }
                for (int c = 0; c < report.classes().size(); c++) {
                    for (Map.Entry<Strategy, ClassificationMetrics> e : report.strategies().entrySet()) {
                        ClassMetrics m = e.getValue().perClass().get(c);
                        csv.printRecord("class", m.name(), e.getKey().key(), "", "", m.f1(), m.support());
                    }
                }
            }
        });
    }
}
