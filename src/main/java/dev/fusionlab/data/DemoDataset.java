package dev.fusionlab.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the bundled emoji demo ({@code assets/datasets/emoji}, built by
 * {@code tools/build-emoji-dataset.sh}): 1,906 Google Noto emoji images, their names as text, their
 * category as label. Looked up, in order, under the working directory, under the folder named by the
 * {@code fusionlab.home} system property, and next to (or one or two levels above) the jar or class folder.
 */
public final class DemoDataset {

    public static final String HOME_PROPERTY = "fusionlab.home";
    public static final Path RELATIVE_PATH = Path.of("assets", "datasets", "emoji");

    private DemoDataset() {
    }

    /** @throws DatasetException naming every place looked at when the demo is not found */
    public static Path locate() {
        return firstDemo(candidates());
    }

    /** The first candidate folder that holds the demo's manifest. */
    static Path firstDemo(List<Path> candidates) {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve(ImageFolderReader.CSV_MANIFEST))) {
                return candidate;
            }
        }
        throw new DatasetException(RELATIVE_PATH, "the bundled demo dataset was not found; looked in "
                + candidates + ". Run FusionLab from its folder, set -D" + HOME_PROPERTY
                + "=<FusionLab folder>, or rebuild it with tools/build-emoji-dataset.sh");
    }

    public static Dataset load(DatasetOptions options) {
        return DatasetLoader.load(locate(), options);
    }

    private static List<Path> candidates() {
        Set<Path> bases = new LinkedHashSet<>();
        bases.add(Path.of("").toAbsolutePath());
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            bases.add(Path.of(home).toAbsolutePath());
        }
        Path codeLocation = codeLocation();
        for (int up = 0; codeLocation != null && up < 3; up++, codeLocation = codeLocation.getParent()) {
            bases.add(codeLocation);
        }
        List<Path> candidates = new ArrayList<>();
        bases.forEach(base -> candidates.add(base.resolve(RELATIVE_PATH).normalize()));
        return candidates;
    }

    /** The jar's folder, or the classes folder when run from a build. */
    private static Path codeLocation() {
        try {
            var source = DemoDataset.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(location) ? location.getParent() : location;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
