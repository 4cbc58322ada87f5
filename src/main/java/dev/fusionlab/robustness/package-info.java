/**
 * Modality ablation and robustness of a trained run, at test time and without retraining:
 * {@link dev.fusionlab.robustness.Ablation#run} scores image, text, early and late fusion on the test split
 * with a modality dropped, shuffled across samples (pairing broken) or noised, and returns an
 * {@link dev.fusionlab.robustness.AblationReport} ({@code ablation.json}, a bar chart). The trained models are
 * reached through one adapter ({@code FusionAdapter}).
 */
package dev.fusionlab.robustness;
