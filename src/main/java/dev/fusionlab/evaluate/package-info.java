/**
 * Scoring strategies on the labelled test rows: {@link dev.fusionlab.evaluate.ClassificationMetrics}
 * (accuracy, macro-F1, per-class scores, confusion matrix), {@link dev.fusionlab.evaluate.McNemarTest} to tell
 * whether two strategies really differ on the same samples, and the samples they
 * {@link dev.fusionlab.evaluate.Disagreements disagree} on. {@link dev.fusionlab.evaluate.Evaluation} does all
 * of it for a run. Pure Java over class indices and probabilities: no model or engine involved.
 */
package dev.fusionlab.evaluate;
