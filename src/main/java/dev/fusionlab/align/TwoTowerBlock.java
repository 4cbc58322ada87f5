package dev.fusionlab.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Two linear maps into one space, one per modality, each output scaled to unit length: input
 * {@code (images [B, dImage], texts [B, dText])}, output {@code (image points [B, D], text points [B, D])}.
 * The image tower is the first child, the text tower the second.
 */
final class TwoTowerBlock extends AbstractBlock {

    private static final float EPSILON = 1e-8f;

    private final int dimension;
    private final Block image;
    private final Block text;

    TwoTowerBlock(int dimension) {
        this.dimension = dimension;
        this.image = addChildBlock("image", Linear.builder().setUnits(dimension).build());
        this.text = addChildBlock("text", Linear.builder().setUnits(dimension).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray images = image.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
        NDArray texts = text.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
        return new NDList(unit(images), unit(texts));
    }

    private static NDArray unit(NDArray rows) {
        return rows.div(rows.norm(new int[] {1}, true).add(EPSILON));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), dimension), new Shape(inputs[1].get(0), dimension)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        image.initialize(manager, dataType, inputShapes[0]);
        text.initialize(manager, dataType, inputShapes[1]);
    }
}
