package dev.fusionlab.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that readers only ever see the old content or the complete new one: the bytes go
 * to a hidden temporary file in the same folder ({@code .name.<random>.part}), which is forced to disk
 * and then renamed over the target ({@code ATOMIC_MOVE}, a plain rename on the same file system). On
 * any failure (disk full, folder read-only, a file where the folder should be, an exception of the
 * caller's writing code) the temporary file is deleted and the target is left as it was; the exception
 * names the file and the cause in words ({@link WriteProblem}).
 *
 * <p>The writing code gets a buffered stream whose {@code close()} only flushes: libraries that close
 * what they write to (Jackson, commons-csv) cannot close the file before it is forced to disk.
 */
public final class AtomicFiles {

    /** Writes the content to the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content as text (UTF-8). */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    private static volatile UnaryOperator<OutputStream> fault;

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically; creates its folder when missing. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(absolute)) {
                throw new FileSystemException(absolute.toString(), null, "Is a directory");
            }
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                UnaryOperator<OutputStream> injected = fault;
                OutputStream file = Channels.newOutputStream(channel);
                OutputStream stream = new BufferedOutputStream(injected == null ? file : injected.apply(file), 1 << 16);
                body.writeTo(new FlushOnClose(stream));
                stream.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw WriteProblem.describe(absolute, e);
        } catch (UncheckedIOException e) {
            throw WriteProblem.describe(absolute, e.getCause());
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Deletes the temporary files a killed process left beside {@code target} (a {@code kill -9} skips the
     * clean-up of {@link #write}); call it when nothing else writes {@code target}.
     */
    public static void deleteStaleTemporaries(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + target.getFileName();
        try (var siblings = Files.list(dir)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".part")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // only clutter: the next save works regardless
        }
    }

    /** Writes text in UTF-8 atomically. */
    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.writeTo(new FilterWriter(writer) { // a library closing it must not end the encoder early
                @Override
                public void close() throws IOException {
                    writer.flush();
                }
            });
            writer.flush();
        });
    }

    /** Writes a string in UTF-8 atomically. */
    public static void writeString(Path target, String content) throws IOException {
        writeText(target, out -> out.write(content));
    }

    /**
     * Fails now, with the reason in words, when files cannot be created in {@code dir} (created if
     * missing): for a command that would otherwise find out after minutes of work. Creates and deletes
     * one hidden probe file.
     */
    public static void requireWritableFolder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Path probe = null;
        try {
            Files.createDirectories(absolute);
            probe = Files.createTempFile(absolute, ".fusionlab-probe", ".part");
        } catch (IOException e) {
            throw new IOException("cannot write into " + absolute + ": " + WriteProblem.reason(absolute, e), e);
        } finally {
            if (probe != null) {
                deleteQuietly(probe);
            }
        }
    }

    /**
     * For tests of the error paths: until the returned handle is closed, the streams this class hands
     * out throw {@code IOException(reason)} once {@code afterBytes} bytes went through all of them
     * together, as a disk that fills up does ("No space left on device"). Affects every thread.
     */
    public static AutoCloseable injectFault(long afterBytes, String reason) {
        AtomicLong left = new AtomicLong(afterBytes);
        fault = out -> new FailingStream(out, left, reason);
        return () -> fault = null;
    }

    /** Makes the rename durable: on Linux a folder's entries reach the disk only with the folder's fsync. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a folder (Windows): the rename itself is still atomic
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the temporary file " + temp + ": " + e.getMessage());
        }
    }

    /** The caller's view of the file: closing flushes, the file stays open until it is forced. */
    private static final class FlushOnClose extends FilterOutputStream {

        FlushOnClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** A stream that fails like a full disk after a number of bytes. */
    private static final class FailingStream extends FilterOutputStream {

        private final String reason;
        private final AtomicLong left;

        FailingStream(OutputStream out, AtomicLong left, String reason) {
            super(out);
            this.left = left;
            this.reason = reason;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long before = left.getAndAccumulate(len, (l, n) -> Math.max(0, l - n));
            if (len > before) {
                out.write(b, off, (int) before);
                throw new IOException(reason);
            }
            out.write(b, off, len);
        }
    }
}
