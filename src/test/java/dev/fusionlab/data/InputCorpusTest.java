package dev.fusionlab.data;

import static dev.fusionlab.data.CorpusImages.BLUE;
import static dev.fusionlab.data.CorpusImages.RED;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad and odd inputs: each case builds a small dataset in a fresh folder (a good image
 * beside the odd item), loads it as the pipeline does, and states what must happen: the odd item read
 * correctly (its pixels checked through {@link ImageDecoding}, the decoder the encoders use), or skipped
 * with its reason, and in every case the good image still read. Files are generated here, never committed.
 */
class InputCorpusTest {

    private static final String HEADER = "file_name,text\n";
    private static final String GOOD_ROW = "good.png,a good image\n";

    /** One kind of input and what must happen to it. */
    record Case(String what, String expected, Setup setup, Consumer<Dataset> check) {
        @Override
        public String toString() {
            return what + " -> " + expected;
        }
    }

    @FunctionalInterface
    interface Setup {
        /** Writes the dataset into {@code dir}; returns what to load (the folder, or a captions file). */
        Path build(Path dir) throws Exception;
    }

    @FunctionalInterface
    interface PixelCheck {
        void check(BufferedImage image);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a FIFO opened by mistake would block forever: fail instead
    void everyInputEndsAsItMust(Case c, @TempDir Path dir) throws Exception {
        Path source = c.setup().build(dir);
        Dataset dataset = DatasetLoader.load(source, DatasetOptions.defaults());

        assertThat(dataset.samples()).as("the good image is read whatever else the dataset holds")
                .anySatisfy(s -> assertThat(s.image().getFileName().toString()).isEqualTo("good.png"));
        c.check().accept(dataset);
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastFortyKinds() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40).extracting(Case::what).doesNotHaveDuplicates();
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // ---- formats and modes that must be read, pixels checked ----
        cases.add(readImage("PNG, 8-bit RGB", "x.png", () -> CorpusImages.png(wide()), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("PNG, 16-bit RGB", "x.png", () -> CorpusImages.png16BitRgb(8, 8, RED), img -> assertRed(img, 4, 4)));
        cases.add(readImage("PNG, 16-bit greyscale", "x.png", () -> CorpusImages.png16BitGrey(8, 8, 128), img -> assertGrey(img, 128, 3)));
        cases.add(readImage("PNG, 8-bit greyscale", "x.png", () -> CorpusImages.png8BitGrey(8, 8, 128), img -> assertGrey(img, 128, 3)));
        cases.add(readImage("PNG, 1-bit palette", "x.png", () -> CorpusImages.palettePng(40, 20, false), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("PNG, palette with a transparent entry", "x.png", () -> CorpusImages.palettePng(40, 20, true), img -> {
            assertRed(img, 5, 10);
            assertThat(img.getRGB(35, 10) >>> 24).as("alpha of the transparent entry").isZero();
        }));
        cases.add(readImage("PNG, RGBA with a transparent half", "x.png", () -> CorpusImages.rgbaPng(40, 20), img -> {
            assertRed(img, 5, 10);
            assertThat(img.getRGB(35, 10) >>> 24).isZero();
        }));
        cases.add(readImage("PNG with EXIF orientation 6 (eXIf chunk)", "x.png",
                () -> CorpusImages.pngWithOrientation(CorpusImages.png(wide()), 6), InputCorpusTest::turnedClockwise));
        cases.add(readImage("JPEG, baseline RGB", "x.jpg", () -> CorpusImages.jpeg(wide(), 0.95f, false), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("JPEG, progressive", "x.jpg", () -> CorpusImages.jpeg(wide(), 0.95f, true), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("JPEG, greyscale", "x.jpg", () -> CorpusImages.write(greyImage(128), "jpeg"), img -> assertGrey(img, 128, 6)));
        cases.add(readImage("JPEG, CMYK (Adobe APP14, transform 0)", "x.jpg", () -> CorpusImages.adobeJpeg(0), img -> assertRed(img, 8, 8)));
        cases.add(readImage("JPEG, YCCK (Adobe APP14, transform 2)", "x.jpg", () -> CorpusImages.adobeJpeg(2), img -> assertRed(img, 8, 8)));
        cases.add(readImage("JPEG, EXIF orientation 6 (turn clockwise)", "x.jpg",
                () -> CorpusImages.jpegWithOrientation(CorpusImages.jpeg(wide(), 0.95f, false), 6), InputCorpusTest::turnedClockwise));
        cases.add(readImage("JPEG, EXIF orientation 8 (turn counter-clockwise)", "x.jpg",
                () -> CorpusImages.jpegWithOrientation(CorpusImages.jpeg(wide(), 0.95f, false), 8), img -> {
                    assertThat(img.getWidth()).isEqualTo(20);
                    assertThat(img.getHeight()).isEqualTo(40);
                    assertBlue(img, 10, 5);
                    assertRed(img, 10, 35);
                }));
        cases.add(readImage("JPEG, EXIF orientation 3 (upside down)", "x.jpg",
                () -> CorpusImages.jpegWithOrientation(CorpusImages.jpeg(wide(), 0.95f, false), 3), InputCorpusTest::blueLeftRedRight));
        cases.add(readImage("JPEG, EXIF orientation 2 (mirrored)", "x.jpg",
                () -> CorpusImages.jpegWithOrientation(CorpusImages.jpeg(wide(), 0.95f, false), 2), InputCorpusTest::blueLeftRedRight));
        cases.add(readImage("GIF, still", "x.gif", () -> CorpusImages.write(wide(), "gif"), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("GIF, animated: the first frame", "x.gif", CorpusImages::animatedGif, img -> assertRed(img, 8, 8)));
        cases.add(readImage("BMP, 24-bit", "x.bmp", () -> CorpusImages.write(wide(), "bmp"), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("BMP, 8-bit palette", "x.bmp", () -> CorpusImages.write(indexed(), "bmp"), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("TIFF", "x.tiff", () -> CorpusImages.write(wide(), "tiff"), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("TIFF, two pages: the first", "x.tif", CorpusImages::twoPageTiff, img -> assertRed(img, 8, 8)));
        cases.add(readImage("WebP, lossy", "x.webp", () -> resource("green.lossy.webp"), img -> {
            int rgb = img.getRGB(img.getWidth() / 2, img.getHeight() / 2);
            assertThat((rgb >> 8) & 0xFF).isGreaterThan((rgb >> 16) & 0xFF).isGreaterThan(rgb & 0xFF);
        }));
        cases.add(readImage("WebP, lossless with alpha", "x.webp", () -> resource("red-left-transparent-right.lossless.webp"),
                img -> assertRed(img, 0, img.getHeight() / 2)));
        cases.add(readImage("PNG saved as .jpg (the extension lies)", "x.jpg", () -> CorpusImages.png(wide()), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("JPEG saved as .png (the extension lies)", "x.png", () -> CorpusImages.jpeg(wide(), 0.95f, false), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("upper-case extension .JPG", "X.JPG", () -> CorpusImages.jpeg(wide(), 0.95f, false), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("file name with spaces", "my holiday photo 1.png", () -> CorpusImages.png(wide()), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("file name with #", "photo#1.png", () -> CorpusImages.png(wide()), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("file name with % (taken literally)", "100%25 real.png", () -> CorpusImages.png(wide()), InputCorpusTest::redLeftBlueRight));
        cases.add(readImage("non-ASCII file name", "café 日本 ü.png", () -> CorpusImages.png(wide()), InputCorpusTest::redLeftBlueRight));
        cases.add(new Case("file name stored NFD (macOS), written NFC in the manifest", "read", dir -> {
            write(dir.resolve("cafe\u0301.png"), CorpusImages.png(wide()));
            return manifest(dir, "caf\u00e9.png,an accented name\n");
        }, d -> redLeftBlueRight(decode(sample(d, "caf\u00e9.png")))));
        cases.add(new Case("one image, three captions (three CSV rows)", "three samples, one group", dir -> {
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            return manifest(dir, "x.png,first caption\nx.png,second caption\nx.png,third caption\n");
        }, d -> {
            List<Sample> three = d.samples().stream().filter(s -> s.image().endsWith("x.png")).toList();
            assertThat(three).extracting(Sample::text).containsExactly("first caption", "second caption", "third caption");
            assertThat(three).extracting(Sample::group).containsOnly("x.png");
            assertThat(three.stream().map(Sample::split).distinct()).as("one split for all captions").hasSize(1);
        }));
        cases.add(new Case("one image, a JSON list of captions (metadata.jsonl)", "one sample per caption", dir -> {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            Files.writeString(dir.resolve("metadata.jsonl"), """
                    {"file_name": "good.png", "text": "a good image"}
                    {"file_name": "x.png", "text": ["a red and blue flag", "two colours side by side"]}
                    """);
            return dir;
        }, d -> assertThat(d.samples()).filteredOn(s -> s.image().endsWith("x.png")).extracting(Sample::id, Sample::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x.png#1", "a red and blue flag"),
                        org.assertj.core.groups.Tuple.tuple("x.png#2", "two colours side by side"))));
        cases.add(new Case("a caption over several lines (quoted)", "read with its line break", dir -> {
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            return manifest(dir, "x.png,\"first line\nsecond line, with a comma\"\n");
        }, d -> assertThat(sample(d, "x.png").text()).isEqualTo("first line\nsecond line, with a comma")));
        cases.add(new Case("CRLF line ends and a UTF-8 byte-order mark", "read", dir -> {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            write(dir.resolve("metadata.csv"), Fixtures.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    "file_name,text\r\ngood.png,a good image\r\nx.png,windows line ends\r\n".getBytes(StandardCharsets.UTF_8)));
            return dir;
        }, d -> assertThat(sample(d, "x.png").text()).isEqualTo("windows line ends")));
        cases.add(new Case("Flickr8k.token.txt with a # inside an image name", "read, caption number stripped", dir -> {
            write(dir.resolve("Flicker8k_Dataset/good.png"), CorpusImages.png(wide()));
            write(dir.resolve("Flicker8k_Dataset/a#b.png"), CorpusImages.png(wide()));
            Path text = dir.resolve("Flickr8k_text/Flickr8k.token.txt");
            Files.createDirectories(text.getParent());
            Files.writeString(text, "good.png#0\ta good image\na#b.png#0\ta hash in the name\na#b.png#1\tand a second caption\n");
            return text;
        }, d -> assertThat(d.samples()).filteredOn(s -> s.image().endsWith("a#b.png")).extracting(Sample::id)
                .containsExactly("a#b.png#0", "a#b.png#1")));
        cases.add(new Case("manifest saved with semicolons (European spreadsheet CSV)", "read", dir -> {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            Files.writeString(dir.resolve("metadata.csv"), "file_name;text\ngood.png;a good image\nx.png;red, then blue\n");
            return dir;
        }, d -> assertThat(sample(d, "x.png").text()).isEqualTo("red, then blue")));
        cases.add(new Case("manifest saved as UTF-16 with a byte-order mark", "read", dir -> {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            Files.write(dir.resolve("metadata.csv"), (HEADER + GOOD_ROW + "x.png,caf\u00e9 cr\u00e8me\n").getBytes(StandardCharsets.UTF_16));
            return dir;
        }, d -> assertThat(sample(d, "x.png").text()).isEqualTo("caf\u00e9 cr\u00e8me")));
        cases.add(new Case("Windows path separators in the manifest (images\\x.png)", "read", dir -> {
            write(dir.resolve("images/x.png"), CorpusImages.png(wide()));
            return manifest(dir, "images\\x.png,a backslash path\n");
        }, d -> redLeftBlueRight(decode(sample(d, "images\\x.png")))));
        cases.add(new Case("Flickr30k results.csv (image| k| caption)", "read", dir -> {
            write(dir.resolve("flickr30k_images/good.png"), CorpusImages.png(wide()));
            write(dir.resolve("flickr30k_images/x.png"), CorpusImages.png(wide()));
            return text(dir.resolve("results.csv"), "image_name| comment_number| comment\n"
                    + "good.png| 0| a good image\nx.png| 0| a caption, with a comma\nx.png| 1| another one\n");
        }, d -> assertThat(d.samples()).filteredOn(s -> s.image().endsWith("x.png")).extracting(Sample::id, Sample::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x.png#0", "a caption, with a comma"),
                        org.assertj.core.groups.Tuple.tuple("x.png#1", "another one"))));
        cases.add(new Case("captions.txt with a quoted image name holding a comma", "read", dir -> {
            write(dir.resolve("Images/good.png"), CorpusImages.png(wide()));
            write(dir.resolve("Images/a, b.png"), CorpusImages.png(wide()));
            return text(dir.resolve("captions.txt"), "image,caption\ngood.png,a good image\n\"a, b.png\",a comma in the name\n");
        }, d -> assertThat(sample(d, "a, b.png#0").text()).isEqualTo("a comma in the name")));

        // ---- refused, each with its reason, never fetched, waited on or decoded ----
        for (String url : List.of("http://example.com/cat.png", "https://example.com/img?id=3&size=large",
                "file:///etc/hostname", "data:image/png;base64,iVBORw0KGgo=", "s3://bucket/cat.jpg", "ftp://example.com/a.jpg")) {
            cases.add(refusedRow("URL: " + url.substring(0, url.indexOf(':')), url, url, "URL; FusionLab reads local files"));
        }
        cases.add(refusedRow("network path //server/share", "//server/share/cat.png", "//server", "network path"));
        cases.add(refusedRow("../ leading out of the dataset", "../outside.png", "../outside.png", "points outside the dataset folder"));
        cases.add(refusedRow("absolute path elsewhere", "/etc/hostname", "/etc/hostname", "points outside the dataset folder"));
        cases.add(new Case("symbolic link to a file outside", "skipped: outside", dir -> {
            Path outside = write(dir.resolve("elsewhere/secret.png"), CorpusImages.png(wide()));
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.createSymbolicLink(data.resolve("x.png"), outside);
            return manifest(data, "x.png,a link out\n");
        }, skipped("x.png", "symbolic link leading outside the dataset folder")));
        cases.add(new Case("symbolic link to a folder outside", "skipped: outside", dir -> {
            write(dir.resolve("elsewhere/secret.png"), CorpusImages.png(wide()));
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.createSymbolicLink(data.resolve("sub"), dir.resolve("elsewhere"));
            return manifest(data, "sub/secret.png,through a linked folder\n");
        }, skipped("sub/secret.png", "symbolic link leading outside the dataset folder")));
        cases.add(new Case("dangling symbolic link", "skipped: link to nothing", dir -> {
            Files.createSymbolicLink(dir.resolve("x.png"), dir.resolve("gone.png"));
            return manifest(dir, "x.png,a dead link\n");
        }, skipped("x.png", "symbolic link to nothing")));
        cases.add(new Case("named pipe (FIFO) called x.png", "skipped, never opened", dir -> {
            mkfifo(dir.resolve("x.png"));
            return manifest(dir, "x.png,a pipe\n");
        }, skipped("x.png", "named pipe (FIFO), not a regular file")));
        cases.add(new Case("character device called x.png", "skipped, never opened", dir -> {
            Process p = new ProcessBuilder("mknod", dir.resolve("x.png").toString(), "c", "1", "5").start();
            Assumptions.assumeTrue(p.waitFor() == 0, "mknod needs root");
            return manifest(dir, "x.png,a device\n");
        }, skipped("x.png", "character device, not a regular file")));
        cases.add(new Case("folder called x.png", "skipped", dir -> {
            Files.createDirectories(dir.resolve("x.png"));
            return manifest(dir, "x.png,a folder\n");
        }, skipped("x.png", "is a folder, not a regular file")));
        cases.add(refusedImage("decompression bomb, PNG", "x.png", CorpusImages::pngBomb, "decompression bomb"));
        cases.add(refusedImage("decompression bomb, JPEG", "x.jpg", CorpusImages::jpegBomb, "decompression bomb"));
        cases.add(refusedImage("decompression bomb, GIF", "x.gif", CorpusImages::gifBomb, "decompression bomb"));
        cases.add(refusedImage("decompression bomb, BMP", "x.bmp", CorpusImages::bmpBomb, "decompression bomb"));
        cases.add(refusedImage("decompression bomb, WebP (VP8X canvas)", "x.webp",
                () -> CorpusImages.webpBomb(resource("red-left-transparent-right.lossless.webp")), "decompression bomb"));
        cases.add(refusedImage("decompression bomb, TIFF", "x.tif", CorpusImages::tiffBomb, "decompression bomb"));
        cases.add(refusedImage("HTML page saved as .jpg", "x.jpg",
                () -> utf8("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>gone</body></html>"), "HTML page"));
        cases.add(refusedImage("SVG saved as .png", "x.png",
                () -> utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"), "SVG drawing"));
        cases.add(refusedImage("SVG with an XML prolog saved as .png", "x.png",
                () -> utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "SVG drawing"));
        cases.add(refusedImage("PDF saved as .png", "x.png", () -> utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"), "PDF document"));
        cases.add(refusedImage("HEIC photo saved as .jpg", "x.jpg",
                () -> Fixtures.concat(new byte[] {0, 0, 0, 24}, utf8("ftypheic"), new byte[16]), "HEIC/HEIF photo"));
        cases.add(refusedImage("zero-byte image", "x.png", () -> new byte[0], "zero bytes"));
        cases.add(refusedImage("truncated PNG", "x.png", () -> half(CorpusImages.png(wide())), "truncated"));
        cases.add(refusedImage("truncated JPEG", "x.jpg", () -> half(CorpusImages.jpeg(wide(), 0.95f, false)), "no end-of-image marker"));
        cases.add(refusedImage("random bytes called .png", "x.png", InputCorpusTest::noise, "not a recognised image format"));
        cases.add(refusedRow("image file missing", "nowhere.png", "nowhere.png", "image file is missing"));

        // ---- manifests with broken rows: the row is skipped, every other row read ----
        cases.add(brokenManifest("CSV row with an unterminated quote", "x.png,\"a caption that never ends\n", "never closed"));
        cases.add(brokenManifest("CSV row with text after a closing quote", "x.png,\"quoted\" then more\n", "text after a closing quote"));
        cases.add(brokenManifest("CSV row with too few values", "x.png\n", "1 values but the header has 2 columns"));
        cases.add(brokenManifest("CSV row with too many values", "x.png,a,b,c\n", "4 values but the header has 2 columns"));
        cases.add(new Case("CSV row that is not UTF-8", "skipped with its line", dir -> {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
            write(dir.resolve("after.png"), CorpusImages.png(wide()));
            write(dir.resolve("metadata.csv"), Fixtures.concat(utf8(HEADER + GOOD_ROW), utf8("x.png,"),
                    Fixtures.latin1("caf\u00e9\n"), utf8("after.png,the row after\n")));
            return dir;
        }, d -> {
            skipped("metadata.csv:3", "not valid UTF-8").accept(d);
            assertThat(sample(d, "after.png").text()).isEqualTo("the row after");
        }));
        cases.add(new Case("JSONL row that is not JSON", "skipped with its line", dir -> {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
            write(dir.resolve("after.png"), CorpusImages.png(wide()));
            Files.writeString(dir.resolve("metadata.jsonl"), """
                    {"file_name": "good.png", "text": "a good image"}
                    {"file_name": "x.png", "text": "unterminated
                    {"file_name": "after.png", "text": "the row after"}
                    """);
            return dir;
        }, d -> {
            skipped("metadata.jsonl:2", "not valid JSON").accept(d);
            assertThat(sample(d, "after.png").text()).isEqualTo("the row after");
        }));
        cases.add(new Case("empty caption", "skipped: text is empty", dir -> {
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            return manifest(dir, "x.png,\"  \"\n");
        }, skipped("x.png", "text is empty")));
        cases.add(new Case("class folders: caption .txt that is a named pipe", "skipped, never opened", dir -> {
            write(dir.resolve("cat/good.png"), CorpusImages.png(wide()));
            write(dir.resolve("dog/x.png"), CorpusImages.png(wide()));
            mkfifo(dir.resolve("dog/x.txt"));
            return dir;
        }, skipped("dog/x.png", "caption path is a named pipe (FIFO)")));
        cases.add(new Case("class folders: caption .txt linked from outside", "skipped: outside", dir -> {
            Path data = Files.createDirectories(dir.resolve("data"));
            write(data.resolve("cat/good.png"), CorpusImages.png(wide()));
            write(data.resolve("dog/x.png"), CorpusImages.png(wide()));
            Path secret = text(dir.resolve("secret.txt"), "a secret");
            Files.createSymbolicLink(data.resolve("dog/x.txt"), secret);
            return data;
        }, skipped("dog/x.png", "symbolic link leading outside")));
        cases.add(new Case("captions file: URL instead of a file name", "skipped: URL", dir -> {
            write(dir.resolve("Images/good.png"), CorpusImages.png(wide()));
            return text(dir.resolve("captions.txt"), "image,caption\ngood.png,a good image\nhttps://example.com/x.jpg?w=1,a web image\n");
        }, skipped("https://example.com/x.jpg?w=1", "URL; FusionLab reads local files")));
        return cases;
    }

    // ---- case builders ----

    private static Case readImage(String what, String name, Bytes bytes, PixelCheck pixels) {
        return new Case(what, "read", dir -> {
            write(dir.resolve(name), bytes.get());
            return manifest(dir, csvName(name) + ",the odd one\n");
        }, d -> pixels.check(decode(sample(d, name))));
    }

    private static Case refusedImage(String what, String name, Bytes bytes, String reason) {
        return new Case(what, "skipped: " + reason, dir -> {
            write(dir.resolve(name), bytes.get());
            return manifest(dir, name + ",the odd one\n");
        }, skipped(name, reason));
    }

    private static Case refusedRow(String what, String fileName, String id, String reason) {
        return new Case(what, "skipped: " + reason, dir -> manifest(dir, csvName(fileName) + ",the odd one\n"),
                skipped(id, reason));
    }

    /** A manifest whose third line is broken: skipped with that line, the row after it read. */
    private static Case brokenManifest(String what, String brokenRow, String reason) {
        return new Case(what, "skipped with its line, the next rows read", dir -> {
            write(dir.resolve("after.png"), CorpusImages.png(wide()));
            write(dir.resolve("x.png"), CorpusImages.png(wide()));
            return manifest(dir, brokenRow + "after.png,the row after\n");
        }, d -> {
            skipped("metadata.csv:3", reason).accept(d);
            assertThat(sample(d, "after.png").text()).isEqualTo("the row after");
            assertThat(d.samples()).noneSatisfy(s -> assertThat(s.image().getFileName().toString()).isEqualTo("x.png"));
        });
    }

    private static Consumer<Dataset> skipped(String id, String reason) {
        return d -> {
            assertThat(d.problems()).as("problems").anySatisfy(p -> {
                assertThat(p.id()).contains(id);
                assertThat(p.reason()).contains(reason);
            });
            assertThat(d.samples()).extracting(Sample::id).doesNotContain(id);
        };
    }

    @FunctionalInterface
    interface Bytes {
        byte[] get() throws Exception;
    }

    // ---- helpers ----

    private static Path manifest(Path dir, String rows) throws IOException {
        if (!Files.exists(dir.resolve("good.png"))) {
            write(dir.resolve("good.png"), CorpusImages.png(wide()));
        }
        Files.writeString(dir.resolve("metadata.csv"), HEADER + GOOD_ROW + rows);
        return dir;
    }

    private static String csvName(String name) {
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    private static Sample sample(Dataset d, String id) {
        return d.samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no sample '" + id + "'; problems: " + d.problems()));
    }

    private static BufferedImage decode(Sample s) {
        try {
            return ImageDecoding.decode(s.image());
        } catch (IOException e) {
            throw new AssertionError(s.image() + " was accepted but does not decode: " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        return Fixtures.bytes(file, bytes);
    }

    private static Path text(Path file, String content) {
        return Fixtures.text(file, content);
    }

    private static void mkfifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo not available");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] half(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static byte[] noise() {
        byte[] bytes = new byte[2048];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = 0x01; // no accidental magic number
        return bytes;
    }

    private static byte[] resource(String name) {
        try (InputStream in = InputCorpusTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 40 x 20, red left half, blue right half. */
    private static BufferedImage wide() {
        return CorpusImages.redLeftBlueRight(40, 20, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage indexed() {
        return CorpusImages.redLeftBlueRight(40, 20, BufferedImage.TYPE_BYTE_INDEXED);
    }

    private static BufferedImage greyImage(int grey) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        return image;
    }

    // ---- pixel checks ----

    private static void redLeftBlueRight(BufferedImage img) {
        assertThat(img.getWidth()).isEqualTo(40);
        assertThat(img.getHeight()).isEqualTo(20);
        assertRed(img, 5, 10);
        assertBlue(img, 35, 10);
    }

    private static void blueLeftRedRight(BufferedImage img) {
        assertThat(img.getWidth()).isEqualTo(40);
        assertThat(img.getHeight()).isEqualTo(20);
        assertBlue(img, 5, 10);
        assertRed(img, 35, 10);
    }

    /** Orientation 6: the stored left (red) half is the top once turned upright. */
    private static void turnedClockwise(BufferedImage img) {
        assertThat(img.getWidth()).isEqualTo(20);
        assertThat(img.getHeight()).isEqualTo(40);
        assertRed(img, 10, 5);
        assertBlue(img, 10, 35);
    }

    private static void assertRed(BufferedImage img, int x, int y) {
        assertColour(img, x, y, RED);
    }

    private static void assertBlue(BufferedImage img, int x, int y) {
        assertColour(img, x, y, BLUE);
    }

    /** Close to the colour: within 60 per channel, room for JPEG, palettes and CMYK profiles, not for a swap. */
    private static void assertColour(BufferedImage img, int x, int y, Color expected) {
        Color actual = new Color(img.getRGB(x, y), true);
        assertThat(Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue())).as("pixel (%d, %d) = %s, expected about %s", x, y,
                actual, expected).isLessThan(100);
    }

    private static void assertGrey(BufferedImage img, int grey, int tolerance) {
        Color actual = new Color(img.getRGB(img.getWidth() / 2, img.getHeight() / 2));
        assertThat(actual.getRed()).as("grey level").isBetween(grey - tolerance, grey + tolerance);
        assertThat(actual.getGreen()).isEqualTo(actual.getRed());
    }
}
