package dev.fusionlab.project;

import smile.linalg.blas.cblas_h;

/**
 * Whether the OpenBLAS that Smile binds can be used in this process. The launcher and the tests put the
 * copy unpacked from a Maven jar on the library path; without it (a bare {@code java -cp} start, say),
 * PCA and the exact neighbour search fall back to plain Java. Asked once, then remembered.
 *
 * <p>When it loads, OpenBLAS is set to one thread for the whole process, once: FusionLab's products are cut
 * into fixed blocks that its own {@link Workers} run in parallel, one single-threaded OpenBLAS call per block.
 * OpenBLAS's own threading splits a product according to its thread count, and its kernels round the pieces
 * differently (measured on an AMD Zen 4 with the Haswell kernels: one and two threads gave different
 * neighbour distances, hence different t-SNE layouts), so results would depend on the thread count.
 */
public final class OpenBlas {

    private OpenBlas() {
    }

    /** True when the native library loads and answers; it then runs single-threaded (see above). */
    public static boolean available() {
        return Probe.AVAILABLE;
    }

    private static final class Probe {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                if (cblas_h.openblas_get_num_threads() <= 0) {
                    return false;
                }
                cblas_h.openblas_set_num_threads(1);
                return true;
            } catch (LinkageError | RuntimeException unavailable) {
                System.getLogger(OpenBlas.class.getName()).log(System.Logger.Level.INFO,
                        "OpenBLAS not found on the library path: PCA and exact neighbours run in plain Java",
                        unavailable);
                return false;
            }
        }
    }
}
