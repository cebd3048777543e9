#!/usr/bin/env bash
# One script behind the README's two commands:
#   bash installer/bootstrap.sh run   install what is missing, build, launch the app
#   bash installer/bootstrap.sh test  install what is missing, build, run the whole test suite
# Works on a fresh Debian 12 / Ubuntu 22.04+ machine; asks for sudo only when not root.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
shift || true

# What the app needs to build and run (every QML module it imports included: QtQuick imports QtQml,
# whose type descriptions qmlcachegen and qmllint need for Timer, Connections, Binding and Qt's enums;
# the non-native file dialog needs Qt.labs.folderlistmodel), then what only the test suite needs
# (dbus-daemon: the private session bus of tst_portal_hotkey's fake desktop portal; file: CPack's .deb
# generator needs it for dpkg-shlibdeps, missing from a minimal Debian 12 root, where package_deb failed without it).
PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache python3-pip
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6svg6
  libqt6sql6-sqlite qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qtcore
  qt6-qpa-plugins
  libvulkan-dev glslc glslang-tools spirv-tools mesa-vulkan-drivers
  libsentencepiece-dev libicu-dev libsqlite3-dev libpoppler-qt6-dev libzip-dev libxml2-dev libxcb1-dev fonts-noto-cjk
  libhttp-parser-dev
)
TEST_PACKAGES=(
  clang sentencepiece vulkan-tools vulkan-validationlayers qml6-module-qttest
  xvfb xauth trayer xdotool x11-utils debootstrap dpkg-dev file python3-venv
  dbus-daemon libsimde-dev
)
[ "$mode" = test ] && PACKAGES+=("${TEST_PACKAGES[@]}")

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Optional: the libFuzzer runtime for the fuzz_gguf test (a separate package on Debian 12);
# the test skips itself where it is unavailable.
[ "$mode" = test ] && for p in libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    { apt-cache show "$p" >/dev/null 2>&1 && missing+=("$p"); } || true
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The built-in English model (SmolLM2-135M-Instruct, pinned sha256) into the app's models folder;
# the Korean demo model is in the source tree. Tests that need SmolLM2 skip when it is absent.
bash installer/fetch-models.sh

BUILD_DIR=${SOSOIK_BUILD_DIR:-build}
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$BUILD_DIR"

case "$mode" in
  run)
    exec "$BUILD_DIR/app/sosoik" "$@"
    ;;
  test)
    # Tests run on whatever Vulkan device exists (lavapipe without a GPU), always with the
    # Khronos validation layer: any validation message aborts the test that caused it.
    export VK_INSTANCE_LAYERS=VK_LAYER_KHRONOS_validation SOSOIK_VALIDATION_FATAL=1
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    XDG_RUNTIME_DIR=$(mktemp -d) && chmod 700 "$XDG_RUNTIME_DIR" && export XDG_RUNTIME_DIR
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"
    ;;
  *)
    echo "usage: bash installer/bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
