package dev.fusionlab.project;

import smile.linalg.blas.cblas_h;

/**
 * Whether the OpenBLAS that Smile binds can be used in this process. The launcher and the tests put the
 * copy unpacked from a Maven jar on the library path; without it (a bare {@code java -cp} start, say),
 * PCA and the exact neighbour search fall back to plain Java. Asked once, then remembered.
 */
public final class OpenBlas {

    private OpenBlas() {
    }

    /** True when the native library loads and answers. */
    public static boolean available() {
        return Probe.AVAILABLE;
    }

    private static final class Probe {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                return cblas_h.openblas_get_num_threads() > 0;
            } catch (LinkageError | RuntimeException unavailable) {
                System.getLogger(OpenBlas.class.getName()).log(System.Logger.Level.INFO,
                        "OpenBLAS not found on the library path: PCA and exact neighbours run in plain Java",
                        unavailable);
                return false;
            }
        }
    }
}
