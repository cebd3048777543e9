#!/usr/bin/env bash
# One script behind the README's two commands:
#   bash installer/bootstrap.sh run   install what is missing, build, launch the app
#   bash installer/bootstrap.sh test  install what is missing, build, run the whole test suite
# Works on a fresh Debian 12 / Ubuntu 22.04+ machine; asks for sudo only when not root.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
shift || true

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache clang
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libqt6sql6-sqlite qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qtquick-dialogs qml6-module-qtcore qml6-module-qttest
  qt6-qpa-plugins
  libvulkan-dev glslc glslang-tools spirv-tools vulkan-tools vulkan-validationlayers mesa-vulkan-drivers
  libsentencepiece-dev sentencepiece libicu-dev libsqlite3-dev libpoppler-qt6-dev libzip-dev
  libxcb1-dev xvfb xauth trayer xdotool x11-utils fonts-noto-cjk
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Optional: the libFuzzer runtime for the fuzz_gguf test (a separate package on Debian 12);
# the test skips itself where it is unavailable.
for p in libclang-rt-14-dev; do
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
