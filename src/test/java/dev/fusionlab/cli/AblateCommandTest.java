package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusionlab ablate} on a small real subset of the demo, through the real encoders. */
class AblateCommandTest {

    @TempDir
    Path work;

    @Test
    void writesEveryConditionAndStrategyAndTheChart() throws Exception {
        Path dataset = DemoSubset.write(work.resolve("subset"), 12);
        Path out = work.resolve("out");
        int code = FusionLabCli.execute("ablate", "--dataset", dataset.toString(), "--out", out.toString(),
                "--seed", "7", "--sigmas", "1,4");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("ablation.json").toFile());
        List<String> conditions = new ArrayList<>();
        json.get("conditions").fieldNames().forEachRemaining(conditions::add);
        assertThat(conditions).containsExactly("intact", "drop_image", "drop_text", "shuffle_image", "shuffle_text",
                "noise_image_1", "noise_image_4", "noise_text_1", "noise_text_4");
        for (String c : conditions) {
            for (String s : List.of("image", "text", "early", "late")) {
                assertThat(json.at("/conditions/" + c + "/" + s + "/accuracy").isNumber()).as(c + "/" + s).isTrue();
                assertThat(json.at("/conditions/" + c + "/" + s + "/macro_f1").isNumber()).as(c + "/" + s).isTrue();
            }
        }
        assertThat(json.get("combiner").asText()).isEqualTo("mean");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        // late fusion without the image is the text classifier alone
        assertThat(json.at("/conditions/drop_image/late/accuracy").asDouble())
                .isEqualTo(json.at("/conditions/intact/text/accuracy").asDouble());
        assertThat(out.resolve("ablation.png")).exists();
        assertThat(out.resolve("ablation.svg")).exists();
    }
}
