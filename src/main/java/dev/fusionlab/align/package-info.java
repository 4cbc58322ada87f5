/**
 * The joint image-text space for cross-modal retrieval: {@link dev.fusionlab.align.JointSpaceTrainer} learns
 * one linear map per modality (after the early-fusion normalisation of {@code fuse}) into a shared space of
 * unit vectors with the symmetric InfoNCE loss, through the shared DJL loop of {@code dev.fusionlab.train};
 * {@link dev.fusionlab.align.JointSpace} maps raw embeddings into it and finds nearest neighbours, in plain
 * Java. "Joint" in FusionLab means only this space; the early-fusion concatenation is the "fused" space.
 */
package dev.fusionlab.align;
