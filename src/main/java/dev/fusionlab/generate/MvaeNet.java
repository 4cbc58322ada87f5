package dev.fusionlab.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The network of the multimodal VAE: one encoder ("expert") and one decoder per modality, and the joint
 * posterior as their product of experts with the prior N(0, I) (Wu &amp; Goodman, 2018).
 *
 * <ul>
 *   <li>image expert: stride-2 4x4 convolutions (ReLU) from {@code size} down to 4x4, then two linear
 *       layers to the mean and log-variance of a Gaussian over the latent;</li>
 *   <li>image decoder: the mirror image, 2x nearest-neighbour upsampling and 3x3 convolutions (ReLU) back
 *       to {@code 3 x size x size} logits of a Bernoulli per pixel value;</li>
 *   <li>text expert and decoder: two hidden layers each, on the standardised sentence embedding (a
 *       Gaussian of unit variance per dimension).</li>
 * </ul>
 *
 * <p>The training forward pass ({@link #forward} with {@code [pixels, text]}) runs the three ELBO terms
 * of the paper's recipe at once: the joint posterior q(z|image, text) and each single-modality posterior
 * q(z|image), q(z|text); in training mode the latents are sampled with the reparameterisation trick,
 * otherwise the posterior means are decoded. Outputs, in order: for the joint, image-only and text-only
 * posteriors the mean and log-variance; then the image logits decoded from the joint and from the
 * image-only latent (stacked along the batch, joint first), and the text decoded from the joint and from
 * the text-only latent (likewise).
 */
final class MvaeNet extends AbstractBlock {

    private static final float EPS = 1e-8f;
    private static final int SMALLEST_MAP = 4;
    private static final int WIDEST_CHANNELS = 64;

    private final int imageSize;
    private final int textDim;
    private final int latentDim;
    private final Block imageEncoder;
    private final Block imageDecoder;
    private final Block textEncoder;
    private final Block textDecoder;

    MvaeNet(int imageSize, int textDim, int latentDim, int hidden) {
        this.imageSize = imageSize;
        this.textDim = textDim;
        this.latentDim = latentDim;
        int[] channels = channels(imageSize);
        SequentialBlock ie = new SequentialBlock();
        for (int c : channels) {
            ie.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).setFilters(c).build()).add(Activation.reluBlock());
        }
        ie.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2L * latentDim).build());
        int last = channels[channels.length - 1];
        SequentialBlock id = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits((long) last * SMALLEST_MAP * SMALLEST_MAP).build())
                .add(Activation.reluBlock())
                .add(LambdaBlock.singleton(x -> x.reshape(-1, last, SMALLEST_MAP, SMALLEST_MAP)));
        for (int i = channels.length - 2; i >= -1; i--) {
            int out = i >= 0 ? channels[i] : 3;
            id.add(LambdaBlock.singleton(MvaeNet::upsample))
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(out).build());
            if (i >= 0) {
                id.add(Activation.reluBlock());
            }
        }
        SequentialBlock te = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2L * latentDim).build());
        SequentialBlock td = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(textDim).build());
        imageEncoder = addChildBlock("image_encoder", ie);
        imageDecoder = addChildBlock("image_decoder", id);
        textEncoder = addChildBlock("text_encoder", te);
        textDecoder = addChildBlock("text_decoder", td);
    }

    /** Channels of the stride-2 convolutions: doubling per halving, the last (at 8x8 -> 4x4) 64 wide. */
    static int[] channels(int imageSize) {
        int layers = Integer.numberOfTrailingZeros(imageSize / SMALLEST_MAP);
        int[] channels = new int[layers];
        for (int l = 0; l < layers; l++) {
            channels[l] = Math.max(8, WIDEST_CHANNELS >> (layers - 1 - l));
        }
        return channels;
    }

    /**
     * Nearest-neighbour 2x upsampling of {@code [B, C, H, W]}. DJL's PyTorch engine has no transposed
     * convolution, so the decoder upsamples and then convolves (which also avoids the checkerboard
     * artefacts of strided transposed convolutions).
     */
    static NDArray upsample(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, h, 1, w, 1).broadcast(new Shape(b, c, h, 2, w, 2)).reshape(b, c, 2 * h, 2 * w);
    }

    int latentDim() {
        return latentDim;
    }

    /** Mean and log-variance of the image expert for pixels {@code [B, 3, S, S]}. */
    NDArray[] imageExpert(ParameterStore ps, NDArray pixels, boolean training) {
        return meanAndLogVar(imageEncoder.forward(ps, new NDList(pixels), training).singletonOrThrow());
    }

    /** Mean and log-variance of the text expert for standardised embeddings {@code [B, T]}. */
    NDArray[] textExpert(ParameterStore ps, NDArray text, boolean training) {
        return meanAndLogVar(textEncoder.forward(ps, new NDList(text), training).singletonOrThrow());
    }

    /** Pixel logits {@code [B, 3, S, S]} of latents {@code [B, L]}. */
    NDArray decodeImage(ParameterStore ps, NDArray z, boolean training) {
        return imageDecoder.forward(ps, new NDList(z), training).singletonOrThrow();
    }

    /** Standardised text embeddings {@code [B, T]} of latents {@code [B, L]}. */
    NDArray decodeText(ParameterStore ps, NDArray z, boolean training) {
        return textDecoder.forward(ps, new NDList(z), training).singletonOrThrow();
    }

    /**
     * Product of Gaussian experts with the prior N(0, I): precisions add, the mean is the
     * precision-weighted mean (the prior's is 0).
     */
    static NDArray[] productOfExperts(NDArray[]... experts) {
        NDArray precisionSum = null;
        NDArray weightedMean = null;
        for (NDArray[] e : experts) {
            NDArray precision = e[1].exp().add(EPS).getNDArrayInternal().rdiv(1f);
            precisionSum = precisionSum == null ? precision.add(1f) : precisionSum.add(precision);
            NDArray m = e[0].mul(precision);
            weightedMean = weightedMean == null ? m : weightedMean.add(m);
        }
        NDArray variance = precisionSum.getNDArrayInternal().rdiv(1f);
        return new NDArray[] {weightedMean.mul(variance), variance.log()};
    }

    private NDArray[] meanAndLogVar(NDArray out) {
        NDList halves = out.split(2, 1);
        return new NDArray[] {halves.get(0), halves.get(1)};
    }

    private static NDArray sample(NDArray[] posterior, boolean training) {
        if (!training) {
            return posterior[0];
        }
        NDArray noise = posterior[0].getManager().randomNormal(posterior[0].getShape());
        return posterior[0].add(posterior[1].mul(0.5f).exp().mul(noise));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray[] image = imageExpert(ps, inputs.get(0), training);
        NDArray[] text = textExpert(ps, inputs.get(1), training);
        NDArray[] joint = productOfExperts(image, text);
        NDArray[] imageOnly = productOfExperts(image);
        NDArray[] textOnly = productOfExperts(text);
        NDArray zJoint = sample(joint, training);
        NDArray pixels = decodeImage(ps, zJoint.concat(sample(imageOnly, training), 0), training);
        NDArray words = decodeText(ps, zJoint.concat(sample(textOnly, training), 0), training);
        return new NDList(joint[0], joint[1], imageOnly[0], imageOnly[1], textOnly[0], textOnly[1], pixels, words);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        Shape latent = new Shape(b, latentDim);
        return new Shape[] {latent, latent, latent, latent, latent, latent,
            new Shape(2 * b, 3, imageSize, imageSize), new Shape(2 * b, textDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        imageEncoder.initialize(manager, dataType, new Shape(1, 3, imageSize, imageSize));
        textEncoder.initialize(manager, dataType, new Shape(1, textDim));
        imageDecoder.initialize(manager, dataType, new Shape(1, latentDim));
        textDecoder.initialize(manager, dataType, new Shape(1, latentDim));
    }
}
