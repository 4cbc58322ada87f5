package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserModelTest {

    @TempDir
    Path tmp;

    @Test
    void parsesAFullImageDescriptor() throws IOException {
        Path json = Files.writeString(tmp.resolve("m.json"), """
                {"modality": "image", "inputSize": 192, "mean": [0.485, 0.456, 0.406],
                 "std": [0.229, 0.224, 0.225], "output": "embedding", "dimension": 1280}
                """);
        ModelDescriptor d = ModelDescriptor.read(json);

        assertThat(d.modality()).isEqualTo(Modality.IMAGE);
        assertThat(d.inputSizeOrDefault()).isEqualTo(192);
        assertThat(d.mean()).containsExactly(0.485f, 0.456f, 0.406f);
        assertThat(d.outputSelector()).isEqualTo(new OutputSelector(-1, "embedding"));
        assertThat(d.normalizeOrDefault()).isFalse();
    }

    @Test
    void keysAreSnakeCaseAndTheCamelCaseOfEarlierVersionsStillReads() throws IOException {
        Path snake = Files.writeString(tmp.resolve("snake.json"), """
                {"modality": "text", "tokenizer": "tokenizer.json", "max_length": 128, "input_size": 64}
                """);
        Path camel = Files.writeString(tmp.resolve("camel.json"), """
                {"modality": "text", "tokenizer": "tokenizer.json", "maxLength": 128, "inputSize": 64}
                """);

        assertThat(ModelDescriptor.read(snake).maxLengthOrDefault()).isEqualTo(128);
        assertThat(ModelDescriptor.read(camel).maxLengthOrDefault()).isEqualTo(128);
        assertThat(ModelDescriptor.read(camel).inputSizeOrDefault()).isEqualTo(64);

        Path written = tmp.resolve("written.json");
        ModelDescriptor.text("tokenizer.json", 128).write(written);
        assertThat(Files.readString(written)).contains("\"max_length\"").doesNotContain("maxLength");
        assertThat(ModelDescriptor.read(written).maxLengthOrDefault()).isEqualTo(128);
    }

    /** Every descriptor shown in the user guide must be one FusionLab accepts. */
    @Test
    void theDescriptorsOfTheUserGuideAreValid() throws IOException {
        String guide = Files.readString(Path.of("docs/models.md"));
        var blocks = java.util.regex.Pattern.compile("```json\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(guide);
        int read = 0;
        while (blocks.find()) {
            Path json = Files.writeString(tmp.resolve("guide-" + read + ".json"), blocks.group(1));
            assertThat(ModelDescriptor.read(json).modality()).isNotNull();
            read++;
        }
        assertThat(read).as("json blocks in docs/models.md").isGreaterThanOrEqualTo(2);
    }

    @Test
    void textDescriptorDefaultsToMeanPoolingAndNormalisation() throws IOException {
        Path json = Files.writeString(tmp.resolve("t.json"), """
                {"modality": "TEXT", "tokenizer": "tokenizer.json", "pooling": "cls"}
                """);
        ModelDescriptor d = ModelDescriptor.read(json);

        assertThat(d.poolingOrDefault()).isEqualTo(TextPooling.CLS);
        assertThat(d.maxLengthOrDefault()).isEqualTo(256);
        assertThat(d.normalizeOrDefault()).isTrue();
        assertThat(d.outputSelector()).isEqualTo(new OutputSelector(0, null));
    }

    @Test
    void badDescriptorsNameTheFileAndTheProblem() throws IOException {
        Path noModality = Files.writeString(tmp.resolve("a.json"), "{\"input_size\": 224}");
        Path typo = Files.writeString(tmp.resolve("b.json"), "{\"modality\": \"image\", \"inputsize\": 224}");
        Path textWithoutTokenizer = Files.writeString(tmp.resolve("c.json"), "{\"modality\": \"text\"}");

        assertThatThrownBy(() -> ModelDescriptor.read(noModality)).hasMessageContaining("a.json").hasMessageContaining("modality");
        assertThatThrownBy(() -> ModelDescriptor.read(typo)).hasMessageContaining("b.json").hasMessageContaining("inputsize");
        assertThatThrownBy(() -> ModelDescriptor.read(textWithoutTokenizer)).hasMessageContaining("tokenizer");
    }

    @Test
    void aUserTorchScriptFileWithDescriptorEncodesLikeTheBundledModel() throws IOException {
        Path model = Files.copy(BundledModels.mobileNetTorchScript(), tmp.resolve("my_net.pt"));
        ModelDescriptor.image(224).write(tmp.resolve("my_net.json"));
        Path png = SharedReference.rgbAsPng(SharedReference.dir().resolve("grace_hopper_224.rgb"), tmp.resolve("g.png"));

        try (Encoder<Path> user = EncoderCatalog.openImage("file:" + model, 8);
             Encoder<Path> bundled = EncoderCatalog.openImage(EncoderCatalog.MOBILENET_V2_ONNX, 8)) {
            assertThat(EncoderCatalog.modalityOf("file:" + model)).isEqualTo(Modality.IMAGE);
            assertThat(user.id()).isEqualTo("file:" + model);
            assertThat(user.weightsSha256()).isEqualTo(BundledModels.MOBILENET_PT_SHA256);
            float[] a = user.encode(List.of(png), TaskContext.silent()).vector(0);
            float[] b = bundled.encode(List.of(png), TaskContext.silent()).vector(0);
            assertThat(MobileNetEncoderTest.cosine(a, b)).isGreaterThan(0.9999);
        }
    }

    @Test
    void aWrongDeclaredDimensionIsCaughtWhenOpening() throws IOException {
        Path model = Files.copy(BundledModels.mobileNetOnnx(), tmp.resolve("net.onnx"));
        Files.writeString(tmp.resolve("net.json"), "{\"modality\": \"image\", \"dimension\": 512}");

        assertThatThrownBy(() -> EncoderCatalog.openImage("file:" + model, 4))
                .hasMessageContaining("dimension 512").hasMessageContaining("1280");
    }

    @Test
    void missingDescriptorAndUnknownIdsAreExplained() throws IOException {
        Path model = Files.copy(BundledModels.mobileNetOnnx(), tmp.resolve("bare.onnx"));

        assertThatThrownBy(() -> EncoderCatalog.openImage("file:" + model, 4)).hasMessageContaining("bare.json");
        assertThatThrownBy(() -> EncoderCatalog.openImage("resnet9000", 4)).hasMessageContaining("unknown encoder");
        assertThatThrownBy(() -> EncoderCatalog.openImage(EncoderCatalog.ALL_MINILM_L6_V2, 4))
                .hasMessageContaining("text encoder");
    }

    @Test
    void lazyBundledEncodersKnowTheirIdentityWithoutLoading() throws IOException {
        try (Encoder<Path> image = EncoderCatalog.lazyImage(EncoderCatalog.MOBILENET_V2, 8);
             Encoder<String> text = EncoderCatalog.lazyText(EncoderCatalog.ALL_MINILM_L6_V2, 8)) {
            assertThat(image).isInstanceOf(LazyEncoder.class);
            assertThat(((LazyEncoder<Path>) image).opened()).isFalse();
            assertThat(image.dimension()).isEqualTo(1280);
            assertThat(text.dimension()).isEqualTo(384);
            assertThat(text.weightsSha256()).isEqualTo(BundledModels.MINILM_ONNX_SHA256);
        }
    }

    @Test
    void hubModelsNeedTheNetworkAndSaySoOffline() {
        assertThat(DjlRuntime.offline()).isTrue();
        assertThatThrownBy(() -> EncoderCatalog.openText("hf:sentence-transformers/all-mpnet-base-v2", 8))
                .hasMessageContaining("offline").hasMessageContaining("-Dai.djl.offline=false");
    }
}
