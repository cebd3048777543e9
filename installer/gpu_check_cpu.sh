# shellcheck shell=bash
# The GPU check's CPU part (sourced by gpu_check.sh and, in the bundle, by run.sh): the CPU backend's kernel
# tests at every SIMD level the machine has, then `sosoik-cli bench --backend cpu` on issue #16's rows. The GPU
# machines we may be lent have AVX-512 (F/BW/VL/VNNI) CPUs; the build machine has none, so this is where the
# AVX-512 kernels (engine/backend/cpu/kernels_avx512.cpp) first run.

# The rows of issue #16's speed table (2 cores, AVX-512, pp512/tg32), plus Q4_K and Q4_0 with 8-bit prompt
# activations (SOSOIK_CPU_PROMPT=int8: the VNNI kernels' speed) on llama1B. shape:type[:prompt math].
CPU_ROWS_DEFAULT="stories15M:F16 stories15M:Q8_0 stories15M:Q4_0 smollm135M:F16 smollm135M:Q8_0 smollm135M:Q4_0
llama1B:F16 llama1B:Q8_0 llama1B:Q4_0 llama1B:Q4_K llama1B:Q4_0:int8"

# llama.cpp's t/s in issue #16's table (c392e509, 2 cores, AVX-512), for "shape type test"; empty if not there.
issue_llama_cpp() {
  case "$1" in
    "stories15M F16 pp512") echo 6546 ;; "stories15M F16 tg32") echo 437 ;;
    "stories15M Q8_0 pp512") echo 6626 ;; "stories15M Q8_0 tg32") echo 858 ;;
    "stories15M Q4_0 pp512") echo 7953 ;; "stories15M Q4_0 tg32") echo 1194 ;;
    "smollm135M F16 pp512") echo 622 ;; "smollm135M F16 tg32") echo 97 ;;
    "smollm135M Q8_0 pp512") echo 574 ;; "smollm135M Q8_0 tg32") echo 106 ;;
    "smollm135M Q4_0 pp512") echo 761 ;; "smollm135M Q4_0 tg32") echo 185 ;;
    "llama1B Q4_0 pp512") echo 137 ;; "llama1B Q4_0 tg32") echo 34.7 ;;
    *) echo "" ;;
  esac
}

# What the CPU offers, from the kernel (model, the flags the levels need) and from the backend's own detection.
cpu_report() {
  local B=$1
  echo "== CPU"
  sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | tr ' ' '\n' |
    grep -Ex 'avx2|fma|f16c|avx512f|avx512bw|avx512vl|avx512_vnni|avx512_bf16|avx_vnni|amx_tile|amx_int8' | tr '\n' ' ')"
  # The backend's choice: "cpu: N threads, AVX-512 VNNI (...)"; SOSOIK_CPU_ISA is unset, so it is the best level.
  "$B/bin/sosoik-cli" devices 2>/dev/null | grep -E '^ +cpu:' | sed 's/^ *//' || echo "sosoik-cli devices failed"
}

# Qt Test output ($1) -> per-level counts, appended to $2 as "level result" lines. The data tags of the CPU
# tests start with the level ("avx512 Q4_0", "AVX-512 VNNI Q4_K k=256...", "AVX2 F16"); cases of a level the
# CPU lacks are QSKIPped ("this CPU lacks the level"), so without these counts a run on a machine without
# AVX-512 would look the same as one with it. "AVX-512 VNNI (emulated) ..." (the AVX-512 kernels on AVX2,
# tests/engine/support/avx512_emulated.cpp) counts as its own level, "avx512-emulated", never as avx512.
count_levels() {
  sed -n 's/^\(PASS\|FAIL!\|SKIP\) *: [A-Za-z0-9_]*::[A-Za-z0-9_]*(\(.*\)$/\1 \2/p' "$1" |
    awk '{ l = tolower($2); gsub("-", "", l); sub(/\)$/, "", l); if (l != "scalar" && l != "avx2" && l != "avx512") l = "other";
           if (l == "avx512" && $3 == "VNNI" && $4 ~ /^\(emulated\)/) l = "avx512-emulated";
           r = $1 == "PASS" ? "passed" : $1 == "SKIP" ? "skipped" : "failed"; print l, r }' >>"$2"
}
level_summary() { # counts file -> "scalar: 91 passed; avx2: 91 passed; avx512: 0 passed, 70 skipped; ..."
  awk '{ n[$1 " " $2]++ }
       END { split("scalar avx2 avx512 avx512-emulated", levels, " ");
             for (i = 1; i <= 4; i++) { l = levels[i];
               s = l ": " (n[l " passed"] + 0) " passed";
               if (n[l " failed"] > 0) s = s ", " n[l " failed"] " failed";
               if (n[l " skipped"] > 0) s = s ", " n[l " skipped"] " skipped";
               printf "%s%s", (i > 1 ? "; " : ""), s }
             print "" }' "$1"
}

# run_cpu_tests BUNDLE TESTS: each test with the validation layer on (tst_cpu_backend's Auto case opens the
# GPU); appends failures to the array `failed`, prints the levels each test ran.
run_cpu_tests() {
  local B=$1 tests=$2 t start counts="$XDG_RUNTIME_DIR/cpu-levels.txt"
  [ "$tests" = all ] && tests=$(cd "$B/bin" && ls tst_cpu_* | tr '\n' ' ')
  : >"$counts"
  echo "== CPU tests (every level this CPU has; cases of the others skip)"
  for t in $tests; do
    start=$SECONDS
    local one="$XDG_RUNTIME_DIR/$t.levels" rc=0
    : >"$one"
    VK_INSTANCE_LAYERS=VK_LAYER_KHRONOS_validation limited "$B/bin/$t" >"$XDG_RUNTIME_DIR/$t.log" 2>&1 || rc=$?
    count_levels "$XDG_RUNTIME_DIR/$t.log" "$one"
    if [ $rc = 0 ]; then
      echo "PASS $t ($((SECONDS - start)) s): $(level_summary "$one")"
    else
      failed+=("$t"); echo "$(status_word $rc) $t ($((SECONDS - start)) s): $(level_summary "$one"); its output:"
      grep -E '^(FAIL!|   Loc:)' "$XDG_RUNTIME_DIR/$t.log" | head -n 40
      tail -n 20 "$XDG_RUNTIME_DIR/$t.log"
    fi
    cat "$one" >>"$counts"
  done
  # shellcheck disable=SC2034 # both read by run_bundle's summary
  CPU_LEVELS_RUN=$(awk '$2 == "passed" { n[$1]++ }
    END { if (n["scalar"]) printf "scalar"; if (n["avx2"]) printf " avx2"; if (n["avx512"]) printf " avx512";
          if (n["avx512-emulated"]) printf " avx512-emulated" }' "$counts")
  # shellcheck disable=SC2034
  CPU_LEVEL_COUNTS=$(level_summary "$counts")
}

# run_cpu_bench BUNDLE ROWS THREADS PP TG REPS TABLE: one `sosoik-cli bench --backend cpu` per row into one
# table with issue #16's llama.cpp t/s beside ours; a row that fails is reported and the others still run.
run_cpu_bench() {
  local B=$1 rows=$2 threads=$3 pp=$4 tg=$5 reps=$6 table=$7 row first=1
  : >"$table"
  echo "== CPU bench: $threads threads, pp$pp and tg$tg, $reps runs (each after a warm-up run)"
  for row in $rows; do
    local shape=${row%%:*} rest=${row#*:} type prompt="" out
    type=${rest%%:*}
    [ "$rest" != "$type" ] && prompt=${rest#*:}
    out="$XDG_RUNTIME_DIR/cpu-bench-$shape-$type-$prompt.md"
    echo "-- $shape $type${prompt:+ (SOSOIK_CPU_PROMPT=$prompt)}"
    local rc=0
    # --bandwidth measure: what these threads can read (1 GiB), so tg rows show how near the memory limit they run.
    SOSOIK_CPU_PROMPT=$prompt limited "$B/bin/sosoik-cli" bench --synthetic "$shape" --type "$type" --backend cpu \
      -t "$threads" -p "$pp" -n "$tg" -r "$reps" --bandwidth measure >"$out" 2>"$out.err" || rc=$?
    if [ $rc != 0 ]; then
      failed+=("cpu-bench-$shape-$type${prompt:+-$prompt}"); echo "$(status_word $rc) cpu bench $row; its output:"
      tail -n 30 "$out.err"; continue
    fi
    [ $first = 1 ] && grep -m1 '^memory read bandwidth' "$out.err"
    # The header from the first run, the rows from all; the prompt math named in the model cell, and the
    # issue's llama.cpp t/s for the same model, type and test appended.
    grep '^|' "$out" | awk -v first=$first 'NR > 2 || first' |
      while IFS= read -r line; do
        local cells test ref
        IFS='|' read -r -a cells <<<"$line"
        test=$(echo "${cells[6]}" | tr -d ' ')
        case "$test" in
          test) echo "$line llama.cpp, issue #16 |"; continue ;;
          -*) echo "$line---:|"; continue ;;
        esac
        ref=""; [ -z "$prompt" ] && ref=$(issue_llama_cpp "$shape $type $test")
        [ -n "$prompt" ] && line=$(sed "s/^| $shape $type \( \{0,${#prompt}\}\)/| $shape $type $prompt/" <<<"$line")
        echo "$line ${ref:-–} |"
      done >>"$table"
    first=0
  done
}

# run_extra_bench BUNDLE THREADS PP TG REPS TABLE: the extra benchmark binary packed with `bundle --extra-bin`
# (llama-bench: the same synthetic files, so the same weights) on the rows that issue #16's table has, to tell
# how this machine's cores compare with the issue's. Third-party: a failure is reported, not counted.
run_extra_bench() {
  local B=$1 threads=$2 pp=$3 tg=$4 reps=$5 table=$6 bin row first=1
  : >"$table"
  for bin in "$B"/extra/bin/*; do break; done
  [ -f "$bin" ] || return 0
  echo "== $(basename "$bin") (bundled with --extra-bin): -t $threads -p $pp -n $tg -r $reps"
  for row in $CPU_ROWS_DEFAULT; do
    local shape=${row%%:*} type=${row#*:} out="$XDG_RUNTIME_DIR/extra.md"
    [ "$type" = "${type%:*}" ] || continue # the prompt-math rows are Sosoik's own switch
    [ -n "$(issue_llama_cpp "$shape $type pp512")" ] || continue
    local file="$XDG_CACHE_HOME/sosoik/bench/$shape-$type.gguf"
    [ -f "$file" ] || { echo "-- $shape $type: no synthetic file (its CPU bench row did not run)"; continue; }
    echo "-- $shape $type"
    if LD_LIBRARY_PATH="$B/extra/lib:$LD_LIBRARY_PATH" limited "$bin" -m "$file" -t "$threads" -p "$pp" -n "$tg" \
      -r "$reps" -o md >"$out" 2>"$out.err"; then
      grep '^|' "$out" | awk -v first=$first -v row="$shape $type: " \
        'NR <= 2 { if (first) print; next } { sub(/^\| /, "| " row); print }' >>"$table"
      first=0
    else
      echo "$(basename "$bin") failed (not counted):"; tail -n 5 "$out.err"
    fi
  done
}
