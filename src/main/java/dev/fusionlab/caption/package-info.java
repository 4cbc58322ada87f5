/**
 * Captioning as multimodal sequence-to-sequence learning: an encoder-decoder that writes a caption for an
 * image, or for an image fused with its label.
 *
 * <p>Encoder: the frozen image embedding of the encode package, standardised, optionally concatenated with
 * the one-hot label ({@link dev.fusionlab.caption.CaptionFeatures}). Decoder: a GRU whose initial state is a
 * tanh projection of those features, over a vocabulary built from the training captions
 * ({@link dev.fusionlab.caption.Vocabulary}), trained by teacher forcing with DJL's PyTorch engine
 * ({@link dev.fusionlab.caption.CaptionTrainer}) and run for generation as plain Java, greedy or by beam
 * search ({@link dev.fusionlab.caption.CaptionDecoder}). {@link dev.fusionlab.caption.Captioner} is the API
 * front ends call; {@link dev.fusionlab.caption.Captioning} runs the measured experiment (models, the
 * nearest-neighbour and most-frequent-caption baselines, corpus {@link dev.fusionlab.caption.Bleu} and
 * {@link dev.fusionlab.caption.CiderD} on the test split), {@link dev.fusionlab.caption.CaptioningReport}
 * writes it, and {@link dev.fusionlab.caption.CaptionModelCache} keeps trained models so a second run does
 * not train again. See docs/captioning.md.
 */
package dev.fusionlab.caption;
