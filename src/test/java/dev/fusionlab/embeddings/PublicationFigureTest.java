package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublicationFigureTest {

    private static double[][] layout(int n) {
        return IntStream.range(0, n).mapToObj(i -> new double[] {i, -i}).toArray(double[][]::new);
    }

    @Test
    void manyCategoriesKeepTheLargestAndPoolTheRestUnderneath() {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            for (int k = 0; k <= c; k++) { // category c has c + 1 points: c9 is the largest
                values.add("c" + c);
            }
        }
        values.add(null);

        PublicationFigure.Figure f = PublicationFigure.of(layout(values.size()), values, "", "PCA", 3.5, 3, 300, 8);

        assertThat(f.spec().legend()).extracting(LegendEntry::label)
                .containsExactly("c3", "c4", "c5", "c6", "c7", "c8", "c9", "other (3)", "(none)");
        assertThat(f.spec().legend()).extracting(LegendEntry::argb).startsWith(Palette.colour(0), Palette.colour(1));
        assertThat(f.note()).contains("10 categories");
        // the grey points (c0-c2 pooled, the missing one) come first, so the colours are drawn over them
        assertThat(f.inPlotOrder(values).subList(0, 7)).containsOnly("c0", "c1", "c2", null);
        assertThat(f.spec().colourOf(0)).isEqualTo(Palette.NEUTRAL);
        assertThat(f.spec().xs()[7]).isEqualTo((float) f.order()[7]); // coordinates follow their rows
        assertThat(f.spec().widthPx()).isEqualTo(336);
    }

    @Test
    void aNumericColumnIsBinnedAlongViridis() {
        List<String> values = IntStream.range(0, 120).mapToObj(i -> Double.toString(i / 10.0)).toList();

        PublicationFigure.Figure f = PublicationFigure.of(layout(120), values, "t", "UMAP", 3.5, 3, 300, 8);

        assertThat(f.note()).contains("quantile bins, viridis");
        assertThat(f.spec().legend()).hasSize(6);
        assertThat(f.spec().legend().getFirst().argb()).isEqualTo(0xFF440154);
        assertThat(f.spec().legend().getLast().argb()).isEqualTo(0xFFFDE725);
        int[] perBin = new int[6];
        Arrays.stream(f.spec().category()).forEach(c -> perBin[c]++);
        assertThat(perBin).containsOnly(20);
    }

    @Test
    void aFewCategoriesAreAllShownInOkabeItoColours() {
        List<String> values = List.of("b", "a", "b", "c");
        PublicationFigure.Figure f = PublicationFigure.of(layout(4), values, "", "PCA", 3.5, 3, 300, 8);
        assertThat(f.spec().legend()).extracting(LegendEntry::label).containsExactly("a", "b", "c");
        assertThat(f.note()).isEmpty();
        assertThat(f.order()).containsExactly(0, 1, 2, 3);
    }
}
