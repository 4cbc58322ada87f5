package dev.fusionlab.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Detects FX-thread stalls: a background thread posts a ping with {@link Platform#runLater} every few
 * milliseconds and measures how long the FX thread keeps it waiting. A stall counts the FX thread's
 * own CPU time during that wait, not the wall time: on a crowded test machine the thread may simply
 * not be scheduled, which says nothing about the GUI's code; burning 100 ms of CPU on the FX thread
 * does, on any machine. Wall time is recorded too, for the message.
 */
public final class FxWatchdog implements AutoCloseable {

    private static final long SAMPLE_AFTER_MILLIS = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread thread;
    private final Thread fxThread;
    private volatile boolean running = true;
    private long worstBusyNanos;
    private long worstWallNanos;
    private String worstStack = "";

    private FxWatchdog(Thread fxThread) {
        this.fxThread = fxThread;
        this.thread = new Thread(this::loop, "fx-watchdog");
        this.thread.setDaemon(true);
    }

    /** Starts watching; call from any thread but the FX thread, once the toolkit runs. */
    public static FxWatchdog start() {
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the JavaFX toolkit is not running"));
        FxWatchdog w = new FxWatchdog(fx);
        w.thread.start();
        return w;
    }

    private void loop() {
        while (running) {
            CountDownLatch answered = new CountDownLatch(1);
            long cpuBefore = threads.getThreadCpuTime(fxThread.threadId());
            long sent = System.nanoTime();
            Platform.runLater(answered::countDown);
            try {
                String stack = "";
                if (!answered.await(SAMPLE_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
                    stack = stackOf(fxThread);
                    answered.await(10, TimeUnit.SECONDS);
                }
                long wall = System.nanoTime() - sent;
                long busy = threads.getThreadCpuTime(fxThread.threadId()) - cpuBefore;
                record(busy, wall, stack);
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(long busyNanos, long wallNanos, String stack) {
        worstWallNanos = Math.max(worstWallNanos, wallNanos);
        if (busyNanos > worstBusyNanos) {
            worstBusyNanos = busyNanos;
            worstStack = stack;
        }
    }

    private static String stackOf(Thread t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            b.append("\n    at ").append(frames[i]);
        }
        return b.toString();
    }

    /** The most CPU time the FX thread spent while one ping waited, in milliseconds. */
    public synchronized double worstBusyMillis() {
        return worstBusyNanos / 1e6;
    }

    /** The longest a ping waited, in milliseconds (includes time the FX thread was not scheduled). */
    public synchronized double worstWallMillis() {
        return worstWallNanos / 1e6;
    }

    /** A sample of where the FX thread was during the worst stall (empty when it never passed 100 ms). */
    public synchronized String worstStack() {
        return worstStack;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
