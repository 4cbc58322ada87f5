package dev.fusionlab.pipeline;

import dev.fusionlab.project.ProjectionMethod;

/** Names one 2D layout: which embedding space, by which method. File stem: {@code fused-umap}. */
public record ProjectionKey(Space space, ProjectionMethod method) {

    public String fileStem() {
        return space.key() + "-" + method.key();
    }
}
