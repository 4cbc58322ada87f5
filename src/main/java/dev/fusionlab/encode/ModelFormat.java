package dev.fusionlab.encode;

import java.nio.file.Path;
import java.util.Locale;

/** File formats FusionLab loads, each with the DJL engine that runs it. */
public enum ModelFormat {
    /** TorchScript ({@code torch.jit.trace/script} then save): DJL PyTorch engine. */
    TORCHSCRIPT("PyTorch", PixelLayout.CHANNELS_LAST),
    /** ONNX: DJL OnnxRuntime engine (CPU build). */
    ONNX("OnnxRuntime", PixelLayout.CHANNELS_FIRST);

    private final String engine;
    private final PixelLayout imageLayout;

    ModelFormat(String engine, PixelLayout imageLayout) {
        this.engine = engine;
        this.imageLayout = imageLayout;
    }

    public String engine() {
        return engine;
    }

    /** The layout this engine takes image batches in fastest (see {@link PixelLayout}). */
    public PixelLayout imageLayout() {
        return imageLayout;
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
