package dev.fusionlab.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EmojiDemoBuilderTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void textIsTheNameThenTheShortNamesThatAddSomething() throws Exception {
        var thumbsUp = json.readTree("""
                {"name": "THUMBS UP SIGN", "short_names": ["+1", "thumbsup"]}""");
        var flag = json.readTree("""
                {"name": "Egypt Flag", "short_names": ["flag-eg"]}""");
        var grinning = json.readTree("""
                {"name": "GRINNING FACE", "short_names": ["grinning", "grinning_face"]}""");

        assertThat(EmojiDemoBuilder.text(thumbsUp)).isEqualTo("thumbs up sign; +1; thumbsup");
        assertThat(EmojiDemoBuilder.text(flag)).isEqualTo("egypt flag; flag eg");
        assertThat(EmojiDemoBuilder.text(grinning)).isEqualTo("grinning face; grinning");
    }

    @Test
    void gendersDirectionsAndPeopleCollapseButObjectsStayApart() {
        assertThat(EmojiGroups.key("1F3C3-200D-2642-FE0F")).isEqualTo("1f3c3");
        assertThat(EmojiGroups.key("1F3C3-200D-27A1-FE0F")).isEqualTo("1f3c3");
        assertThat(EmojiGroups.key("1F3C3")).isEqualTo("1f3c3");
        assertThat(EmojiGroups.key("1F468-200D-1F373")).isEqualTo("people+1f373");
        assertThat(EmojiGroups.key("1F9D1-200D-1F373")).isEqualTo("people+1f373");
        assertThat(EmojiGroups.key("1F373")).isEqualTo("1f373");
        assertThat(EmojiGroups.key("1F1EA-1F1EC")).isEqualTo("1f1ea-1f1ec");
    }

    @Test
    void obsoletesLinksJoinGroups() throws Exception {
        var emoji = json.readTree("""
                [{"unified": "1F46A"},
                 {"unified": "1F468-200D-1F469-200D-1F466", "obsoletes": "1F46A"},
                 {"unified": "1F373"}]""");
        var list = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        emoji.forEach(list::add);

        var groups = EmojiGroups.of(list);

        assertThat(groups.get("1F468-200D-1F469-200D-1F466")).isEqualTo(groups.get("1F46A"));
        assertThat(groups.get("1F373")).isNotEqualTo(groups.get("1F46A"));
    }
}
