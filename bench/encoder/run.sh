#!/usr/bin/env bash
# Reproduces bench/encoder/RESULTS.md. Run from the repository root after `mvn -q -B -o compile`.
# Needs Debian's python3-torch for the Python figure: apt-get install -y python3-torch
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BATCH=${BATCH:-32}
ITER=${ITER:-10}
THREADS=${THREADS:-2}
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:$(cat target/bench-classpath.txt)"
run_java() {
  "$JAVA_HOME/bin/java" -Xmx4g -Dfusionlab.threads="$THREADS" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
    -cp "$CP" dev.fusionlab.encode.bench.EncoderBenchmark "${BENCH_ARGS[@]}"
}
echo "== DJL PyTorch, graph optimizer off (FusionLab default)"
BENCH_ARGS=(pt "$BATCH" "$ITER"); run_java -Dai.djl.pytorch.graph_optimizer=false
echo "== DJL PyTorch, graph optimizer on (DJL default)"
BENCH_ARGS=(pt "$BATCH" "$ITER"); run_java -Dai.djl.pytorch.graph_optimizer=true
echo "== DJL OnnxRuntime"
BENCH_ARGS=(onnx "$BATCH" "$ITER"); run_java
echo "== Python torch (Debian python3-torch)"
/usr/bin/python3 bench/encoder/torch_bench.py assets/models/mobilenet_v2.pt "$BATCH" "$ITER" "$THREADS"
