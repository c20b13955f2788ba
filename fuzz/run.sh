#!/usr/bin/env bash
# Builds the fuzz targets, generates the seeds and runs each target for a bounded time,
# one process at a time. Exits non-zero on any finding (crash, sanitizer report,
# invariant violation, hang past -timeout, memory past -rss_limit_mb).
#
#   bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      default: 60, all targets
#
# Environment:
#   FUZZ_MAX_LEN=4096     largest input (bytes, option byte included)
#   FUZZ_KEEP_GOING=1     fork mode: keep fuzzing after a finding (for long campaigns)
#   FUZZ_ARGS="..."       extra libFuzzer flags
# Out (git-ignored): fuzz/out/corpus/<target>/ (kept between runs), fuzz/out/seeds/,
# fuzz/out/logs/<target>.log, findings in fuzz/out/artifacts/<target>/.
set -u
cd "$(dirname "$0")"

SECONDS_PER_TARGET=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(fuzz_parse fuzz_html fuzz_ocp fuzz_jsscan fuzz_jscheck)
MAX_LEN=${FUZZ_MAX_LEN:-4096}

if ! make -s all 2>out.build.log; then
  # src/test/arena_asan.c mirrors src/arena.h; while that API moves it may lag behind.
  echo "fuzz: WARNING: build with src/test/arena_asan.c failed (see fuzz/out.build.log);" \
       "building with src/arena.c (ASan cannot see overflows inside arena blocks)" >&2
  make -s clean-bin && make -s all ARENA=real || { echo "fuzz: build failed" >&2; exit 2; }
fi
rm -f out.build.log
[ -d out/seeds ] || make -s seeds || { echo "fuzz: seeds failed" >&2; exit 2; }

status=0
for t in "${TARGETS[@]}"; do
  corpus=out/corpus/$t
  artifacts=out/artifacts/$t
  log=out/logs/$t.log
  mkdir -p "$corpus" "$artifacts" out/logs
  before=$(ls "$artifacts" | wc -l)
  flags=(-max_total_time="$SECONDS_PER_TARGET" -max_len="$MAX_LEN" -timeout=10
         -rss_limit_mb=2048 -dict=mdx.dict -print_final_stats=1
         -artifact_prefix="$artifacts/")
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s (max_len $MAX_LEN), log $log"
  # shellcheck disable=SC2086
  ./out/"$t" "${flags[@]}" ${FUZZ_ARGS:-} "$corpus" out/seeds >"$log" 2>&1
  rc=$?
  after=$(ls "$artifacts" | wc -l)

  # libFuzzer's last status line ("#N DONE cov: ... exec/s: ...") and final stats.
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  [ -z "$execs" ] && execs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
  [ -z "$speed" ] && speed=$(printf '%s\n' "$last" | sed -n 's/.*exec\/s:\{0,1\} \([0-9]*\).*/\1/p')
  cov=$(printf '%s\n' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  echo "fuzz: $t: executions ${execs:-?}, exec/s ${speed:-?}, cov: ${cov:-?}, ft: ${ft:-?}," \
       "corpus $(ls "$corpus" | wc -l) files, exit $rc, new findings $((after - before))"
  if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
    status=1
    echo "fuzz: $t: FINDING(S) - see $log and $artifacts/" >&2
    grep -E 'ERROR: |fuzz invariant violated|runtime error' "$log" |
      sed -E 's/^==[0-9]+== ?//; s/\[[0-9]+,[0-9]+\)//g' | sort | uniq -c | head -n 20 >&2
  fi
done
exit $status
