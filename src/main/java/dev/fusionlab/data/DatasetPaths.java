package dev.fusionlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves file names written in a dataset against its folder and refuses any that lead outside it:
 * a manifest must not make FusionLab read {@code ../../home/user/secret.png}, an absolute path
 * elsewhere, or a symbolic link pointing out of the dataset. A URL of any scheme is refused before it
 * becomes a path: FusionLab never fetches anything a dataset names.
 */
final class DatasetPaths {

    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "jpe", "jfif", "gif", "bmp", "webp",
            "tif", "tiff");

    /** {@code scheme:} as RFC 3986 writes it; two letters at least, so {@code C:\\photos} is not a URL. */
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

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
        String scheme = urlScheme(name);
        if (scheme != null) {
            throw new InvalidSampleException(null, "'" + abbreviate(name) + "' is a " + scheme
                    + ": URL; FusionLab reads local files inside the dataset folder only and never fetches URLs");
        }
        if (name.startsWith("\\\\") || name.startsWith("//")) {
            throw new InvalidSampleException(null, "'" + abbreviate(name)
                    + "' is a network path; FusionLab reads files inside the dataset folder only");
        }
        if (name.indexOf('\0') >= 0) {
            throw new InvalidSampleException(null, "file name contains a NUL character");
        }
        Path resolved;
        try {
            resolved = realRoot.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSampleException(null, "'" + name + "' is not a valid file name: " + e.getReason());
        }
        if (!resolved.startsWith(realRoot)) {
            throw new InvalidSampleException(resolved, "path '" + name + "' points outside the dataset folder");
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            resolved = otherNormalisation(resolved);
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) && name.indexOf('\\') >= 0) {
            // a manifest written on Windows: images\cat.png means images/cat.png
            Path forward = resolveInside(realRoot, name.replace('\\', '/'));
            if (Files.exists(forward, LinkOption.NOFOLLOW_LINKS)) {
                return forward;
            }
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

    /** The URL scheme {@code name} starts with ("https", "file", "data", "s3"...), lower-case, or null. */
    static String urlScheme(String name) {
        Matcher m = URL_SCHEME.matcher(name.strip());
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String abbreviate(String name) {
        return name.length() <= 80 ? name : name.substring(0, 77) + "...";
    }

    /**
     * The same path with its file name in the other Unicode normalisation, when only that one exists: macOS
     * writes "é" as e + combining accent (NFD) in file names while manifests typed elsewhere hold the single
     * character (NFC), so a copied dataset would otherwise lose every accented file.
     */
    private static Path otherNormalisation(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        for (Normalizer.Form form : new Normalizer.Form[] {Normalizer.Form.NFC, Normalizer.Form.NFD}) {
            String other = Normalizer.normalize(name, form);
            if (!other.equals(name)) {
                Path candidate = path.resolveSibling(other);
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    return candidate;
                }
            }
        }
        return path;
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
