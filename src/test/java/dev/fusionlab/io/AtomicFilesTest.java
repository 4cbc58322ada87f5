package dev.fusionlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub").resolve("report.json");
        AtomicFiles.writeString(file, "{\"a\": 1}");
        AtomicFiles.writeString(file, "{\"a\": 2}"); // replaces

        assertThat(Files.readString(file)).isEqualTo("{\"a\": 2}");
        assertThat(listing(file.getParent())).containsExactly("report.json");
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoPartialOne() throws Exception {
        Path file = dir.resolve("embeddings.npy");
        AtomicFiles.writeString(file, "old content");
        byte[] big = new byte[1 << 20];

        try (AutoCloseable fault = AtomicFiles.injectFault(100_000, "No space left on device")) {
            assertThatThrownBy(() -> AtomicFiles.write(file, out -> out.write(big)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("the disk is full");
        }
        assertThat(Files.readString(file)).isEqualTo("old content");
        assertThat(listing(dir)).containsExactly("embeddings.npy");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("out"), "I am a file");

        assertThatThrownBy(() -> AtomicFiles.writeString(blocker.resolve("metrics.json"), "{}"))
                .hasMessageContaining("metrics.json")
                .hasMessageContaining("a file is in the way")
                .hasMessageContaining(blocker.toString());
        assertThatThrownBy(() -> AtomicFiles.writeString(blocker.resolve("plots").resolve("a.png"), "x"))
                .hasMessageContaining("a file is in the way");
        assertThat(Files.readString(blocker)).isEqualTo("I am a file");
    }

    @Test
    void aFolderWhereTheFileShouldBeIsNamed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("predictions.csv"));

        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "id\n"))
                .hasMessageContaining("a folder of that name is in the way");
        assertThat(listing(dir)).containsExactly("predictions.csv");
    }

    @Test
    void aReadOnlyFileSystemIsSaidInWords() throws Exception {
        // root ignores permission bits, so the operating system's error is injected as it arrives
        try (AutoCloseable fault = AtomicFiles.injectFault(0, "Read-only file system")) {
            assertThatThrownBy(() -> AtomicFiles.writeString(dir.resolve("run.json"), "{}"))
                    .hasMessageContaining("read-only file system");
        }
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aReadOnlyFolderIsRefusedForAnOrdinaryUser() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> AtomicFiles.writeString(locked.resolve("run.json"), "{}"))
                    .hasMessageContaining("read-only");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(listing(locked)).isEmpty();
    }

    @Test
    void anExceptionOfTheWritingCodeLeavesNothing() throws IOException {
        Path file = dir.resolve("plot.svg");
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            out.write("<svg>");
            throw new IOException("renderer broke");
        })).hasMessageContaining("renderer broke").hasMessageContaining("plot.svg");
        assertThat(file).doesNotExist();
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aLibraryClosingTheStreamCannotCloseTheFileEarly() throws IOException {
        Path file = dir.resolve("closed.txt");
        AtomicFiles.write(file, out -> {
            out.write('a');
            out.close();
        });
        assertThat(Files.readString(file)).isEqualTo("a");
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
