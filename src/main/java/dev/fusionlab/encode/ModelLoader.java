package dev.fusionlab.encode;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads one local model file through DJL {@link Criteria}, with FusionLab's engine settings. */
final class ModelLoader {

    private ModelLoader() {
    }

    static <I, O> ZooModel<I, O> load(Path file, Class<I> in, Class<O> out, Translator<I, O> translator) {
        DjlRuntime.init();
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("model file not found: " + file));
        }
        ModelFormat format = ModelFormat.of(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Criteria.Builder<I, O> builder = Criteria.builder()
                .setTypes(in, out)
                .optModelPath(file)
                .optModelName(name)
                .optEngine(format.engine())
                .optTranslator(translator);
        if (format == ModelFormat.ONNX) {
            // the bundled ONNX Runtime is the CPU build: never ask it for a GPU
            builder.optDevice(Device.cpu())
                    .optOption("intraOpNumThreads", Integer.toString(DjlRuntime.threads()))
                    .optOption("interOpNumThreads", "1");
        } else {
            builder.optDevice(DjlRuntime.deviceFor(format.engine()));
        }
        try {
            return builder.build().loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load model " + file + ": " + firstLine(e), e);
        } catch (RuntimeException e) { // a corrupt or foreign file: the engines throw their own exceptions
            String kind = format == ModelFormat.ONNX ? "an ONNX" : "a TorchScript";
            throw new IllegalStateException("cannot load model " + file + ": it is damaged or not " + kind
                    + " model (" + firstLine(e) + ")", e);
        }
    }

    /** Native engines attach their whole C++ stack trace to the message; the first line says what happened. */
    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
