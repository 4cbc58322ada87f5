#!/usr/bin/env bash
# Opens the workbench on a virtual display (Xvfb), shows what JavaFX prints at start, presses Ctrl+R
# (Run), closes the window mid-run the way a window manager's close button does (WM_DELETE_WINDOW) and
# times how long the process takes to end. Needs Xvfb, xdotool, gcc and libX11 headers.
#   bench/gui/close-during-run.sh [--no-run]
set -uo pipefail
cd "$(dirname "$0")/../.."
out=target/close-check && mkdir -p "$out"
gcc -o "$out/wm-delete-window" bench/gui/wm-delete-window.c -lX11 || exit 2
display=:$((90 + RANDOM % 400))
Xvfb "$display" -screen 0 1600x1000x24 >"$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null' EXIT
sleep 2
export DISPLAY=$display
app/fusionlab >"$out/app.log" 2>&1 &
app=$!
w=""
for _ in $(seq 1 90); do
  w=$(xdotool search --name '^FusionLab$' 2>/dev/null | head -1)
  [[ -n "$w" ]] && break
  sleep 1
done
[[ -n "$w" ]] || { echo "no window"; kill $app; cat "$out/app.log"; exit 1; }
sleep 8 # the demo loads
if [[ "${1:-}" != --no-run ]]; then
  xdotool key --window "$w" ctrl+r
  sleep 6 # the run is encoding
fi
start=$(date +%s%N)
"$out/wm-delete-window" "$w"
( sleep 10; kill $app 2>/dev/null ) & killer=$!
wait $app; status=$?
end=$(date +%s%N)
kill $killer 2>/dev/null
echo "exit status $status, $(( (end - start) / 1000000 )) ms from close to exit"
echo "--- JavaFX and GTK lines printed:"; grep -iE "javafx|gdk|gtk|unsupported" "$out/app.log" || echo "(none)"
