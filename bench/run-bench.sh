#!/usr/bin/env bash
# FusionLab vs Python peers (scikit-learn PCA / t-SNE, umap-learn UMAP) on the same synthetic embeddings.
# Usage: bench/run-bench.sh [pca,umap,tsne]        (default: all three; ~15 minutes on 2 cores)
# Needs: Debian's /usr/bin/python3 with python3-sklearn and umap-learn (apt-get install python3-sklearn umap-learn).
# Inputs are written once to bench/data (seeded); layouts, timings and report.md go to bench/out.
set -euo pipefail
cd "$(dirname "$0")/.."
METHODS="${1:-pca,umap,tsne}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PYTHON="${PYTHON:-/usr/bin/python3}"
DATA=bench/data
OUT=bench/out
mkdir -p "$DATA" "$OUT"

mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# the shipped OpenBLAS goes on the library path of Java only: Python's numpy must keep its own
run_java() {
  LD_LIBRARY_PATH="$PWD/target/native${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$JAVA_HOME/bin/java" -Xmx8g --enable-native-access=ALL-UNNAMED \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.fusionlab.project.bench.ProjectionBench "$@"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== inputs"
run_java generate "$DATA"
echo "== python peers ($PYTHON)"
"$PYTHON" bench/python_peers.py "$DATA" "$OUT" "$METHODS"
echo "== fusionlab"
run_java run "$DATA" "$OUT" "$METHODS"
echo "== report (load now: $(cut -d' ' -f1-3 /proc/loadavg))"
run_java report "$DATA" "$OUT"
