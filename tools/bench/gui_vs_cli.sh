#!/usr/bin/env bash
# Streaming speed of the GUI against `sosoik-cli run` on the same model, prompt and settings
# (issue #13: the window generated ~3x slower than the CLI on a 2-core machine, where the UI thread
# and the engine share the cores). Interleaved rounds, one machine, one run: compare within it.
#
#   tools/bench/gui_vs_cli.sh BUILD_DIR MODEL.gguf [ROUNDS] [TOKENS]
#
# The GUI runs for real under a private Xvfb display with a fresh profile (greedy, TOKENS new
# tokens); the prompt is typed with xdotool; the engine's own tokens/s for the answer is read from
# the app's "sosoik.stats" log. The CLI gets the same chat template, system prompt and settings.
# Needs Xvfb and xdotool. Prints one line per run and the medians.
set -euo pipefail
build=${1:?usage: gui_vs_cli.sh BUILD_DIR MODEL.gguf [ROUNDS] [TOKENS]}
model=$(realpath "${2:?model}")
rounds=${3:-3}
tokens=${4:-200}
prompt="Tell me a story about a little dog who finds a red ball"
system="You are a helpful assistant."
app="$build/app/sosoik"
cli="$build/app/sosoik-cli"
for tool in Xvfb xdotool; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done

work=$(mktemp -d)
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")" QT_QPA_PLATFORM=xcb
unset QT_QPA_PLATFORMTHEME
export XDG_RUNTIME_DIR="$work/run" && mkdir -m 700 "$XDG_RUNTIME_DIR"

cli_run() {
  "$cli" run -m "$model" --chat --system "$system" -p "$prompt" -n "$tokens" --temp 0 --repeat-penalty 1.1 \
    2>&1 >/dev/null | sed -n 's/.*generated \([0-9]*\) tokens in .* (\([0-9.]*\) tok\/s).*/\2 \1/p'
}

gui_run() {
  local profile="$work/profile-$1" log="$work/gui-$1.log"
  mkdir -p "$profile"
  printf '[generation]\ntemperature=0\nmaxNewTokens=%s\nsystemPrompt=%s\n[engine]\nreopenLastModel=false\n' \
    "$tokens" "$system" >"$profile/settings.ini"
  QT_LOGGING_RULES="sosoik.stats.info=true" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    "$app" --data-dir "$profile" "$model" >"$log" 2>&1 &
  local pid=$!
  local win
  win=$(xdotool search --sync --onlyvisible --name '^Sosoik$' | head -1)
  sleep 3 # the model loads
  eval "$(xdotool getwindowgeometry --shell "$win")"
  xdotool mousemove $((X + WIDTH * 6 / 10)) $((Y + HEIGHT - 34)) click 1
  sleep 0.3
  xdotool type --delay 20 "$prompt"
  xdotool key Return
  for _ in $(seq 600); do grep -q "answer:" "$log" && break; sleep 0.2; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed -n 's/.*generated \([0-9]*\) tokens (\([0-9.]*\) tok\/s).*/\2 \1/p' "$log" | head -1
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "model $(basename "$model"), $tokens tokens, greedy, $rounds interleaved rounds"
: >"$work/cli" && : >"$work/gui"
for r in $(seq "$rounds"); do
  read -r c cn <<<"$(cli_run)"
  read -r g gn <<<"$(gui_run "$r")"
  echo "round $r: cli ${c:-?} tok/s (${cn:-?} tokens)  gui ${g:-?} tok/s (${gn:-?} tokens)"
  [ -n "${c:-}" ] && echo "$c" >>"$work/cli"
  [ -n "${g:-}" ] && echo "$g" >>"$work/gui"
done
cm=$(median <"$work/cli")
gm=$(median <"$work/gui")
echo "median: cli $cm tok/s, gui $gm tok/s, gui/cli $(awk -v g="$gm" -v c="$cm" 'BEGIN {printf "%.2f", g / c}')"
