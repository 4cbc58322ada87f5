#!/usr/bin/env python3
"""MobileNetV2 TorchScript throughput in Python torch, same protocol as EncoderBenchmark.java.

Usage: /usr/bin/python3 torch_bench.py MODEL.pt [BATCH] [ITERATIONS] [THREADS] [LAYOUT]

LAYOUT: contiguous (default, what a plain torch.rand/stack gives) or channels_last.
"""
import sys
import time

import torch

model_path = sys.argv[1]
batch = int(sys.argv[2]) if len(sys.argv) > 2 else 32
iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 10
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
layout = sys.argv[5] if len(sys.argv) > 5 else "contiguous"

torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
model = torch.jit.load(model_path).eval()
g = torch.Generator().manual_seed(42)
x = torch.rand(batch, 3, 224, 224, generator=g)
if layout == "channels_last":
    x = x.contiguous(memory_format=torch.channels_last)
print(f"torch {torch.__version__} batch={batch} threads={torch.get_num_threads()} layout={layout}")
times = []
with torch.inference_mode():
    for i in range(iterations + 3):
        if i == 3:
            cpu0 = time.process_time()
        t0 = time.perf_counter()
        model(x)[0].numpy()
        times.append(time.perf_counter() - t0)
        if i < 3:
            print(f"batch {i + 1}: {times[-1]:.3f} s")
steady = sum(times[3:])
cpu = time.process_time() - cpu0
print(f"model only, steady state: {iterations * batch / steady:.1f} images/s "
      f"({steady / iterations:.3f} s per batch of {batch}), {iterations * batch / cpu:.2f} images per CPU-second")
