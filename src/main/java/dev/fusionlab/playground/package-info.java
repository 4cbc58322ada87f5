/**
 * The fusion playground: two-modality datasets with known structure
 * ({@link dev.fusionlab.playground.SyntheticGenerator}: signal per modality, interaction-only signal, class
 * pairs each modality alone confuses, redundancy, label noise), {@link dev.fusionlab.playground.Preset presets}
 * that each show one textbook case, and {@link dev.fusionlab.playground.Sweep sweeps} of one control. The data
 * go through the same pipeline as encoded datasets ({@code Pipeline.analyse}); results export like any run
 * ({@link dev.fusionlab.playground.PlaygroundExporter}). Plain Java, background-friendly (TaskContext
 * progress and cancellation): the GUI's view models can drive it directly.
 */
package dev.fusionlab.playground;
