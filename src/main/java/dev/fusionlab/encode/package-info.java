/**
 * Pretrained encoders that turn images and texts into embedding vectors, and the disk cache that
 * makes a second run free.
 *
 * <p>Typical use:
 * <pre>{@code
 * DjlRuntime.init();                                   // first, before any other DJL class
 * Encoder<Path> model = EncoderCatalog.lazyImage(EncoderCatalog.DEFAULT_IMAGE, 32);  // loads on first miss
 * Path cacheDir = BundledModels.cacheRoot().resolve("embeddings");
 * try (Encoder<Path> images = new CachingEncoder<>(model, EmbeddingCache.open(cacheDir, model),
 *                                                  ContentKey.imageFile())) {
 *     EncodeResult r = images.encode(paths, ctx);      // r.vector(i) or r.failure(i)
 * }
 * }</pre>
 * <ul>
 *   <li>{@link dev.fusionlab.encode.Encoder}: the contract (batching, progress, cancellation, per-item failures);
 *       {@link dev.fusionlab.encode.EncoderIdentity}: modality, id, weights sha256, dimension and
 *       {@link dev.fusionlab.encode.InputPipeline input pipeline}, the cache key (bump
 *       {@code ImageDecoding.VERSION}, {@link dev.fusionlab.encode.ImagePreprocessor#VERSION} or
 *       {@link dev.fusionlab.encode.TextEncoder#VERSION} when changing what that code computes)</li>
 *   <li>{@link dev.fusionlab.encode.ImageEncoder}, {@link dev.fusionlab.encode.TextEncoder}: the DJL-backed encoders</li>
 *   <li>{@link dev.fusionlab.encode.EncoderCatalog}: ids to encoders, incl. user files with a
 *       {@link dev.fusionlab.encode.ModelDescriptor}</li>
 *   <li>{@link dev.fusionlab.encode.CachingEncoder}, {@link dev.fusionlab.encode.EmbeddingCache}: content-hash cache;
 *       {@link dev.fusionlab.encode.LazyEncoder}: no model load when everything is cached</li>
 *   <li>{@link dev.fusionlab.encode.DjlRuntime}: offline mode, tracking opt-out, threads, graph optimizer</li>
 * </ul>
 */
package dev.fusionlab.encode;
