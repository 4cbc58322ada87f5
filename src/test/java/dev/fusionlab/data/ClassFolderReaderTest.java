package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFolderReaderTest {

    @TempDir
    Path dir;

    private final ClassFolderReader reader = new ClassFolderReader();

    @Test
    void labelsComeFromFoldersAndTextFromCaptionFilesOrFileNames() {
        Fixtures.image(dir.resolve("dog/golden_retriever-2.jpg"));
        Fixtures.image(dir.resolve("cat/tabby.png"));
        Fixtures.text(dir.resolve("cat/tabby.txt"), "  a tabby cat on a sofa\n");
        Fixtures.text(dir.resolve("cat/notes.md"), "not an image");
        Fixtures.image(dir.resolve(".hidden/x.png"));
        Fixtures.image(dir.resolve("loose.png"));

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.samples()).extracting(Sample::id, Sample::label, Sample::text).containsExactly(
                tuple("cat/tabby.png", "cat", "a tabby cat on a sofa"),
                tuple("dog/golden_retriever-2.jpg", "dog", "golden retriever 2"));
    }

    @Test
    void emptyOrNonUtf8CaptionFileIsAProblemNamingIt() {
        Fixtures.image(dir.resolve("cat/a.png"));
        Path empty = Fixtures.text(dir.resolve("cat/a.txt"), " \n");
        Fixtures.image(dir.resolve("cat/b.png"));
        Path latin1 = Fixtures.bytes(dir.resolve("cat/b.txt"), Fixtures.latin1("un café"));
        Fixtures.image(dir.resolve("cat/c.png"));

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("cat/c.png");
        assertThat(result.problems()).extracting(SampleProblem::id, SampleProblem::file, SampleProblem::reason)
                .containsExactly(
                        tuple("cat/a.png", realPath(empty), "caption file is empty"),
                        tuple("cat/b.png", realPath(latin1), "text is not valid UTF-8 (line 1)"));
    }

    @Test
    void symlinkLeadingOutOfTheDatasetIsRefused() throws Exception {
        Path dataset = dir.resolve("dataset");
        Fixtures.image(dataset.resolve("cat/ok.png"));
        Path outside = Fixtures.image(dir.resolve("elsewhere/secret.png"));
        Files.createSymbolicLink(dataset.resolve("cat/link.png"), outside);

        ReadResult result = reader.read(dataset, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("cat/ok.png");
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("symbolic link leading outside the dataset folder"));
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
