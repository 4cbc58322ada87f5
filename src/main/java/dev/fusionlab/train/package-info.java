/**
 * The one DJL training loop ({@link dev.fusionlab.train.TrainingLoop}) that the classifiers and the joint
 * space share: seeded, Adam, shuffled minibatches, early stopping on the validation loss, one training at a
 * time on one thread, the kept weights copied out as plain {@link dev.fusionlab.train.DenseLayer}s. Each
 * training brings only its block, loss and rows ({@link dev.fusionlab.train.TrainingLoop.Task}). The
 * optimiser step is taken in one place ({@code DjlTraining.step}).
 */
package dev.fusionlab.train;
