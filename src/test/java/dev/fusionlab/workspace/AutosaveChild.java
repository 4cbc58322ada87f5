package dev.fusionlab.workspace;

import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.TestRuns;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process {@link AutosaveKillTest} kills: autosaves generation after generation to one file, each
 * generation's matrices filled with its number, and prints the number of every save that completed.
 * Arguments: the autosave file, the first generation.
 */
public final class AutosaveChild {

    static final int ROWS = 3000;

    private AutosaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int generation = Integer.parseInt(args[1]);
        RunResult base = TestRuns.clusters(ROWS, null);
        try (Autosave autosave = new Autosave(file, file.resolveSibling("clean-exit"), 0, Throwable::printStackTrace)) {
            while (true) {
                autosave.saveNow(generation(base, generation));
                System.out.println("saved " + generation);
                System.out.flush();
                generation++;
            }
        }
    }

    /** {@code base} with every embedding value and layout coordinate set to {@code g}, and row {@code g} selected. */
    static Workspace generation(RunResult base, int g) {
        Map<Space, float[][]> embeddings = new EnumMap<>(Space.class);
        base.embeddings().forEach((space, m) -> embeddings.put(space, filled(m.length, 64, g)));
        Map<ProjectionKey, double[][]> layouts = new LinkedHashMap<>();
        base.projections().keySet().forEach(k -> {
            double[][] xy = new double[ROWS][2];
            for (double[] row : xy) {
                Arrays.fill(row, g);
            }
            layouts.put(k, xy);
        });
        RunResult run = new RunResult(base.dataset(), base.classes(), base.samples(), base.truth(), embeddings,
                base.probabilities(), base.late(), null, java.util.Optional.empty(), layouts, base.config(),
                base.stageMillis(), base.provenance());
        return new Workspace(base.config(), run, new ViewState("explore", "FUSED", "UMAP", "LABEL", "LATE",
                new int[] {g}, new double[0]), "demo");
    }

    private static float[][] filled(int rows, int cols, int g) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            Arrays.fill(row, g);
        }
        return m;
    }
}
