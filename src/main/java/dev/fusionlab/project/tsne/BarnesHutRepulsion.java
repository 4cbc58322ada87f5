package dev.fusionlab.project.tsne;

import dev.fusionlab.project.Workers;

/** Repulsive forces through a {@link BarnesHutTree} rebuilt every call: O(n log n), accuracy set by theta. */
final class BarnesHutRepulsion implements RepulsiveForces {

    private final BarnesHutTree tree;
    private final double theta;
    private final Workers workers;
    private final double[] zPerPoint;
    private final int[][] stacks;

    BarnesHutRepulsion(int n, double theta, Workers workers) {
        this.tree = new BarnesHutTree(n);
        this.theta = theta;
        this.workers = workers;
        this.zPerPoint = new double[n];
        this.stacks = new int[workers.threads()][BarnesHutTree.stackSize()];
    }

    @Override
    public double compute(double[] y, double[] force) {
        tree.build(y, theta);
        tree.repulsion(force, zPerPoint, workers, stacks);
        double z = 0;
        for (double zi : zPerPoint) {
            z += zi;
        }
        return z;
    }
}
