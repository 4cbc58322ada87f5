package dev.fusionlab.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a multimodal dataset: an image file and its text.
 *
 * @param id     unique within the dataset, stable across runs (used in every export)
 * @param image  absolute path of the image file, or null when the sample has no image file (its image
 *               embedding came from elsewhere: imported files, a synthetic generator); see {@link #hasImage()}
 * @param text   caption or description; never null (may be empty only in a rejected sample)
 * @param label  class name, or null for unlabelled data (exploration only)
 * @param split  split given by the dataset itself, or null to let the loader assign one
 * @param group  samples of one group are near-duplicates and always land in the same split
 *               (e.g. all captions of one image, all gendered variants of an emoji); defaults to the id,
 *               but readers default it to the image file, so one image never sits in two splits
 * @param extra  any other metadata columns, in file order
 */
public record Sample(String id, Path image, String text, String label, Split split, String group,
                     Map<String, String> extra) {

    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        group = group == null || group.isBlank() ? id : group;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** False for a sample whose image embedding did not come from a file (nothing to encode or show). */
    public boolean hasImage() {
        return image != null;
    }

    public boolean isLabelled() {
        return label != null && !label.isBlank();
    }

    public Sample withSplit(Split newSplit) {
        return new Sample(id, image, text, label, newSplit, group, extra);
    }
}
