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

/** A model file that is damaged, of the wrong kind, or described wrongly: a message naming the file. */
class ModelFileFaultsTest {

    @TempDir
    Path tmp;

    @Test
    void aDamagedModelFileIsNamed() throws IOException {
        for (String name : List.of("broken.onnx", "broken.pt")) {
            byte[] half = Files.readAllBytes(name.endsWith(".onnx") ? BundledModels.mobileNetOnnx()
                    : BundledModels.mobileNetTorchScript());
            Path model = Files.write(tmp.resolve(name), java.util.Arrays.copyOf(half, half.length / 3));
            Files.writeString(ModelDescriptor.pathFor(model), "{\"modality\": \"image\"}");

            assertThatThrownBy(() -> EncoderCatalog.openImage("file:" + model, 4))
                    .as(name).hasMessageContaining(model.toString()).hasMessageContaining("cannot load model")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void aTextModelDescribedAsAnImageModelIsNamed() throws IOException {
        Path model = Files.copy(BundledModels.miniLmOnnx(), tmp.resolve("minilm.onnx"));
        Files.writeString(ModelDescriptor.pathFor(model), "{\"modality\": \"image\"}");

        assertThatThrownBy(() -> EncoderCatalog.openImage("file:" + model, 4))
                .hasMessageContaining(model.toString());
    }

    @Test
    void aDescriptorThatLiesAboutTheDimensionIsCaughtAndTheCacheHeals() throws IOException {
        Path model = Files.copy(BundledModels.mobileNetOnnx(), tmp.resolve("net.onnx"));
        Files.writeString(ModelDescriptor.pathFor(model), "{\"modality\": \"image\", \"dimension\": 512}");
        Path png = SharedReference.rgbAsPng(SharedReference.dir().resolve("grace_hopper_224.rgb"), tmp.resolve("g.png"));
        Path cacheDir = tmp.resolve("cache");

        Encoder<Path> lying = EncoderCatalog.lazyImage("file:" + model, 4);
        assertThat(lying.dimension()).as("announced, not yet checked").isEqualTo(512);
        try (CachingEncoder<Path> cached = new CachingEncoder<>(lying, EmbeddingCache.open(cacheDir, lying),
                ContentKey.imageFile())) {
            assertThatThrownBy(() -> cached.encode(List.of(png), TaskContext.silent()))
                    .hasMessageContaining(model.toString()).hasMessageContaining("dimension 512")
                    .hasMessageContaining("1280");
        }

        Files.writeString(ModelDescriptor.pathFor(model), "{\"modality\": \"image\", \"dimension\": 1280}");
        Encoder<Path> honest = EncoderCatalog.lazyImage("file:" + model, 4);
        try (EmbeddingCache cache = EmbeddingCache.open(cacheDir, honest);
             CachingEncoder<Path> cached = new CachingEncoder<>(honest, cache, ContentKey.imageFile())) {
            assertThat(cache.problem()).hasValueSatisfying(p -> assertThat(p).contains("512-d").contains("moved aside"));
            assertThat(cached.encode(List.of(png), TaskContext.silent()).vector(0)).hasSize(1280);
        }
    }
}
