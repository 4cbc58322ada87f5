package dev.fusionlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageDecodingTest {

    @Test
    void subsamplingKeepsDecodedImagesUnderTheLimit() {
        assertThat(ImageDecoding.subsampling(ImageDecoding.MAX_DECODED_PIXELS)).isEqualTo(1);
        assertThat(ImageDecoding.subsampling(ImageDecoding.MAX_DECODED_PIXELS + 1)).isEqualTo(2);
        assertThat(ImageDecoding.subsampling(ImageProbe.MAX_PIXELS)).isEqualTo(3);
    }

    @Test
    void aLargeImageIsDecodedSubsampled() throws Exception {
        BufferedImage large = new BufferedImage(4200, 4000, BufferedImage.TYPE_BYTE_GRAY); // 16.8 megapixels
        large.getRaster().setSample(4199, 3999, 0, 255);
        BufferedImage decoded = ImageDecoding.decode(CorpusImages.png(large));

        assertThat(decoded.getWidth()).isEqualTo(2100);
        assertThat(decoded.getHeight()).isEqualTo(2000);
    }

    @Test
    void aBombIsRefusedByTheDecoderToo() {
        // the loader refuses it first; the encoder's decoder must not trust that nobody skipped the loader
        assertThatThrownBy(() -> ImageDecoding.decode(CorpusImages.pngBomb()))
                .hasMessageContaining("decompression bomb").hasMessageContaining("15000x15000");
    }

    @Test
    void anOrientationTagInDamagedMetadataIsIgnored() throws Exception {
        byte[] jpeg = CorpusImages.jpegWithOrientation(
                CorpusImages.jpeg(CorpusImages.redLeftBlueRight(40, 20, BufferedImage.TYPE_INT_RGB), 0.95f, false), 6);
        jpeg[2 + 4 + 6 + 4] = 0x7F; // IFD offset far beyond the segment
        BufferedImage decoded = ImageDecoding.decode(jpeg);
        assertThat(decoded.getWidth()).isEqualTo(40);
    }

    @Test
    void textIsRefusedWithWhatItIs() {
        assertThatThrownBy(() -> ImageDecoding.decode("<html><body>nope</body></html>".getBytes()))
                .hasMessageContaining("HTML page");
    }
}
