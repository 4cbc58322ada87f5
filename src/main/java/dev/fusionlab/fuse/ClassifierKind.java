package dev.fusionlab.fuse;

/** The classifier trained on an embedding (or on the joint early-fusion vector). */
public enum ClassifierKind {
    /** multinomial logistic regression: one linear layer + softmax */
    SOFTMAX,
    /** one hidden layer (ReLU, dropout) + softmax */
    MLP
}
