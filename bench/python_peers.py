#!/usr/bin/python3
"""Python peers of the FusionLab projection benchmark: scikit-learn PCA and t-SNE, umap-learn UMAP.

Reads the .npy inputs written by ProjectionBench (or bench/embeddings' embeddings.npy: every method on it), times each method on them and saves each 2D layout as
.npy next to a JSON of timings. Quality (trustworthiness) is computed afterwards by ProjectionBench for
every layout, FusionLab's and these, with the same code. Run with Debian's /usr/bin/python3
(python3-sklearn, umap-learn).
"""
import json
import os
import sys
import time

import numpy as np


def timed(label, fn, timings):
    start, cpu = time.perf_counter(), time.process_time()
    layout = fn()
    timings[label] = time.perf_counter() - start
    timings[label + "/cpu"] = time.process_time() - cpu  # all threads of the process
    print(f"  python {label}: {timings[label]:.2f} s wall, {timings[label + '/cpu']:.2f} s CPU", flush=True)
    # write as we go: a long run cut short still leaves the finished rows
    with open(os.path.join(timings["_out_dir"], "python-timings.json"), "w") as f:
        json.dump({k: v for k, v in timings.items() if not k.startswith("_")}, f, indent=2)
    return layout


def main(data_dir, out_dir, only):
    os.makedirs(out_dir, exist_ok=True)
    timings = {"_out_dir": out_dir}
    previous = os.path.join(out_dir, "python-timings.json")
    if os.path.exists(previous):  # a run of some methods keeps the other methods' earlier results
        with open(previous) as f:
            timings.update(json.load(f))
    import sklearn
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE
    versions = {"python": sys.version.split()[0], "numpy": np.__version__, "scikit-learn": sklearn.__version__}
    with open(os.path.join(out_dir, "python-versions.json"), "w") as f:
        json.dump(versions, f, indent=2)
    if "umap" in only:
        import umap
        import numba
        versions["umap-learn"] = getattr(umap, "__version__", "?")
        versions["numba"] = numba.__version__
        # umap-learn compiles its numba kernels on first use: time that apart, on a tiny input
        rng = np.random.default_rng(0)
        start = time.perf_counter()
        umap.UMAP().fit_transform(rng.normal(size=(300, 16)).astype(np.float32))
        timings["umap_numba_warmup"] = time.perf_counter() - start
        print(f"  python umap numba warm-up: {timings['umap_numba_warmup']:.2f} s", flush=True)

    for name in sorted(os.listdir(data_dir)):
        if not name.endswith(".npy"):
            continue
        stem = name[:-4]
        # bench/embeddings: one embeddings.npy (float32) that every method runs on
        both = stem == "embeddings"
        x = np.load(os.path.join(data_dir, name), mmap_mode="r" if both else None)
        if both:
            x = np.ascontiguousarray(x)
            print(f"  python loaded {stem}: {x.shape} {x.dtype}", flush=True)
        jobs = []
        if (both or stem.startswith("pca-")) and "pca" in only:
            def pca():
                model = PCA(n_components=2, random_state=42)
                layout = model.fit_transform(x)
                timings[f"pca/{stem}/explained_variance_ratio"] = model.explained_variance_ratio_.tolist()
                return layout
            jobs.append(("pca", pca))
        if (both or stem.startswith("emb-")) and "umap" in only:
            # no random_state: umap-learn then runs multithreaded (with a seed it runs single-threaded)
            jobs.append(("umap", lambda: umap.UMAP(n_neighbors=15, min_dist=0.1).fit_transform(x)))
        if (both or stem.startswith("emb-")) and "tsne" in only:
            jobs.append(("tsne", lambda: TSNE(n_components=2, perplexity=30, init="pca", learning_rate="auto",
                                              random_state=42, n_jobs=-1,
                                              verbose=int(os.environ.get("PEERS_VERBOSE", "0"))).fit_transform(x)))
        for method, fn in jobs:
            layout = timed(f"{method}/{stem}", fn, timings)
            np.save(os.path.join(out_dir, f"python-{method}-{stem}.npy"), np.asarray(layout, dtype=np.float64))

    with open(os.path.join(out_dir, "python-versions.json"), "w") as f:
        json.dump(versions, f, indent=2)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: python_peers.py DATA_DIR OUT_DIR [pca,umap,tsne]")
    main(sys.argv[1], sys.argv[2], sys.argv[3].split(",") if len(sys.argv) > 3 else ["pca", "umap", "tsne"])
