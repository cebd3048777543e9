#!/usr/bin/env bash
# Greedy answers of an exported demo model through the project's own engine (sosoik-cli), for the
# model card: 10 held-out Korean questions (WORK_DIR/heldout.tsv, first column), 5 English
# questions seen in training (smalltalk_en.tsv) and 5 English ones it never saw.
# Usage: sample_answers.sh SOSOIK_CLI MODEL.gguf WORK_DIR
set -euo pipefail
cli=$1 model=$2 work=$3
ask() {
  local answer
  answer=$("$cli" run -m "$model" -p "$1" --chat --temp 0 -n 48 --ctx 256 2>/dev/null | tr '\n' ' ')
  printf '| %s | %s |\n' "$1" "${answer% }"
}
echo "| Question | Greedy answer |"
echo "| --- | --- |"
awk -F'\t' 'NR % 59 == 1 { print $1 }' "$work/heldout.tsv" | head -n 10 | while IFS= read -r q; do ask "$q"; done
for q in "Hello!" "How are you?" "I'm tired." "Tell me a joke" "Good night" \
  "What do you do for fun?" "I just finished work" "Can you recommend a movie?" "My friend is sick" \
  "What is the weather like?"; do
  ask "$q"
done
