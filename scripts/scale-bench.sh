#!/usr/bin/env bash
# The scale table of docs/PERFORMANCE.md ("At scale: 1M, 3M, 10M
# tickets"), in one command. Outside CI: it builds the release binaries,
# installs polars in a venv and generates gigabytes of CSV.
#
#   scripts/scale-bench.sh [SIZES...]      # default: 1000000 3000000 10000000
#
# For each size and each data profile, it generates the Víctimas data
# with the sample generator (seed 1; reused when already there), then
# measures side by side, in this order:
#   (a) the polars read floor: Python polars reads tickets.csv and
#       events.csv (pl.read_csv, every core); the read alone is timed
#       inside Python, the process under /usr/bin/time -v;
#   (b) plazo sla end to end (--out DIR/sla.csv, cutoff 2026-10-31 23:59:59);
#   (c) plazo report --period 2026-10 end to end;
# each under /usr/bin/time -v (wall, user, sys, max RSS). It prints a
# Markdown table ready to paste (plazo's wall time over polars' read time
# as the ratio the issue's target reads) and appends the raw numbers to
# $PLAZO_SCALE_DIR/scale-bench.log. A failed plazo run is recorded as
# such (its exit code and last message) and the run goes on.
#
# Profiles (PLAZO_SCALE_PROFILES, default "sparse dense"):
#   sparse  --updates 0: the generator's own histories, ~5.4 events a ticket
#   dense   --updates 4: four work updates more, ~9.2 events a ticket
#
# Environment (and scripts/scale-common.sh's):
#   PLAZO_SCALE_DIR            data, venv, outputs, log (default /tmp/plazo-scale)
#   PLAZO_SCALE_PROFILES       profiles to measure (default "sparse dense")
#   PLAZO_SCALE_SKIP_MEASURED  1: skip a (profile, size) the log already has
#                              for the same plazo commit (default 0: measure)
#   PLAZO_SCALE_PRUNE          1: delete each data set after measuring it
#                              (when the disk cannot hold them all)
#
# Disk: about 0.75 GB (sparse) and 1.0 GB (dense) of CSV per million
# tickets, plus ~2.8 GB per million for the outputs and temporary files
# of one report (deleted after each measure); checked before anything is
# generated.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SCRIPT_NAME=scale-bench
# shellcheck source=scripts/scale-common.sh
. scripts/scale-common.sh

SIZES=("$@")
[ "${#SIZES[@]}" -gt 0 ] || SIZES=(1000000 3000000 10000000)
read -r -a PROFILES <<<"${PLAZO_SCALE_PROFILES:-sparse dense}"
SKIP_MEASURED="${PLAZO_SCALE_SKIP_MEASURED:-0}"
PRUNE="${PLAZO_SCALE_PRUNE:-0}"
LOG="$SCALE_DIR/scale-bench.log"

for n in "${SIZES[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die 2 "size '$n': give a whole number of tickets (e.g. 1000000)"
done
updates_of() {
  case "$1" in
  sparse) echo 0 ;;
  dense) echo 4 ;;
  *) die 2 "PLAZO_SCALE_PROFILES: unknown profile '$1'; use sparse, dense or both" ;;
  esac
}
for p in "${PROFILES[@]}"; do updates_of "$p" >/dev/null; done

need_tools cargo python3 awk df du
mkdir -p "$SCALE_DIR/data" "$SCALE_DIR/runs"
SCALE_DIR="$(cd "$SCALE_DIR" && pwd)"

# --- disk and memory, before anything is built or generated -----------
# MB of CSV per million tickets: measured on the 1M set when present.
mb_per_million() { # PROFILE
  local d="$SCALE_DIR/data/$1-1000000"
  if data_ready "$d"; then
    du -sm "$d" | awk '{ print $1 }'
  elif [ "$1" = sparse ]; then echo 750; else echo 1050; fi
}
# Outputs and temporary files at the peak of one run, per million
# tickets: `plazo report` writes sla.csv (~675 MB), escalations.csv and
# the workbook (~1,060 MB in all), and the workbook's constant-memory
# sheets spill their XML to temporary files before it is compressed: the
# 10M dense report peaked at 27 GB (2026-12-04).
OUT_MB_PER_MILLION=2800
need_total=0
need_one=0
for n in "${SIZES[@]}"; do
  for p in "${PROFILES[@]}"; do
    data_ready "$SCALE_DIR/data/$p-$n" && continue
    mb=$(($(mb_per_million "$p") * n / 1000000))
    need_total=$((need_total + mb))
    [ "$mb" -gt "$need_one" ] && need_one=$mb
  done
done
max_n=0
for n in "${SIZES[@]}"; do [ "$n" -gt "$max_n" ] && max_n=$n; done
out_mb=$((OUT_MB_PER_MILLION * max_n / 1000000 + 200))
free=$(free_mb "$SCALE_DIR")
if [ "$PRUNE" = 1 ]; then
  need=$((need_one + out_mb))
else
  need=$((need_total + out_mb))
fi
say "disk: $free MB free in $SCALE_DIR; this run needs about $need MB (data to generate: $need_total MB; largest set $need_one MB; outputs $out_mb MB)"
if [ "$need" -gt "$free" ]; then
  if [ "$PRUNE" != 1 ] && [ $((need_one + out_mb)) -le "$free" ]; then
    die 2 "not enough disk for all the data sets at once: set PLAZO_SCALE_PRUNE=1 (each set deleted after it is measured; needs $((need_one + out_mb)) MB), give fewer sizes, or free space"
  fi
  die 2 "not enough disk: $need MB needed, $free MB free in $SCALE_DIR; set PLAZO_SCALE_DIR to a larger disk or give smaller sizes"
fi

release_build
ensure_venv polars
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  COMMIT="$COMMIT+dirty"
fi
say "plazo $COMMIT ($PLAZO); polars $("$PY" -c 'import polars; print(polars.__version__)')"

cat >"$SCALE_DIR/polars_read.py" <<'PY'
# The read floor: polars reads the two tables into memory, every core.
import sys, time
import polars as pl
t0 = time.perf_counter()
tickets = pl.read_csv(sys.argv[1])
events = pl.read_csv(sys.argv[2])
dt = time.perf_counter() - t0
print(f"{dt:.3f} {tickets.height} {events.height} {pl.thread_pool_size()}")
PY

# generate PROFILE N: the data set, made once (scale-common.sh).
generate() {
  local n="$2"
  local mem_mb=$(($(mb_per_million "$1") * n / 1000000 * 13 / 10 + 200))
  generate_set "$SCALE_DIR/data/$1-$n" "$n" "$(updates_of "$1")" "$mem_mb"
}

lines_of() { # FILE: data rows (lines minus the header)
  echo $(($(wc -l <"$1") - 1))
}

# measure PROFILE N: appends one record to the log and to RECORDS.
RECORDS=()
measure() {
  local p="$1" n="$2"
  local d="$SCALE_DIR/data/$p-$n"
  local r="$SCALE_DIR/runs/$p-$n"
  rm -rf "$r"
  mkdir -p "$r"
  local tickets events in_mb
  tickets=$(lines_of "$d/tickets.csv")
  events=$(lines_of "$d/events.csv")
  in_mb=$(du -cm "$d/tickets.csv" "$d/events.csv" "$d/surveys.csv" | awk 'END { print $1 }')
  # The same page-cache state for all three: read the files once first.
  cat "$d/tickets.csv" "$d/events.csv" "$d/surveys.csv" >/dev/null
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)

  say "$p $n: polars read"
  local pol_read pol_rows
  if timed "$r/polars.time" "$PY" "$SCALE_DIR/polars_read.py" "$d/tickets.csv" "$d/events.csv" \
    >"$r/polars.out" 2>"$r/polars.err"; then
    read -r pol_read _ pol_rows _ <"$r/polars.out"
  else
    pol_read=NA
    pol_rows=NA
    say "polars failed: $(tail -n 1 "$r/polars.err")"
  fi

  local common=(--policy "$ROOT/$POLICY" --tickets "$d/tickets.csv"
    --events "$d/events.csv" --surveys "$d/surveys.csv")
  say "$p $n: plazo sla"
  local sla_rc=0
  timed "$r/sla.time" "$PLAZO" -q sla "${common[@]}" --cutoff "$CUTOFF" \
    --out "$r/sla.csv" >"$r/sla.out" 2>"$r/sla.err" || sla_rc=$?
  local sla_mb=NA
  [ -f "$r/sla.csv" ] && sla_mb=$(du -m "$r/sla.csv" | awk '{ print $1 }')
  rm -f "$r/sla.csv"

  say "$p $n: plazo report --period $PERIOD"
  local rep_rc=0
  timed "$r/report.time" "$PLAZO" -q report "${common[@]}" --period "$PERIOD" \
    --out "$r/informe" >"$r/report.out" 2>"$r/report.err" || rep_rc=$?
  local rep_mb=NA
  [ -d "$r/informe" ] && rep_mb=$(du -sm "$r/informe" | awk '{ print $1 }')
  rm -rf "$r/informe"

  local rec
  rec="date=$(date -u +%Y-%m-%dT%H:%M:%SZ)	commit=$COMMIT	profile=$p	size=$n"
  rec+="	tickets=$tickets	events=$events	in_mb=$in_mb	load=$load"
  rec+="	polars_read_s=$pol_read	polars_events=$pol_rows"
  rec+="	polars_wall_s=$(time_field "$r/polars.time" wall)	polars_rss_mb=$(time_field "$r/polars.time" rss_mb)"
  local k
  for k in sla report; do
    local rc
    if [ "$k" = sla ]; then rc=$sla_rc; else rc=$rep_rc; fi
    rec+="	${k}_rc=$rc	${k}_wall_s=$(time_field "$r/$k.time" wall)"
    rec+="	${k}_user_s=$(time_field "$r/$k.time" user)	${k}_sys_s=$(time_field "$r/$k.time" sys)"
    rec+="	${k}_rss_mb=$(time_field "$r/$k.time" rss_mb)"
    if [ "$rc" != 0 ]; then
      rec+="	${k}_error=$(tail -n 1 "$r/$k.err" | tr '\t' ' ' | cut -c1-200)"
      say "plazo $k exited $rc: $(tail -n 1 "$r/$k.err")"
    fi
  done
  rec+="	sla_out_mb=$sla_mb	report_out_mb=$rep_mb	bin=$PLAZO"
  echo "$rec" >>"$LOG"
  RECORDS+=("$rec")
  say "$p $n: done (sla $(time_field "$r/sla.time" wall) s, report $(time_field "$r/report.time" wall) s, polars read ${pol_read} s)"
}

for n in "${SIZES[@]}"; do
  for p in "${PROFILES[@]}"; do
    if [ "$SKIP_MEASURED" = 1 ] && [ -f "$LOG" ]; then
      prev=$(grep -P "\tcommit=$COMMIT\tprofile=$p\tsize=$n\t" "$LOG" | tail -n 1 || true)
      if [ -n "$prev" ]; then
        say "$p $n: already measured for $COMMIT (PLAZO_SCALE_SKIP_MEASURED=1), reusing the log's record"
        RECORDS+=("$prev")
        continue
      fi
    fi
    generate "$p" "$n"
    measure "$p" "$n"
    if [ "$PRUNE" = 1 ]; then
      say "deleting $SCALE_DIR/data/$p-$n (PLAZO_SCALE_PRUNE=1)"
      rm -rf "$SCALE_DIR/data/$p-$n"
    fi
  done
done

say "raw numbers appended to $LOG"
printf '%s\n' "${RECORDS[@]}" | "$PY" scripts/scale-table.py
