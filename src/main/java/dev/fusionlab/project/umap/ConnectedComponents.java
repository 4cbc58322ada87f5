package dev.fusionlab.project.umap;

/**
 * The connected components of a {@link FuzzyGraph}, found by union-find over its edges. UMAP needs them
 * because a disconnected graph has one eigenvalue 1 per component: its leading spectral directions are
 * component indicators, so a single spectral start of the whole graph flings the small components to the
 * edges and squeezes the large ones into a corner ({@link InitialLayout} lays each component out separately).
 *
 * @param labels  component of each point, numbered 0 .. count-1 by first appearance (point order)
 * @param members for each component, its points in ascending order
 */
record ConnectedComponents(int[] labels, int[][] members) {

    int count() {
        return members.length;
    }

    static ConnectedComponents of(FuzzyGraph graph) {
        int n = graph.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int e = graph.rowStart()[i]; e < graph.rowStart()[i + 1]; e++) {
                int a = root(parent, i);
                int b = root(parent, graph.columns()[e]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b); // the smaller index is the root: order-independent labels
                }
            }
        }
        int[] labels = new int[n];
        int[] sizes = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            labels[i] = r == i ? count++ : labels[r]; // a root precedes all its members
            sizes[labels[i]]++;
        }
        int[][] members = new int[count][];
        for (int c = 0; c < count; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < n; i++) {
            members[labels[i]][fill[labels[i]]++] = i;
        }
        return new ConnectedComponents(labels, members);
    }

    /** Root of i's tree, halving the path on the way. */
    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
