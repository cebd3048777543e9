#!/usr/bin/env bash
# Tray demo with the real app on a private X server: Xvfb + trayer, `sosoik --minimized`, then a synthetic
# Ctrl+Alt+Space (xdotool) must bring up the "Sosoik quick query" popup window.
#   bash tests/app/tray/tray_demo.sh [path/to/sosoik] [screenshot.png]
# Exits 0 with "SKIP: ..." when Xvfb, trayer or xdotool is missing; non-zero when a step fails.
set -euo pipefail
app=${1:-build/app/sosoik}
shot=${2:-}
for tool in Xvfb trayer xdotool xwininfo timeout; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 0; }
done
[ -x "$app" ] || { echo "FAIL: $app is not an executable (build first)"; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# -displayfd: Xvfb picks a free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")" QT_QPA_PLATFORM=xcb
mkdir -p "$work/xdg" && chmod 700 "$work/xdg"
export XDG_RUNTIME_DIR="$work/xdg" XDG_CONFIG_HOME="$work/config"

trayer --edge top --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
pids+=($!)
sleep 1

"$app" --data-dir "$work/data" --minimized >"$work/app.log" 2>&1 &
pids+=($!)

# The tray icon: a "Sosoik" window embedded in trayer's panel.
icon_in_tray() {
  local panel
  for panel in $(xdotool search --classname panel 2>/dev/null); do
    xwininfo -tree -id "$panel" 2>/dev/null | grep -q '"Sosoik"' && return 0
  done
  return 1
}
for _ in $(seq 150); do icon_in_tray && break; sleep 0.1; done
icon_in_tray || { echo "FAIL: no Sosoik icon in the tray"; cat "$work/app.log"; exit 1; }
echo "ok: the Sosoik icon is in the tray"

# The hotkey is grabbed right after the icon appears; retry the key press a few times to be safe.
shown=no
for _ in 1 2 3; do
  sleep 0.5
  xdotool key ctrl+alt+space
  if timeout 5 xdotool search --sync --onlyvisible --name 'Sosoik quick query' >/dev/null; then shown=yes; break; fi
done
[ "$shown" = yes ] || { echo "FAIL: the popup did not appear"; cat "$work/app.log"; exit 1; }
echo "ok: Ctrl+Alt+Space opened the quick-query popup"

if [ -n "$shot" ] && command -v import >/dev/null; then
  import -window root "$shot" && echo "ok: screenshot in $shot"
fi
echo "PASS"
