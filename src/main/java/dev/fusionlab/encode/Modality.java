package dev.fusionlab.encode;

/** The kinds of input FusionLab encodes. */
public enum Modality {
    IMAGE, TEXT
}
