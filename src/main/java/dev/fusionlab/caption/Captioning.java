package dev.fusionlab.caption;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Captioning as multimodal sequence-to-sequence learning, measured: trains (or takes from the cache) an
 * image captioner, and on labelled datasets an image + label captioner, on the training split; captions
 * each distinct test image once; scores the captions against all references of the image with corpus
 * BLEU-1..4 and CIDEr-D, beside two baselines:
 * <ul>
 *   <li>{@value #NEAREST_NEIGHBOUR}: the caption of the training image whose embedding is most similar
 *       (cosine) to the test image's (Devlin et al., 2015, with one neighbour); with several captions, its
 *       first;</li>
 *   <li>{@value #MOST_FREQUENT}: the most frequent training caption (after tokenisation; see
 *       {@link #mostFrequent} for ties) for every image.</li>
 * </ul>
 * System keys: {@code model_image} (beam search), {@code model_image_greedy}, and with labels
 * {@code model_image_label} and {@code model_image_label_greedy}, then the two baselines.
 */
public final class Captioning {

    public static final String MODEL_IMAGE = "model_image";
    public static final String MODEL_IMAGE_LABEL = "model_image_label";
    public static final String NEAREST_NEIGHBOUR = "nearest_neighbour";
    public static final String MOST_FREQUENT = "most_frequent_caption";
    /** Progress stages besides {@link CaptionTrainer#STAGE}. */
    public static final String GENERATE_STAGE = "caption-generate";

    private Captioning() {
    }

    /**
     * @throws IllegalArgumentException when the dataset has no training or no test caption
     */
    public static CaptioningResult run(EncodedDataset encoded, CaptioningSettings settings, CaptionModelCache cache,
                                       TaskContext ctx) {
        Map<String, Long> millis = new LinkedHashMap<>();
        List<Sample> samples = encoded.samples();
        float[][] image = encoded.image();
        List<String> captions = samples.stream().map(Sample::text).toList();
        List<String> labels = samples.stream().map(s -> s.isLabelled() ? s.label() : null).toList();
        List<List<String>> tokens = captions.stream().map(CaptionText::tokens).toList();
        int[] train = rows(samples, tokens, Split.TRAIN);
        int[] validation = rows(samples, tokens, Split.VALIDATION);
        int[] test = rows(samples, tokens, Split.TEST);
        Path root = encoded.dataset().root();
        if (train.length == 0 || test.length == 0) {
            throw new IllegalArgumentException(root + ": captioning needs captions in the training and the test "
                    + "split, found " + train.length + " and " + test.length);
        }
        boolean labelled = IntStream.concat(IntStream.of(train), IntStream.of(test)).allMatch(r -> labels.get(r) != null)
                && IntStream.of(train).mapToObj(labels::get).distinct().count() >= 2;

        EncodedDataset.EncoderInfo encoder = encoded.encoders().stream()
                .filter(e -> e.modality().equals("image")).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("the encoded dataset names no image encoder"));
        List<String> splits = samples.stream().map(s -> String.valueOf(s.split())).toList();
        int[] training = IntStream.concat(IntStream.of(train), IntStream.of(validation)).toArray();
        Map<Conditioning, CaptioningResult.Model> models = new LinkedHashMap<>();
        for (Conditioning conditioning : labelled ? Conditioning.values() : new Conditioning[] {Conditioning.IMAGE}) {
            CaptionSpec spec = settings.spec(conditioning);
            String key = CaptionModelCache.key(spec, CaptionTrainer.device().toString(),
                    List.of(encoder.id(), String.valueOf(encoder.weightsSha256())), splits, captions, labels, image,
                    training);
            java.util.Optional<Captioner> cached;
            try {
                cached = cache.load(key);
            } catch (IOException | RuntimeException damaged) {
                ctx.report(CaptionTrainer.STAGE, 0, cache.file(key) + ": cached model unreadable ("
                        + damaged.getMessage() + "), training again");
                cached = java.util.Optional.empty();
            }
            if (cached.isPresent()) {
                ctx.report(CaptionTrainer.STAGE, 1, conditioning.key() + ": trained model from the cache");
                models.put(conditioning, new CaptioningResult.Model(cached.get(), key, true));
                continue;
            }
            Captioner captioner = timed(millis, "train_" + conditioning.key(),
                    () -> Captioner.train(image, captions, labels, train, validation, spec, ctx));
            try {
                cache.store(key, captioner);
            } catch (IOException e) {
                throw new UncheckedIOException(cache.file(key) + ": cannot store the caption model: " + e.getMessage(), e);
            }
            models.put(conditioning, new CaptioningResult.Model(captioner, key, false));
        }

        // each distinct test image once, with all its references
        Map<Path, List<Integer>> testImages = new LinkedHashMap<>();
        for (int r : test) {
            testImages.computeIfAbsent(samples.get(r).image(), k -> new ArrayList<>()).add(r);
        }
        List<List<List<String>>> references = new ArrayList<>();
        for (List<Integer> rows : testImages.values()) {
            references.add(rows.stream().map(tokens::get).toList());
        }
        Map<String, List<List<String>>> candidates = new LinkedHashMap<>();
        Map<Path, String[]> generated = new LinkedHashMap<>(); // image -> model caption, nearest, with label
        String mostFrequent = mostFrequent(train, tokens);
        int[] nearest = timed(millis, "nearest_neighbour", () -> nearestTraining(image, train, testImages, ctx));
        timed(millis, "generate", () -> {
            int done = 0;
            for (var e : testImages.entrySet()) {
                ctx.throwIfCancelled(GENERATE_STAGE);
                int row = e.getValue().getFirst();
                String[] out = new String[3];
                for (var m : models.entrySet()) {
                    String prefix = m.getKey() == Conditioning.IMAGE ? MODEL_IMAGE : MODEL_IMAGE_LABEL;
                    Captioner c = m.getValue().captioner();
                    List<String> beam = c.captionWords(image[row], labels.get(row), settings.beamWidth());
                    candidates.computeIfAbsent(prefix, k -> new ArrayList<>()).add(beam);
                    candidates.computeIfAbsent(prefix + "_greedy", k -> new ArrayList<>())
                            .add(settings.beamWidth() == 1 ? beam : c.captionWords(image[row], labels.get(row), 1));
                    out[m.getKey() == Conditioning.IMAGE ? 0 : 2] = CaptionText.join(beam);
                }
                int neighbour = nearest[done];
                candidates.computeIfAbsent(NEAREST_NEIGHBOUR, k -> new ArrayList<>()).add(tokens.get(neighbour));
                candidates.computeIfAbsent(MOST_FREQUENT, k -> new ArrayList<>()).add(CaptionText.tokens(mostFrequent));
                out[1] = captions.get(neighbour);
                generated.put(e.getKey(), out);
                ctx.report(GENERATE_STAGE, ++done / (double) testImages.size(), done + "/" + testImages.size() + " test images");
            }
            return null;
        });
        Map<String, CaptionScores> scores = new LinkedHashMap<>();
        timed(millis, "score", () -> {
            candidates.forEach((system, c) -> scores.put(system, CaptionScores.of(c, references)));
            return null;
        });
        List<CaptioningResult.Row> rows = new ArrayList<>();
        for (int r : test) {
            String[] out = generated.get(samples.get(r).image());
            rows.add(new CaptioningResult.Row(samples.get(r).id(), captions.get(r), out[0], out[1], out[2]));
        }
        return new CaptioningResult(root, encoded.dataset().name(), samples.size(), train.length, validation.length,
                test.length, testImages.size(), rows, scores, models, mostFrequent, encoder, settings, millis);
    }

    /** Rows of {@code split} whose caption has at least one word. */
    private static int[] rows(List<Sample> samples, List<List<String>> tokens, Split split) {
        return IntStream.range(0, samples.size())
                .filter(i -> samples.get(i).split() == split && !tokens.get(i).isEmpty()).toArray();
    }

    /**
     * The most frequent training caption (tokenised and rejoined). Among captions equally frequent (on a
     * dataset whose captions are all different, every one of them) it takes the one whose words are the most
     * frequent in the training captions on average, then the alphabetically first: the blind guess that
     * shares the most common words.
     */
    static String mostFrequent(int[] train, List<List<String>> tokens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> wordCounts = new java.util.HashMap<>();
        for (int r : train) {
            counts.merge(CaptionText.join(tokens.get(r)), 1, Integer::sum);
            tokens.get(r).forEach(w -> wordCounts.merge(w, 1, Integer::sum));
        }
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Comparator<String> byWords = Comparator.comparingDouble(caption -> -CaptionText.tokens(caption).stream()
                .mapToInt(wordCounts::get).average().orElse(0));
        return counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                .min(byWords.thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /**
     * For each test image (in order), the training row whose image embedding has the highest cosine
     * similarity to it; ties go to the earlier row.
     */
    static int[] nearestTraining(float[][] image, int[] train, Map<Path, List<Integer>> testImages, TaskContext ctx) {
        float[][] unitTrain = new float[train.length][];
        for (int i = 0; i < train.length; i++) {
            unitTrain[i] = unit(image[train[i]]);
        }
        int[] nearest = new int[testImages.size()];
        int i = 0;
        for (List<Integer> rows : testImages.values()) {
            ctx.throwIfCancelled(GENERATE_STAGE);
            float[] q = unit(image[rows.getFirst()]);
            double best = Double.NEGATIVE_INFINITY;
            int bestRow = train[0];
            for (int t = 0; t < train.length; t++) {
                double dot = 0;
                float[] x = unitTrain[t];
                for (int j = 0; j < q.length; j++) {
                    dot += q[j] * x[j];
                }
                if (dot > best) {
                    best = dot;
                    bestRow = train[t];
                }
            }
            nearest[i++] = bestRow;
        }
        return nearest;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = norm == 0 ? 0 : (float) (v[j] / norm);
        }
        return out;
    }

    private static <T> T timed(Map<String, Long> millis, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        millis.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
        return result;
    }
}
