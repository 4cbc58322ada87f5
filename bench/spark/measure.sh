#!/usr/bin/env bash
# The measurement of bench/spark/RESULTS.md: the whole demo (1,906 rows) at local[1] and local[2], each with
# an empty embedding cache, 4 partitions; wall and CPU seconds of the whole process, load average before/after.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${1:-/tmp/fusionlab-spark-bench}"
rm -rf "$work" && mkdir -p "$work"
echo "$(date -u '+%F %T UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for master in 'local[1]' 'local[2]'; do
  tag="${master//[^0-9]/}"
  echo "== $master, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "process: wall %e s, user %U s, sys %S s, max rss %M KB" \
    "$here/run.sh" "$master" --dataset demo --out "$work/out-$tag" --cache-dir "$work/cache-$tag" --partitions 4 \
    2>&1 | grep -E "^fusionlab-spark|^process"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
