package dev.fusionlab.data;

/** Which part of a dataset a sample belongs to. Classifiers fit on TRAIN, stop early on VALIDATION, report on TEST. */
public enum Split {
    TRAIN, VALIDATION, TEST
}
