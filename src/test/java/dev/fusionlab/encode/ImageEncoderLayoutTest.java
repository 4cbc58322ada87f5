package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.task.TaskContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's TorchScript model that flattens its input with {@code view()} cannot take the channels-last
 * batches FusionLab prefers for libtorch (tools/make-flatten-view-model.py writes it); it must still work.
 */
class ImageEncoderLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void aModelThatRefusesChannelsLastInputGetsPlanarBatches() throws IOException {
        Path model = tmp.resolve("flatten_view.pt");
        try (InputStream in = ImageEncoderLayoutTest.class.getResourceAsStream("flatten_view.pt")) {
            Files.copy(in, model);
        }
        Files.writeString(tmp.resolve("flatten_view.json"), """
                {"modality": "image", "inputSize": 4, "dimension": 6, "normalize": false}""");
        BufferedImage red = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                red.setRGB(x, y, x < 2 ? 0xFF0000 : 0x0000FF);
            }
        }
        Path png = tmp.resolve("half.png");
        ImageIO.write(red, "png", png.toFile());

        try (Encoder<Path> encoder = EncoderCatalog.openImage("file:" + model, 2)) {
            EncodeResult r = encoder.encode(List.of(png), TaskContext.silent());
            // 2 x the first six red-plane values, row by row: red, red, blue, blue, red, red
            assertThat(r.vector(0)).containsExactly(2f, 2f, 0f, 0f, 2f, 2f);
        }
    }
}
