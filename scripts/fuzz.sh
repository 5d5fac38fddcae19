#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ (cargo-fuzz, libFuzzer) for SECONDS each
# (default 60), one after the other, one process at a time, and prints per
# target the executions, the time, libFuzzer's final coverage (cov: / ft:)
# and whether it crashed. Exits 1 if any target crashed, hung (> 1 s on
# one input) or ran out of memory (> 2 GB); the input that did it is left
# in fuzz/artifacts/<target>/ (reproduce with
# `cargo +nightly fuzz run -s none --dev <target> <file>`).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Needs the nightly toolchain; installs cargo-fuzz if missing. The
# corpus grows in fuzz/corpus/<target> (git-ignored), starting from the
# committed seeds in fuzz/seeds/<target>. docs/ROBUSTNESS.md says why
# CI does not run this.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-60}"
shift || true
if ! [[ "$secs" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
# No sanitizer: plazo is safe Rust, and AddressSanitizer would halve the
# executions. The dev profile (fuzz/Cargo.toml: plazo and the targets
# optimised, dependencies not, which builds in minutes instead of an
# hour) keeps debug assertions on: an arithmetic overflow is a crash here
# (in a release build it would silently wrap into a wrong figure).
flags=(-s none --dev)
cargo +nightly fuzz build "${flags[@]}"
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

mkdir -p fuzz/artifacts
status=0
printf '%-16s %12s %8s %8s %8s  %s\n' target executions seconds cov ft result
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/seeds/$t"
  log="fuzz/artifacts/$t.log"
  start=$(date +%s)
  result=ok
  # One process, one thread (the same as -jobs=1 -workers=1, without
  # libFuzzer's job logs): the machine is shared.
  if ! cargo +nightly fuzz run "${flags[@]}" "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$secs" -timeout=1 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    result="CRASH (see $log)"
    status=1
  fi
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  printf '%-16s %12s %8s %8s %8s  %s\n' "$t" "${execs:--}" "$took" "${cov:--}" "${ft:--}" "$result"
done
exit $status
