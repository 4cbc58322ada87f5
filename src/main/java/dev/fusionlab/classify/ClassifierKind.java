package dev.fusionlab.classify;

/** The classifier trained on an embedding (or on the fused early-fusion vector). */
public enum ClassifierKind {
    /** multinomial logistic regression: one linear layer + softmax */
    SOFTMAX,
    /** one hidden layer (ReLU, dropout) + softmax */
    MLP
}
