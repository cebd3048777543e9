#!/usr/bin/env bash
# Runs openai_client_test.py with the official client from a venv under the build tree
# (BUILD/openai-venv), installing it with pip the first time. Offline or without pip the test is
# skipped (exit 77), never failed: the client is a test tool, not something the app needs.
# usage: run_openai_client_test.sh BUILD_DIR SOSOIK_CLI SOURCE_DIR
# The model: ../shared's stories260K (SOSOIK_SHARED_DIR), else the Korean demo model in the source tree.
set -u
build=$1 cli=$2 source=$3
model="${SOSOIK_SHARED_DIR:-/nonexistent}/models/stories260K.gguf"
[ -f "$model" ] || model="$source/resources/models/sosoik-demo-ko.gguf"
here=$(cd "$(dirname "$0")" && pwd)
venv="$build/openai-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import openai" 2>/dev/null; then
  python3 -m venv "$venv" >/dev/null 2>&1 || { echo "no python venv; skipping"; exit 77; }
  timeout 300 "$venv/bin/pip" install -q --disable-pip-version-check --timeout 20 --retries 1 "openai>=1.0,<3" \
    >/dev/null 2>&1 || { echo "could not install the openai client (offline?); skipping"; exit 77; }
fi
exec "$venv/bin/python" "$here/openai_client_test.py" "$cli" "$model"
