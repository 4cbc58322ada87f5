package dev.fusionlab.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The caption model as a DJL block, for training with teacher forcing: input {@code (features [B, F],
 * input words [B, T] int64)}, output the next-word logits {@code [B, T, V]}. The GRU is unrolled here with
 * PyTorch's gate equations, written out so that {@link CaptionDecoder} computes exactly the same function
 * from the copied weights (see there for the equations and the weight layout).
 */
final class CaptionBlock extends AbstractBlock {

    private final float dropout;
    private final int vocabulary;
    private final int hidden;
    private final Parameter init;
    private final Parameter initBias;
    private final Parameter words;
    private final Parameter input;
    private final Parameter inputBias;
    private final Parameter state;
    private final Parameter stateBias;
    private final Parameter output;
    private final Parameter outputBias;

    /** @param dropout rate applied to the word embeddings and to the states before the output layer when training */
    CaptionBlock(int features, int vocabulary, int wordSize, int hidden, double dropout) {
        this.dropout = (float) dropout;
        this.vocabulary = vocabulary;
        this.hidden = hidden;
        init = weight("init", new Shape(features, hidden));
        initBias = bias("init_bias", hidden);
        words = weight("words", new Shape(vocabulary, wordSize));
        input = weight("input", new Shape(wordSize, 3L * hidden));
        inputBias = bias("input_bias", 3L * hidden);
        state = weight("state", new Shape(hidden, 3L * hidden));
        stateBias = bias("state_bias", 3L * hidden);
        output = weight("output", new Shape(hidden, vocabulary));
        outputBias = bias("output_bias", vocabulary);
    }

    private Parameter weight(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape).build());
    }

    private Parameter bias(String name, long size) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BIAS)
                .optShape(new Shape(size)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray features = inputs.get(0);
        NDArray tokens = inputs.get(1);
        var device = features.getDevice();
        long batch = tokens.getShape().get(0);
        int steps = Math.toIntExact(tokens.getShape().get(1));
        NDArray rows = store.getValue(words, device, training).get(new NDIndex("{}", tokens.reshape(-1)));
        rows.attach(features.getManager()); // made from the parameter's array: keep it in the caller's scope
        NDArray e = drop(rows.reshape(batch, steps, -1), training);
        // the input side of all gates at all steps at once: [B, T, 3H]
        NDArray gatesIn = e.matMul(store.getValue(input, device, training)).add(store.getValue(inputBias, device, training));
        NDArray w = store.getValue(state, device, training);
        NDArray b = store.getValue(stateBias, device, training);
        NDArray h = features.matMul(store.getValue(init, device, training))
                .add(store.getValue(initBias, device, training)).tanh();
        List<NDArray> states = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            NDList gi = gatesIn.get(new NDIndex(":, {}, :", t)).split(3, 1);
            NDList gh = h.matMul(w).add(b).split(3, 1);
            NDArray r = Activation.sigmoid(gi.get(0).add(gh.get(0)));
            NDArray z = Activation.sigmoid(gi.get(1).add(gh.get(1)));
            NDArray n = gi.get(2).add(r.mul(gh.get(2))).tanh();
            h = n.add(z.mul(h.sub(n))); // (1 - z) n + z h
            states.add(h);
        }
        NDArray hs = drop(NDArrays.stack(new NDList(states), 1), training);
        return new NDList(hs.matMul(store.getValue(output, device, training))
                .add(store.getValue(outputBias, device, training)));
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[1].get(0), inputs[1].get(1), vocabulary)};
    }

    /** Width of the GRU state. */
    int hidden() {
        return hidden;
    }
}
