package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmTextEncoderTest {

    private static Encoder<String> encoder;

    @BeforeAll
    static void open() throws IOException {
        encoder = EncoderCatalog.openText(EncoderCatalog.ALL_MINILM_L6_V2, 4);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        EncodeResult r = encoder.encode(List.of(
                "A man is playing a guitar on stage.",
                "On the stage, a guitarist performs music.",
                "The quarterly tax report is due next Monday."), TaskContext.silent());

        double paraphrase = dot(r.vector(0), r.vector(1));
        double unrelated = dot(r.vector(0), r.vector(2));
        assertThat(paraphrase).isGreaterThan(0.6).isGreaterThan(unrelated + 0.4);
    }

    @Test
    void vectorsAreUnitLengthAnd384Wide() {
        EncodeResult r = encoder.encode(List.of("a red apple", ""), TaskContext.silent());

        assertThat(encoder.dimension()).isEqualTo(384);
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.vector(i)).hasSize(384);
            assertThat(dot(r.vector(i), r.vector(i))).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void paddingInABatchDoesNotChangeAnyVector() {
        List<String> texts = new ArrayList<>(List.of("hi",
                "A considerably longer sentence, so that the short ones in the same batch get many pad tokens.",
                "cat", "the dog sleeps on the warm kitchen floor", "sunset over the sea"));
        EncodeResult batch = encoder.encode(texts, TaskContext.silent());

        for (int i = 0; i < texts.size(); i++) {
            float[] alone = encoder.encode(List.of(texts.get(i)), TaskContext.silent()).vector(0);
            assertThat(MobileNetEncoderTest.maxAbsDiff(batch.vector(i), alone)).as(texts.get(i)).isLessThan(1e-5f);
        }
    }

    @Test
    void veryLongTextIsTruncatedNotRejected() {
        String longText = "word ".repeat(2000);
        EncodeResult r = encoder.encode(List.of(longText), TaskContext.silent());
        assertThat(r.allSucceeded()).isTrue();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
