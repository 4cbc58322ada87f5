package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path dir;

    private final ImageFolderReader reader = new ImageFolderReader();

    @Test
    void readsCsvWithColumnsInAnyOrderAndKeepsTheRestAsExtra() {
        Fixtures.image(dir.resolve("img/a.png"));
        Fixtures.image(dir.resolve("img/b.png"));
        Fixtures.text(dir.resolve("metadata.csv"), """
                label,source,text,file_name
                cat,web,"a cat, sleeping",img/a.png
                dog,camera,a dog,img/b.png
                """);

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.samples()).extracting(Sample::id, Sample::text, Sample::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("img/a.png", "a cat, sleeping", "cat"),
                        org.assertj.core.groups.Tuple.tuple("img/b.png", "a dog", "dog"));
        assertThat(result.samples().getFirst().image()).isEqualTo(dir.toAbsolutePath().resolve("img/a.png"));
        assertThat(result.samples().getFirst().extra()).isEqualTo(Map.of("source", "web"));
    }

    @Test
    void textAndLabelColumnsCanBeChosen() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.text(dir.resolve("metadata.csv"), """
                file_name,text,caption,label,category
                a.png,ignored text,the chosen caption,ignored,chosen
                """);

        ReadResult result = reader.read(dir, DatasetOptions.defaults().withTextColumn("caption")
                .withLabelColumn("category"));

        Sample sample = result.samples().getFirst();
        assertThat(sample.text()).isEqualTo("the chosen caption");
        assertThat(sample.label()).isEqualTo("chosen");
        assertThat(sample.extra()).containsEntry("text", "ignored text").containsEntry("label", "ignored");
    }

    @Test
    void honoursIdGroupAndSplitColumns() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.image(dir.resolve("b.png"));
        Fixtures.image(dir.resolve("c.png"));
        Fixtures.text(dir.resolve("metadata.csv"), """
                file_name,text,label,id,group,split
                a.png,x,l,first,g1,train
                b.png,y,l,second,g1,val
                c.png,z,l,third,,TEST
                """);

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("first", "second", "third");
        assertThat(result.samples()).extracting(Sample::split)
                .containsExactly(Split.TRAIN, Split.VALIDATION, Split.TEST);
        assertThat(result.samples()).extracting(Sample::group).containsExactly("g1", "g1", "c.png");
    }

    @Test
    void unknownSplitValueIsAProblemOfThatRowOnly() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.image(dir.resolve("b.png"));
        Fixtures.text(dir.resolve("metadata.csv"), """
                file_name,text,split
                a.png,x,holdout
                b.png,y,train
                """);

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("b.png");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("a.png");
            assertThat(p.reason()).contains("unknown split 'holdout'");
        });
    }

    @Test
    void readsJsonLines() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.image(dir.resolve("b.png"));
        Fixtures.text(dir.resolve("metadata.jsonl"), """
                {"text": "first", "file_name": "a.png", "label": "x", "score": 3}
                not json
                {"file_name": "b.png", "text": "second", "tags": ["p", "q"]}
                """);

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::text).containsExactly("first", "second");
        assertThat(result.samples().get(0).extra()).containsEntry("score", "3");
        assertThat(result.samples().get(1).extra()).containsEntry("tags", "[\"p\",\"q\"]");
        assertThat(result.samples().get(1).isLabelled()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("metadata.jsonl:2");
            assertThat(p.reason()).contains("not valid JSON");
        });
    }

    @Test
    void nonUtf8RowIsAProblemNamingItsLineWhileOthersLoad() throws Exception {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.image(dir.resolve("b.png"));
        Fixtures.image(dir.resolve("c.png"));
        byte[] manifest = Fixtures.concat(
                "file_name,text\na.png,\"multi\nline\"\nb.png,".getBytes(StandardCharsets.UTF_8),
                Fixtures.latin1("café"),
                "\nc.png,fine\n".getBytes(StandardCharsets.UTF_8));
        Path file = Fixtures.bytes(dir.resolve("metadata.csv"), manifest);

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::text).containsExactly("multi\nline", "fine");
        assertThat(result.problems()).singleElement()
                .isEqualTo(new SampleProblem("metadata.csv:4", file.toRealPath(), "row is not valid UTF-8"));
    }

    @Test
    void repeatedImageWithoutIdColumnGetsNumberedIdsAndOneGroup() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.text(dir.resolve("metadata.csv"), "file_name,text\na.png,one\na.png,two\n");

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("a.png#1", "a.png#2");
        assertThat(result.samples()).extracting(Sample::group).containsOnly("a.png");
    }

    @Test
    void pathsLeavingTheDatasetFolderAreRefused() throws Exception {
        Path dataset = dir.resolve("dataset");
        Fixtures.image(dataset.resolve("ok.png"));
        Path outside = Fixtures.image(dir.resolve("secret.png"));
        java.nio.file.Files.createSymbolicLink(dataset.resolve("link.png"), outside);
        Fixtures.text(dataset.resolve("metadata.csv"), "file_name,text\n"
                + "../secret.png,a\n" + outside.toAbsolutePath() + ",b\nlink.png,c\nok.png,d\n");

        ReadResult result = reader.read(dataset, DatasetOptions.defaults());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("ok.png");
        assertThat(result.problems()).extracting(SampleProblem::reason).containsExactly(
                "path '../secret.png' points outside the dataset folder",
                "path '" + outside.toAbsolutePath() + "' points outside the dataset folder",
                "path 'link.png' is a symbolic link leading outside the dataset folder");
    }

    @Test
    void missingTextColumnFailsNamingTheColumnsFound() {
        Fixtures.text(dir.resolve("metadata.csv"), "file_name,caption\na.png,x\n");

        assertThatThrownBy(() -> reader.read(dir, DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no column 'text'").hasMessageContaining("file_name, caption");
    }

    @Test
    void missingDefaultLabelColumnMeansUnlabelledButAChosenOneMustExist() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.text(dir.resolve("metadata.csv"), "file_name,text\na.png,x\n");

        assertThat(reader.read(dir, DatasetOptions.defaults()).samples().getFirst().isLabelled()).isFalse();
        assertThatThrownBy(() -> reader.read(dir, DatasetOptions.defaults().withLabelColumn("categry")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no column 'categry'");
    }

    @Test
    void rowWithTooFewValuesIsAProblem() {
        Fixtures.image(dir.resolve("a.png"));
        Fixtures.text(dir.resolve("metadata.csv"), "file_name,text,label\na.png,x\n");

        ReadResult result = reader.read(dir, DatasetOptions.defaults());

        assertThat(result.samples()).isEmpty();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("has 2 values but the header has 3 columns"));
    }
}
