/**
 * Bring your own embeddings: open embedding matrices made elsewhere (NumPy {@code .npy}, TF Projector
 * {@code tensors.tsv} + {@code metadata.tsv}, CSV, Parquet) with their per-row metadata, align them by
 * order or by id, and hand them to the pipeline as an {@link dev.fusionlab.pipeline.EncodedDataset} (two
 * modalities: fusion, retrieval and every view of a run) or as one space to explore and plot. Exports
 * go the other way too: TF Projector files and Parquet of every space and layout.
 *
 * <p>Every problem with a file is an {@link dev.fusionlab.embeddings.EmbeddingFileException} naming the
 * file and what is wrong (dtype, shape, ragged row, id mismatch with the first differing row); rows with
 * NaN or infinite values are skipped as problems of the dataset, and the rest goes on. Parquet goes through
 * DuckDB's embedded JDBC driver ({@link dev.fusionlab.embeddings.ParquetTables}), loaded only when a
 * Parquet file is read or written.
 */
package dev.fusionlab.embeddings;
