package dev.fusionlab.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The folder a file dialog should open in: the one the user last saved to (remembered across sessions
 * when given a preferences node), else the home folder, never the folder the program was started from.
 */
public final class RecentFolder {

    private static final String KEY = "last_save_folder";
    private final Preferences store;
    private Path last;

    /** @param store where the folder is remembered between sessions, or null for this session only */
    public RecentFolder(Preferences store) {
        this.store = store;
        String saved = store == null ? null : store.get(KEY, null);
        this.last = saved == null ? null : Path.of(saved);
    }

    /** The workbench's own store (the user's Java preferences). */
    public static RecentFolder ofUserPreferences() {
        try {
            return new RecentFolder(Preferences.userRoot().node("dev/fusionlab/ui"));
        } catch (SecurityException e) {
            return new RecentFolder(null);
        }
    }

    /** Where to open the next dialog: the last folder used while it still exists, else the home folder. */
    public Optional<Path> initialFolder() {
        if (last != null && Files.isDirectory(last)) {
            return Optional.of(last);
        }
        Path home = Path.of(System.getProperty("user.home", "."));
        return Files.isDirectory(home) ? Optional.of(home) : Optional.empty();
    }

    /** Remembers the folder of a file the user chose (or the folder itself when a folder was chosen). */
    public void used(Path chosen) {
        if (chosen == null) {
            return;
        }
        Path folder = Files.isDirectory(chosen) ? chosen : chosen.toAbsolutePath().getParent();
        if (folder == null) {
            return;
        }
        last = folder;
        if (store != null) {
            store.put(KEY, folder.toString());
        }
    }
}
