package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input pipeline in every encoder identity: what it covers, and that it is canonical text. */
class InputPipelineTest {

    @TempDir
    Path tmp;

    /** Written out in full: a change here means every cache is re-encoded, so it must be on purpose. */
    @Test
    void theBundledPipelinesAreFixedText() throws IOException {
        try (Encoder<Path> image = EncoderCatalog.lazyImage(EncoderCatalog.MOBILENET_V2, 8);
             Encoder<String> text = EncoderCatalog.lazyText(EncoderCatalog.ALL_MINILM_L6_V2, 8)) {
            assertThat(image.pipeline()).isEqualTo("image;decoding=1;preprocessing=1;size=224;mean=0.0,0.0,0.0;"
                    + "std=1.0,1.0,1.0;output=0;normalize=false");
            assertThat(text.pipeline()).isEqualTo("text;encoding=1;tokenizer=" + BundledModels.MINILM_TOKENIZER_SHA256
                    + ";max_length=256;inputs=model;output=0;pooling=mean;normalize=true");
        }
    }

    @Test
    void aUserModelsMeanAndStdAreInItsIdentityAndAnUnchangedDescriptorKeepsIt() throws IOException {
        Path model = Files.write(tmp.resolve("net.onnx"), new byte[] {1, 2, 3}); // hashed, never loaded: lazy
        EncoderIdentity plain = imageIdentity(model, """
                {"modality": "image", "input_size": 224, "dimension": 1280}""");
        EncoderIdentity sameInOtherWords = imageIdentity(model, """
                {"inputSize": 224,   "modality": "IMAGE", "mean": [0, 0, 0], "std": [1.0, 1.0, 1.0], "dimension": 1280,
                 "output": " 0 ", "normalize": false}""");
        EncoderIdentity imageNet = imageIdentity(model, """
                {"modality": "image", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "dimension": 1280}""");
        EncoderIdentity otherStd = imageIdentity(model, """
                {"modality": "image", "mean": [0.485, 0.456, 0.406], "std": [0.5, 0.5, 0.5], "dimension": 1280}""");
        EncoderIdentity imageNetAgain = imageIdentity(model, """
                {"modality": "image", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "dimension": 1280}""");

        assertThat(sameInOtherWords).isEqualTo(plain);
        assertThat(imageNet).isNotEqualTo(plain);
        assertThat(otherStd).isNotEqualTo(imageNet);
        assertThat(imageNetAgain).isEqualTo(imageNet);
        assertThat(imageNet.weightsSha256()).isEqualTo(plain.weightsSha256());
        assertThat(imageNet.pipeline()).isEqualTo("image;decoding=1;preprocessing=1;size=224;mean=0.485,0.456,0.406;"
                + "std=0.229,0.224,0.225;output=0;normalize=false");
        assertThat(imageIdentity(model, """
                {"modality": "image", "input_size": 192, "dimension": 1280}""")).isNotEqualTo(plain);
        assertThat(imageIdentity(model, """
                {"modality": "image", "normalize": true, "dimension": 1280}""")).isNotEqualTo(plain);
        assertThat(imageIdentity(model, """
                {"modality": "image", "output": "embedding", "dimension": 1280}""")).isNotEqualTo(plain);
    }

    @Test
    void aUserTextModelsTokenizerPoolingAndLengthAreInItsIdentity() throws IOException {
        Path model = Files.write(tmp.resolve("enc.onnx"), new byte[] {4, 5, 6});
        Path tokenizer = Files.writeString(tmp.resolve("tokenizer.json"), "{\"version\": \"1.0\"}");
        String descriptor = """
                {"modality": "text", "tokenizer": "tokenizer.json", "dimension": 384}""";
        EncoderIdentity base = textIdentity(model, descriptor);

        assertThat(textIdentity(model, descriptor)).isEqualTo(base);
        assertThat(textIdentity(model, """
                {"modality": "text", "tokenizer": "tokenizer.json", "dimension": 384, "pooling": "cls"}"""))
                .isNotEqualTo(base);
        assertThat(textIdentity(model, """
                {"modality": "text", "tokenizer": "tokenizer.json", "dimension": 384, "max_length": 128}"""))
                .isNotEqualTo(base);
        assertThat(textIdentity(model, """
                {"modality": "text", "tokenizer": "tokenizer.json", "dimension": 384, "normalize": false}"""))
                .isNotEqualTo(base);
        assertThat(textIdentity(model, """
                {"modality": "text", "tokenizer": "tokenizer.json", "dimension": 384,
                 "inputs": ["input_ids", "attention_mask", "token_type_ids"]}""")).isNotEqualTo(base);
        Files.writeString(tokenizer, "{\"version\": \"1.0\", \"added_tokens\": []}");
        assertThat(textIdentity(model, descriptor)).isNotEqualTo(base);
    }

    /** What the cache announces before loading is what the loaded encoder is, pipeline included. */
    @Test
    void theLazyIdentityIsTheOpenedEncodersIdentity() throws IOException {
        for (String id : EncoderCatalog.builtIn(Modality.IMAGE)) {
            try (Encoder<Path> lazy = EncoderCatalog.lazyImage(id, 2);
                 Encoder<Path> opened = EncoderCatalog.openImage(id, 2)) {
                assertThat(lazy).isInstanceOf(LazyEncoder.class);
                assertThat(opened.identity()).isEqualTo(lazy.identity());
            }
        }
        try (Encoder<String> lazy = EncoderCatalog.lazyText(EncoderCatalog.ALL_MINILM_L6_V2, 2);
             Encoder<String> opened = EncoderCatalog.openText(EncoderCatalog.ALL_MINILM_L6_V2, 2)) {
            assertThat(opened.identity()).isEqualTo(lazy.identity());
        }

        Path image = Files.copy(BundledModels.mobileNetOnnx(), tmp.resolve("net.onnx"));
        Files.writeString(ModelDescriptor.pathFor(image), """
                {"modality": "image", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "dimension": 1280}""");
        try (Encoder<Path> lazy = EncoderCatalog.lazyImage("file:" + image, 2);
             Encoder<Path> opened = EncoderCatalog.openImage("file:" + image, 2)) {
            assertThat(lazy).isInstanceOf(LazyEncoder.class);
            assertThat(opened.identity()).isEqualTo(lazy.identity());
        }
        Path text = Files.copy(BundledModels.miniLmOnnx(), tmp.resolve("minilm.onnx"));
        Files.copy(BundledModels.miniLmTokenizer(), tmp.resolve("tokenizer.json"));
        Files.writeString(ModelDescriptor.pathFor(text), """
                {"modality": "text", "tokenizer": "tokenizer.json", "max_length": 128, "dimension": 384}""");
        try (Encoder<String> lazy = EncoderCatalog.lazyText("file:" + text, 2);
             Encoder<String> opened = EncoderCatalog.openText("file:" + text, 2)) {
            assertThat(lazy).isInstanceOf(LazyEncoder.class);
            assertThat(opened.identity()).isEqualTo(lazy.identity());
        }
    }

    private static EncoderIdentity imageIdentity(Path model, String descriptor) throws IOException {
        Files.writeString(ModelDescriptor.pathFor(model), descriptor);
        try (Encoder<Path> e = EncoderCatalog.lazyImage("file:" + model, 2)) {
            assertThat(e).isInstanceOf(LazyEncoder.class);
            return e.identity();
        }
    }

    private static EncoderIdentity textIdentity(Path model, String descriptor) throws IOException {
        Files.writeString(ModelDescriptor.pathFor(model), descriptor);
        try (Encoder<String> e = EncoderCatalog.lazyText("file:" + model, 2)) {
            assertThat(e).isInstanceOf(LazyEncoder.class);
            return e.identity();
        }
    }
}
