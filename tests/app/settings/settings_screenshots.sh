#!/usr/bin/env bash
# Settings and the file dialogs as a user sees them: the real app on a private X server without a platform
# theme, a fresh profile whose models folder does not exist yet. Screenshots of the model button's
# tooltip, Settings (General), Settings scrolled to the generation defaults, Settings → Models →
# Change… (the folder dialog), Settings after choosing a folder there (docs/screenshots/settings-models-*.png)
# and Open document… (the file dialog, with its filter box).
#   bash tests/app/settings/settings_screenshots.sh [path/to/sosoik] [en|ko] [light|dark] [out-prefix]
# Writes <out-prefix>-tooltip.png, -general.png, -generation.png, -folder-dialog.png, -models.png,
# -file-dialog.png.
# Exits 0 with "SKIP: ..." when Xvfb, xdotool or import is missing; non-zero when a step fails.
set -euo pipefail
app=${1:-build/app/sosoik}
lang=${2:-en}
scheme=${3:-dark}
out=${4:-settings-$lang-$scheme}
source "$(dirname "$0")/../support/xvfb_session.sh"
xvfb_require Xvfb xdotool import timeout
[ -x "$app" ] || { echo "FAIL: $app is not an executable (build first)"; exit 1; }
app=$(realpath "$app")

xvfb_workdir
mkdir -p "$work/models" "$work/home/Documents"
(umask 077 && mkdir -p "$work/data") # private, as Sosoik makes it: no privacy notice over the shots
printf '[ui]\nlanguage=%s\ncolorScheme=%s\n[engine]\nreopenLastModel=false\n[library]\nmodelsDir=%s\n' \
  "$lang" "$scheme" "$work/home/Models/not yet" >"$work/data/settings.ini"
chmod 600 "$work/data/settings.ini"
xvfb_start 1100x720
export SOSOIK_MODELS_DIR="$work/models" HOME="$work/home"
cd /tmp # the working directory is not where the dialogs should open
xvfb_launch "$app" --data-dir "$work/data"
xvfb_main_window 1100x720
shot() { import -window root -crop 1100x720+0+0 "$out-$1.png"; echo "ok: $out-$1.png"; }

# The model button's tooltip: the pointer comes from the chat area and rests on the button.
xdotool mousemove 680 400 sleep 0.5 mousemove ${SOSOIK_SHOT_MODEL_BUTTON:-760 15}
sleep 1.5
shot tooltip
# Settings (the gear at the top right), General on top.
xdotool mousemove 1076 15 click 1
sleep 2
shot general
# The generation defaults are at the end: scroll the dialog.
xdotool mousemove 550 400
for _ in $(seq 30); do xdotool click 5; done
sleep 1
shot generation
# Back up; Settings → Models → Change… opens the folder dialog.
for _ in $(seq 30); do xdotool click 4; done
sleep 1
xdotool mousemove ${SOSOIK_SHOT_CHANGE:-720 329} click 1
sleep 2
shot folder-dialog
# Choose the folder the dialog shows (home/Documents, highlighted): Settings says where downloads go now.
xdotool mousemove ${SOSOIK_SHOT_CHOOSE:-711 535} click 1
sleep 1.5
shot models
xdotool key Escape
sleep 1
# Open document… (the file dialog; Ctrl+Shift+O)
xdotool mousemove 680 400 click 1 key ctrl+shift+o
sleep 2
shot file-dialog
