package dev.fusionlab.data;

import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks every sample before any model sees it: blank text, duplicate ids, and an unusable image
 * (see {@link ImageProbe}). Each distinct image file is probed once, in parallel, so several captions of
 * one image cost one check. Problems keep the order of the samples, whatever the thread scheduling.
 */
public final class SampleValidator {

    static final String STAGE = "validate";
    private static final int PROGRESS_EVERY = 64;

    private SampleValidator() {
    }

    /** The samples that passed, and the problems of those that did not added after {@code read}'s own. */
    public static ReadResult validate(ReadResult read, TaskContext context) {
        Map<Path, String> imageProblems = probeImages(read.samples(), context);
        List<Sample> valid = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>(read.problems());
        Set<String> ids = new HashSet<>();
        for (Sample sample : read.samples()) {
            String imageProblem = imageProblems.get(sample.image());
            if (!ids.add(sample.id())) {
                problems.add(new SampleProblem(sample.id(), sample.image(), "duplicate id '" + sample.id() + "'"));
            } else if (imageProblem != null) {
                problems.add(new SampleProblem(sample.id(), sample.image(), imageProblem));
            } else if (sample.text().isBlank()) {
                problems.add(new SampleProblem(sample.id(), sample.image(), "text is empty"));
            } else {
                valid.add(sample);
            }
        }
        return new ReadResult(valid, problems);
    }

    private static Map<Path, String> probeImages(List<Sample> samples, TaskContext context) {
        List<Path> images = samples.stream().map(Sample::image).distinct().toList();
        int total = images.size();
        AtomicInteger done = new AtomicInteger();
        Map<Path, String> problems = new ConcurrentHashMap<>();
        images.parallelStream().forEach(image -> {
            context.throwIfCancelled(STAGE);
            ImageProbe.problem(image).ifPresent(reason -> problems.put(image, reason));
            int finished = done.incrementAndGet();
            if (finished % PROGRESS_EVERY == 0 || finished == total) {
                context.report(STAGE, (double) finished / total, finished + "/" + total + " images checked");
            }
        });
        return problems;
    }
}
