/**
 * Multimodal generative modelling: a multimodal variational autoencoder ({@link dev.fusionlab.generate.Mvae},
 * the MVAE of Wu &amp; Goodman, 2018) over images as pixels and texts as sentence embeddings, whose joint
 * posterior is the product of the per-modality Gaussian experts and the prior, so that either modality
 * alone, or both, give a point of one latent space.
 *
 * <p>{@link dev.fusionlab.generate.Generation#prepare} is the entry point: it encodes a dataset through the
 * {@link dev.fusionlab.pipeline.Pipeline}, reads its images as pixels ({@link dev.fusionlab.generate.GenerativeData})
 * and trains the model ({@link dev.fusionlab.generate.MvaeTrainer}, DJL with the PyTorch engine: the ELBO of
 * the joint and of each modality, annealed KL, early stopping) or takes it from the
 * {@link dev.fusionlab.generate.MvaeStore} cache. The trained model turns a text into images, an image into
 * a text embedding (and the captions nearest it), imputes a missing modality, and places samples in its
 * joint latent space. {@link dev.fusionlab.generate.GenerationMeasures} measures all that on the test
 * split beside baselines that need no generative model; {@link dev.fusionlab.generate.GenerationReport}
 * writes {@code generation.json}.
 */
package dev.fusionlab.generate;
