# Shared start-up for the scripts that drive the real app on a private X server (tray_demo.sh,
# models_page_demo.sh, theme_screenshots.sh, settings_screenshots.sh): sourced, not run.
#   xvfb_require Xvfb xdotool ...   exit 0 with "SKIP: <tool> is not installed" when one is missing
#   xvfb_workdir                    $work: a fresh folder, removed with every started process on exit
#   xvfb_start 1100x720             Xvfb on a free display; DISPLAY, xcb, no platform theme, and the
#                                   XDG folders inside $work (a fresh profile, runtime dir 0700)
#   xvfb_start_trayer               a system tray (trayer) for the tray icon
#   xvfb_launch <app> <args...>     the app in the background ($app_pid), output to $work/app.log
#   xvfb_main_window [1100x720]     waits for the visible "Sosoik" window, puts it at 0,0 with that
#                                   size; its id in $win
# The caller sets `set -euo pipefail` and then HOME, SOSOIK_MODELS_DIR etc. as it needs.

xvfb_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 0; }
  done
}

pids=()
_xvfb_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${work:-}" ] && rm -rf "$work"
}

xvfb_workdir() {
  work=$(mktemp -d)
  trap _xvfb_cleanup EXIT
}

xvfb_start() {
  xvfb_size=${1:-1280x800}
  # -displayfd: Xvfb picks a free display number and writes it to fd 3.
  Xvfb -displayfd 3 -screen 0 "${xvfb_size}x24" -nolisten tcp 3>"$work/display" 2>/dev/null &
  pids+=($!)
  local _
  for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || { echo "FAIL: Xvfb did not start"; exit 1; }
  export DISPLAY=":$(cat "$work/display")" QT_QPA_PLATFORM=xcb
  # No platform theme: what a user of a bare X session (or a desktop Qt does not know) sees.
  unset QT_QPA_PLATFORMTHEME
  mkdir -p "$work/xdg" && chmod 700 "$work/xdg"
  export XDG_RUNTIME_DIR="$work/xdg" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/xdgdata"
}

xvfb_start_trayer() {
  trayer --edge top --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
  pids+=($!)
  sleep 1
}

xvfb_launch() {
  local app=$1
  shift
  "$app" "$@" >>"$work/app.log" 2>&1 &
  app_pid=$!
  pids+=($app_pid)
}

xvfb_main_window() {
  local size=${1:-1100x720}
  win=$(timeout 60 xdotool search --sync --onlyvisible --name 'Sosoik' | head -1) || {
    echo "FAIL: no main window"; cat "$work/app.log"; exit 1; }
  xdotool windowmove "$win" 0 0 windowsize "$win" "${size%x*}" "${size#*x}"
  sleep 3
}
