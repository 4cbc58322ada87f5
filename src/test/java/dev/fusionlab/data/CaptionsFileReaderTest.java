package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionsFileReaderTest {

    @TempDir
    Path dir;

    private final CaptionsFileReader reader = new CaptionsFileReader();

    @Test
    void oneSamplePerCaptionAndOneGroupPerImageWithImagesInTheImagesFolder() {
        Fixtures.image(dir.resolve("Images/1000_a.jpg"));
        Fixtures.image(dir.resolve("2000_b.jpg"));
        Path captions = Fixtures.text(dir.resolve("captions.txt"), """
                image,caption
                1000_a.jpg,A child in a pink dress .
                1000_a.jpg,"A girl, climbing stairs ."
                2000_b.jpg,A black dog
                """);

        ReadResult result = reader.read(captions, DatasetOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.samples()).extracting(Sample::id, Sample::text, Sample::group).containsExactly(
                tuple("1000_a.jpg#0", "A child in a pink dress .", "1000_a.jpg"),
                tuple("1000_a.jpg#1", "A girl, climbing stairs .", "1000_a.jpg"),
                tuple("2000_b.jpg#0", "A black dog", "2000_b.jpg"));
        assertThat(result.samples().getFirst().image()).isEqualTo(realDir().resolve("Images/1000_a.jpg"));
        assertThat(result.samples()).noneMatch(Sample::isLabelled);
    }

    @Test
    void headerIsOptionalAndUnquotedCommasStayInTheCaption() {
        Fixtures.image(dir.resolve("a.png"));
        Path captions = Fixtures.text(dir.resolve("captions.csv"), "a.png,a dog, a ball, and grass\n");

        ReadResult result = reader.read(captions, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::text).containsExactly("a dog, a ball, and grass");
    }

    @Test
    void readsTheOriginalFlickrTokenFormat() {
        Fixtures.image(dir.resolve("Images/x.jpg"));
        Path captions = Fixtures.text(dir.resolve("Flickr8k.token.txt"), "x.jpg#0\tfirst\nx.jpg#1\tsecond\n");

        ReadResult result = reader.read(captions, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id, Sample::text)
                .containsExactly(tuple("x.jpg#0", "first"), tuple("x.jpg#1", "second"));
    }

    @Test
    void badLinesAreProblemsAndTheRestLoads() {
        Fixtures.image(dir.resolve("a.png"));
        Path captions = Fixtures.bytes(dir.resolve("captions.txt"), Fixtures.concat(
                "image,caption\na.png,good\nno separator here\na.png,".getBytes(StandardCharsets.UTF_8),
                Fixtures.latin1("déjà vu"), "\n../up.png,escape\n".getBytes(StandardCharsets.UTF_8)));

        ReadResult result = reader.read(captions, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::text).containsExactly("good");
        assertThat(result.problems()).extracting(SampleProblem::id, SampleProblem::reason).containsExactly(
                tuple("captions.txt:3", "line is not 'image,caption' with an image file name first"),
                tuple("captions.txt:4", "line is not valid UTF-8"),
                tuple("../up.png#0", "path '../up.png' points outside the dataset folder"));
    }

    private Path realDir() {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anImageOrAZipGivenAsTheDatasetIsNamedForWhatItIs() {
        Path image = Fixtures.image(dir.resolve("cat.png"));
        Path zip = Fixtures.bytes(dir.resolve("flickr8k.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatasetLoader.load(image, DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("is an image, not a dataset");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatasetLoader.load(zip, DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("is a ZIP archive");
    }
}
