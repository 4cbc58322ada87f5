package dev.fusionlab.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The k nearest samples of one sample in each space, closest first, and how much those neighbourhoods
 * agree. A sample whose image neighbours and text neighbours barely overlap is one the two modalities
 * see differently: often the ambiguous ones.
 *
 * @param row   the sample's row in the run
 * @param k     neighbours asked for per space
 * @param lists per space, closest first; a space the run lacks (no joint space) is absent
 */
public record NeighbourLists(int row, int k, Map<NeighbourSpace, List<Neighbour>> lists) {

    /**
     * One neighbour.
     *
     * @param row      its row in the run
     * @param distance cosine distance (1 - cosine similarity) to the query sample, in [0, 2]
     */
    public record Neighbour(int row, double distance) {
    }

    public NeighbourLists {
        lists = Map.copyOf(lists);
    }

    /**
     * Jaccard index of the neighbour sets of two spaces, |A ∩ B| / |A ∪ B| in [0, 1]; NaN when either
     * space is missing.
     */
    public double overlap(NeighbourSpace a, NeighbourSpace b) {
        List<Neighbour> la = lists.get(a), lb = lists.get(b);
        if (la == null || lb == null) {
            return Double.NaN;
        }
        Set<Integer> sa = rows(la), sb = rows(lb);
        Set<Integer> union = new HashSet<>(sa);
        union.addAll(sb);
        if (union.isEmpty()) {
            return Double.NaN;
        }
        sa.retainAll(sb);
        return sa.size() / (double) union.size();
    }

    private static Set<Integer> rows(List<Neighbour> list) {
        Set<Integer> out = new HashSet<>();
        list.forEach(n -> out.add(n.row()));
        return out;
    }
}
