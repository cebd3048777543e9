#!/usr/bin/env bash
# GPU check: the Vulkan path on a real GPU, from a bundle that needs nothing installed there.
#
#   bash installer/gpu_check.sh bundle [-o FILE.tar.gz] [--extra-bin PATH]   (here) build the Vulkan
#        and CPU-backend tests and sosoik-cli, gather every shared library they load (except glibc,
#        which the GPU's driver needs to share with us) plus the Vulkan loader and the Khronos
#        validation layer into one tarball. SPIR-V is embedded in the binaries. --extra-bin adds a
#        llama-bench build and its libraries (never committed; run on the same synthetic files).
#   sosoik-gpu-check/run.sh [--bandwidth GB/s] [--shape llama1B] [--types "Q4_0 Q4_K Q8_0"]
#        [--no-cpu | --cpu-only] (on the GPU machine, after tar xf) run the Vulkan tests with the
#        validation layer on and the CPU backend's tests at every SIMD level the CPU has, then
#        `sosoik-cli bench --synthetic` for each type on Vulkan and for issue #16's rows on the
#        CPU backend with 2 threads (gpu_check_cpu.sh), and print the two tables.
#   bash installer/gpu_check.sh selftest   (here) bundle, unpack into a temporary directory and
#        run it in a clean environment (env -i, only the bundle's libraries) on whatever Vulkan
#        device exists (lavapipe, --allow-cpu), with a small shape (stories15M: Q4_0 and Q8_0, its
#        rows do not fit the 256-weight K blocks) and a short test selection; then the driver
#        fallbacks and the no-device diagnosis (docs/PERFORMANCE.md, "GPU check").
set -euo pipefail
# shellcheck source=gpu_check_cpu.sh
source "$(dirname "$0")/gpu_check_cpu.sh"

# Runs "$@" for at most LIMIT seconds (run.sh's --limit): one hung test or bench on a new GPU must not eat the
# device run's whole 10 minutes and hide the parts after it. Status 124 when it ran out.
LIMIT=240
limited() {
  if command -v timeout >/dev/null; then timeout "$LIMIT" "$@"; else "$@"; fi
}
status_word() { # exit status -> FAIL or TIMEOUT
  if [ "$1" = 124 ]; then echo "TIMEOUT after $LIMIT s:"; else echo FAIL; fi
}

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
# tries manifests outside the loader's search path (the lent GPU machines mount the driver under
# /usr/local/nvidia, with its manifest there), then manifests written here for driver libraries that
# are installed without one (a container with the NVIDIA libraries mounted but not nvidia_icd.json;
# the headless EGL entry first), else prints the Vulkan loader's messages and what to check.
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
  for json in ${SOSOIK_GPU_CHECK_MANIFESTS-/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json}; do
    [ -f "$json" ] || continue
    export VK_DRIVER_FILES="$json" VK_ICD_FILENAMES="$json"
    if has_device; then echo "(using the driver manifest $json)"; cat "$out"; return 0; fi
    unset VK_DRIVER_FILES VK_ICD_FILENAMES
  done
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
  # The CPU part: issue #16's table is pp512/tg32 on 2 cores; one run after the warm-up keeps all rows
  # (llama1B F16 pp512 alone is ~8 s on two cores) inside the device run's time.
  local vulkan=1 cpu=1 cpu_tests=all cpu_rows=$CPU_ROWS_DEFAULT threads=2 cpu_pp=512 cpu_tg=32 cpu_reps=1
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
      --limit) LIMIT=$2; shift 2 ;; # seconds for each test and bench run
      --no-cpu) cpu=0; shift ;;
      --cpu-only) vulkan=0; shift ;; # no GPU needed
      --cpu-tests) cpu_tests=$2; shift 2 ;; # as --tests, for tst_cpu_*
      --cpu-rows) cpu_rows=$2; shift 2 ;; # "shape:type[:SOSOIK_CPU_PROMPT] ..."
      -t) threads=$2; shift 2 ;;
      --cpu-p) cpu_pp=$2; shift 2 ;;
      --cpu-n) cpu_tg=$2; shift 2 ;;
      --cpu-r) cpu_reps=$2; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  export XDG_RUNTIME_DIR; XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
  # The synthetic models (~5 GiB for the llama1B rows) and the logs go with it; the output has what matters.
  trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
  # The machine's own LD_LIBRARY_PATH and driver folder after the bundle's: the GPU driver's libraries may be
  # found only through them (the lent machines' /usr/local/nvidia).
  local own=${LD_LIBRARY_PATH-} nv="" fallback
  [ -d /usr/local/nvidia/lib64 ] && nv=/usr/local/nvidia/lib64
  fallback=$(fallback_libs "$B" "$XDG_RUNTIME_DIR/lib-fallback")
  export LD_LIBRARY_PATH="$B/lib:$fallback${own:+:$own}${nv:+:$nv}"
  export VK_LAYER_PATH="$B/layers"
  export QT_QPA_PLATFORM=offscreen SOSOIK_VALIDATION_FATAL=1
  export XDG_CACHE_HOME="$XDG_RUNTIME_DIR/cache"
  unset SOSOIK_CPU_ISA SOSOIK_CPU_PROMPT # the CPU part measures the defaults (and sets them per row)
  [ -d "$B/shared" ] && export SOSOIK_SHARED_DIR="$B/shared"
  local have mine
  have=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
  mine=$(cat "$B/GLIBC_VERSION")
  if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$mine" "$have" | sort -V | head -1)" != "$mine" ]; then
    echo "this machine has glibc $have; the bundle was built against $mine and needs at least that" >&2
    exit 1
  fi

  local device="" failed=() passed=0
  if [ $vulkan = 1 ]; then
    echo "== devices"
    if find_device "$B" "$allow_cpu"; then
      device=$("$B/bin/sosoik-cli" devices | sed -n 's/^\* *[0-9]*[:.] *//p' | head -1)
      [ -n "$bandwidth" ] || bandwidth=$(known_bandwidth "$device")
    else
      [ $cpu = 1 ] || exit 1
      # One device run has to answer both issues: the CPU part still runs, the status stays 1.
      echo "(the Vulkan part is skipped; the CPU part runs)"
      failed+=("no-gpu") vulkan=0 tests=none types=""
    fi
  else
    tests=none types=""
  fi
  [ $cpu = 1 ] && cpu_report "$B"

  if [ "$tests" != none ]; then
    [ "$tests" = all ] && tests=$(cd "$B/bin" && ls tst_vulkan_* | tr '\n' ' ')
    echo "== Vulkan tests (validation layer on)"
    for t in $tests; do
      local start=$SECONDS rc=0
      VK_INSTANCE_LAYERS=VK_LAYER_KHRONOS_validation limited "$B/bin/$t" >"$XDG_RUNTIME_DIR/$t.log" 2>&1 || rc=$?
      if [ $rc = 0 ]; then
        passed=$((passed + 1)); echo "PASS $t ($((SECONDS - start)) s)"
      else
        failed+=("$t"); echo "$(status_word $rc) $t ($((SECONDS - start)) s); its output:"
        tail -n 60 "$XDG_RUNTIME_DIR/$t.log"
      fi
    done
  fi

  [ $cpu = 1 ] && [ "$cpu_tests" != none ] && run_cpu_tests "$B" "$cpu_tests"

  [ -z "$types" ] || echo "== bench: $shape, pp$pp and tg$tg, $reps runs${bandwidth:+, bandwidth $bandwidth GB/s}"
  local first=1 table="$XDG_RUNTIME_DIR/table.md"
  : >"$table"
  for type in $types; do
    local out="$XDG_RUNTIME_DIR/bench-$type.md"
    echo "-- $type (writes the synthetic model first: a minute for llama1B)"
    # A type that fails (the first run on a new GPU may) is reported, and the others still run.
    local rc=0
    limited "$B/bin/sosoik-cli" bench --synthetic "$shape" --type "$type" --backend vulkan -p "$pp" -n "$tg" \
      -r "$reps" ${bandwidth:+--bandwidth "$bandwidth"} >"$out" 2>"$out.err" || rc=$?
    if [ $rc != 0 ]; then
      failed+=("bench-$type"); echo "$(status_word $rc) bench $type; its output:"; tail -n 30 "$out.err"; continue
    fi
    # One table: the header from the first run, the rows from all.
    if [ $first = 1 ]; then grep '^|' "$out" >>"$table"; first=0; else grep '^|' "$out" | tail -n +3 >>"$table"; fi
  done
  local cpu_table="$XDG_RUNTIME_DIR/cpu-table.md" extra_table="$XDG_RUNTIME_DIR/extra-table.md"
  : >"$cpu_table"; : >"$extra_table"
  if [ $cpu = 1 ] && [ -n "$cpu_rows" ]; then
    run_cpu_bench "$B" "$cpu_rows" "$threads" "$cpu_pp" "$cpu_tg" "$cpu_reps" "$cpu_table"
    run_extra_bench "$B" "$threads" "$cpu_pp" "$cpu_tg" "$cpu_reps" "$extra_table"
  fi
  echo
  [ $vulkan = 0 ] || echo "device: $device"
  echo "Vulkan tests: $passed passed; failed (tests, bench types and CPU rows): ${#failed[@]}${failed:+ (${failed[*]})}"
  cat "$table"
  if [ $cpu = 1 ]; then
    echo
    echo "CPU: $("$B/bin/sosoik-cli" devices 2>/dev/null | sed -n 's/^ *cpu: //p')"
    [ "$cpu_tests" = none ] || echo "CPU kernel levels that ran: ${CPU_LEVELS_RUN:-none} ($CPU_LEVEL_COUNTS)"
    cat "$cpu_table"
    [ ! -s "$extra_table" ] || { echo; cat "$extra_table"; }
  fi
  [ ${#failed[@]} -eq 0 ]
}

make_bundle() { # (here) builds and packs; prints the tarball's path
  cd "$(dirname "$0")/.."
  local out="" build=${SOSOIK_BUILD_DIR:-build} extra=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -o) out=$2; shift 2 ;;
      --extra-bin) extra=$2; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [ -n "$out" ] || out="$build/sosoik-gpu-check.tar.gz"
  if [ ! -f "$build/build.ninja" ]; then
    export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  fi
  local tests; tests=$(cd tests/engine && ls vulkan/tst_*.cpp cpu/tst_*.cpp | sed 's#.*/##; s/\.cpp$//')
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
  if [ -n "$extra" ]; then # a third-party benchmark and the libraries it loads that are not ours or glibc's
    mkdir -p "$B/extra/bin" "$B/extra/lib"
    cp -L "$extra" "$B/extra/bin/"
    { ldd "$extra" || true; } | awk '/=> \// {print $3}' | sort -u |
      grep -Ev '/(libc|libm|libdl|libpthread|librt|libresolv|ld-linux[^/]*)\.so' |
      while read -r lib; do [ -e "$B/lib/$(basename "$lib")" ] || cp -L "$lib" "$B/extra/lib/"; done
    if command -v strip >/dev/null; then strip --strip-debug "$B"/extra/bin/* "$B"/extra/lib/*; fi
  fi
  getconf GNU_LIBC_VERSION | awk '{print $2}' >"$B/GLIBC_VERSION"
  local shared=../shared/models
  if [ -f "$shared/stories260K.gguf" ]; then # lets the stories260K Vulkan tests run there too
    mkdir -p "$B/shared/models"
    cp "$shared"/stories260K.* "$shared"/tok512.model "$B/shared/models/" 2>/dev/null || true
  fi
  cp installer/gpu_check.sh "$B/run.sh"
  cp installer/gpu_check_cpu.sh "$B/"
  chmod +x "$B/run.sh"
  tar -C "$stage" -caf "$out" sosoik-gpu-check # compressed when out ends in .gz
  rm -rf "$stage"
  echo "$out"
}

selftest() { # (here) the bundle alone, in a clean environment, on lavapipe
  local tarball dir
  tarball=$(make_bundle -o "$(mktemp -d)/sosoik-gpu-check.tar")
  dir=$(mktemp -d)
  # shellcheck disable=SC2064 # expanded now: the locals are gone when the trap runs
  trap "rm -rf '$dir' '$(dirname "$tarball")'" EXIT # also when a check fails
  tar -C "$dir" -xf "$tarball"
  # Nothing of this build may leak in: every library must resolve inside the bundle or glibc.
  local leaks
  leaks=$(LD_LIBRARY_PATH="$dir/sosoik-gpu-check/lib" ldd "$dir"/sosoik-gpu-check/bin/* |
    awk '/=> \// {print $3}' | grep -v "^$dir/" |
    grep -Ev '/(libc|libm|libdl|libpthread|librt|libresolv|ld-linux[^/]*)\.so' | sort -u || true)
  if [ -n "$leaks" ]; then echo "libraries from outside the bundle: $leaks" >&2; exit 1; fi
  local run="$dir/sosoik-gpu-check/run.sh" out log="$dir/run.log"
  # The CPU part with the two fast kernel tests (tst_cpu_backend is ctest's own) and one small row in each
  # prompt math.
  env -i PATH=/usr/bin:/bin HOME="$dir" "$run" --allow-cpu --shape stories15M \
    --types "${SELFTEST_TYPES:-Q4_0 Q8_0}" -r 1 -p 32 -n 16 --bandwidth 50 \
    --tests "${SELFTEST_TESTS:-tst_vulkan_devices tst_vulkan_context}" \
    --cpu-tests "tst_cpu_kernels tst_cpu_int8" --cpu-rows "stories15M:Q4_0 stories15M:Q4_0:int8" \
    --cpu-p 32 --cpu-n 32 2>&1 | tee "$log"
  # The best level this CPU has must be among the levels whose cases passed, and the CPU table has both rows.
  local best
  best=$("$dir/sosoik-gpu-check/bin/sosoik-cli" devices | sed -n 's/^ *cpu: [0-9]* threads*, \([^ (]*\).*/\1/p' |
    tr 'A-Z' 'a-z' | tr -d -)
  grep -Eq "^CPU kernel levels that ran: .*\b$best\b" "$log" ||
    { echo "selftest: no passed case at this CPU's level ($best)" >&2; exit 1; }
  # tg rows carry the fraction of the measured memory bandwidth (bench --bandwidth measure) before the issue's t/s.
  grep -Eq '^\| stories15M Q4_0 +\|.*\| cpu .*\| +tg32 \|.*\| +[0-9.]+ % \| 1194 \|$' "$log" &&
    grep -Eq '^memory read bandwidth: [0-9.]+ GB/s \(measured' "$log" &&
    grep -Eq '^\| stories15M Q4_0 int8 .*\| +pp32 \|' "$log" ||
    { echo "selftest: the CPU table lacks its rows or their bandwidth use" >&2; exit 1; }
  # --cpu-only needs no Vulkan device at all.
  out=$(env -i PATH=/usr/bin:/bin HOME="$dir" VK_DRIVER_FILES=/nonexistent.json \
    "$run" --cpu-only --cpu-tests none --cpu-rows stories15M:F16 --cpu-p 8 --cpu-n 4 2>&1) ||
    { echo "$out"; echo "selftest: --cpu-only failed without a GPU" >&2; exit 1; }
  grep -Eq '^\| stories15M F16 .*\| +tg4 \|' <<<"$out" || { echo "$out"; exit 1; }
  # No GPU found without --cpu-only: the diagnosis, the CPU part still, and status 1.
  if out=$(env -i PATH=/usr/bin:/bin HOME="$dir" VK_DRIVER_FILES=/nonexistent.json \
    SOSOIK_GPU_CHECK_DRIVERS=libvulkan_nothere.so "$run" --cpu-tests none --cpu-rows stories15M:F16 \
    --cpu-p 8 --cpu-n 4 2>&1); then
    echo "$out"; echo "selftest: no GPU gave status 0" >&2; exit 1
  fi
  grep -q "no Vulkan GPU found" <<<"$out" && grep -Eq '^\| stories15M F16 .*\| +tg4 \|' <<<"$out" ||
    { echo "$out"; exit 1; }
  # A test that outruns --limit is stopped and named (tst_cpu_backend takes 10-25 s here), status 1.
  if out=$(env -i PATH=/usr/bin:/bin HOME="$dir" "$run" --cpu-only --cpu-tests tst_cpu_backend --cpu-rows "" \
    --limit 1 2>&1); then
    echo "$out"; echo "selftest: a test over --limit gave status 0" >&2; exit 1
  fi
  grep -q "^TIMEOUT after 1 s: tst_cpu_backend" <<<"$out" || { echo "$out"; exit 1; }
  # No driver manifest found (as where a container has the driver's libraries but not its manifest):
  # the fallback manifest finds the driver library by name.
  out=$(env -i PATH=/usr/bin:/bin HOME="$dir" VK_DRIVER_FILES=/nonexistent.json \
    SOSOIK_GPU_CHECK_DRIVERS="libvulkan_nothere.so libvulkan_lvp.so" "$run" --allow-cpu --types "" \
    --tests tst_vulkan_devices --no-cpu 2>&1) || { echo "$out"; echo "selftest: the fallback manifest failed" >&2; exit 1; }
  grep -q "using one written for libvulkan_lvp.so" <<<"$out" || { echo "$out"; exit 1; }
  # No device at all, or (without --allow-cpu) only a CPU one: a diagnosis and exit status 1.
  local cmd
  for cmd in "VK_DRIVER_FILES=/nonexistent.json $run --allow-cpu" "$run"; do
    if out=$(env -i PATH=/usr/bin:/bin HOME="$dir" SOSOIK_GPU_CHECK_DRIVERS=libvulkan_nothere.so \
      $cmd --types "" --tests none --no-cpu 2>&1); then
      echo "$out"; echo "selftest: run.sh went on without a device ($cmd)" >&2; exit 1
    fi
    grep -q "no Vulkan GPU found" <<<"$out" || { echo "$out"; exit 1; }
  done
  # A bench type that fails is reported, the next still runs and the table still prints; status 1.
  if out=$(env -i PATH=/usr/bin:/bin HOME="$dir" "$run" --allow-cpu --tests none --shape stories15M \
    --types "Q9_9 Q4_0" -r 1 -p 8 -n 4 --no-cpu 2>&1); then
    echo "$out"; echo "selftest: a failed bench type gave status 0" >&2; exit 1
  fi
  grep -q "FAIL bench Q9_9" <<<"$out" && grep -q "stories15M Q4_0 .* tg4 " <<<"$out" || { echo "$out"; exit 1; }
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
