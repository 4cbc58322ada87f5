#!/usr/bin/env bash
# Rebuilds assets/datasets/emoji from the npm package emoji-datasource-google (needs npm, Maven, Java 25).
# Usage: tools/build-emoji-dataset.sh [output folder, default assets/datasets/emoji]
set -euo pipefail

VERSION=16.0.0
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUTPUT="${1:-$ROOT/assets/datasets/emoji}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "emoji-datasource-google@$VERSION" >/dev/null)
tar -xzf "$WORK/emoji-datasource-google-$VERSION.tgz" -C "$WORK"

cd "$ROOT"
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt"
mkdir -p "$OUTPUT"
java -cp "target/classes:$(cat "$WORK/classpath.txt")" dev.fusionlab.data.demo.EmojiDemoBuilder "$WORK/package" "$OUTPUT"
du -sh "$OUTPUT"
