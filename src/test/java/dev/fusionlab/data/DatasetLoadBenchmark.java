package dev.fusionlab.data;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times loading (reading + validating every image + splitting) of a dataset, by default the bundled demo.
 * Not a test: run it by hand after {@code mvn -q test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     dev.fusionlab.data.DatasetLoadBenchmark [dataset folder]
 * </pre>
 * Reports the first (cold JVM) run and the median of the next ten, in wall time and in CPU time of the
 * whole process (all threads): on a shared machine the CPU time is the fairer number.
 */
public final class DatasetLoadBenchmark {

    private static final int RUNS = 10;

    private DatasetLoadBenchmark() {
    }

    public static void main(String[] args) {
        Path source = args.length > 0 ? Path.of(args[0]) : DemoDataset.locate();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Dataset first = DatasetLoader.load(source, DatasetOptions.defaults());
        double coldMs = (System.nanoTime() - start) / 1e6;
        double coldCpuMs = (processCpuNanos() - cpuStart) / 1e6;
        double[] warm = new double[RUNS];
        double[] warmCpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            DatasetLoader.load(source, DatasetOptions.defaults());
            warm[i] = (System.nanoTime() - t) / 1e6;
            warmCpu[i] = (processCpuNanos() - cpu) / 1e6;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf("%s: %d samples, %d problems; first load %.0f ms (cpu %.0f ms), "
                        + "median of %d warm loads %.0f ms (cpu %.0f ms), %d cores%n",
                source, first.samples().size(), first.problems().size(), coldMs, coldCpuMs, RUNS,
                warm[RUNS / 2], warmCpu[RUNS / 2], Runtime.getRuntime().availableProcessors());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
