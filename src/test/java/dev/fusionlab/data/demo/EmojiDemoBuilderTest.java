package dev.fusionlab.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmojiDemoBuilderTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void buildsTheDatasetWithoutComponentsOrVariantsDeterministically(@TempDir Path dir) throws Exception {
        Path pkg = dir.resolve("package");
        Path images = Files.createDirectories(pkg.resolve(EmojiDemoBuilder.IMAGE_FOLDER));
        Files.writeString(pkg.resolve("package.json"), "{\"version\": \"16.0.0\"}");
        Files.writeString(pkg.resolve("LICENSE"), "MIT licence text");
        Files.writeString(pkg.resolve("emoji.json"), """
                [{"name": "GRINNING FACE", "unified": "1F600", "image": "1f600.png", "short_name": "grinning", "short_names": ["grinning"],
                  "category": "Smileys & Emotion", "subcategory": "face-smiling", "sort_order": 2,
                  "has_img_google": true,
                  "skin_variations": {"1F3FB": {"unified": "1F600-1F3FB", "image": "1f600-1f3fb.png"}}},
                 {"name": "EMOJI MODIFIER FITZPATRICK TYPE-1-2", "unified": "1F3FB", "image": "1f3fb.png",
                  "short_name": "skin-tone-2", "short_names": ["skin-tone-2"], "category": "Component", "sort_order": 3, "has_img_google": true},
                 {"name": "HASH KEY", "unified": "0023-FE0F-20E3", "image": "0023-fe0f-20e3.png",
                  "short_name": "hash", "short_names": ["hash"], "category": "Symbols", "subcategory": "keycap", "sort_order": 1,
                  "has_img_google": true}]""");
        for (String name : List.of("1f600.png", "1f600-1f3fb.png", "1f3fb.png", "0023-fe0f-20e3.png")) {
            ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB), "png", images.resolve(name).toFile());
        }
        Path out = dir.resolve("out");

        EmojiDemoBuilder.build(pkg, out);
        String metadata = Files.readString(out.resolve("metadata.csv"));
        EmojiDemoBuilder.build(pkg, out);

        assertThat(Files.readString(out.resolve("metadata.csv"))).isEqualTo(metadata);
        assertThat(metadata).isEqualTo("""
                file_name,text,label,group,id,subcategory,unified
                images/0023-fe0f-20e3.png,hash key; hash,Symbols,0023-20e3,hash,keycap,0023-FE0F-20E3
                images/1f600.png,grinning face; grinning,Smileys & Emotion,1f600,grinning,face-smiling,1F600
                """);
        try (var files = Files.list(out.resolve("images"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("0023-fe0f-20e3.png", "1f600.png");
        }
        assertThat(out.resolve("LICENSE")).hasContent("MIT licence text");
        assertThat(out.resolve("README.md")).content()
                .contains("emoji-datasource-google@16.0.0").contains("| Symbols | 1 |");
    }

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
