package dev.fusionlab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples without an image file (synthetic, imported embeddings) still get a fingerprint of what they hold. */
class DatasetFingerprintNoImageTest {

    private static Sample sample(String id, Path image, String label) {
        return new Sample(id, image, "a caption", label, Split.TRAIN, null, Map.of());
    }

    @Test
    void samplesWithoutImageAreFingerprintedByTheirFields(@TempDir Path dir) throws Exception {
        String a = DatasetFingerprint.of(List.of(sample("s1", null, "c0"), sample("s2", null, "c1")));
        assertThat(a).hasSize(64).isEqualTo(DatasetFingerprint.of(List.of(sample("s1", null, "c0"), sample("s2", null, "c1"))));
        assertThat(DatasetFingerprint.of(List.of(sample("s1", null, "c0"), sample("s2", null, "c0")))).isNotEqualTo(a);

        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertThat(DatasetFingerprint.of(List.of(sample("s1", empty, "c0"))))
                .isNotEqualTo(DatasetFingerprint.of(List.of(sample("s1", null, "c0"))));
        assertThat(sample("s1", null, "c0").hasImage()).isFalse();
        assertThat(sample("s1", empty, "c0").hasImage()).isTrue();
    }
}
