#!/usr/bin/env bash
# Reproduces bench/encoder/RESULTS.md. Run from the repository root after `mvn -q -B -o test-compile`
# (the benchmark lives with the tests, in target/test-classes).
# Needs Debian's python3-torch for the Python figure: apt-get install -y python3-torch
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# the environment app/fusionlab runs FusionLab in (see the comments there); Python gets the same
export OMP_WAIT_POLICY=PASSIVE MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296
export MALLOC_TOP_PAD_=268435456 MALLOC_ARENA_MAX=1
BATCH=${BATCH:-8}
ITER=${ITER:-64}
THREADS=${THREADS:-2}
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
run_java() {
  "$JAVA_HOME/bin/java" -Xmx4g -Dfusionlab.threads="$THREADS" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
    -cp "$CP" dev.fusionlab.encode.bench.EncoderBenchmark "${BENCH_ARGS[@]}"
}
echo "== DJL PyTorch, channels-last input, graph optimizer off (FusionLab default)"
BENCH_ARGS=(pt "$BATCH" "$ITER"); run_java
echo "== DJL PyTorch, contiguous NCHW input"
BENCH_ARGS=(pt "$BATCH" "$ITER"); run_java -Dfusionlab.bench.layout=CHANNELS_FIRST
echo "== DJL PyTorch, channels-last input, graph optimizer on (DJL default)"
BENCH_ARGS=(pt "$BATCH" "$ITER"); run_java -Dai.djl.pytorch.graph_optimizer=true
echo "== DJL OnnxRuntime"
BENCH_ARGS=(onnx "$BATCH" "$ITER"); run_java
echo "== Python torch (Debian python3-torch), contiguous NCHW input (a plain torch.stack of images)"
/usr/bin/python3 bench/encoder/torch_bench.py assets/models/mobilenet_v2.pt "$BATCH" "$ITER" "$THREADS"
echo "== Python torch, channels-last input"
/usr/bin/python3 bench/encoder/torch_bench.py assets/models/mobilenet_v2.pt "$BATCH" "$ITER" "$THREADS" channels_last
