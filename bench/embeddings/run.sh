#!/usr/bin/env bash
# Bring-your-own-embeddings benchmark: open, first layout, UMAP/t-SNE in the background with the view's
# interaction measured meanwhile, trustworthiness, peak memory. Results: bench/embeddings/RESULTS.md.
# Usage: bench/embeddings/run.sh ROWS [methods] [heap]     e.g. bench/embeddings/run.sh 1000000 umap 10g
# BENCH_JAVA_OPTS='-Dbench.fullPca=false -Dbench.stopAfterInteraction=true': skip the full-PCA comparison; stop
# each method after the minute of interaction (frames measured while it runs, the method not finished).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-100000}"; METHODS="${2:-umap,tsne}"; HEAP="${3:-8g}"
DATA="${BENCH_DATA:-/tmp/fusionlab-embeddings-bench}/$ROWS"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -f "$DATA/embeddings.npy" ]] || python3 bench/embeddings/generate.py --rows "$ROWS" --dims 384 --out "$DATA"
[[ -f target/bench.classpath ]] || mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
mvn -q -B -o test-compile
# run from a copy, so that a rebuild while the benchmark runs cannot pull classes from under it
CLASSES="$(mktemp -d)"; trap 'rm -rf "$CLASSES"' EXIT
cp -r target/classes "$CLASSES/main"; cp -r target/test-classes "$CLASSES/test"
echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
LD_LIBRARY_PATH="$PWD/target/native${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" /usr/bin/time -v "$JAVA_HOME/bin/java" -Xmx"$HEAP" --add-modules jdk.incubator.vector ${BENCH_JAVA_OPTS:-} \
  --enable-native-access=ALL-UNNAMED -cp "$CLASSES/test:$CLASSES/main:$(cat target/bench.classpath)" \
  dev.fusionlab.embeddings.bench.EmbeddingBench "$DATA/embeddings.npy" "$DATA/metadata.tsv" "$METHODS" 2>&1 \
  | grep --line-buffered -v '^\s*\(Average\|Command being\|Exit\|Swaps\|File sys\|Socket\|Signals\|Page size\|Minor\|Major\|Voluntary\|Invol\|Percent\)'
