#!/usr/bin/env bash
# The main window in light or dark colours, English or Korean, as a user sees it: the real app on a
# private X server without a platform theme, a fresh profile holding one conversation with a thinking
# block and highlighted code (written into the app's database between two launches), the thinking
# section unfolded by a click. For docs/screenshots/ (#21).
#   bash tests/app/theme/theme_screenshots.sh [path/to/sosoik] [en|ko] [light|dark] [out.png]
# Exits 0 with "SKIP: ..." when Xvfb, xdotool, import or sqlite3 is missing; non-zero when a step fails.
set -euo pipefail
app=${1:-build/app/sosoik}
lang=${2:-en}
scheme=${3:-dark}
out=${4:-theme-$lang-$scheme.png}
source "$(dirname "$0")/../support/xvfb_session.sh"
xvfb_require Xvfb xdotool import sqlite3 timeout
[ -x "$app" ] || { echo "FAIL: $app is not an executable (build first)"; exit 1; }

xvfb_workdir
mkdir -p "$work/data" "$work/models"
printf '[ui]\nlanguage=%s\ncolorScheme=%s\n[engine]\nreopenLastModel=false\n' "$lang" "$scheme" \
  >"$work/data/settings.ini"

xvfb_start 1100x720
export SOSOIK_MODELS_DIR="$work/models" HOME="$work/home"

start_app() {
  xvfb_launch "$app" --data-dir "$work/data"
  xvfb_main_window 1100x720
}

start_app # creates the database
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true

if [ "$lang" = ko ]; then
  question='파이썬으로 피보나치 수를 구하는 함수를 보여 주세요.'
  thinking='사용자는 피보나치 함수를 원한다. 재귀보다 반복문이 빠르니 반복문으로 쓰고, 짧은 설명을 붙이자.'
  answer=$'반복문으로 구하면 빠릅니다:\n\n```python\ndef fib(n: int) -> int:\n    # 앞의 두 수를 더해 나갑니다\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(fib(10), "번째 수")  # 55\n```\n\n`fib(10)`은 **55**를 돌려줍니다.'
  title='피보나치 함수'
else
  question='Show me a Python function for Fibonacci numbers.'
  thinking='The user wants a Fibonacci function. A loop is faster than recursion; keep it short and explain.'
  answer=$'A loop is the quickest way:\n\n```python\ndef fib(n: int) -> int:\n    # add the previous two numbers\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(fib(10), "is the 10th")  # 55\n```\n\n`fib(10)` returns **55**.'
  title='Fibonacci function'
fi
content="<think>"$'\n'"$thinking"$'\n'"</think>"$'\n\n'"$answer"
now=$(date +%s)
q() { printf "'%s'" "${1//\'/\'\'}"; }
sqlite3 "$work/data/sosoik.db" <<SQL
INSERT INTO conversations (title, created, updated) VALUES ($(q "$title"), $now, $now);
INSERT INTO messages (conversation_id, role, content, created)
  VALUES (last_insert_rowid(), 'user', $(q "$question"), $now);
INSERT INTO messages (conversation_id, role, content, created, completion_tokens)
  VALUES ((SELECT max(id) FROM conversations), 'assistant', $(q "$content"), $now, 120);
SQL

start_app
xdotool windowactivate --sync "$win" 2>/dev/null || true
# The conversation is the first row of the sidebar; then unfold the thinking section.
xdotool mousemove ${SOSOIK_SHOT_ROW:-60 144} click 1
sleep 2
xdotool mousemove ${SOSOIK_SHOT_THINKING:-345 186} click 1
sleep 2
xdotool mousemove 1090 710
sleep 1
import -window root -crop 1100x720+0+0 "$out"
echo "ok: $out"
