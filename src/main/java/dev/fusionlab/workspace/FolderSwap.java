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
 * A folder workspace replaced as a whole: the new one is written complete as a sibling, forced to disk, and
 * swapped in with renames, so a reader finds the old folder or the new one, never a mixture. Single files
 * are written by {@link dev.fusionlab.io.AtomicFiles}.
 */
final class FolderSwap {

    private FolderSwap() {
    }

    /**
     * Replaces the folder {@code target} with {@code staged} (a complete, forced sibling folder): the old
     * folder is renamed aside, the new one renamed in, the old one deleted. Should the process die between
     * the two renames, {@link #recoverFolder} finds the old folder again.
     */
    static void swapFolder(Path staged, Path target) throws IOException {
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
    static void recoverFolder(Path target) throws IOException {
        Path aside = aside(target);
        if (!Files.exists(target) && Files.isDirectory(aside)) {
            move(aside, target);
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
