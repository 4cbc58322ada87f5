package dev.fusionlab.embeddings;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.pipeline.EncodedDataset;
import java.util.List;

/**
 * Embeddings opened from files, aligned with their samples: row {@code i} of every matrix is
 * {@code samples.get(i)}.
 *
 * @param dataset    the samples with the import's problems (rows skipped, and why)
 * @param samples    one per row; the image path is null where the metadata names no image
 * @param modalities one or two, in the order given
 * @param columns    the metadata columns, in file order (what a plot can be coloured by)
 */
public record ImportedEmbeddings(Dataset dataset, List<Sample> samples, List<ImportedModality> modalities,
                                 List<String> columns) {

    /**
     * One modality's vectors.
     *
     * @param name    e.g. {@code image}, {@code text}
     * @param rows    n x d
     * @param encoder provenance: id {@code file:<path>}, the file's sha256 in place of a weights hash
     */
    public record ImportedModality(String name, float[][] rows, EncodedDataset.EncoderInfo encoder) {
    }

    public ImportedEmbeddings {
        samples = List.copyOf(samples);
        modalities = List.copyOf(modalities);
        columns = List.copyOf(columns);
    }

    /** True with two modalities: fusion, the joint space and retrieval apply. */
    public boolean isPaired() {
        return modalities.size() == 2;
    }

    public List<SampleProblem> problems() {
        return dataset.problems();
    }

    /**
     * The two modalities as FusionLab's image and text embeddings, ready for
     * {@link dev.fusionlab.pipeline.Pipeline#analyse}.
     *
     * @throws IllegalStateException with one modality
     */
    public EncodedDataset encoded() {
        if (!isPaired()) {
            throw new IllegalStateException("fusion needs two modalities; " + modalities.getFirst().name() + " only");
        }
        return new EncodedDataset(dataset, samples, modalities.get(0).rows(), modalities.get(1).rows(),
                dataset.problems(), modalities.stream().map(ImportedModality::encoder).toList());
    }
}
