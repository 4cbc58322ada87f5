package dev.fusionlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the class-folder layout {@code root/<label>/<image>}, the layout of most image-classification
 * datasets. An image may have a caption in a same-named {@code .txt} file next to it; without one, its
 * file name stands in as text ({@code golden_retriever-2.jpg} gives "golden retriever 2"), which is
 * expected for such datasets and therefore not a problem. An empty or non-UTF-8 caption file is one.
 */
public final class ClassFolderReader implements DatasetReader {

    private static final String CAPTION_EXTENSION = ".txt";

    @Override
    public ReadResult read(Path folder, DatasetOptions options) {
        Path root = DatasetPaths.realFolder(folder);
        List<Sample> samples = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        for (Path classFolder : sortedEntries(root)) {
            if (!Files.isDirectory(classFolder) || DatasetPaths.isHidden(classFolder)) {
                continue;
            }
            String label = classFolder.getFileName().toString();
            for (Path file : sortedEntries(classFolder)) {
                if (DatasetPaths.isHidden(file) || !DatasetPaths.looksLikeImage(file)) {
                    continue;
                }
                String id = label + "/" + file.getFileName();
                try {
                    Path image = DatasetPaths.resolveInside(root, id);
                    samples.add(new Sample(id, image, caption(root, image), label, null, null, null));
                } catch (InvalidSampleException e) {
                    problems.add(e.toProblem(id));
                } catch (IOException e) {
                    problems.add(new SampleProblem(id, file, "caption cannot be read: " + e.getMessage()));
                }
            }
        }
        return new ReadResult(samples, problems);
    }

    /** Text from the image's .txt file, or its file name made readable when there is none. */
    static String caption(Path root, Path image) throws IOException, InvalidSampleException {
        String stem = DatasetPaths.stem(image.getFileName().toString());
        Path captionFile = image.resolveSibling(stem + CAPTION_EXTENSION);
        if (!Files.exists(captionFile)) {
            return stem.replace('_', ' ').replace('-', ' ').strip();
        }
        String special = SpecialFiles.kind(captionFile);
        if (special != null) {
            throw new InvalidSampleException(captionFile, "caption path is " + special + ", not a text file: never opened");
        }
        if (!captionFile.toRealPath().startsWith(root)) {
            throw new InvalidSampleException(captionFile, "caption file is a symbolic link leading outside the dataset folder");
        }
        String caption = StrictUtf8.read(captionFile).strip();
        if (caption.isEmpty()) {
            throw new InvalidSampleException(captionFile, "caption file is empty");
        }
        return caption;
    }

    private static List<Path> sortedEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
    }
}
