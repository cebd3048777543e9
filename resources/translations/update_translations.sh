#!/usr/bin/env bash
# Refreshes sosoik_en.ts and sosoik_ko.ts from the sources, the state the CTest test translations_current
# requires. Run it after changing, adding or moving UI strings:
#   bash resources/translations/update_translations.sh [path/to/qt6/lupdate]
# lupdate (no source locations, so a moved line changes nothing; no obsolete entries, so a string that
# moved to another context is not kept under its old one), then fill_translations.py (the Korean of new
# strings from ko_strings.py), then lupdate again so the files are in lupdate's own formatting and the
# test's lupdate finds nothing to change. Exits 1 when a Korean translation is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
refresh() {
  (cd "$root" && "$lupdate" -silent -locations none -no-obsolete app \
    -ts resources/translations/sosoik_en.ts resources/translations/sosoik_ko.ts)
}
refresh
status=0
python3 "$here/fill_translations.py" || status=$?
refresh
exit "$status"
