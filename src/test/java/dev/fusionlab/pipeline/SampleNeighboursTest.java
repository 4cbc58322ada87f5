package dev.fusionlab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.TestRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleNeighboursTest {

    @Test
    void nearestIsAnExactCosineScanWithoutTheQuery() {
        float[][] rows = dev.fusionlab.project.neighbors.Distances.normalizedRows(new float[][] {
                {1, 0}, {0.9f, 0.1f}, {0, 1}, {-1, 0}, {0.7f, 0.7f}});
        List<NeighbourLists.Neighbour> near = SampleNeighbours.nearest(rows, 0, 3);
        assertThat(near).extracting(NeighbourLists.Neighbour::row).containsExactly(1, 4, 2);
        assertThat(near.get(0).distance()).isCloseTo(1 - 0.9 / Math.hypot(0.9, 0.1), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(near.get(2).distance()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void overlapIsJaccardOfTheNeighbourSets() {
        var lists = new NeighbourLists(0, 3, Map.of(
                NeighbourSpace.IMAGE, List.of(n(1), n(2), n(3)),
                NeighbourSpace.TEXT, List.of(n(2), n(3), n(4)),
                NeighbourSpace.FUSED, List.of(n(1), n(2), n(3))));
        assertThat(lists.overlap(NeighbourSpace.IMAGE, NeighbourSpace.TEXT)).isEqualTo(2 / 4.0);
        assertThat(lists.overlap(NeighbourSpace.IMAGE, NeighbourSpace.FUSED)).isEqualTo(1.0);
        assertThat(lists.overlap(NeighbourSpace.IMAGE, NeighbourSpace.JOINT)).isNaN();
    }

    private static NeighbourLists.Neighbour n(int row) {
        return new NeighbourLists.Neighbour(row, 0.1);
    }

    @Test
    void listsEverySpaceOfARunAndTheJointOneWhenThereIsOne() {
        RunResult plain = TestRuns.clusters(60, null);
        NeighbourLists without = new SampleNeighbours(plain).of(4, 5, TaskContext.silent());
        assertThat(without.lists().keySet()).containsExactlyInAnyOrder(NeighbourSpace.IMAGE, NeighbourSpace.TEXT,
                NeighbourSpace.FUSED);
        assertThat(without.lists().get(NeighbourSpace.IMAGE)).hasSize(5)
                .allSatisfy(n -> assertThat(n.row()).isNotEqualTo(4))
                .isSortedAccordingTo(java.util.Comparator.comparingDouble(NeighbourLists.Neighbour::distance));
        // the clusters are the classes: the fused neighbours of a sample share its class
        assertThat(without.lists().get(NeighbourSpace.FUSED))
                .allSatisfy(n -> assertThat(plain.truth()[n.row()]).isEqualTo(plain.truth()[4]));

        RunResult joint = TestRuns.withJointSpace(plain);
        NeighbourLists with = new SampleNeighbours(joint).of(4, 5, TaskContext.silent());
        assertThat(with.lists().get(NeighbourSpace.JOINT)).hasSize(5);
        assertThatThrownBy(() -> new SampleNeighbours(plain).of(60, 5, TaskContext.silent()))
                .hasMessageContaining("row 60 is not in the run (60 samples)");
    }
}
