#!/usr/bin/env bash
# Tray demo with the real app on a private X server: Xvfb + trayer, `sosoik --minimized`, then a synthetic
# Ctrl+Alt+Space (xdotool) must bring up the "Sosoik quick query" popup window.
#   bash tests/app/tray/tray_demo.sh [path/to/sosoik] [screenshot.png]
# Exits 0 with "SKIP: ..." when Xvfb, trayer or xdotool is missing; non-zero when a step fails.
set -euo pipefail
app=${1:-build/app/sosoik}
shot=${2:-}
source "$(dirname "$0")/../support/xvfb_session.sh"
xvfb_require Xvfb trayer xdotool xwininfo timeout
[ -x "$app" ] || { echo "FAIL: $app is not an executable (build first)"; exit 1; }

xvfb_workdir
xvfb_start 1280x800
xvfb_start_trayer

xvfb_launch "$app" --data-dir "$work/data" --minimized

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
