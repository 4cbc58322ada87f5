package dev.fusionlab.encode.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.fusionlab.encode.BundledModels;
import dev.fusionlab.encode.DjlRuntime;
import dev.fusionlab.encode.Encoder;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.ModelFormat;
import dev.fusionlab.encode.PixelLayout;
import dev.fusionlab.task.TaskContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * MobileNetV2 throughput on DJL, comparable with bench/encoder/torch_bench.py.
 *
 * <p>Usage (see bench/encoder/run.sh): {@code EncoderBenchmark pt|onnx BATCH ITERATIONS} with
 * {@code -Dfusionlab.threads=2} and optionally {@code -Dai.djl.pytorch.graph_optimizer=true} or
 * {@code -Dfusionlab.bench.layout=CHANNELS_FIRST} (default: the layout the encoder uses for that
 * format, see {@link PixelLayout}). Prints first-batch latency, steady-state images/s of the model
 * alone (one [N,3,224,224] tensor per batch, made as the encoder makes it), and end-to-end images/s
 * of {@link Encoder#encode} on PNG files (read, decode, resize, infer).
 */
public final class EncoderBenchmark {

    private EncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DjlRuntime.init();
        String format = args.length > 0 ? args[0] : "pt";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean onnx = format.equals("onnx");
        Path file = onnx ? BundledModels.mobileNetOnnx() : BundledModels.mobileNetTorchScript();
        PixelLayout layout = PixelLayout.valueOf(System.getProperty("fusionlab.bench.layout",
                ModelFormat.of(file).imageLayout().name()));
        System.out.printf("model=%s batch=%d threads=%d graph_optimizer=%s layout=%s%n", file.getFileName(), batch,
                DjlRuntime.threads(), System.getProperty("ai.djl.pytorch.graph_optimizer"), layout);

        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file).optEngine(onnx ? "OnnxRuntime" : "PyTorch")
                .optOption("intraOpNumThreads", Integer.toString(DjlRuntime.threads()))
                .optOption("interOpNumThreads", "1")
                .optTranslator(new NoopTranslator()).build();
        float[] pixels = new float[batch * 3 * 224 * 224];
        Random random = new Random(42);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
             Predictor<NDList, NDList> predictor = model.newPredictor()) {
            double[] seconds = new double[iterations + 3];
            long cpuAtSteadyStart = 0;
            for (int i = 0; i < seconds.length; i++) {
                if (i == 3) {
                    cpuAtSteadyStart = processCpuNanos();
                }
                long t0 = System.nanoTime();
                try (NDManager m = model.getNDManager().newSubManager()) {
                    NDArray x = layout.toTensor(m, pixels, batch, 224);
                    predictor.predict(new NDList(x)).get(0).toFloatArray();
                }
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                if (i < 3) {
                    System.out.printf("batch %d: %.3f s%n", i + 1, seconds[i]);
                }
            }
            double steady = 0;
            for (int i = 3; i < seconds.length; i++) {
                steady += seconds[i];
            }
            double cpu = (processCpuNanos() - cpuAtSteadyStart) / 1e9;
            System.out.printf("model only, steady state: %.1f images/s (%.3f s per batch of %d), "
                    + "%.2f images per CPU-second%n", iterations * batch / steady, steady / iterations, batch,
                    iterations * batch / cpu);
        }
        endToEnd(onnx ? EncoderCatalog.MOBILENET_V2_ONNX : EncoderCatalog.MOBILENET_V2, batch, iterations);
    }

    /** CPU time of the whole process: a throughput measure that survives a busy, shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void endToEnd(String id, int batch, int iterations) throws Exception {
        Path dir = Files.createTempDirectory("fusionlab-bench");
        List<Path> files = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < batch; i++) {
            BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 320; y += 8) {
                for (int x = 0; x < 320; x += 8) {
                    int argb = random.nextInt();
                    for (int dy = 0; dy < 8; dy++) {
                        for (int dx = 0; dx < 8; dx++) {
                            image.setRGB(x + dx, y + dy, argb);
                        }
                    }
                }
            }
            Path png = dir.resolve(i + ".png");
            ImageIO.write(image, "png", png.toFile());
            files.add(png);
        }
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            inputs.addAll(files);
        }
        try (Encoder<Path> encoder = EncoderCatalog.openImage(id, batch)) {
            encoder.encode(files, TaskContext.silent());
            long t0 = System.nanoTime();
            encoder.encode(inputs, TaskContext.silent());
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("end to end (320x320 RGBA PNG files -> vectors): %.1f images/s%n", inputs.size() / s);
        }
        for (Path f : files) {
            Files.delete(f);
        }
        Files.delete(dir);
    }
}
