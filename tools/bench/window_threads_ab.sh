#!/usr/bin/env bash
# Where the CPU goes while the window answers, against `sosoik-cli run` (issue #13): the CLI and the windows
# of two builds (A, B: folders holding sosoik and sosoik-cli) interleaved, per round: the engine's tok/s,
# the CPU of the engine's threads, of the UI thread, its wake-ups (voluntary context switches) and
# involuntary switches of the engine's threads, read from /proc/<pid>/task/* around the answer. CPU
# seconds are the steady numbers on a shared machine; wall tok/s are not (see docs/PERFORMANCE.md).
#
#   tools/bench/window_threads_ab.sh A_DIR B_DIR MODEL.gguf [ROUNDS] [TOKENS]
# Needs Xvfb and xdotool. The CLI is B's.
set -uo pipefail
# snap PID: "tid comm ticks voluntary involuntary" per thread (bash builtins: cheap enough to poll)
snap() {
  local t s comm rest k v vol nv
  local -a f
  for t in /proc/$1/task/*; do
    read -r s <"$t/stat" 2>/dev/null || continue
    comm=${s#*(}; comm=${comm%)*}; rest=${s##*) }; f=($rest); vol=0; nv=0
    while read -r k v; do case $k in voluntary_ctxt_switches:) vol=$v ;; nonvoluntary_ctxt_switches:) nv=$v ;; esac; done <"$t/status" 2>/dev/null
    echo "${t##*/} ${comm// /_} $((f[11] + f[12])) $vol $nv"
  done
}
A=$1; B=$2; model=$(realpath "$3"); rounds=${4:-3}; tokens=${5:-200}
prompt="Tell me a story about a little dog who finds a red ball"; system="You are a helpful assistant."
work=$(mktemp -d)
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")" QT_QPA_PLATFORM=xcb
unset QT_QPA_PLATFORMTHEME
export XDG_RUNTIME_DIR="$work/run" && mkdir -m 700 "$XDG_RUNTIME_DIR"
# engine = threads not named like Qt's; ui = main thread
summarize() { # file with "tid comm ticks vol invol" lines, main tid -> "engine_ticks ui_ticks ui_vol engine_invol"
  awk -v main="$2" '{ if ($1 == main && $2 != "sosoik-cli") {ui+=$3; uv+=$4} else if ($2 ~ /^sosoik/) {e+=$3; ei+=$5} else o+=$3 }
    END {printf "engine %.2fs ui %.2fs other %.2fs ui_wakes %d engine_preempt %d", e/100, ui/100, o/100, uv, ei}' "$1"; }
cli_run() {
  "$B/sosoik-cli" run -m "$model" --chat --system "$system" -p "$prompt" -n "$tokens" --temp 0 --repeat-penalty 1.1 >/dev/null 2>"$work/cli.err" &
  local pid=$!
  while kill -0 $pid 2>/dev/null; do snap $pid > "$work/cli.snap.tmp" 2>/dev/null && cp "$work/cli.snap.tmp" "$work/cli.snap"; sleep 0.1; done
  wait $pid
  local tps; tps=$(sed -n 's/.*generated \([0-9]*\) tokens in .* (\([0-9.]*\) tok\/s).*/\2/p' "$work/cli.err")
  echo "cli   $tps tok/s  $(summarize "$work/cli.snap" $pid)"
}
gui_run() { # label appdir
  local profile="$work/profile-$RANDOM" log="$work/gui.log"
  mkdir -p "$profile"
  printf '[generation]\ntemperature=0\nmaxNewTokens=%s\nsystemPrompt=%s\n[engine]\nreopenLastModel=false\n' "$tokens" "$system" >"$profile/settings.ini"
  QT_LOGGING_RULES="sosoik.stats.info=true" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" "$2/sosoik" --data-dir "$profile" "$model" >"$log" 2>&1 &
  local pid=$!
  local win; win=$(xdotool search --sync --onlyvisible --name '^Sosoik$' | head -1)
  sleep 3
  eval "$(xdotool getwindowgeometry --shell "$win")"
  xdotool mousemove $((X + WIDTH * 6 / 10)) $((Y + HEIGHT - 34)) click 1
  sleep 0.3
  xdotool type --delay 20 "$prompt"
  sleep 0.5
  snap $pid > "$work/g0"; snap $xvfb_pid > "$work/x0"
  xdotool key Return
  for _ in $(seq 1200); do grep -q "answer:" "$log" && break; sleep 0.05; done
  snap $pid > "$work/g1"; snap $xvfb_pid > "$work/x1"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  local tps; tps=$(sed -n 's/.*generated \([0-9]*\) tokens (\([0-9.]*\) tok\/s).*/\2/p' "$log" | head -1)
  awk 'NR==FNR {a[$1]=$3; b[$1]=$4; c[$1]=$5; next} {print $1, $2, $3-a[$1], $4-b[$1], $5-c[$1]}' "$work/g0" "$work/g1" > "$work/gd"
  local xv; xv=$(awk 'NR==FNR {a[$1]=$3; next} {s+=$3-a[$1]} END {printf "%.2f", s/100}' "$work/x0" "$work/x1")
  echo "gui$1  $tps tok/s  $(summarize "$work/gd" $pid) xvfb ${xv}s"
}
echo "A=$A B=$B tokens=$tokens rounds=$rounds; start $(date -u +%H:%M) load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  echo "-- round $r load $(cut -d' ' -f1-3 /proc/loadavg)"
  if (( r % 2 )); then cli_run; gui_run A "$A"; gui_run B "$B"; else gui_run B "$B"; gui_run A "$A"; cli_run; fi
done
echo "end $(date -u +%H:%M) load $(cut -d' ' -f1-3 /proc/loadavg)"
