package dev.fusionlab.ui.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.fuse.Strategy;
import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes what the comparison view shows: JSON with everything (scores, per-class F1, both confusion
 * matrices, McNemar, disagreements), or CSV with one row per strategy plus one per class.
 */
public final class ComparisonWriter {

    private ComparisonWriter() {
    }

    /** Writes JSON when the file name ends in {@code .json}, CSV otherwise. */
    public static void write(Comparison c, Predictions p, Path file) throws IOException {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                writeJson(c, p, file);
            } else {
                writeCsv(c, file);
            }
        } catch (IOException e) {
            throw new IOException("cannot write metrics " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeJson(Comparison c, Predictions p, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("testSamples", c.testCount());
        root.put("lateCombiner", p.combiner().name());
        root.put("imageWeight", p.imageWeight());
        ObjectNode strategies = root.putObject("strategies");
        for (Comparison.StrategyRow row : c.strategies()) {
            ObjectNode s = strategies.putObject(row.strategy().key());
            s.put("accuracy", row.accuracy());
            s.put("macroF1", row.macroF1());
        }
        root.set("classes", mapper.valueToTree(c.classes()));
        ArrayNode perClass = root.putArray("perClass");
        for (Comparison.ClassRow row : c.perClass()) {
            ObjectNode r = perClass.addObject();
            r.put("class", row.className());
            r.put("support", row.support());
            for (Strategy s : Strategy.values()) {
                r.put("f1_" + s.key(), row.f1()[s.ordinal()]);
            }
        }
        root.set("confusionEarly", mapper.valueToTree(c.earlyConfusion()));
        root.set("confusionLate", mapper.valueToTree(c.lateConfusion()));
        ObjectNode mcNemar = root.putObject("mcNemarEarlyVsLate");
        mcNemar.put("earlyOnlyRight", c.mcNemar().b());
        mcNemar.put("lateOnlyRight", c.mcNemar().c());
        mcNemar.put("pValue", c.mcNemar().pValue());
        mcNemar.put("method", c.mcNemar().method().name());
        root.set("disagreements", mapper.valueToTree(c.disagreements()));
        AtomicFiles.write(file, out -> mapper.writeValue(out, root));
    }

    private static void writeCsv(Comparison c, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder()
                         .setHeader("scope", "name", "strategy", "accuracy", "macro_f1", "f1", "support").get().print(out)) {
                for (Comparison.StrategyRow row : c.strategies()) {
                    csv.printRecord("strategy", row.strategy().key(), row.strategy().key(), row.accuracy(), row.macroF1(), "",
                            c.testCount());
                }
                for (Comparison.ClassRow row : c.perClass()) {
                    for (Comparison.StrategyRow s : c.strategies()) {
                        csv.printRecord("class", row.className(), s.strategy().key(), "", "",
                                row.f1()[s.strategy().ordinal()], row.support());
                    }
                }
            }
        });
    }
}
