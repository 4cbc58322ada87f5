#!/usr/bin/env bash
# Builds FusionLab's Spark job (mvn -Pspark package: target/spark/fusionlab.jar + target/spark/lib) and runs
# it through spark-submit's own entry point, org.apache.spark.deploy.SparkSubmit, taken from the Spark jars
# Maven resolved: no Spark installation is needed on a laptop. On a cluster use the real spark-submit with
# the same arguments (docs/spark.md).
#
#   bench/spark/run.sh [MASTER] [job options]
#   bench/spark/run.sh                                   # local[2], the demo, into target/spark/out
#   bench/spark/run.sh 'local[1]' --dataset demo --out /tmp/enc --cache-dir /tmp/cache --overwrite
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
cd "$home"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"

master="${1:-local[2]}"
[[ $# -gt 0 ]] && shift
args=("$@")
(( ${#args[@]} )) || args=(--dataset demo --out target/spark/out --overwrite)

jar=target/spark/fusionlab.jar
if [[ ! -f "$jar" || -n "$(find src/main src/spark pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "spark: building the job (mvn -Pspark package) ..." >&2
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B -q -Pspark -DskipTests package >&2
fi
# Spark alone (bench/spark/spark-runtime.pom.xml), as an installation's jars/ folder: the job's jars go on top.
cp_file=target/spark/spark-classpath.txt
if [[ ! -f "$cp_file" || "$here/spark-runtime.pom.xml" -nt "$cp_file" ]]; then
  mvn -B -q -f "$here/spark-runtime.pom.xml" dependency:build-classpath -Dmdep.outputFile="$home/$cp_file" >&2
fi
jars="$(ls target/spark/lib/*.jar | paste -sd, -)"

# Spark's --add-opens list (org.apache.spark.launcher.JavaModuleOptions); spark-submit adds it by itself.
opens=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true
  --enable-native-access=ALL-UNNAMED)

# As app/fusionlab: libtorch's idle OpenMP workers must not spin; keep freed native memory (bench/encoder).
export OPT_OUT_TRACKING=true OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-4294967296}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"

exec "$java" "${opens[@]}" -Xmx${SPARK_DRIVER_MEMORY:-4g} -Dai.djl.offline=true -Djava.awt.headless=true \
  -Dfusionlab.home="$home" -cp "$(cat "$cp_file")" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --class dev.fusionlab.spark.SparkEncodeJob --jars "$jars" \
  --conf spark.ui.enabled=false "$jar" "${args[@]}"
