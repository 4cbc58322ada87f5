package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncoderIdentityTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void anEncoderAnswersItsGettersFromItsIdentity() {
        EncoderIdentity identity = new EncoderIdentity(Modality.TEXT, "fake-text", SHA, 7, "fake;v1");
        Encoder<String> encoder = new LazyEncoder<>(identity, () -> {
            throw new AssertionError("must not be opened");
        });

        assertThat(encoder.modality()).isEqualTo(Modality.TEXT);
        assertThat(encoder.id()).isEqualTo("fake-text");
        assertThat(encoder.weightsSha256()).isEqualTo(SHA);
        assertThat(encoder.dimension()).isEqualTo(7);
    }

    @Test
    void rejectsAnIdentityThatCouldNotKeyACache() {
        assertThatThrownBy(() -> new EncoderIdentity(null, "x", SHA, 3, "fake;v1")).hasMessageContaining("modality");
        assertThatThrownBy(() -> new EncoderIdentity(Modality.IMAGE, " ", SHA, 3, "fake;v1")).hasMessageContaining("id");
        assertThatThrownBy(() -> new EncoderIdentity(Modality.IMAGE, "x", "abc", 3, "fake;v1"))
                .hasMessageContaining("x").hasMessageContaining("64 hex");
        assertThatThrownBy(() -> new EncoderIdentity(Modality.IMAGE, "x", "zz".repeat(32), 3, "fake;v1"))
                .hasMessageContaining("64 hex");
        assertThatThrownBy(() -> new EncoderIdentity(Modality.IMAGE, "x", SHA, 0, "fake;v1")).hasMessageContaining("dimension");
    }
}
