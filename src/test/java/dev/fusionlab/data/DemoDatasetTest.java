package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {

    private static Dataset demo;

    @BeforeAll
    static void load() {
        demo = DemoDataset.load(DatasetOptions.defaults());
    }

    @Test
    void loadsAllEmojiWithoutProblems() {
        assertThat(demo.problems()).isEmpty();
        assertThat(demo.samples()).hasSize(1906);
        assertThat(demo.samples().getFirst().text()).isEqualTo("grinning face; grinning");
        assertThat(demo.samples().getFirst().extra()).containsEntry("subcategory", "face-smiling");
    }

    @Test
    void imagesAreRealSixtyFourPixelPngs() throws Exception {
        for (Sample sample : demo.samples()) {
            assertThat(sample.image().getFileName().toString()).endsWith(".png");
            assertThat(ImageProbe.dimensions(sample.image())).isEqualTo(new ImageProbe.Dimensions(64, 64));
        }
    }

    @Test
    void missingDemoIsAClearErrorNamingWhereItLooked(@TempDir Path empty) {
        Path candidate = empty.resolve(DemoDataset.RELATIVE_PATH);

        assertThatThrownBy(() -> DemoDataset.firstDemo(List.of(candidate)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(candidate.toString())
                .hasMessageContaining("tools/build-emoji-dataset.sh");
    }

    @Test
    void hasTheNineEmojiCategoriesButNoComponents() {
        assertThat(demo.classes()).containsExactly("Activities", "Animals & Nature", "Flags", "Food & Drink",
                "Objects", "People & Body", "Smileys & Emotion", "Symbols", "Travel & Places");
    }

    @Test
    void genderedVariantsShareAGroupAndThereforeASplit() {
        Map<String, Sample> byId = demo.samples().stream().collect(Collectors.toMap(Sample::id, s -> s));
        Set<String> runners = Set.of("runner", "man-running", "woman-running");

        assertThat(runners.stream().map(id -> byId.get(id).group()).distinct()).hasSize(1);
        assertThat(runners.stream().map(id -> byId.get(id).split()).distinct()).hasSize(1);
        assertThat(demo.samples(Split.TEST)).hasSizeBetween(250, 320);
    }
}
