#!/usr/bin/env bash
# GPU check: the Vulkan path on a real GPU, from a bundle that needs nothing installed there.
#
#   bash installer/gpu_check.sh bundle [-o FILE.tar.gz]   (here) build the Vulkan tests and
#        sosoik-cli, gather every shared library they load (except glibc, which the GPU's
#        driver needs to share with us) plus the Vulkan loader and the Khronos validation
#        layer into one tarball. SPIR-V is embedded in the binaries.
#   sosoik-gpu-check/run.sh [--bandwidth GB/s] [--shape llama1B] [--types "Q4_0 Q4_K Q8_0"]
#        (on the GPU machine, after tar xf) run the Vulkan tests with the validation layer on,
#        then `sosoik-cli bench --synthetic` for each type, and print one table.
#   bash installer/gpu_check.sh selftest   (here) bundle, unpack into a temporary directory and
#        run it in a clean environment (env -i, only the bundle's libraries) on whatever Vulkan
#        device exists (lavapipe, --allow-cpu), with a small shape (stories15M: Q4_0 and Q8_0, its
#        rows do not fit the 256-weight K blocks) and a short test selection; then the driver
#        fallbacks and the no-device diagnosis (docs/PERFORMANCE.md, "GPU check").
set -euo pipefail

# Memory bandwidth (GB/s, datasheets) of GPUs we may be lent; --bandwidth overrides.
known_bandwidth() {
  case "$1" in
    *H200*) echo 4800 ;;
    *H100*PCIe*) echo 2000 ;;
    *H100*) echo 3350 ;;
    *A100*80GB*) echo 2039 ;;
    *A100*) echo 1555 ;;
    *L40S*|*L40*) echo 864 ;;
    *A10G*) echo 600 ;;
    *"RTX 4090"*) echo 1008 ;;
    *) echo "" ;;
  esac
}

# Driver dependencies that a bare machine may lack, from the bundle's lib-fallback/: NVIDIA's Vulkan
# driver (libGLX_nvidia.so.0) needs libX11/libXext and libglvnd's libGLdispatch, which containers
# given the driver by the NVIDIA toolkit often do not have ("libXext.so.6: cannot open shared object
# file", NVIDIA/nvidia-container-toolkit#16). Only those the machine lacks are linked into $2, so
# its own copies win; prints $2 for LD_LIBRARY_PATH (after the bundle's lib/).
fallback_libs() {
  local B=$1 dir=$2 ldc="" f
  mkdir -p "$dir"
  for f in /sbin/ldconfig /usr/sbin/ldconfig; do [ -x "$f" ] && ldc=$f && break; done
  for f in "$B"/lib-fallback/*; do
    [ -e "$f" ] || continue
    if [ -z "$ldc" ] || ! "$ldc" -p | awk -v n="$(basename "$f")" '$1 == n {found = 1} END {exit !found}'; then
      ln -s "$f" "$dir/"
    fi
  done
  echo "$dir"
}

# A device to test: a GPU, or with --allow-cpu any. When the machine's driver manifests give none,
# tries manifests written here for driver libraries that are installed without one (a container
# with the NVIDIA libraries mounted but not nvidia_icd.json; the headless EGL entry first), else
# prints the Vulkan loader's messages and what to check.
find_device() {
  local B=$1 allow_cpu=$2 out="$XDG_RUNTIME_DIR/devices.txt" lib json
  local given_files=${VK_DRIVER_FILES-} given_icd=${VK_ICD_FILENAMES-}
  has_device() {
    "$B/bin/sosoik-cli" devices >"$out" 2>&1 || true
    grep -Eq '^ +type (discrete|integrated|virtual)' "$out" ||
      { [ "$allow_cpu" = 1 ] && grep -q '^\*' "$out"; }
  }
  if has_device; then cat "$out"; return 0; fi
  cat "$out"
  for lib in ${SOSOIK_GPU_CHECK_DRIVERS:-libEGL_nvidia.so.0 libGLX_nvidia.so.0}; do
    json="$XDG_RUNTIME_DIR/icd-$lib.json"
    printf '{"file_format_version": "1.0.0", "ICD": {"library_path": "%s", "api_version": "1.3.0"}}\n' \
      "$lib" >"$json"
    export VK_DRIVER_FILES="$json" VK_ICD_FILENAMES="$json"
    if has_device; then
      echo "(no driver manifest of this machine gave a GPU; using one written for $lib)"
      cat "$out"
      return 0
    fi
    unset VK_DRIVER_FILES VK_ICD_FILENAMES
  done
  [ -z "$given_files" ] || export VK_DRIVER_FILES="$given_files"
  [ -z "$given_icd" ] || export VK_ICD_FILENAMES="$given_icd"
  echo "no Vulkan GPU found. The Vulkan loader says:"
  VK_LOADER_DEBUG=error,warn,driver "$B/bin/sosoik-cli" devices 2>&1 | grep -v "^ " | head -n 60 || true
  echo "driver manifests here: $(ls /etc/vulkan/icd.d /usr/share/vulkan/icd.d /usr/local/share/vulkan/icd.d \
    2>/dev/null | grep json | tr '\n' ' ')"
  echo "check: the GPU driver's Vulkan part is installed (NVIDIA: libGLX_nvidia.so.0 or libEGL_nvidia.so.0 and"
  echo "nvidia_icd.json; in a container NVIDIA_DRIVER_CAPABILITIES must include graphics, e.g. =all), or name"
  echo "its manifest: VK_DRIVER_FILES=/path/to/icd.json sosoik-gpu-check/run.sh"
  return 1
}

run_bundle() { # runs inside an unpacked bundle ($B)
  local B; B=$(cd "$(dirname "$0")" && pwd)
  local bandwidth="" shape=llama1B types="Q4_0 Q4_K Q8_0" reps=3 pp=512 tg=128 tests=all allow_cpu=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --allow-cpu) allow_cpu=1; shift ;; # go on when the only device is a CPU one (the selftest)
      --bandwidth) bandwidth=$2; shift 2 ;;
      --shape) shape=$2; shift 2 ;;
      --types) types=$2; shift 2 ;;
      -r) reps=$2; shift 2 ;;
      -p) pp=$2; shift 2 ;;
      -n) tg=$2; shift 2 ;;
      --tests) tests=$2; shift 2 ;; # "all", "none" or a space-separated list of test names
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  export XDG_RUNTIME_DIR; XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
  export LD_LIBRARY_PATH="$B/lib:$(fallback_libs "$B" "$XDG_RUNTIME_DIR/lib-fallback")" VK_LAYER_PATH="$B/layers"
  export QT_QPA_PLATFORM=offscreen SOSOIK_VALIDATION_FATAL=1
  export XDG_CACHE_HOME="$XDG_RUNTIME_DIR/cache"
  [ -d "$B/shared" ] && export SOSOIK_SHARED_DIR="$B/shared"
  local have mine
  have=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
  mine=$(cat "$B/GLIBC_VERSION")
  if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$mine" "$have" | sort -V | head -1)" != "$mine" ]; then
    echo "this machine has glibc $have; the bundle was built against $mine and needs at least that" >&2
    exit 1
  fi

  echo "== devices"
  find_device "$B" "$allow_cpu" || exit 1
  local device; device=$("$B/bin/sosoik-cli" devices | sed -n 's/^\* *[0-9]*[:.] *//p' | head -1)
  [ -n "$bandwidth" ] || bandwidth=$(known_bandwidth "$device")

  local failed=() passed=0
  if [ "$tests" != none ]; then
    [ "$tests" = all ] && tests=$(cd "$B/bin" && ls tst_* | tr '\n' ' ')
    echo "== Vulkan tests (validation layer on)"
    for t in $tests; do
      local start=$SECONDS
      if VK_INSTANCE_LAYERS=VK_LAYER_KHRONOS_validation "$B/bin/$t" >"$XDG_RUNTIME_DIR/$t.log" 2>&1; then
        passed=$((passed + 1)); echo "PASS $t ($((SECONDS - start)) s)"
      else
        failed+=("$t"); echo "FAIL $t ($((SECONDS - start)) s); its output:"; tail -n 60 "$XDG_RUNTIME_DIR/$t.log"
      fi
    done
  fi

  [ -z "$types" ] || echo "== bench: $shape, pp$pp and tg$tg, $reps runs${bandwidth:+, bandwidth $bandwidth GB/s}"
  local first=1 table="$XDG_RUNTIME_DIR/table.md"
  : >"$table"
  for type in $types; do
    local out="$XDG_RUNTIME_DIR/bench-$type.md"
    echo "-- $type (writes the synthetic model first: a minute for llama1B)"
    # A type that fails (the first run on a new GPU may) is reported, and the others still run.
    if ! "$B/bin/sosoik-cli" bench --synthetic "$shape" --type "$type" --backend vulkan -p "$pp" -n "$tg" \
      -r "$reps" ${bandwidth:+--bandwidth "$bandwidth"} >"$out" 2>"$out.err"; then
      failed+=("bench-$type"); echo "FAIL bench $type; its output:"; tail -n 30 "$out.err"; continue
    fi
    # One table: the header from the first run, the rows from all.
    if [ $first = 1 ]; then grep '^|' "$out" >>"$table"; first=0; else grep '^|' "$out" | tail -n +3 >>"$table"; fi
  done
  echo
  echo "device: $device"
  echo "Vulkan tests: $passed passed; failed (tests and bench types): ${#failed[@]}${failed:+ (${failed[*]})}"
  cat "$table"
  [ ${#failed[@]} -eq 0 ]
}

make_bundle() { # (here) builds and packs; prints the tarball's path
  cd "$(dirname "$0")/.."
  local out="" build=${SOSOIK_BUILD_DIR:-build}
  while [ $# -gt 0 ]; do
    case "$1" in
      -o) out=$2; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [ -n "$out" ] || out="$build/sosoik-gpu-check.tar.gz"
  if [ ! -f "$build/build.ninja" ]; then
    export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  fi
  local tests; tests=$(cd tests/engine/vulkan && ls tst_*.cpp | sed 's/\.cpp$//')
  cmake --build "$build" --target sosoik-cli $tests >&2
  local stage; stage=$(mktemp -d)
  local B="$stage/sosoik-gpu-check"
  mkdir -p "$B/bin" "$B/lib" "$B/layers"
  cp "$build/app/sosoik-cli" "$B/bin/"
  for t in $tests; do cp "$build/tests/$t" "$B/bin/"; done
  # Debug info is 4/5 of the RelWithDebInfo binaries: without it the tarball is ~30 MiB instead of
  # ~95, small enough to carry to a lent GPU machine (64 MiB limit there).
  if command -v strip >/dev/null; then strip --strip-debug "$B"/bin/*; fi
  # Every library the binaries (and the validation layer) load, except glibc's own.
  local layer_json=/usr/share/vulkan/explicit_layer.d/VkLayer_khronos_validation.json layer_so
  layer_so=$(sed -n 's/.*"library_path": *"\([^"]*\)".*/\1/p' "$layer_json")
  [ -f "$layer_so" ] || layer_so=$(ldconfig -p | awk '/libVkLayer_khronos_validation.so/ {print $NF; exit}')
  cp "$layer_so" "$B/layers/libVkLayer_khronos_validation.so"
  sed 's#"library_path": *"[^"]*"#"library_path": "./libVkLayer_khronos_validation.so"#' "$layer_json" \
    >"$B/layers/VkLayer_khronos_validation.json"
  local vulkan_loader; vulkan_loader=$(ldconfig -p | awk '/libvulkan.so.1 / {print $NF; exit}')
  cp -L "$vulkan_loader" "$B/lib/libvulkan.so.1"
  ldd "$B"/bin/* "$B/layers/libVkLayer_khronos_validation.so" | awk '/=> \// {print $3}' | sort -u |
    grep -Ev '/(libc|libm|libdl|libpthread|librt|libresolv|ld-linux[^/]*)\.so' |
    while read -r lib; do cp -Ln "$lib" "$B/lib/"; done
  # Driver dependencies a bare machine may lack (fallback_libs), taken from this machine.
  mkdir -p "$B/lib-fallback"
  local name lib
  for name in libX11.so.6 libXext.so.6 libxcb.so.1 libXau.so.6 libXdmcp.so.6 libbsd.so.0 libmd.so.0 \
    libGLdispatch.so.0; do
    [ -e "$B/lib/$name" ] && continue # the binaries need it anyway
    lib=$(ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ {print $NF; exit}')
    if [ -n "$lib" ]; then cp -L "$lib" "$B/lib-fallback/$name"; else echo "note: no $name to bundle" >&2; fi
  done
  getconf GNU_LIBC_VERSION | awk '{print $2}' >"$B/GLIBC_VERSION"
  local shared=../shared/models
  if [ -f "$shared/stories260K.gguf" ]; then # lets the stories260K Vulkan tests run there too
    mkdir -p "$B/shared/models"
    cp "$shared"/stories260K.* "$shared"/tok512.model "$B/shared/models/" 2>/dev/null || true
  fi
  cp installer/gpu_check.sh "$B/run.sh"
  chmod +x "$B/run.sh"
  tar -C "$stage" -caf "$out" sosoik-gpu-check # compressed when out ends in .gz
  rm -rf "$stage"
  echo "$out"
}

selftest() { # (here) the bundle alone, in a clean environment, on lavapipe
  local tarball dir
  tarball=$(make_bundle -o "$(mktemp -d)/sosoik-gpu-check.tar")
  dir=$(mktemp -d)
  tar -C "$dir" -xf "$tarball"
  # Nothing of this build may leak in: every library must resolve inside the bundle or glibc.
  local leaks
  leaks=$(LD_LIBRARY_PATH="$dir/sosoik-gpu-check/lib" ldd "$dir"/sosoik-gpu-check/bin/* |
    awk '/=> \// {print $3}' | grep -v "^$dir/" |
    grep -Ev '/(libc|libm|libdl|libpthread|librt|libresolv|ld-linux[^/]*)\.so' | sort -u || true)
  if [ -n "$leaks" ]; then echo "libraries from outside the bundle: $leaks" >&2; exit 1; fi
  local run="$dir/sosoik-gpu-check/run.sh" out
  env -i PATH=/usr/bin:/bin HOME="$dir" "$run" --allow-cpu --shape stories15M \
    --types "${SELFTEST_TYPES:-Q4_0 Q8_0}" -r 1 -p 32 -n 16 --bandwidth 50 \
    --tests "${SELFTEST_TESTS:-tst_vulkan_devices tst_vulkan_context}"
  # No driver manifest found (as where a container has the driver's libraries but not its manifest):
  # the fallback manifest finds the driver library by name.
  out=$(env -i PATH=/usr/bin:/bin HOME="$dir" VK_DRIVER_FILES=/nonexistent.json \
    SOSOIK_GPU_CHECK_DRIVERS="libvulkan_nothere.so libvulkan_lvp.so" "$run" --allow-cpu --types "" \
    --tests tst_vulkan_devices 2>&1) || { echo "$out"; echo "selftest: the fallback manifest failed" >&2; exit 1; }
  grep -q "using one written for libvulkan_lvp.so" <<<"$out" || { echo "$out"; exit 1; }
  # No device at all, or (without --allow-cpu) only a CPU one: a diagnosis and exit status 1.
  local cmd
  for cmd in "VK_DRIVER_FILES=/nonexistent.json $run --allow-cpu" "$run"; do
    if out=$(env -i PATH=/usr/bin:/bin HOME="$dir" SOSOIK_GPU_CHECK_DRIVERS=libvulkan_nothere.so \
      $cmd --types "" --tests none 2>&1); then
      echo "$out"; echo "selftest: run.sh went on without a device ($cmd)" >&2; exit 1
    fi
    grep -q "no Vulkan GPU found" <<<"$out" || { echo "$out"; exit 1; }
  done
  # A bench type that fails is reported, the next still runs and the table still prints; status 1.
  if out=$(env -i PATH=/usr/bin:/bin HOME="$dir" "$run" --allow-cpu --tests none --shape stories15M \
    --types "Q9_9 Q4_0" -r 1 -p 8 -n 4 2>&1); then
    echo "$out"; echo "selftest: a failed bench type gave status 0" >&2; exit 1
  fi
  grep -q "FAIL bench Q9_9" <<<"$out" && grep -q "stories15M Q4_0 .* tg4 " <<<"$out" || { echo "$out"; exit 1; }
  rm -rf "$dir" "$(dirname "$tarball")"
}

case "$(basename "$0")" in
  run.sh) run_bundle "$@" ;;
  *)
    mode=${1:-}
    shift || true
    case "$mode" in
      bundle) make_bundle "$@" ;;
      selftest) selftest "$@" ;;
      *) echo "usage: bash installer/gpu_check.sh bundle [-o FILE] | selftest" >&2; exit 2 ;;
    esac
    ;;
esac
