package dev.fusionlab.data;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a captions file as shipped with Flickr8k: {@code image,caption} rows (header optional, captions
 * may be quoted), several captions per image. Each caption becomes one sample; all captions of an image
 * share one group, so an image never sits in two splits. Images are looked up next to the file or in
 * its {@code Images/} subfolder (or Flickr8k's {@code Flicker8k_Dataset/}, also beside the file's own
 * folder). The original {@code Flickr8k.token.txt} form ({@code image.jpg#0<TAB>caption}) and Flickr30k's
 * {@code image| k| caption} are read as well. Captions have no classes: the run trains the joint space,
 * scores retrieval and projects; classification is skipped.
 */
public final class CaptionsFileReader implements DatasetReader {

    /** Where Flickr8k's images are found beside its captions: Kaggle's {@code Images/}, the original zip's folders. */
    private static final List<String> IMAGE_FOLDERS = List.of("", "Images/", "images/", "Flicker8k_Dataset/",
            "Flickr8k_Dataset/", "Flickr30k_images/", "flickr30k_images/");

    /** One parsed line. */
    private record Caption(String image, String text) {
    }

    @Override
    public ReadResult read(Path file, DatasetOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read the captions file: " + e.getMessage(), e);
        }
        refuseBinary(file, bytes);
        Path root = rootOf(DatasetPaths.realFolder(file.toAbsolutePath().getParent()));
        bytes = StrictUtf8.utf8(bytes);
        BitSet invalidLines = StrictUtf8.invalidLines(bytes);
        String[] lines = StrictUtf8.decodeLenient(bytes).split("\n", -1);
        String fileName = file.getFileName().toString();

        List<Sample> samples = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>();
        Map<String, Integer> captionsPerImage = new HashMap<>();
        Map<String, Path> resolvedImages = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String ref = fileName + ":" + (i + 1);
            if (invalidLines.get(i)) {
                problems.add(new SampleProblem(ref, file, "line is not valid UTF-8"));
                continue;
            }
            Caption caption = parse(line);
            if (caption == null || DatasetPaths.urlScheme(caption.image()) == null && !looksLikeImage(caption.image())) {
                if (i != 0) {
                    problems.add(new SampleProblem(ref, file,
                            "line is not 'image,caption' with an image file name first"));
                }
                continue;
            }
            String imageName = caption.image();
            int index = captionsPerImage.merge(imageName, 1, Integer::sum) - 1;
            String id = imageName + "#" + index;
            try {
                Path image = resolvedImages.get(imageName);
                if (image == null) {
                    image = locate(root, imageName);
                    resolvedImages.put(imageName, image);
                }
                samples.add(new Sample(id, image, caption.text(), null, null, imageName, null));
            } catch (InvalidSampleException e) {
                problems.add(e.toProblem(id));
            }
        }
        return new ReadResult(samples, problems);
    }

    /** A file that is not text at all is not a captions file: say what it is instead of listing every "line". */
    private static void refuseBinary(Path file, byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new DatasetException(file, "is a ZIP archive, not a captions file: unpack it and point --dataset at the folder");
        }
        int head = Math.min(bytes.length, 8192);
        for (int i = 0; i < head; i++) {
            if (bytes[i] == 0) {
                boolean image = ImageProbe.problem(file).isEmpty();
                throw new DatasetException(file, image
                        ? "is an image, not a dataset: point --dataset at the folder holding the images and their captions"
                        : "is a binary file, not a captions file (image,caption lines of text expected)");
            }
        }
    }

    /**
     * The folder image names are relative to: the captions file's own, or its parent when only the parent
     * holds one of the image folders (Flickr8k's zip puts {@code Flickr8k.token.txt} in {@code Flickr8k_text/}
     * beside {@code Flicker8k_Dataset/}).
     */
    private static Path rootOf(Path folder) {
        Path parent = folder.getParent();
        if (parent == null || IMAGE_FOLDERS.stream().anyMatch(f -> !f.isEmpty() && Files.isDirectory(folder.resolve(f)))) {
            return folder;
        }
        return IMAGE_FOLDERS.stream().anyMatch(f -> !f.isEmpty() && Files.isDirectory(parent.resolve(f))) ? parent : folder;
    }

    private static boolean looksLikeImage(String name) {
        try {
            return DatasetPaths.looksLikeImage(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return true; // a name the file system refuses: resolving it reports why
        }
    }

    /**
     * The image and caption of a line, or null when the line has no separator. Forms: {@code image<TAB>caption}
     * (Flickr8k.token.txt, where the image is followed by {@code #k}, the caption's number), {@code image|k|caption}
     * (Flickr30k's results.csv), {@code image,caption} (Kaggle's captions.txt; either may be quoted).
     */
    private static Caption parse(String line) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
            return new Caption(withoutCaptionNumber(line.substring(0, tab).strip()), line.substring(tab + 1).strip());
        }
        int comma = line.indexOf(',');
        int pipe = line.indexOf('|');
        if (pipe > 0 && (comma < 0 || pipe < comma)) {
            String[] parts = line.split("\\|", 3);
            String caption = parts.length == 3 && parts[1].strip().matches("\\d+") ? parts[2] : line.substring(pipe + 1);
            return new Caption(parts[0].strip(), caption.strip());
        }
        if (line.startsWith("\"")) {
            Object record = new CsvRecords(line).next();
            if (record instanceof CsvRecords.Csv csv && csv.values().size() >= 2) {
                return new Caption(csv.values().getFirst().strip(),
                        String.join(",", csv.values().subList(1, csv.values().size())).strip());
            }
            return null;
        }
        if (comma <= 0) {
            return null;
        }
        return new Caption(line.substring(0, comma).strip(), unquote(line.substring(comma + 1).strip()));
    }

    /** {@code name.jpg#3} without {@code #3}; a {@code #} that is part of the name stays. */
    private static String withoutCaptionNumber(String image) {
        int hash = image.lastIndexOf('#');
        return hash > 0 && hash < image.length() - 1 && image.substring(hash + 1).chars().allMatch(Character::isDigit)
                ? image.substring(0, hash) : image;
    }

    private static String unquote(String caption) {
        if (!caption.startsWith("\"")) {
            return caption;
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(caption))
                .setFormat(CSVFormat.DEFAULT).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 && records.getFirst().size() == 1 ? records.getFirst().get(0).strip() : caption;
        } catch (IOException | RuntimeException e) {
            return caption;
        }
    }

    private static Path locate(Path root, String imageName) throws InvalidSampleException {
        Path first = null;
        for (String folder : IMAGE_FOLDERS) {
            Path candidate = DatasetPaths.resolveInside(root, folder + imageName);
            if (Files.exists(candidate)) {
                return candidate;
            }
            first = first == null ? candidate : first;
        }
        return first;
    }
}
