#!/usr/bin/env python3
"""Synthetic embeddings for the bring-your-own-embeddings benchmark (not committed: 1.5 GB at 1M x 384).

A mixture of Gaussian clusters on a low-dimensional manifold embedded in D dimensions, like real
sentence/image embeddings (which have a low intrinsic dimension): every cluster centre lies in a random
16-d subspace, each point is its centre plus structured noise, float32, C order.

    python3 bench/embeddings/generate.py --rows 1000000 --dims 384 --out /tmp/emb1m
writes <out>/embeddings.npy, <out>/metadata.tsv (id, label, caption, split, score) and, with --text,
a second modality <out>/text.npy (a noisy linear map of the first, so fusion and retrieval have signal).
Seeded: the same arguments give the same bytes.
"""
import argparse
import os

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--dims", type=int, default=384)
    ap.add_argument("--clusters", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--text", action="store_true", help="also write text.npy, a second modality")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = np.random.default_rng(a.seed)
    latent = 16
    basis = rng.standard_normal((latent, a.dims)).astype(np.float32) / np.sqrt(latent)
    centres = rng.standard_normal((a.clusters, latent)).astype(np.float32) * 2.5
    labels = rng.integers(0, a.clusters, a.rows)
    chunk = 100_000
    header_out = np.lib.format.open_memmap(os.path.join(a.out, "embeddings.npy"), mode="w+", dtype=np.float32,
                                           shape=(a.rows, a.dims))
    text_out = None
    if a.text:
        mix = rng.standard_normal((a.dims, a.dims)).astype(np.float32) / np.sqrt(a.dims)
        text_out = np.lib.format.open_memmap(os.path.join(a.out, "text.npy"), mode="w+", dtype=np.float32,
                                             shape=(a.rows, a.dims))
    for start in range(0, a.rows, chunk):
        end = min(a.rows, start + chunk)
        z = centres[labels[start:end]] + rng.standard_normal((end - start, latent)).astype(np.float32)
        x = z @ basis + 0.15 * rng.standard_normal((end - start, a.dims)).astype(np.float32)
        header_out[start:end] = x
        if text_out is not None:
            text_out[start:end] = x @ mix + 0.3 * rng.standard_normal((end - start, a.dims)).astype(np.float32)
    header_out.flush()
    if text_out is not None:
        text_out.flush()
    splits = np.array(["train", "validation", "test"])[rng.choice(3, a.rows, p=[0.7, 0.15, 0.15])]
    score = rng.random(a.rows)
    with open(os.path.join(a.out, "metadata.tsv"), "w") as f:
        f.write("id\tlabel\tcaption\tsplit\tscore\n")
        for i in range(a.rows):
            f.write(f"p{i}\tcluster{labels[i]:02d}\tpoint {i} of cluster {labels[i]}\t{splits[i]}\t{score[i]:.4f}\n")
    print(f"wrote {a.rows} x {a.dims} to {a.out}")


if __name__ == "__main__":
    main()
