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
 * its {@code Images/} subfolder. The original {@code Flickr8k.token.txt} form
 * ({@code image.jpg#0<TAB>caption}) is read as well. Captions have no classes: exploration only.
 */
public final class CaptionsFileReader implements DatasetReader {

    private static final List<String> IMAGE_FOLDERS = List.of("", "Images/", "images/");

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
        Path root = DatasetPaths.realFolder(file.toAbsolutePath().getParent());
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
            if (caption == null || !DatasetPaths.looksLikeImage(Path.of(caption.image()))) {
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

    /** The image and caption of a line, or null when the line has no separator. */
    private static Caption parse(String line) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
            String image = line.substring(0, tab).strip();
            int hash = image.lastIndexOf('#');
            return new Caption(hash > 0 ? image.substring(0, hash) : image, line.substring(tab + 1).strip());
        }
        int comma = line.indexOf(',');
        if (comma <= 0) {
            return null;
        }
        return new Caption(line.substring(0, comma).strip(), unquote(line.substring(comma + 1).strip()));
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
