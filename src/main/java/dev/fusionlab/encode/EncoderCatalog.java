package dev.fusionlab.encode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Maps encoder ids, as a user types them in the CLI or picks them in the GUI, to opened encoders.
 * <ul>
 *   <li>{@value #MOBILENET_V2}: bundled MobileNetV2, TorchScript on the PyTorch engine (default image encoder)</li>
 *   <li>{@value #MOBILENET_V2_ONNX}: the same weights in ONNX on ONNX Runtime</li>
 *   <li>{@value #ALL_MINILM_L6_V2}: all-MiniLM-L6-v2 sentence encoder, ONNX (default text encoder)</li>
 *   <li>{@code file:/path/model.pt} or {@code .onnx}: a user model described by {@code /path/model.json}
 *       (see {@link ModelDescriptor})</li>
 *   <li>{@code hf:org/name} and {@code djl://...}: sentence-embedding models from the DJL model zoo /
 *       Hugging Face; they need network and {@code -Dai.djl.offline=false}</li>
 * </ul>
 */
public final class EncoderCatalog {

    public static final String MOBILENET_V2 = "mobilenet_v2";
    public static final String MOBILENET_V2_ONNX = "mobilenet_v2-onnx";
    public static final String ALL_MINILM_L6_V2 = "all-minilm-l6-v2";
    /** Default image encoder (TorchScript, as decided; see bench/encoder/RESULTS.md for ONNX being faster on CPU). */
    public static final String DEFAULT_IMAGE = MOBILENET_V2;
    public static final String DEFAULT_TEXT = ALL_MINILM_L6_V2;
    public static final int DEFAULT_BATCH_SIZE = 32;
    /**
     * Images per batch. Small on purpose: at 8 the largest MobileNetV2 activation (13 MB) stays below
     * glibc's mmap threshold, so libtorch reuses heap memory instead of mapping and faulting in fresh
     * pages every batch; on 2 cores batch 8 encodes about twice as fast as 32 (bench/encoder/RESULTS.md).
     */
    public static final int DEFAULT_IMAGE_BATCH_SIZE = 8;

    private static final String FILE = "file:";
    /** The bundled models' descriptors: one instance each, so the lazy identity and the opened one agree. */
    private static final ModelDescriptor MOBILENET_DESCRIPTOR = ModelDescriptor.image(224);
    private static final ModelDescriptor MINILM_DESCRIPTOR = ModelDescriptor.text("tokenizer.json", 256);

    private EncoderCatalog() {
    }

    /** Ids of the encoders that work offline out of the box, for a modality. */
    public static List<String> builtIn(Modality modality) {
        return modality == Modality.IMAGE ? List.of(MOBILENET_V2, MOBILENET_V2_ONNX) : List.of(ALL_MINILM_L6_V2);
    }

    /** The modality an id encodes; for {@code file:} ids read from the model's descriptor. */
    public static Modality modalityOf(String id) throws IOException {
        if (id.equals(MOBILENET_V2) || id.equals(MOBILENET_V2_ONNX)) {
            return Modality.IMAGE;
        }
        if (id.equals(ALL_MINILM_L6_V2) || RemoteTextEncoder.handles(id)) {
            return Modality.TEXT;
        }
        if (id.startsWith(FILE)) {
            return descriptorOf(userModel(id)).modality();
        }
        throw unknown(id);
    }

    /** Opens an image encoder. */
    public static Encoder<Path> openImage(String id, int batchSize) throws IOException {
        DjlRuntime.init();
        return switch (id) {
            case MOBILENET_V2 -> ImageEncoder.open(id, BundledModels.mobileNetTorchScript(),
                    MOBILENET_DESCRIPTOR, batchSize);
            case MOBILENET_V2_ONNX -> ImageEncoder.open(id, BundledModels.mobileNetOnnx(),
                    MOBILENET_DESCRIPTOR, batchSize);
            default -> {
                if (!id.startsWith(FILE)) {
                    throw modalityOf(id) == Modality.TEXT
                            ? new IllegalArgumentException("'" + id + "' is a text encoder, not an image encoder")
                            : unknown(id);
                }
                Path model = userModel(id);
                yield ImageEncoder.open(id, model, descriptorOf(model), batchSize);
            }
        };
    }

    /**
     * An image encoder that loads its model only when a cache miss needs it (see {@link LazyEncoder}).
     * Bundled models and user models whose descriptor declares {@code dimension} are lazy; any other
     * user model is opened now, since only the model itself knows its output size. The announced
     * identity, input pipeline included, is built from the same descriptor as the opened encoder's, and
     * {@link LazyEncoder} checks that they are equal.
     */
    public static Encoder<Path> lazyImage(String id, int batchSize) throws IOException {
        return switch (id) {
            case MOBILENET_V2 -> new LazyEncoder<>(
                    new EncoderIdentity(Modality.IMAGE, id, BundledModels.MOBILENET_PT_SHA256, 1280,
                            InputPipeline.image(MOBILENET_DESCRIPTOR)),
                    () -> openImage(id, batchSize));
            case MOBILENET_V2_ONNX -> new LazyEncoder<>(
                    new EncoderIdentity(Modality.IMAGE, id, BundledModels.MOBILENET_ONNX_SHA256, 1280,
                            InputPipeline.image(MOBILENET_DESCRIPTOR)),
                    () -> openImage(id, batchSize));
            default -> lazyUserModel(Modality.IMAGE, id, () -> openImage(id, batchSize));
        };
    }

    /** A text encoder that loads its model only when a cache miss needs it; see {@link #lazyImage}. */
    public static Encoder<String> lazyText(String id, int batchSize) throws IOException {
        if (id.equals(ALL_MINILM_L6_V2)) {
            return new LazyEncoder<>(new EncoderIdentity(Modality.TEXT, id, BundledModels.MINILM_ONNX_SHA256, 384,
                    InputPipeline.text(MINILM_DESCRIPTOR, BundledModels.MINILM_TOKENIZER_SHA256)),
                    () -> openText(id, batchSize));
        }
        return lazyUserModel(Modality.TEXT, id, () -> openText(id, batchSize));
    }

    /** Lazy when {@code id} is a user model whose descriptor declares its dimension; else opened now. */
    private static <I> Encoder<I> lazyUserModel(Modality modality, String id, LazyEncoder.Opener<I> opener)
            throws IOException {
        if (!id.startsWith(FILE)) {
            return opener.open();
        }
        Path model = userModel(id);
        ModelDescriptor descriptor = descriptorOf(model);
        if (descriptor.dimension() == null || descriptor.modality() != modality) {
            return opener.open(); // the opener names the problem of a descriptor of the other modality
        }
        String pipeline = modality == Modality.IMAGE ? InputPipeline.image(descriptor)
                : InputPipeline.text(descriptor, Sha256.hexOf(tokenizerOf(model, descriptor)));
        return new LazyEncoder<>(new EncoderIdentity(modality, id, Sha256.hexOf(model), descriptor.dimension(),
                pipeline), opener);
    }

    /** A user text model's tokenizer.json, named relative to its descriptor. */
    private static Path tokenizerOf(Path model, ModelDescriptor descriptor) throws IOException {
        Path tokenizer = ModelDescriptor.pathFor(model).resolveSibling(descriptor.tokenizer());
        if (!Files.isRegularFile(tokenizer)) {
            throw new IOException("tokenizer not found: " + tokenizer + " (\"tokenizer\" in "
                    + ModelDescriptor.pathFor(model) + ")");
        }
        return tokenizer;
    }

    /** Opens a text encoder. */
    public static Encoder<String> openText(String id, int batchSize) throws IOException {
        DjlRuntime.init();
        if (id.equals(ALL_MINILM_L6_V2)) {
            return TextEncoder.open(id, BundledModels.miniLmOnnx(), BundledModels.miniLmTokenizer(),
                    MINILM_DESCRIPTOR, batchSize);
        }
        if (RemoteTextEncoder.handles(id)) {
            return RemoteTextEncoder.open(id, batchSize);
        }
        if (!id.startsWith(FILE)) {
            throw modalityOf(id) == Modality.IMAGE
                    ? new IllegalArgumentException("'" + id + "' is an image encoder, not a text encoder")
                    : unknown(id);
        }
        Path model = userModel(id);
        ModelDescriptor descriptor = descriptorOf(model);
        return TextEncoder.open(id, model, tokenizerOf(model, descriptor), descriptor, batchSize);
    }

    private static Path userModel(String id) throws IOException {
        Path model = Path.of(id.substring(FILE.length())).toAbsolutePath();
        if (!Files.isRegularFile(model)) {
            throw new IOException("model file not found: " + model);
        }
        return model;
    }

    private static ModelDescriptor descriptorOf(Path model) throws IOException {
        Path json = ModelDescriptor.pathFor(model);
        if (!Files.isRegularFile(json)) {
            throw new IOException("model " + model + " needs a descriptor " + json
                    + " (e.g. {\"modality\": \"image\", \"inputSize\": 224})");
        }
        return ModelDescriptor.read(json);
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("unknown encoder '" + id + "': use " + MOBILENET_V2 + ", "
                + MOBILENET_V2_ONNX + ", " + ALL_MINILM_L6_V2 + ", file:/path/model.pt|.onnx, hf:org/name or djl://...");
    }
}
