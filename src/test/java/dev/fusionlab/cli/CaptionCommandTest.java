package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusionlab caption} on a small real subset of the demo, through the real encoders. */
class CaptionCommandTest {

    @TempDir
    Path work;

    @Test
    void writesCaptionsAndScoresAndTheSecondRunDoesNotTrain() throws Exception {
        Path dataset = DemoSubset.write(work.resolve("subset"), 8);
        String[] args = {"caption", "--dataset", dataset.toString(), "--out", work.resolve("out").toString(),
                "--seed", "5", "--epochs", "3", "--beam", "2"};
        assertThat(FusionLabCli.execute(args)).isZero();

        List<String> csv = Files.readAllLines(work.resolve("out").resolve("captions.csv"), StandardCharsets.UTF_8);
        assertThat(csv.getFirst()).isEqualTo("id,reference,generated,nearest_neighbour,generated_with_label");
        JsonNode json = new ObjectMapper().readTree(work.resolve("out").resolve("captioning.json").toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(csv).hasSize(1 + json.at("/dataset/test_captions").asInt());
        assertThat(json.get("beam_width").asInt()).isEqualTo(2);
        assertThat(json.get("scores").fieldNames()).toIterable().containsExactly("model_image",
                "model_image_greedy", "model_image_label", "model_image_label_greedy", "nearest_neighbour",
                "most_frequent_caption");
        assertThat(json.at("/models/image/provenance/spec/max_epochs").asInt()).isEqualTo(3);

        assertThat(FusionLabCli.execute(args)).isZero();
        JsonNode again = new ObjectMapper().readTree(work.resolve("out").resolve("captioning.json").toFile());
        assertThat(again.at("/models/image/from_cache").asBoolean()).isTrue();
        assertThat(again.at("/models/image_label/from_cache").asBoolean()).isTrue();
        assertThat(again.get("scores")).isEqualTo(json.get("scores"));
    }

    @Test
    void aMissingDatasetFailsWithItsName() {
        assertThat(FusionLabCli.execute("caption", "--dataset", work.resolve("nothing").toString(), "--out",
                work.resolve("out").toString())).isNotZero();
    }
}
