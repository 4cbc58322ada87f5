package dev.fusionlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.model.PointColouring;
import dev.fusionlab.ui.scatter.ScatterLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grey points are drawn first, the coloured ones over them; highlighted points keep pointing at themselves. */
class DrawOrderTest {

    private final ScatterLayout layout = ScatterLayout.of(new ProjectionKey(Space.FUSED, ProjectionMethod.PCA),
            new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}});

    private static PointColouring colouring(int... category) {
        return new PointColouring(category, new int[] {0xFF00FF00, 0xFFFF0000},
                List.of(new LegendEntry("correct", 0xFF00FF00), new LegendEntry("wrong", 0xFFFF0000)), "test");
    }

    @Test
    void greyPointsComeFirstAndIndicesMapToTheirPositions() {
        PointColouring c = colouring(0, -1, 1, -1, 0);
        int[] argb = c.argb();
        DrawOrder order = new DrawOrder();
        order.update(layout, c, argb);
        assertThat(order.xs()).containsExactly(1f, 3f, 0f, 2f, 4f);
        assertThat(order.ys()).containsExactly(1f, 3f, 0f, 2f, 4f);
        assertThat(order.colours()).containsExactly(argb[1], argb[3], argb[0], argb[2], argb[4]);
        int[] positions = order.positions(new int[] {2, 1});
        assertThat(positions).containsExactly(3, 0);
        assertThat(order.xs()[positions[0]]).isEqualTo(2f); // point 2 is still drawn where point 2 lies
    }

    @Test
    void withoutGreyOrUncolouredTheIndexOrderIsKept() {
        DrawOrder order = new DrawOrder();
        PointColouring c = colouring(0, 1, 1, 0, 0);
        int[] argb = c.argb();
        order.update(layout, c, argb);
        assertThat(order.xs()).isSameAs(layout.xs());
        assertThat(order.colours()).isSameAs(argb);
        assertThat(order.positions(new int[] {4})).containsExactly(4);
        int[] grey = new int[5];
        order.update(layout, null, grey);
        assertThat(order.colours()).isSameAs(grey);
        assertThat(order.ys()).isSameAs(layout.ys());
    }
}
