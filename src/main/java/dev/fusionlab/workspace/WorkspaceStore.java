package dev.fusionlab.workspace;

import dev.fusionlab.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Saves and opens workspaces, as a folder or as one zip file ({@value #EXTENSION} or {@code .zip}: the same
 * entries). Saving is atomic either way ({@link AtomicFiles}): an interrupted save leaves the previous
 * workspace as it was. Opening never writes anything: archive entries are read into memory by name, and an
 * archive with an entry that would land outside its folder (absolute, {@code ..}, a drive letter: zip-slip)
 * is refused as a whole.
 */
public final class WorkspaceStore {

    /** The single-file form: a zip of the folder form. */
    public static final String EXTENSION = ".fusionlab";

    /** No entry of a workspace archive may unpack to more than this (a guard against zip bombs). */
    static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 64;

    private WorkspaceStore() {
    }

    /** True when {@code path} names the single-file form (by its extension, or as an existing file). */
    public static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(EXTENSION) || name.endsWith(".zip") || Files.isRegularFile(path);
    }

    /**
     * True when {@code path} looks like a workspace to open (a {@value #EXTENSION} or {@code .zip} file, or a
     * folder with a {@value WorkspaceFormat#MANIFEST}): how the launcher tells {@code fusionlab <workspace>}
     * from a CLI command.
     */
    public static boolean looksLikeWorkspace(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(EXTENSION) || name.endsWith(".zip"))
                || Files.isRegularFile(path.resolve(WorkspaceFormat.MANIFEST));
    }

    /** Saves {@code workspace} to {@code target} (an archive or a folder, see {@link #isArchive}), atomically. */
    public static void save(Workspace workspace, Path target) throws IOException {
        Map<String, byte[]> entries = WorkspaceFormat.entries(workspace);
        if (isArchive(target)) {
            AtomicFiles.write(target, out -> writeZip(entries, out));
        } else {
            saveFolder(entries, target);
        }
    }

    private static void writeZip(Map<String, byte[]> entries, java.io.OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (var e : entries.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey());
            if (e.getKey().endsWith(".npy")) { // float noise barely compresses: stored, so it opens fast
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(e.getValue());
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static void saveFolder(Map<String, byte[]> entries, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(target + " is a file; a folder workspace needs a folder there");
        }
        if (Files.isDirectory(absolute) && !Files.exists(absolute.resolve(WorkspaceFormat.MANIFEST))
                && Files.list(absolute).findAny().isPresent()) {
            throw new IOException(target + " is a folder that holds other files and is not a workspace; "
                    + "choose an empty or new folder");
        }
        Path staged = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".");
        try {
            for (var e : entries.entrySet()) {
                Path file = staged.resolve(WorkspaceFormat.safeName(e.getKey()));
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            FolderSwap.forceTree(staged);
            FolderSwap.swapFolder(staged, absolute);
        } finally {
            FolderSwap.deleteTree(staged);
        }
    }

    /** Opens a workspace as saved. */
    public static Workspace open(Path source) throws WorkspaceException {
        return open(source, null);
    }

    /**
     * Opens a workspace, its images looked for under {@code imageBase} instead of where they were when it
     * was saved (relinking a moved dataset), or where they were when null.
     */
    public static Workspace open(Path source, Path imageBase) throws WorkspaceException {
        if (Files.isDirectory(source) || !Files.exists(source) && Files.isDirectory(FolderSwap.aside(source))) {
            try {
                FolderSwap.recoverFolder(source);
            } catch (IOException e) {
                throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source, "cannot recover the folder: " + e.getMessage(), e);
            }
            return WorkspaceFormat.read(name -> readFolderEntry(source, name), source, imageBase);
        }
        if (!Files.isRegularFile(source)) {
            throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source, "no workspace here (no such file or folder)");
        }
        try (ZipFile zip = new ZipFile(source.toFile())) {
            checkEntries(zip, source);
            return WorkspaceFormat.read(name -> readZipEntry(zip, name), source, imageBase);
        } catch (WorkspaceException e) {
            throw e;
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source,
                    "not a readable workspace archive (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readFolderEntry(Path folder, String name) throws IOException {
        Path file = folder.resolve(WorkspaceFormat.safeName(name)).normalize();
        if (!file.startsWith(folder.normalize()) || Files.isSymbolicLink(file)) {
            throw new WorkspaceFormat.UnsafeEntryException(name);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(name + " is missing");
        }
        return Files.readAllBytes(file);
    }

    /** Refuses the whole archive when any entry name is unsafe or appears twice. */
    static void checkEntries(ZipFile zip, Path source) throws WorkspaceException {
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!WorkspaceFormat.isSafe(name)) {
                throw new WorkspaceException(WorkspaceException.Reason.UNSAFE_ARCHIVE, source,
                        "refused: the archive entry \"" + name + "\" points outside its folder");
            }
            if (!seen.add(name)) {
                throw new WorkspaceException(WorkspaceException.Reason.UNSAFE_ARCHIVE, source,
                        "refused: the archive holds the entry \"" + name + "\" twice");
            }
        }
    }

    private static byte[] readZipEntry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(WorkspaceFormat.safeName(name));
        if (entry == null || entry.isDirectory()) {
            throw new IOException(name + " is missing");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES);
            if (in.read() >= 0) {
                throw new IOException(name + " unpacks to more than " + MAX_ENTRY_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
