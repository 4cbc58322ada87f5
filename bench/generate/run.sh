#!/usr/bin/env bash
# Training time of the multimodal VAE on the bundled demo (bench/generate/RESULTS.md).
# Usage: bench/generate/run.sh [image size] [max epochs] [anneal epochs]   (default: 32 60 10)
# Threads: FUSIONLAB_MVAE_THREADS (default 1). Embeddings come from the FusionLab cache after a first run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -q -B -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
export OMP_WAIT_POLICY=PASSIVE MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 \
  MALLOC_TOP_PAD_=268435456 MALLOC_ARENA_MAX=1 OPT_OUT_TRACKING=true
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
LD_LIBRARY_PATH="$PWD/target/native" "$JAVA_HOME/bin/java" -Xmx6g --enable-native-access=ALL-UNNAMED \
  -Dai.djl.offline=true -Dfusionlab.mvae.threads="${FUSIONLAB_MVAE_THREADS:-1}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.fusionlab.generate.MvaeBench "${1:-32}" "${2:-60}" "${3:-10}"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
