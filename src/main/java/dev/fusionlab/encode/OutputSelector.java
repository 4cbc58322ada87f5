package dev.fusionlab.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Which output of a multi-output model holds the embedding: by position ("0") or by name
 * ("embedding", "last_hidden_state"), as written in a model descriptor.
 */
public record OutputSelector(int index, String name) {

    public static OutputSelector parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return new OutputSelector(0, null);
        }
        String trimmed = spec.trim();
        return trimmed.chars().allMatch(Character::isDigit)
                ? new OutputSelector(Integer.parseInt(trimmed), null)
                : new OutputSelector(-1, trimmed);
    }

    public NDArray pick(NDList outputs) {
        if (name != null) {
            NDArray named = outputs.get(name);
            if (named == null) {
                throw new IllegalStateException("model has no output named '" + name + "'");
            }
            return named;
        }
        if (index >= outputs.size()) {
            throw new IllegalStateException("model has " + outputs.size() + " outputs, no output " + index);
        }
        return outputs.get(index);
    }

    @Override
    public String toString() {
        return name != null ? name : Integer.toString(index);
    }
}
