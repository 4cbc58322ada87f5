package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder that cannot be written fails the command before it encodes anything, in one line. */
class OutputFolderFaultsTest {

    @TempDir
    Path work;

    private String[] stderrOf(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FusionLabCli.execute(args);
        } finally {
            System.setErr(original);
        }
        assertThat(code).isNotZero();
        return err.toString(StandardCharsets.UTF_8).strip().split("\n");
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsNamedBeforeTheRun() throws IOException {
        Path blocker = Files.writeString(work.resolve("out"), "a file");
        for (String command : new String[] {"run", "embed"}) {
            String[] lines = stderrOf(command, "--dataset", "demo", "--out", blocker.resolve("run").toString());
            // "cannot write into": the check before the run, not the export after it
            assertThat(lines[lines.length - 1]).as(command).startsWith("fusionlab " + command + ": cannot write into ")
                    .contains("a file is in the way").contains(blocker.toString());
        }
        assertThat(blocker).hasContent("a file");
    }
}
