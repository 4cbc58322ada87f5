package dev.fusionlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The thumbnail's pixels, without a display: what {@link ThumbnailCache} hands to JavaFX once decoded. */
class ThumbnailCacheTest {

    @Test
    void aWideImageFitsTheBoxCentredWithItsAspectKept() {
        BufferedImage wide = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                wide.setRGB(x, y, x < 200 ? 0xFF0000 : 0x0000FF);
            }
        }
        int[] argb = ThumbnailCache.fitted(wide, 32);

        assertThat(argb).hasSize(32 * 32);
        assertThat(argb[2 * 32 + 16] >>> 24).as("above the image: transparent").isZero();
        assertThat(argb[16 * 32 + 4]).as("left half").isEqualTo(0xFFFF0000);
        assertThat(argb[16 * 32 + 28]).as("right half").isEqualTo(0xFF0000FF);
        assertThat(argb[29 * 32 + 16] >>> 24).as("below the image: transparent").isZero();
    }
}
