package dev.fusionlab.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes that a crash cannot leave half done: the new content goes to a temporary file in the same folder,
 * is forced to disk ({@code fsync}), and then replaces the target with one atomic rename; the folder is
 * forced too, so the rename itself survives a power cut. A reader sees the old file or the new one, never
 * a mixture. A folder is replaced by writing a temporary sibling and swapping it in with renames.
 */
public final class AtomicFiles {

    /** What writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} atomically with what {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is closed below, after force
                    }
                };
                content.writeTo(buffered);
                buffered.flush();
                channel.force(true);
            }
            move(temp, target);
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces {@code target} atomically with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces the folder {@code target} with {@code staged} (a complete, forced sibling folder): the old
     * folder is renamed aside, the new one renamed in, the old one deleted. Should the process die between
     * the two renames, {@link #recoverFolder} finds the old folder again.
     */
    public static void swapFolder(Path staged, Path target) throws IOException {
        Path aside = aside(target);
        deleteTree(aside);
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            move(target, aside);
        }
        move(staged, target);
        forceFolder(target.toAbsolutePath().getParent());
        if (hadOld) {
            deleteTree(aside);
        }
    }

    /** After a crash in {@link #swapFolder}: puts the old folder back when the new one never arrived. */
    public static void recoverFolder(Path target) throws IOException {
        Path aside = aside(target);
        if (!Files.exists(target) && Files.isDirectory(aside)) {
            move(aside, target);
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
        String prefix = "." + target.getFileName() + ".";
        try (var siblings = Files.list(dir)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // only clutter: the next save works regardless
        }
    }

    static Path aside(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".old");
    }

    /** Forces every file under {@code folder} to disk, then the folders. */
    static void forceTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                forceFolder(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to + " atomically on this file system: " + e.getMessage(), e);
        }
    }

    /** fsync of a folder, so a rename in it is durable; not supported everywhere (Windows), then skipped. */
    private static void forceFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the rename is still atomic, only its durability across a power cut is weaker
        }
    }
}
