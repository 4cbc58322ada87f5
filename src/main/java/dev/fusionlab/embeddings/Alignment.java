package dev.fusionlab.embeddings;

/** How the rows of the embedding files and the metadata are matched: said explicitly, never guessed. */
public enum Alignment {
    /**
     * Row {@code i} of every file is the same item; the files must have as many rows. When two files both
     * carry ids, they must agree row by row (else the first differing row is named).
     */
    ORDER,
    /**
     * Rows are matched by id, in the order of the first embedding file; every file must carry ids, and
     * every embedded id must be in the other files.
     */
    ID
}
