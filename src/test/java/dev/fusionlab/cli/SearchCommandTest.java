package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusionlab search} on a small real subset of the demo, through the real encoders. */
class SearchCommandTest {

    @TempDir
    Path work;

    @Test
    void printsTheTopImagesBestFirst() throws Exception {
        Path dataset = DemoSubset.write(work.resolve("subset"), 8);
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FusionLabCli.execute("search", "--dataset", dataset.toString(), "--query", "a flag",
                    "--top", "4", "--seed", "3");
        } finally {
            System.setOut(original);
        }

        assertThat(code).isZero();
        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(4);
        double[] similarity = Arrays.stream(lines).mapToDouble(l -> Double.parseDouble(l.strip().split("\\s+")[1]))
                .toArray();
        for (int i = 1; i < similarity.length; i++) {
            assertThat(similarity[i]).isLessThanOrEqualTo(similarity[i - 1]);
        }
        assertThat(lines[0].strip()).startsWith("1 ").contains(dataset.resolve("images").toString());
    }

    @Test
    void aBlankQueryIsRefused() {
        assertThat(FusionLabCli.execute("search", "--dataset", "demo", "--query", " ")).isNotZero();
    }
}
