package dev.fusionlab.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the exceptions a failed write throws into one sentence a user can act on: which file, and
 * whether the disk is full, the folder read-only or a file stands where a folder should be. Java reports
 * these as {@link FileSystemException}s whose reason is the operating system's text ("No space left on
 * device", "Read-only file system"), or as a subclass per cause; both are recognised.
 */
public final class WriteProblem {

    private WriteProblem() {
    }

    /** {@code "cannot write <file>: <cause in words>"}, as an IOException keeping the original as cause. */
    public static IOException describe(Path target, IOException e) {
        return new IOException("cannot write " + target + ": " + reason(target, e), e);
    }

    /**
     * The cause in words, without the file name. Libraries wrap the operating system's error
     * (ImageIO: "I/O error writing PNG file!"), so the whole cause chain is searched.
     */
    public static String reason(Path target, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                String specific = specific(target, io);
                if (specific != null) {
                    return specific;
                }
            }
        }
        return firstLine(e);
    }

    private static String specific(Path target, IOException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String osReason = e instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getReason().toLowerCase(Locale.ROOT) : text;
        if (osReason.contains("no space left") || text.contains("no space left") || osReason.contains("disk quota")) {
            return "the disk is full (" + firstLine(e) + ")";
        }
        if (osReason.contains("read-only file system") || text.contains("read-only file system")) {
            return "the folder is on a read-only file system";
        }
        if (e instanceof AccessDeniedException || osReason.contains("permission denied")) {
            return "permission denied: the folder is read-only for this user";
        }
        if (e instanceof NotDirectoryException || osReason.contains("not a directory")
                || e instanceof FileAlreadyExistsException fae && !target.toString().equals(fae.getFile())) {
            return "a file is in the way: " + inTheWay(e) + " is a file, not a folder";
        }
        if (osReason.contains("is a directory")) {
            return "a folder of that name is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist and cannot be created (" + firstLine(e) + ")";
        }
        return null;
    }

    private static String inTheWay(IOException e) {
        return e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : "a part of the path";
    }

    private static String firstLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
