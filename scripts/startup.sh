#!/usr/bin/env bash
# Cold start of the window to its first frame on screen, under Xvfb with software OpenGL
# (Mesa llvmpipe), measured by the app itself (GLOSE_STARTUP_PROBE=1 prints the time and quits).
#   scripts/startup.sh [PROJECT.ron] [RUNS]     (default: projects/example.ron, 5 runs)
# Needs a release build (cargo build --release) and Xvfb (apt-get install xvfb x11-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-projects/example.ron}
runs=${2:-5}
n=95
while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done
times=()
for _ in $(seq "$runs"); do
    # A copy, so that no lock or journal of a real project is touched.
    tmp=$(mktemp -d)
    cp "$project" "$tmp/p.ron"
    line=$(WAYLAND_DISPLAY= GLOSE_STARTUP_PROBE=1 timeout 60 target/release/glose "$tmp/p.ron" 2>&1 </dev/null | grep 'first frame' || true)
    rm -rf "$tmp"
    ms=$(grep -o '[0-9]* ms' <<<"$line" | grep -o '[0-9]*' || echo '?')
    times+=("$ms")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")
echo "$project: first frame on screen after ${times[*]} ms (median $median ms)"
