package dev.fusionlab.caption.bench;

import dev.fusionlab.caption.CaptionScores;
import dev.fusionlab.caption.CaptionSpec;
import dev.fusionlab.caption.CaptionText;
import dev.fusionlab.caption.Captioner;
import dev.fusionlab.caption.Conditioning;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Scratch: the validation-split scores of a few model settings on the demo (how the defaults were chosen). */
public final class CaptionTuning {

    public static void main(String[] args) {
        EncodedDataset encoded;
        try (Pipeline pipeline = Pipeline.withDefaults()) {
            encoded = pipeline.encode(RunConfig.defaults(), TaskContext.silent());
        }
        List<Sample> s = encoded.samples();
        List<String> captions = s.stream().map(Sample::text).toList();
        List<String> labels = s.stream().map(Sample::label).toList();
        int[] train = IntStream.range(0, s.size()).filter(i -> s.get(i).split() == Split.TRAIN).toArray();
        int[] val = IntStream.range(0, s.size()).filter(i -> s.get(i).split() == Split.VALIDATION).toArray();
        CaptionSpec base = CaptionSpec.defaults(Conditioning.IMAGE, 42);
        List<CaptionSpec> specs = new ArrayList<>();
        for (String a : args) {
            String[] p = a.split(",");  // dropout,word,hidden,lr,decay
            specs.add(base.withDropout(Double.parseDouble(p[0]))
                    .withSizes(Integer.parseInt(p[1]), Integer.parseInt(p[2]))
                    .withLearning(Double.parseDouble(p[3]), Double.parseDouble(p[4])));
        }
        for (CaptionSpec spec : specs) {
            long t0 = System.nanoTime();
            // early stopping on half the validation split, scores on the other half
            int[] stop = IntStream.range(0, val.length).filter(i -> i % 2 == 0).map(i -> val[i]).toArray();
            int[] held = IntStream.range(0, val.length).filter(i -> i % 2 == 1).map(i -> val[i]).toArray();
            Captioner c = Captioner.train(encoded.image(), captions, labels, train, stop, spec, TaskContext.silent());
            List<List<String>> cand1 = new ArrayList<>();
            List<List<String>> cand3 = new ArrayList<>();
            List<List<List<String>>> refs = new ArrayList<>();
            for (int r : held) {
                cand1.add(c.captionWords(encoded.image()[r], labels.get(r), 1));
                cand3.add(c.captionWords(encoded.image()[r], labels.get(r), 3));
                refs.add(List.of(CaptionText.tokens(captions.get(r))));
            }
            CaptionScores g = CaptionScores.of(cand1, refs);
            CaptionScores b = CaptionScores.of(cand3, refs);
            System.out.printf(Locale.ROOT, "%s%n  epochs %d best %d loss %.4f  %.1f s | greedy B1 %.3f B4 %.3f C %.3f | beam3 B1 %.3f B4 %.3f C %.3f%n",
                    spec, c.provenance().epochsRun(), c.provenance().bestEpoch(), c.provenance().bestValidationLoss(),
                    (System.nanoTime() - t0) / 1e9, g.bleu1(), g.bleu4(), g.ciderD(), b.bleu1(), b.bleu4(), b.ciderD());
        }
    }
}
