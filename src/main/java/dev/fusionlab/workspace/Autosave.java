package dev.fusionlab.workspace;

import dev.fusionlab.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps the current work on disk in the background. Each {@link #request} hands over a snapshot (a
 * {@link Workspace} of immutable values, cheap to take on the UI thread); after {@code debounceMillis}
 * without a newer one, the latest is written on a background thread, atomically
 * ({@link WorkspaceStore#save}: temp file, fsync, rename), so a crash or {@code kill -9} at any moment
 * leaves the previous autosave or the new one, never half of one.
 *
 * <p>On a normal exit {@link #markCleanExit} touches a marker; at the next start {@link #pendingRestore}
 * offers the autosave only when it is newer than that marker, i.e. when the last session did not end
 * cleanly.
 */
public final class Autosave implements AutoCloseable {

    private final Path file;
    private final Path cleanExitMarker;
    private final long debounceMillis;
    private final Consumer<Throwable> onError;
    private final ScheduledExecutorService worker;
    private final AtomicReference<Workspace> latest = new AtomicReference<>();
    private final Object writing = new Object();
    private boolean scheduled;

    /**
     * @param onError told (on the background thread) when a save fails; the next request tries again
     */
    public Autosave(FusionLabDirs dirs, long debounceMillis, Consumer<Throwable> onError) {
        this(dirs.autosaveFile(), dirs.cleanExitMarker(), debounceMillis, onError);
    }

    Autosave(Path file, Path cleanExitMarker, long debounceMillis, Consumer<Throwable> onError) {
        this.file = file;
        this.cleanExitMarker = cleanExitMarker;
        this.debounceMillis = debounceMillis;
        this.onError = onError;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fusionlab-autosave");
            t.setDaemon(true);
            return t;
        });
        AtomicFiles.deleteStaleTemporaries(file);
    }

    public Path file() {
        return file;
    }

    /** Saves {@code snapshot} in the background once no newer one arrives for the debounce delay. */
    public void request(Workspace snapshot) {
        latest.set(snapshot);
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        worker.schedule(this::saveLatest, debounceMillis, TimeUnit.MILLISECONDS);
    }

    private void saveLatest() {
        synchronized (this) {
            scheduled = false;
        }
        Workspace w = latest.getAndSet(null);
        if (w != null) {
            try {
                saveNow(w);
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        }
    }

    /** Saves {@code snapshot} now, on the calling thread (one save at a time). */
    public void saveNow(Workspace snapshot) throws IOException {
        synchronized (writing) {
            WorkspaceStore.save(snapshot, file);
        }
    }

    /** Writes a pending snapshot now and waits for it. */
    public void flush() {
        try {
            worker.submit(this::saveLatest).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            onError.accept(e.getCause());
        }
    }

    /**
     * The autosave to offer back: present when it exists and is newer than the last clean exit (or no
     * clean exit was ever recorded).
     */
    public Optional<Path> pendingRestore() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            FileTime saved = Files.getLastModifiedTime(file);
            if (Files.exists(cleanExitMarker) && Files.getLastModifiedTime(cleanExitMarker).compareTo(saved) >= 0) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads the autosave; a damaged one is refused ({@link WorkspaceException}) and left as it is. */
    public Workspace restore() throws WorkspaceException {
        return WorkspaceStore.open(file);
    }

    /** Writes what is pending, then records a clean exit so the next start offers nothing. */
    public void markCleanExit() throws IOException {
        flush();
        Files.createDirectories(cleanExitMarker.getParent());
        AtomicFiles.writeString(cleanExitMarker, java.time.Instant.now().toString());
        // a marker written in the same clock tick as the last save must still count as later
        FileTime saved = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
        FileTime marked = Files.getLastModifiedTime(cleanExitMarker);
        if (marked.compareTo(saved) <= 0) {
            Files.setLastModifiedTime(cleanExitMarker, FileTime.fromMillis(saved.toMillis() + 1));
        }
    }

    /** Declines the offered autosave: records a clean exit point without writing anything new. */
    public void decline() throws IOException {
        latest.set(null);
        markCleanExit();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
