package dev.fusionlab.pipeline;

import dev.fusionlab.classify.ClassifierProvenance;
import dev.fusionlab.classify.Strategy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's results came from, in the spirit of Tribuo: enough to cite it or to redo it.
 * Written to {@code run.json} together with the {@link RunConfig} and the stage timings.
 *
 * @param datasetSha256 fingerprint of the usable samples: ids, image bytes, texts, labels and splits
 * @param encoders      both encoders with their weight hashes and cache use
 * @param classifiers   how each trained strategy's classifier was trained (empty for unlabelled data)
 * @param versions      FusionLab, Java and engine versions
 */
public record RunProvenance(String datasetSha256, List<EncodedDataset.EncoderInfo> encoders,
                            Map<Strategy, ClassifierProvenance> classifiers, Map<String, String> versions) {

    public RunProvenance {
        encoders = List.copyOf(encoders);
        classifiers = classifiers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(classifiers));
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions)); // keeps the reading order
    }
}
