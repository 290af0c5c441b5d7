#!/usr/bin/env bash
# A new project created, imported into, saved and reopened in the real window, under a virtual
# X server with no desktop portal and no zenity — the machines where the system's file dialogs
# fail without a word. Everything is done with the keyboard, as a user without a mouse would:
#
#   glose (no file) → Ctrl+I → type the seed article's path, Enter → preview, Enter (Import)
#   → Ctrl+S → type where to save, Enter, Enter → Ctrl+Q; then `glose PROJECT` again, and the
#   saved file is checked with `glose articles --json` and `glose validate`.
#
#   scripts/xvfb-new-project.sh [target/release/glose]
#
# Exit 0 when the saved project holds the article and opens again; 1 otherwise (with a
# screenshot of the window in the temporary folder when one can be taken).
# Installs xvfb, xdotool and x11-utils with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
glose=${1:-target/release/glose}
[[ -x $glose ]] || { echo "xvfb-new-project: build first (cargo build --release)" >&2; exit 2; }
glose=$(realpath "$glose")

need=()
for p in xvfb xdotool x11-utils xauth; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
seed=$(realpath projects/articles/seed-fr-ia-geopolitique.txt)
saved=$work/terrain.ron

# No desktop portal (no session bus) and no zenity on the PATH.
unset DBUS_SESSION_BUS_ADDRESS
path=""
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do [[ -x $d/zenity ]] || path=${path:+$path:}$d; done
export PATH=$path
export GLOSE_DATA_DIR=$work/data XDG_DATA_HOME=$work/share XDG_CONFIG_HOME=$work/config HOME=$work
command -v zenity >/dev/null && { echo "xvfb-new-project: zenity still on the PATH" >&2; exit 2; }

n=90
while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
  [[ -n $app ]] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

# Starts the window (arguments: glose's), waits for it and gives it the keyboard.
start() {
  WAYLAND_DISPLAY= "$glose" "$@" </dev/null >>"$work/log" 2>&1 &
  app=$!
  win=""
  for _ in $(seq 120); do
    win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
    [[ -n $win ]] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  [[ -n $win ]] || { echo "xvfb-new-project: no window appeared" >&2; cat "$work/log" >&2; exit 1; }
  sleep 2
  xdotool windowfocus --sync "$win" 2>/dev/null || true
}
keys() { for k in "$@"; do xdotool key --clearmodifiers "$k"; sleep 0.6; done; }
type_text() { xdotool type --delay 5 "$1"; sleep 0.6; }
shot() { command -v import >/dev/null && import -window root "$work/$1.png" 2>/dev/null && echo "  picture: $work/$1.png" || true; }
fail() { echo "xvfb-new-project: $1" >&2; shot failure; cat "$work/log" >&2; exit 1; }

echo "== a new project, with no portal and no zenity"
start
keys ctrl+i
type_text "$seed"
keys Return
sleep 2 # the preview reads the file in the background
keys Return
keys ctrl+s
type_text "$saved"
keys Return Return
for _ in $(seq 40); do [[ -s $saved ]] && break; sleep 0.25; done
[[ -s $saved ]] || fail "nothing was saved at $saved"
keys ctrl+q
for _ in $(seq 40); do kill -0 "$app" 2>/dev/null || break; sleep 0.25; done
kill -0 "$app" 2>/dev/null && fail "the window did not close after saving"
app=""

echo "== the saved project"
"$glose" validate "$saved"
articles=$("$glose" articles "$saved" --json)
echo "$articles" | grep -q '"id"' || fail "no article in $saved"
count=$(echo "$articles" | grep -o '"id"' | wc -l)
[[ $count -eq 1 ]] || fail "$count articles in $saved (expected the seed article)"
ls "$GLOSE_DATA_DIR" 2>/dev/null | grep -q untitled && fail "the never-saved project's scratch file was left behind"

echo "== reopened in the window"
start "$saved"
kill -0 "$app" 2>/dev/null || fail "the window closed on the saved project"
shot reopened
echo "xvfb-new-project: created, imported into, saved and reopened ($count article) — ok"
