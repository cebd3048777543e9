#!/usr/bin/env bash
# CTest driver (registered by register_fuzz_test.cmake in the normal g++ build): builds the
# fuzzer with clang in its own build directory, generates the seed corpus and fuzzes for a
# bounded time. Exits 77 (CTest SKIP_RETURN_CODE) when clang or libFuzzer is unavailable.
# usage: run_fuzz_test.sh SOURCE_ROOT BUILD_DIR SECONDS
set -u
src=$1 build=$2 seconds=${3:-60}
clangxx=$(command -v clang++ || true)
if [[ -z $clangxx ]]; then echo "clang++ not found: skipping the fuzz test"; exit 77; fi
mkdir -p "$build"
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$build/probe.cpp"
if ! "$clangxx" -fsanitize=fuzzer,address,undefined "$build/probe.cpp" -o "$build/probe" 2>"$build/probe.log"; then
    echo "clang++ cannot link libFuzzer (see $build/probe.log): skipping the fuzz test"; exit 77
fi
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
command -v ccache >/dev/null && generator+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src/tests/fuzz" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$clangxx" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j 2 >"$build/build.log" 2>&1 || { cat "$build/build.log"; exit 1; }
rm -rf "$build/seeds" "$build/corpus" && mkdir -p "$build/seeds" "$build/corpus"
"$build/fuzz_gguf_seeds" "$build/seeds" || exit 1
# New inputs go to corpus/ (fresh each run); crashes are written next to it and fail the test.
exec "$build/fuzz_gguf" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=32768 \
    -print_final_stats=1 -artifact_prefix="$build/" "$build/corpus" "$build/seeds"
