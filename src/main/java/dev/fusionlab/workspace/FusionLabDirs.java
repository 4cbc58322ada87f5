package dev.fusionlab.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where FusionLab keeps per-user state, following the XDG base directories: settings and the list of
 * recent workspaces under {@code $XDG_CONFIG_HOME/fusionlab} (else {@code ~/.config/fusionlab}), the
 * autosave under {@code $XDG_CACHE_HOME/fusionlab/autosave} (else {@code ~/.cache/fusionlab/autosave}).
 * The system properties {@value #CONFIG_PROPERTY} and {@value #CACHE_PROPERTY} override both (tests).
 */
public record FusionLabDirs(Path config, Path cache) {

    public static final String CONFIG_PROPERTY = "fusionlab.config";
    public static final String CACHE_PROPERTY = "fusionlab.cache";

    /** The directories of this user. */
    public static FusionLabDirs user() {
        return of(System.getenv(), System.getProperty("user.home"), System.getProperty(CONFIG_PROPERTY),
                System.getProperty(CACHE_PROPERTY));
    }

    static FusionLabDirs of(Map<String, String> env, String home, String configOverride, String cacheOverride) {
        Path config = configOverride != null && !configOverride.isBlank() ? Path.of(configOverride)
                : base(env.get("XDG_CONFIG_HOME"), home, ".config").resolve("fusionlab");
        Path cache = cacheOverride != null && !cacheOverride.isBlank() ? Path.of(cacheOverride)
                : base(env.get("XDG_CACHE_HOME"), home, ".cache").resolve("fusionlab");
        return new FusionLabDirs(config, cache);
    }

    /** An XDG variable counts only when it is an absolute path (as the specification says). */
    private static Path base(String xdg, String home, String fallback) {
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(home, fallback);
    }

    /** The autosaved workspace (single-file form). */
    public Path autosaveFile() {
        return cache.resolve("autosave").resolve("autosave" + WorkspaceStore.EXTENSION);
    }

    /** Touched when the workbench closes normally: an autosave newer than this is offered back. */
    public Path cleanExitMarker() {
        return cache.resolve("autosave").resolve("clean-exit");
    }

    /** The recent workspaces, one path a line, most recent first. */
    public Path recentFile() {
        return config.resolve("recent-workspaces.txt");
    }
}
