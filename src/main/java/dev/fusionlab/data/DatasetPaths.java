package dev.fusionlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves file names written in a dataset against its folder and refuses any that lead outside it:
 * a manifest must not make FusionLab read {@code ../../home/user/secret.png}, an absolute path
 * elsewhere, or a symbolic link pointing out of the dataset.
 */
final class DatasetPaths {

    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

    private DatasetPaths() {
    }

    /** The real (symlink-free, absolute) path of a dataset folder. */
    static Path realFolder(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot open the dataset folder: " + e.getMessage(), e);
        }
    }

    /**
     * @param realRoot the dataset folder, as returned by {@link #realFolder}
     * @param name     a path relative to that folder, as written in the dataset
     * @return the absolute path, which may not exist (a missing image is reported later)
     * @throws InvalidSampleException when the name is malformed or leads outside the folder
     */
    static Path resolveInside(Path realRoot, String name) throws InvalidSampleException {
        Path resolved;
        try {
            resolved = realRoot.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSampleException(null, "'" + name + "' is not a valid file name: " + e.getReason());
        }
        if (!resolved.startsWith(realRoot)) {
            throw new InvalidSampleException(resolved, "path '" + name + "' points outside the dataset folder");
        }
        if (Files.exists(resolved)) {
            try {
                if (!resolved.toRealPath().startsWith(realRoot)) {
                    throw new InvalidSampleException(resolved,
                            "path '" + name + "' is a symbolic link leading outside the dataset folder");
                }
            } catch (IOException e) {
                throw new InvalidSampleException(resolved, "cannot resolve '" + name + "': " + e.getMessage());
            }
        }
        return resolved;
    }

    static boolean looksLikeImage(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file.getFileName().toString()));
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    static boolean isHidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }
}
