package dev.fusionlab.encode;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place that configures DJL for FusionLab. DJL reads these settings once, when its engine
 * classes initialise, so every entry point (CLI, GUI, tests, benchmarks) calls {@link #init()}
 * before touching any other DJL class.
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: never download anything (models, native libraries);
 *       pass {@code -Dai.djl.offline=false} to allow the {@code hf:} and {@code djl://} encoders.</li>
 *   <li>{@code OPT_OUT_TRACKING=true}: DJL 0.36 ({@code ai.djl.util.Ec2Utils}) reads it as an
 *       environment variable or system property and then sends no usage ping.</li>
 *   <li>PyTorch threads: intra-op = {@link #threads()}, inter-op = 1. A single-graph CNN/BERT
 *       forward pass gains nothing from inter-op parallelism; extra pools only oversubscribe.</li>
 *   <li>{@code ai.djl.pytorch.graph_optimizer=false}: with the TorchScript profiling executor on,
 *       the first forward passes of MobileNetV2 are several times slower and steady state is no
 *       faster (measured, see bench/encoder/RESULTS.md).</li>
 * </ul>
 * Every value is only a default: a system property set by the user wins.
 */
public final class DjlRuntime {

    /** System property that overrides the number of compute threads (default: all cores). */
    public static final String THREADS_PROPERTY = "fusionlab.threads";

    private static boolean initialised;

    private DjlRuntime() {
    }

    /** Sets DJL's process-wide defaults; idempotent and cheap, call it from every entry point. */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        setDefault("ai.djl.offline", "true");
        setDefault("OPT_OUT_TRACKING", "true");
        setDefault("ai.djl.pytorch.num_threads", Integer.toString(threads()));
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        setDefault("ai.djl.pytorch.graph_optimizer", "false");
        setDefault("ai.djl.default_engine", "PyTorch");
        initialised = true;
    }

    /** Compute threads for inference: {@value #THREADS_PROPERTY}, else every available core. */
    public static int threads() {
        String configured = System.getProperty(THREADS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Math.max(1, Integer.parseInt(configured.trim()));
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** True unless the user explicitly allowed DJL to download. */
    public static boolean offline() {
        init();
        return Boolean.parseBoolean(System.getProperty("ai.djl.offline", "true"));
    }

    /** The GPU when the engine sees one (CUDA build of the native library), else the CPU. */
    public static Device deviceFor(String engineName) {
        init();
        return Engine.getEngine(engineName).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
