package dev.fusionlab.caption;

import java.util.List;

/** Corpus BLEU-1..4 and CIDEr-D of one captioning system on the test images (see {@link Bleu}, {@link CiderD}). */
public record CaptionScores(double bleu1, double bleu2, double bleu3, double bleu4, double ciderD) {

    /** Scores tokenised candidates, one per image, against all references of each image. */
    public static CaptionScores of(List<List<String>> candidates, List<List<List<String>>> references) {
        double[] bleu = Bleu.corpus(candidates, references, Bleu.MAX_N);
        return new CaptionScores(bleu[0], bleu[1], bleu[2], bleu[3], CiderD.corpus(candidates, references));
    }
}
