package dev.fusionlab.encode;

import java.nio.file.Path;
import java.util.Locale;

/** File formats FusionLab loads, each with the DJL engine that runs it. */
public enum ModelFormat {
    /** TorchScript ({@code torch.jit.trace/script} then save): DJL PyTorch engine. */
    TORCHSCRIPT("PyTorch"),
    /** ONNX: DJL OnnxRuntime engine (CPU build). */
    ONNX("OnnxRuntime");

    private final String engine;

    ModelFormat(String engine) {
        this.engine = engine;
    }

    public String engine() {
        return engine;
    }

    /** Picks the format from the file extension: .pt/.pth/.torchscript or .onnx. */
    public static ModelFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return ONNX;
        }
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
            return TORCHSCRIPT;
        }
        throw new IllegalArgumentException("unknown model format for " + file
                + ": expected .pt/.pth/.torchscript (TorchScript) or .onnx");
    }
}
