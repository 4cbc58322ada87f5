package dev.fusionlab.ui;

import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.GenerativeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A generative model over a hand-made run, for view-model and GUI tests: 4×4 pictures whose colour is
 * the description's hash, the run's first samples as "nearest", the selected sample's own caption first,
 * a fixed measures table, and the first two image-embedding dimensions as the "latent".
 */
public final class FakeGenerativeModel implements GenerativeModel {

    private final RunResult run;
    private volatile boolean closed;

    public FakeGenerativeModel(RunResult run) {
        this.run = run;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String summary() {
        return "fake MVAE on " + run.samples().size() + " samples";
    }

    @Override
    public int imageSize() {
        return 4;
    }

    @Override
    public TextToImageResult textToImage(String description, int samples, int nearest, long seed, TaskContext context) {
        List<GeneratedPicture> images = new ArrayList<>();
        for (int i = 0; i <= samples; i++) {
            int[] argb = new int[16];
            Arrays.fill(argb, 0xFF000000 | (description.hashCode() + i * 0x101010) & 0xFFFFFF);
            images.add(new GeneratedPicture(4, 4, argb));
        }
        List<PixelNeighbour> near = new ArrayList<>();
        for (int i = 0; i < Math.min(nearest, run.samples().size()); i++) {
            Sample s = run.samples().get(i);
            near.add(new PixelNeighbour(s.id(), s.image(), s.text(), 0.01 * (i + 1)));
        }
        return new TextToImageResult(description, images, near);
    }

    @Override
    public List<CaptionMatch> nearestCaptions(String sampleId, int k, TaskContext context) {
        List<CaptionMatch> out = new ArrayList<>();
        Sample own = sample(sampleId);
        out.add(new CaptionMatch(own.id(), own.text(), own.label(), 0.9));
        for (Sample s : run.samples()) {
            if (out.size() == k) {
                break;
            }
            if (!s.id().equals(sampleId)) {
                out.add(new CaptionMatch(s.id(), s.text(), s.label(), 0.9 - 0.1 * out.size()));
            }
        }
        return out;
    }

    @Override
    public MissingModalityTable measure(TaskContext context) {
        return new MissingModalityTable(List.of(
                new ImputationScore("image_only", "text missing: image classifier", 0.7, 0.6),
                new ImputationScore("early_text_imputed_mvae", "text missing: early fusion, text imputed by the MVAE", 0.6, 0.5),
                new ImputationScore("text_only", "image missing: text classifier", 0.8, 0.8)), "3 labelled test samples");
    }

    @Override
    public SampleImputation imputeSample(String sampleId, TaskContext context) {
        Sample s = sample(sampleId);
        return new SampleImputation(sampleId, s.label(), List.of(
                new ImputedPrediction("both present: early fusion", s.label(), 0.9),
                new ImputedPrediction("text missing: early, text imputed by the MVAE", "food", 0.4)));
    }

    @Override
    public float[][] latents(List<String> sampleIds, TaskContext context) {
        float[][] image = run.embeddings().get(Space.IMAGE);
        float[][] out = new float[sampleIds.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOf(image[run.ids().indexOf(sampleIds.get(i))], 2);
        }
        return out;
    }

    private Sample sample(String id) {
        return run.samples().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + id));
    }

    @Override
    public void close() {
        closed = true;
    }
}
