#!/usr/bin/env bash
# Captioning on the bundled demo: a cold run (the models are trained), a warm run (the models come from the
# cache) and a retraining with the same seed (is the result bit-identical?).
# Usage: bench/caption/run.sh [cache-dir]    (default: a fresh folder under /tmp; embeddings are encoded
# there on the first run unless it already holds them). Writes bench/caption/out/{cold,warm,retrained}.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE="${1:-$(mktemp -d /tmp/fusionlab-caption-bench.XXXXXX)}"
OUT=bench/caption/out
rm -rf "$OUT" && mkdir -p "$OUT"
export FUSIONLAB_JAVA_OPTS="-Dfusionlab.cache=$CACHE"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F), load: $(cut -d' ' -f1-3 /proc/loadavg)"
app/fusionlab --version >/dev/null   # builds the jar if needed, outside the timings
# embeddings first, so that the timings below are captioning only (encoding is measured in bench/encoder)
app/fusionlab embed --dataset demo --out "$OUT/embed" >/dev/null 2>&1
rm -rf "$CACHE/captioning"
for run in cold warm; do
  echo "== $run (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "$run: wall %e s, cpu %U s user + %S s system, max rss %M KB" \
    app/fusionlab caption --dataset demo --out "$OUT/$run" 2>"$OUT/$run.log" | tee "$OUT/$run.txt"
  tail -1 "$OUT/$run.log"
done
rm -rf "$CACHE/captioning"
echo "== retrained, same seed (load: $(cut -d' ' -f1-3 /proc/loadavg))"
app/fusionlab caption --dataset demo --out "$OUT/retrained" >"$OUT/retrained.txt" 2>"$OUT/retrained.log"
for f in captions.csv; do
  cmp -s "$OUT/cold/$f" "$OUT/retrained/$f" && echo "retrained $f: identical to the cold run's" \
    || echo "retrained $f: DIFFERS from the cold run's"
done
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
a, b = (json.load(open(f"{out}/{r}/captioning.json")) for r in ("cold", "retrained"))
print("scores identical:", a["scores"] == b["scores"])
for k, m in a["models"].items():
    p = m["provenance"]
    print(f"model {k}: {p['epochs_run']} epochs, kept {p['best_epoch']}, train {p['train_ms']/1000:.1f} s, vocabulary {p['vocabulary_size']}")
PY
echo "== done (load: $(cut -d' ' -f1-3 /proc/loadavg))"
