package dev.fusionlab.export;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.Decisions;
import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code predictions.csv}: one row per test sample with its label, each strategy's predicted
 * class, then one probability column per strategy and class, named {@code <strategy>_p_<class>}.
 */
public final class PredictionsCsv {

    private PredictionsCsv() {
    }

    /** Header of the file for these classes, in column order. */
    public static List<String> header(List<String> classes) {
        List<String> header = new ArrayList<>(List.of("id", "label"));
        for (Strategy s : Strategy.values()) {
            header.add(s.key() + "_pred");
        }
        for (Strategy s : Strategy.values()) {
            for (String c : classes) {
                header.add(probabilityColumn(s, c));
            }
        }
        return header;
    }

    public static String probabilityColumn(Strategy strategy, String className) {
        return strategy.key() + "_p_" + className;
    }

    /**
     * @param samples       every sample of the run; only the TEST split is written
     * @param classes       class names, column order of the probabilities
     * @param probabilities per strategy, one row per sample
     */
    public static void write(Path file, List<Sample> samples, List<String> classes,
                             Map<Strategy, float[][]> probabilities) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord(header(classes));
                for (int i = 0; i < samples.size(); i++) {
                    Sample sample = samples.get(i);
                    if (sample.split() != Split.TEST) {
                        continue;
                    }
                    List<String> row = new ArrayList<>();
                    row.add(sample.id());
                    row.add(sample.label() == null ? "" : sample.label());
                    for (Strategy s : Strategy.values()) {
                        row.add(classes.get(Decisions.argmax(probabilities.get(s)[i])));
                    }
                    for (Strategy s : Strategy.values()) {
                        for (float p : probabilities.get(s)[i]) {
                            row.add(String.format(Locale.ROOT, "%.6g", p));
                        }
                    }
                    csv.printRecord(row);
                }
            }
        });
    }
}
