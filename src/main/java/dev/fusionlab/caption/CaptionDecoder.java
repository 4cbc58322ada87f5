package dev.fusionlab.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trained caption decoder as plain Java arrays, so that generating a caption needs no native engine and
 * is deterministic: the same weights and features always give the same words.
 *
 * <p>The model (all matrices row-major, {@code x · W} convention): initial state
 * h₀ = tanh(f · W_init + b_init) from the {@link CaptionFeatures} f; then one GRU step per word, PyTorch's
 * gate equations with the input word's embedding e = E[w]:
 * r = σ(e·W_ir + b_ir + h·W_hr + b_hr), z = σ(e·W_iz + b_iz + h·W_hz + b_hz),
 * n = tanh(e·W_in + b_in + r ⊙ (h·W_hn + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h;
 * the next word's distribution is softmax(h' · W_out + b_out). The gate blocks of W_i, W_h and the biases
 * are laid out r, z, n.
 *
 * @param features size F: the width of a feature vector
 * @param init     F × H
 * @param words    V × D word embeddings
 * @param input    D × 3H
 * @param state    H × 3H
 * @param output   H × V
 */
public record CaptionDecoder(Vocabulary vocabulary, int features, int wordSize, int hiddenSize,
                             float[] init, float[] initBias, float[] words, float[] input, float[] inputBias,
                             float[] state, float[] stateBias, float[] output, float[] outputBias) {

    public CaptionDecoder {
        int v = vocabulary.size();
        int h3 = 3 * hiddenSize;
        check("init", init, (long) features * hiddenSize);
        check("init bias", initBias, hiddenSize);
        check("words", words, (long) v * wordSize);
        check("input", input, (long) wordSize * h3);
        check("input bias", inputBias, h3);
        check("state", state, (long) hiddenSize * h3);
        check("state bias", stateBias, h3);
        check("output", output, (long) hiddenSize * v);
        check("output bias", outputBias, v);
    }

    private static void check(String name, float[] a, long expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException("caption decoder " + name + ": " + a.length + " values, expected "
                    + expected);
        }
    }

    /** h₀ = tanh(f · W_init + b_init). */
    float[] initialState(float[] f) {
        if (f.length != features) {
            throw new IllegalArgumentException("decoder expects " + features + " features, got " + f.length);
        }
        float[] h = affine(f, init, initBias, hiddenSize);
        for (int j = 0; j < h.length; j++) {
            h[j] = (float) Math.tanh(h[j]);
        }
        return h;
    }

    /** One GRU step on word {@code token}. */
    float[] step(int token, float[] h) {
        int hs = hiddenSize;
        float[] e = Arrays.copyOfRange(words, token * wordSize, (token + 1) * wordSize);
        float[] gi = affine(e, input, inputBias, 3 * hs);
        float[] gh = affine(h, state, stateBias, 3 * hs);
        float[] next = new float[hs];
        for (int j = 0; j < hs; j++) {
            float r = sigmoid(gi[j] + gh[j]);
            float z = sigmoid(gi[hs + j] + gh[hs + j]);
            float n = (float) Math.tanh(gi[2 * hs + j] + r * gh[2 * hs + j]);
            next[j] = (1 - z) * n + z * h[j];
        }
        return next;
    }

    /** Log-probabilities of the next word after state {@code h}. */
    double[] logProbabilities(float[] h) {
        float[] logits = affine(h, output, outputBias, vocabulary.size());
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    /** Teacher-forced logits of a caption's targets (tests compare them with the training engine's). */
    float[][] logits(float[] f, int[] inputTokens) {
        float[] h = initialState(f);
        float[][] out = new float[inputTokens.length][];
        for (int t = 0; t < inputTokens.length; t++) {
            h = step(inputTokens[t], h);
            out[t] = affine(h, output, outputBias, vocabulary.size());
        }
        return out;
    }

    /** Total log-probability of {@code caption} followed by {@code <eos>} (words outside the vocabulary count as {@code <unk>}). */
    double logProbability(float[] f, List<String> caption) {
        float[] h = initialState(f);
        int last = Vocabulary.BOS_ID;
        double total = 0;
        for (int t = 0; t <= caption.size(); t++) {
            h = step(last, h);
            int next = t < caption.size() ? vocabulary.id(caption.get(t)) : Vocabulary.EOS_ID;
            total += logProbabilities(h)[next];
            last = next;
        }
        return total;
    }

    /**
     * The caption that beam search of width {@code beamWidth} finds, at most {@code maxLength} words. Beams
     * are ranked by their mean log-probability per emitted token (the words and the final {@code <eos>}),
     * not by the total, which would favour captions that end early; width 1 is greedy decoding.
     * {@code <pad>}, {@code <bos>} and {@code <unk>} are never emitted, nor {@code <eos>} before a first word.
     * Ties go to the smaller word ids, so the result is deterministic.
     */
    public List<String> generate(float[] f, int beamWidth, int maxLength) {
        if (beamWidth < 1 || maxLength < 1) {
            throw new IllegalArgumentException("beam width and maximum length must be at least 1");
        }
        List<Beam> beams = List.of(new Beam(new int[0], 0, initialState(f), false));
        for (int t = 0; t <= maxLength && beams.stream().anyMatch(b -> !b.done); t++) {
            List<Beam> candidates = new ArrayList<>();
            for (Beam beam : beams) {
                if (beam.done) {
                    candidates.add(beam);
                    continue;
                }
                int last = beam.tokens.length == 0 ? Vocabulary.BOS_ID : beam.tokens[beam.tokens.length - 1];
                float[] h = step(last, beam.state);
                double[] logp = logProbabilities(h);
                for (int w : topWords(logp, beamWidth, t == maxLength, t == 0)) {
                    boolean end = w == Vocabulary.EOS_ID;
                    int[] tokens = end ? beam.tokens : append(beam.tokens, w);
                    candidates.add(new Beam(tokens, beam.score + logp[w], h, end));
                }
            }
            candidates.sort(BEST_FIRST);
            beams = candidates.subList(0, Math.min(beamWidth, candidates.size()));
        }
        Beam best = beams.getFirst();
        List<String> caption = new ArrayList<>(best.tokens.length);
        for (int w : best.tokens) {
            caption.add(vocabulary.word(w));
        }
        return caption;
    }

    /**
     * The {@code k} most likely emittable words, best first; only {@code <eos>} once the caption is full, and
     * never {@code <eos>} first (a caption has at least one word).
     */
    private static int[] topWords(double[] logp, int k, boolean mustEnd, boolean first) {
        if (mustEnd) {
            return new int[] {Vocabulary.EOS_ID};
        }
        Integer[] ids = new Integer[logp.length];
        int n = 0;
        for (int w = 0; w < logp.length; w++) {
            if (w != Vocabulary.PAD_ID && w != Vocabulary.BOS_ID && w != Vocabulary.UNK_ID
                    && !(first && w == Vocabulary.EOS_ID)) {
                ids[n++] = w;
            }
        }
        Integer[] allowed = Arrays.copyOf(ids, n);
        Arrays.sort(allowed, (a, b) -> logp[a] != logp[b] ? Double.compare(logp[b], logp[a]) : Integer.compare(a, b));
        int[] top = new int[Math.min(k, n)];
        for (int i = 0; i < top.length; i++) {
            top[i] = allowed[i];
        }
        return top;
    }

    private static int[] append(int[] tokens, int w) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = w;
        return out;
    }

    private static final Comparator<Beam> BEST_FIRST = (a, b) -> a.meanScore() != b.meanScore()
            ? Double.compare(b.meanScore(), a.meanScore()) : Arrays.compare(a.tokens, b.tokens);

    /** A partial caption: its words (without {@code <bos>}/{@code <eos>}), total log-probability and state. */
    private record Beam(int[] tokens, double score, float[] state, boolean done) {
        /** Log-probability per emitted token, {@code <eos>} included once emitted. */
        double meanScore() {
            int emitted = tokens.length + (done ? 1 : 0);
            return emitted == 0 ? 0 : score / emitted;
        }
    }

    /** x · W + b for a row vector x and a row-major |x| × m matrix W. */
    private static float[] affine(float[] x, float[] w, float[] b, int m) {
        float[] out = b.clone();
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * m;
            for (int j = 0; j < m; j++) {
                out[j] += xi * w[row + j];
            }
        }
        return out;
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
