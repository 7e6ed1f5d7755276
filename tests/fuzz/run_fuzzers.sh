#!/usr/bin/env bash
# Runs every libFuzzer target (or those named) for N seconds each, one after the other, on
# a scratch copy of its seed corpus (build-asan/fuzz-work/<target>; the committed corpus is
# not grown). Inputs that crash, leak, time out or run out of memory are written straight
# into tests/fuzz/regressions/<target>/, where the CTest replay (fuzz_replay_<target>)
# picks them up: fix the bug, keep the file.
# Usage: tests/fuzz/run_fuzzers.sh SECONDS [TARGET...]     (targets without "fuzz_")
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: run_fuzzers.sh SECONDS [TARGET...]}
shift
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(sed -n 's/^rs_add_fuzz_target(\([a-z_0-9]*\).*/\1/p' tests/fuzz/CMakeLists.txt)
fi
# RS_FUZZ_NO_BUILD=1 runs the fuzzers as built (e.g. while build-asan is busy elsewhere).
if [ "${RS_FUZZ_NO_BUILD:-0}" != 1 ]; then
  bash .ci/install-clang
  cmake --preset asan >/dev/null
  cmake --build build-asan -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
fi

# Bigger inputs where the format needs them (a project file is SQLite pages).
max_len() {
  case "$1" in
    project_open|kg_cache) echo 262144 ;;
    dicom|nifti|raster) echo 65536 ;;
    *) echo 16384 ;;
  esac
}

# Seconds one input may take before libFuzzer stops with a timeout. Wall-clock time: raise
# it (RS_FUZZ_TIMEOUT=120) when fuzzing at nice 19 beside builds, which starve the fuzzer.
limit=${RS_FUZZ_TIMEOUT:-20}
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
found=0
for t in "${targets[@]}"; do
  work=build-asan/fuzz-work/$t
  out=tests/fuzz/regressions/$t
  mkdir -p "$work" "$out"
  cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  touch "build-asan/fuzz-work/$t.start" # artifacts newer than this are this run's
  args=(-max_total_time="$seconds" -timeout="$limit" -rss_limit_mb=2560 -max_len="$(max_len "$t")"
        -artifact_prefix="$out"/ -print_final_stats=1)
  [ -f tests/fuzz/dict/"$t".dict ] && args+=(-dict=tests/fuzz/dict/"$t".dict)
  before=$(find "$out" -type f | wc -l)
  echo "== fuzz_$t for ${seconds}s"
  build-asan/tests/fuzz/fuzz_"$t" "${args[@]}" "$work" > "build-asan/fuzz-work/$t.log" 2>&1 || true
  log=build-asan/fuzz-work/$t.log
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|^(==[0-9]+==ERROR|SUMMARY)" \
    "$log" | head -5 || true
  # The figures of tests/fuzz/README.md's table: the last status line's coverage and corpus.
  grep -aE '^#[0-9]+' "$log" | tail -1 | sed -E 's/.*(cov: [0-9]+).*(corp: [^ ]+).*/   last: \1 \2/' || true
  # A slow input is no bug by itself (libFuzzer keeps it as slow-unit-*); timeouts are, when
  # they happen again: on a loaded machine (nice 19 beside a build) a quick input can sit
  # past the limit waiting for the CPU. Each timeout input runs once more, alone; one that
  # finishes within the limit is moved to build-asan/fuzz-work/<target>-unconfirmed/.
  find "$out" -name 'slow-unit-*' -delete
  for f in $(find "$out" -name 'timeout-*' -newer "build-asan/fuzz-work/$t.start" 2>/dev/null); do
    if timeout 60 build-asan/tests/fuzz/fuzz_"$t" "$f" >/dev/null 2>&1; then
      mkdir -p "build-asan/fuzz-work/$t-unconfirmed"
      mv "$f" "build-asan/fuzz-work/$t-unconfirmed/"
      echo "   timeout not reproduced alone (machine load): $(basename "$f") set aside"
    fi
  done
  after=$(find "$out" -type f | wc -l)
  if [ "$after" -gt "$before" ]; then
    echo "   NEW: $((after - before)) input(s) kept in $out (log: build-asan/fuzz-work/$t.log)"
    found=$((found + after - before))
  fi
done
echo "fuzzing done: $found new crash input(s)"
