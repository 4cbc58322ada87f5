package dev.fusionlab.workspace;

import dev.fusionlab.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspaces saved or opened lately, most recent first, at most {@value #MAX}: a plain text file, one
 * absolute path a line ({@link FusionLabDirs#recentFile()}), rewritten atomically. A list that cannot be
 * read is treated as empty: it is a convenience, never a reason to fail.
 */
public final class RecentWorkspaces {

    public static final int MAX = 10;

    private final Path file;

    public RecentWorkspaces(Path file) {
        this.file = file;
    }

    /** The list, most recent first, only those that still exist. */
    public List<Path> list() {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(Path::of).filter(Files::exists).distinct().limit(MAX).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code workspace} first. */
    public List<Path> add(Path workspace) throws IOException {
        Path p = workspace.toAbsolutePath().normalize();
        List<Path> now = new ArrayList<>();
        now.add(p);
        list().stream().filter(q -> !q.equals(p)).limit(MAX - 1).forEach(now::add);
        StringBuilder text = new StringBuilder();
        now.forEach(q -> text.append(q).append('\n'));
        AtomicFiles.writeString(file, text.toString());
        return List.copyOf(now);
    }
}
