#!/usr/bin/env bash
# The Models page with the real app on a private X server, as a user sees it: a fresh profile, a home
# folder with an Ollama store (the demo model as a blob named by a manifest), a Hugging Face cache and a
# folder holding a file of an architecture this build does not run. Opens the page (Ctrl+Shift+M),
# takes a screenshot of each tab.
#   bash tests/app/models/models_page_demo.sh [path/to/sosoik] [en|ko] [out-prefix]
# Writes <out-prefix>-local.png and <out-prefix>-catalog.png (e.g. docs/models-page-en-*.png).
# Exits 0 with "SKIP: ..." when Xvfb, xdotool or import is missing; non-zero when a step fails.
set -euo pipefail
app=${1:-build/app/sosoik}
lang=${2:-en}
out=${3:-models-page-$lang}
source "$(dirname "$0")/../support/xvfb_session.sh"
xvfb_require Xvfb xdotool import timeout sha256sum
[ -x "$app" ] || { echo "FAIL: $app is not an executable (build first)"; exit 1; }
src=$(cd "$(dirname "$0")/../../.." && pwd)
demo="$src/resources/models/sosoik-demo-ko.gguf"

xvfb_workdir

# The fixture home: Ollama's manifest names the demo model's blob; the HF cache links a snapshot to it.
home="$work/home"
digest=$(sha256sum "$demo" | cut -d' ' -f1)
mkdir -p "$home/.ollama/models/blobs" "$home/.ollama/models/manifests/registry.ollama.ai/library/sosoik-demo"
cp "$demo" "$home/.ollama/models/blobs/sha256-$digest"
printf '{"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:%s","size":%s}]}' \
  "$digest" "$(stat -c %s "$demo")" >"$home/.ollama/models/manifests/registry.ollama.ai/library/sosoik-demo/latest"
hf="$home/.cache/huggingface/hub/models--sosoik--demo-GGUF"
mkdir -p "$hf/blobs" "$hf/snapshots/0123abc"
cp "$demo" "$hf/blobs/$digest.copy"
printf 'x' >>"$hf/blobs/$digest.copy" # a distinct file, so it is listed on its own
ln -s "../../blobs/$digest.copy" "$hf/snapshots/0123abc/demo-f16.gguf"
mkdir -p "$home/Models"
# A file of an unknown architecture: the demo with general.architecture renamed (same length).
python3 - "$demo" "$home/Models/rwkv-demo.gguf" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
key = b"general.architecture"
i = data.index(key) + len(key) + 4 + 8   # value type u32, string length u64
open(sys.argv[2], "wb").write(data[:i] + b"rwkv6" + data[i + 5:])
PY
mkdir -p "$work/models" "$work/data"
cp "$demo" "$work/models/"
printf '[ui]\nlanguage=%s\n[library]\nfolders=%s\n' "$lang" "$home/Models" >"$work/data/settings.ini"

xvfb_start 1280x800
export SOSOIK_MODELS_DIR="$work/models" HOME="$home"

xvfb_launch "$app" --data-dir "$work/data"
xvfb_main_window 1100x720
xdotool windowactivate --sync "$win" 2>/dev/null || true
# Without a window manager the window gets the keyboard focus from a click (on the empty chat area).
xdotool mousemove 680 250 click 1
sleep 1
xdotool key ctrl+shift+m
sleep 6 # the scan reads every header and lists the Vulkan devices
import -window root -crop 1100x720+0+0 "$out-local.png"
echo "ok: $out-local.png"
# "Get models": the right half of the tab bar, under the page's title row.
xdotool mousemove 813 119 click 1
sleep 2
import -window root -crop 1100x720+0+0 "$out-catalog.png"
echo "ok: $out-catalog.png"
cp "$work/app.log" "$out-app.log"
