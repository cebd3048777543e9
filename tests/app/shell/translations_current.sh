#!/usr/bin/env bash
# CTest translations_current: the committed catalogues are what lupdate makes of the sources now, and
# every Korean string is translated. lupdate runs on copies, so the source tree is never changed.
# Found in a walkthrough: conversation exports stayed English in the Korean UI because their strings sat
# in the catalogue under a context the code did not use, and nothing noticed.
#   bash translations_current.sh <lupdate> <source dir>
set -euo pipefail
lupdate=$1
src=$2
[ -x "$lupdate" ] || { echo "SKIP: lupdate ($lupdate) is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/resources/translations"
cp -r "$src/app" "$work/app"
cp "$src"/resources/translations/sosoik_*.ts "$work/resources/translations/"
(cd "$work" && "$lupdate" -silent -locations none -no-obsolete app \
  -ts resources/translations/sosoik_en.ts resources/translations/sosoik_ko.ts)
status=0
for ts in "$src"/resources/translations/sosoik_*.ts; do
  name=$(basename "$ts")
  if ! diff -u "$ts" "$work/resources/translations/$name" >"$work/$name.diff"; then
    echo "FAIL: $name is out of date with the sources (lupdate would change it):"
    head -60 "$work/$name.diff"
    status=1
  fi
done
ko=$work/resources/translations/sosoik_ko.ts
if grep -n -B3 -E 'type="(unfinished|vanished|obsolete)"|<translation ?/>|<translation></translation>' "$ko"; then
  echo "FAIL: sosoik_ko.ts has strings without a Korean translation (above)"
  status=1
fi
# "Sosoik" is read 소소익, which ends in a consonant: Sosoik이/은/을/과, not 가/는/를/와 (five strings had the
# wrong particle, e.g. "Sosoik가 찾아보는 곳" on the Models page, found trying the Korean UI).
if grep -n -E 'Sosoik(가|는|를|와)' "$ko"; then
  echo "FAIL: sosoik_ko.ts puts a particle for a vowel after Sosoik (소소익): use 이/은/을/과 (above)"
  status=1
fi
[ "$status" = 0 ] || echo "Refresh: bash resources/translations/update_translations.sh, then add missing Korean to ko_strings.py"
[ "$status" = 0 ] && echo "ok: sosoik_en.ts and sosoik_ko.ts are current, Korean complete"
exit "$status"
