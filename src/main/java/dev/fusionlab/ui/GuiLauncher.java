package dev.fusionlab.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.application.Application;

/**
 * Starts the workbench window. {@code dev.fusionlab.Launcher} calls this when run without arguments; a
 * plain class, because the JavaFX launcher refuses to start an {@link Application} subclass as the main
 * class from the class path.
 *
 * <p>Without a display it prints one line saying so, and how to go on, instead of JavaFX's stack trace.
 * When the window closes the process exits within a second: a cancelled job still inside a native
 * inference cannot hold it open.
 */
public final class GuiLauncher {

    /** Exit status when no window can be opened. */
    public static final int NO_DISPLAY = 3;
    private static final String HOW_ELSE = "use the command line (app/fusionlab run --dataset demo --out out/demo;"
            + " app/fusionlab --help lists the commands) or a virtual display (xvfb-run app/fusionlab)";

    private GuiLauncher() {
    }

    public static void main(String[] args) {
        Optional<String> missing = missingDisplay(System::getenv, System.getProperty("os.name", ""),
                System.getProperty("glass.platform", ""));
        if (missing.isPresent()) {
            System.err.println("fusionlab: " + missing.get());
            System.exit(NO_DISPLAY);
        }
        try {
            Application.launch(FusionLabApp.class, args);
        } catch (RuntimeException | Error e) {
            if (!isDisplayFailure(e)) {
                throw e;
            }
            System.err.println("fusionlab: cannot open a window (" + firstLine(e) + "): " + HOW_ELSE);
            System.exit(NO_DISPLAY);
        }
        if (!FusionLabApp.jobStopped) {
            // a job inside native code (an encoder's forward pass) ignores cancellation, and the engines'
            // shutdown hooks would wait for it: end now. Nothing is lost: the embedding cache syncs every
            // write and heals a torn record, and exported files appear only when complete.
            exitImmediately();
        }
        exitWithin(500);
    }

    /**
     * Ends the process without running anything more: C's {@code _exit}, through the FFM API.
     * {@code Runtime.halt} still runs the C library's exit handlers, and libtorch's static destructors
     * abort the process (SIGABRT, a core dump) while one of its threads is mid-inference.
     */
    private static void exitImmediately() {
        try {
            var linker = java.lang.foreign.Linker.nativeLinker();
            var exit = linker.defaultLookup().find("_exit").orElseThrow();
            linker.downcallHandle(exit, java.lang.foreign.FunctionDescriptor.ofVoid(java.lang.foreign.ValueLayout.JAVA_INT))
                    .invokeExact(0);
        } catch (Throwable e) { // no _exit on this platform, or native access not enabled
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * Why no window can open, when that is clear before starting JavaFX: on Linux and the BSDs, neither
     * {@code $DISPLAY} nor {@code $WAYLAND_DISPLAY} is set. Headless Monocle (tests) needs neither.
     */
    static Optional<String> missingDisplay(UnaryOperator<String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || glassPlatform.equalsIgnoreCase("Monocle")) {
            return Optional.empty();
        }
        if (isSet(env.apply("DISPLAY")) || isSet(env.apply("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are unset): " + HOW_ELSE);
    }

    /** JavaFX's ways of saying it found no usable display ("Unable to open DISPLAY", no toolkit). */
    static boolean isDisplayFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("display") || m.contains("no toolkit found") || m.contains("graphics device")
                    || t instanceof java.awt.HeadlessException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().strip().lines().findFirst().orElse("");
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Exits now; if a shutdown hook hangs (a native engine mid-call), halts after {@code millis}. */
    private static void exitWithin(long millis) {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ignored) {
                // exit anyway
            }
            Runtime.getRuntime().halt(0);
        }, "fusionlab-exit-guard");
        guard.setDaemon(true);
        guard.start();
        System.exit(0);
    }
}
