package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleValidatorTest {

    @TempDir
    Path dir;

    @Test
    void everyBadSampleBecomesAProblemNamingFileAndReasonAndGoodOnesStay() {
        Path good = Fixtures.image(dir.resolve("good.png"));
        Path missing = dir.resolve("missing.png");
        Path empty = Fixtures.bytes(dir.resolve("empty.png"), new byte[0]);
        Path truncated = Fixtures.truncate(Fixtures.image(dir.resolve("cut.png"), 32, 32), 0.5);
        List<Sample> samples = List.of(
                sample("good", good, "fine"),
                sample("missing", missing, "x"),
                sample("empty", empty, "x"),
                sample("cut", truncated, "x"),
                sample("blank", good, "   "),
                sample("good", good, "same id again"));

        ReadResult result = SampleValidator.validate(new ReadResult(samples, List.of()), TaskContext.silent());

        assertThat(result.samples()).extracting(Sample::id).containsExactly("good");
        assertThat(result.problems()).extracting(SampleProblem::id, SampleProblem::file, SampleProblem::reason)
                .containsExactly(
                        tuple("missing", missing, "image file is missing"),
                        tuple("empty", empty, "image file is zero bytes"),
                        tuple("cut", truncated, "image is truncated or corrupt: PNG chunk IDAT runs past the end of the file"),
                        tuple("blank", good, "text is empty"),
                        tuple("good", good, "duplicate id 'good'"));
    }

    @Test
    void keepsTheReadersProblemsFirst() {
        SampleProblem earlier = new SampleProblem("metadata.csv:3", dir.resolve("metadata.csv"), "row is not valid UTF-8");

        ReadResult result = SampleValidator.validate(new ReadResult(List.of(), List.of(earlier)), TaskContext.silent());

        assertThat(result.problems()).containsExactly(earlier);
    }

    private static Sample sample(String id, Path image, String text) {
        return new Sample(id, image, text, "l", null, null, null);
    }
}
