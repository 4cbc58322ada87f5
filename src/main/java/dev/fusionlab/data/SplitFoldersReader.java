package dev.fusionlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a dataset its authors already split into folders, as Hugging Face's {@code imagefolder}
 * does: {@code root/train}, {@code root/validation} (or {@code val}, {@code valid}, {@code dev}),
 * {@code root/test}, each itself a folder with a manifest or a folder of class folders.
 *
 * <p>Every sample keeps its folder's split, which wins over a {@code split} column in a manifest.
 * Ids, groups and problem ids get the folder's name in front ({@code train/cat/1.jpg}), so the
 * same file name in two splits stays two samples.
 */
public final class SplitFoldersReader implements DatasetReader {

    /**
     * The split folders of {@code folder} when it is laid out this way: a {@code train} folder, and
     * only split-named folders beside it (hidden ones aside). Empty otherwise, e.g. for class folders.
     *
     * @throws DatasetException when two or more folders, all named after splits, include no {@code train}:
     *                          read as class folders, every image would silently be labelled "test" or
     *                          "validation"
     */
    static Optional<Map<Path, Split>> splitFoldersOf(Path folder) {
        Map<Path, Split> found = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (!Files.isDirectory(entry) || DatasetPaths.isHidden(entry)) {
                    continue;
                }
                Optional<Split> split = SplitNames.parse(entry.getFileName().toString());
                if (split.isEmpty()) {
                    return Optional.empty();
                }
                found.put(entry, split.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() >= 2 && !found.containsValue(Split.TRAIN)) {
            throw new DatasetException(folder, "split folders " + found.keySet().stream()
                    .map(f -> f.getFileName().toString()).toList() + " but no train folder to learn from");
        }
        return found.containsValue(Split.TRAIN) ? Optional.of(found) : Optional.empty();
    }

    @Override
    public ReadResult read(Path folder, DatasetOptions options) {
        Path root = DatasetPaths.realFolder(folder);
        Map<Path, Split> splits = splitFoldersOf(root).orElseThrow(() -> new DatasetException(root,
                "expected split folders (train, and validation/val or test) and nothing else"));
        List<Sample> samples = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        for (Map.Entry<Path, Split> entry : splits.entrySet()) {
            Path splitFolder = entry.getKey();
            String prefix = splitFolder.getFileName() + "/";
            ReadResult part = DatasetFormat.detect(splitFolder).reader().read(splitFolder, options);
            for (Sample s : part.samples()) {
                samples.add(new Sample(prefix + s.id(), s.image(), s.text(), s.label(), entry.getValue(),
                        prefix + s.group(), s.extra()));
            }
            for (SampleProblem p : part.problems()) {
                problems.add(new SampleProblem(prefix + p.id(), p.file(), p.reason()));
            }
        }
        return new ReadResult(samples, problems);
    }
}
