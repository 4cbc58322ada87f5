/**
 * The encoding as an Apache Spark job, for collections that outgrow one machine: FusionLab's own
 * encoders ({@link dev.fusionlab.encode.EncoderCatalog}, {@link dev.fusionlab.encode.CachingEncoder}, the
 * same cache keys) run on the executors, one encoder pair per task slot of each executor JVM, and the job
 * writes Parquet shards of embeddings and metadata that {@code dev.fusionlab.embeddings} opens as a folder.
 *
 * <ul>
 *   <li>{@link dev.fusionlab.spark.SparkEncodeJob}: the {@code spark-submit} entry point (options, session, output)</li>
 *   <li>{@link dev.fusionlab.spark.EncodeRows}: the dataset as Spark rows (driver side) and the shard schema</li>
 *   <li>{@link dev.fusionlab.spark.PartitionEncoder}: encodes one partition in batches on an executor</li>
 *   <li>{@link dev.fusionlab.spark.ExecutorEncoders}: the per-JVM pool of encoders and shared caches</li>
 * </ul>
 * This source tree is built only by the Maven profile {@code spark} ({@code mvn -Pspark ...}); the desktop
 * build never compiles it and never sees Spark. See docs/spark.md.
 */
package dev.fusionlab.spark;
