#!/usr/bin/env bash
# plazo on Apache Spark (local mode): the worked example of
# docs/SCALING.md. Outside CI: it downloads pyspark (~400 MB, from the
# Python package registry) and, when `java` is missing, Debian's JRE.
#
#   scripts/spark-example.sh [TICKETS] [PARTITIONS]    # default 100000 4
#
# Steps:
#   1. a venv with pyspark under $PLAZO_SCALE_DIR (scale-common.sh);
#      apt-get install -y openjdk-17-jre-headless when java is missing;
#   2. the release build of plazo and the generator; the Víctimas data
#      set of TICKETS tickets (seed 1, --updates 0), reused when present;
#   3. a single `plazo sla` run (the reference), timed;
#   4. scripts/spark_plazo.py: Spark partitions the three tables by the
#      shard of their ticket_id (FNV-1a 64 mod PARTITIONS, as
#      `plazo sla --shard K/N`), runs `plazo sla` in each partition,
#      collects the per-ticket rows and compares them with step 3's,
#      sorted by ticket_id (exit 1 when any differs);
#      when plazo has `sla --shard`, partition 0's rows must also equal
#      `plazo sla --shard 0/PARTITIONS`'s, byte for byte;
#   5. when plazo has `report --sla-rows`: `plazo report` on the collected
#      rows and on the raw tables; their indicators.csv must be equal.
#      Otherwise the step says it was skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SCRIPT_NAME=spark-example
# shellcheck source=scripts/scale-common.sh
. scripts/scale-common.sh

N="${1:-100000}"
PARTS="${2:-4}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die 2 "TICKETS '$N': give a whole number (e.g. 100000)"
[[ "$PARTS" =~ ^[1-9][0-9]*$ ]] || die 2 "PARTITIONS '$PARTS': give a whole number (e.g. 4)"
need_tools cargo python3 cmp
mkdir -p "$SCALE_DIR/data"
SCALE_DIR="$(cd "$SCALE_DIR" && pwd)"

# 1. Java and pyspark.
if ! command -v java >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] ||
    die 2 "java is missing: as root, apt-get install -y openjdk-17-jre-headless (or put a JRE 17+ on PATH)"
  say "installing Debian's JRE (openjdk-17-jre-headless)"
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null ||
    die 1 "apt-get install openjdk-17-jre-headless failed"
fi
ensure_venv pyspark
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY"
say "$(java -version 2>&1 | head -n 1); pyspark $("$PY" -c 'import pyspark; print(pyspark.__version__)')"

# 2. Binaries and data.
release_build
d="$SCALE_DIR/data/sparse-$N"
generate_set "$d" "$N" 0
# The Víctimas policy replaces people's names by pseudonyms ([report]
# people = "pseudonyms"). Without a key they are numbered per run, so
# each partition would number its own people: shards need the key, which
# gives every person the same pseudonym in every run.
export PLAZO_PSEUDONYM_KEY="${PLAZO_PSEUDONYM_KEY:-spark-example-not-a-secret-0123456789}"
out="$SCALE_DIR/spark-$N-$PARTS"
rm -rf "$out"
mkdir -p "$out"
common=(--policy "$ROOT/$POLICY" --tickets "$d/tickets.csv" --events "$d/events.csv"
  --surveys "$d/surveys.csv")

# 3. The reference: one plazo sla run over everything.
say "single run: plazo sla on $N tickets"
timed "$out/single.time" "$PLAZO" -q sla "${common[@]}" --cutoff "$CUTOFF" \
  --out "$out/sla-single.csv" || die 1 "plazo sla failed (single run)"
say "single run: $(time_field "$out/single.time" wall) s wall, max RSS $(time_field "$out/single.time" rss_mb) MB"

# 4. The same through Spark.
say "spark: $PARTS partitions, plazo sla in each"
timed "$out/spark.time" nice -n 5 "$PY" scripts/spark_plazo.py --data "$d" --plazo "$PLAZO" \
  --policy "$ROOT/$POLICY" --cutoff "$CUTOFF" --partitions "$PARTS" --out "$out" \
  --single "$out/sla-single.csv" || die 1 "the Spark run failed or its rows differ (see above)"
say "spark: the whole script $(time_field "$out/spark.time" wall) s wall (JVM start included), max RSS of the driver $(time_field "$out/spark.time" rss_mb) MB"

# 4b. Spark's partition K is plazo's shard K: when plazo has --shard,
# partition 0's rows must equal `plazo sla --shard 0/N`'s, byte for byte
# (both keep the input order).
if "$PLAZO" sla --help 2>/dev/null | grep -q -- '--shard'; then
  "$PLAZO" -q sla "${common[@]}" --cutoff "$CUTOFF" --shard "0/$PARTS" \
    --out "$out/shard-0.csv" || die 1 "plazo sla --shard 0/$PARTS failed"
  if cmp -s "$out/parts/part-00000.csv" "$out/shard-0.csv"; then
    say "shards: Spark's partition 0 equals plazo sla --shard 0/$PARTS ($(($(wc -l <"$out/shard-0.csv") - 1)) rows)"
  else
    die 1 "shards: Spark's partition 0 differs from plazo sla --shard 0/$PARTS ($out/parts/part-00000.csv, $out/shard-0.csv)"
  fi
else
  say "shards: SKIPPED: this plazo has no 'sla --shard' (the shards change adds it)"
fi

# 5. The reduce step: plazo report on the collected rows.
if "$PLAZO" report --help 2>/dev/null | grep -q -- '--sla-rows'; then
  say "report: plazo report --sla-rows on Spark's rows, and on the raw tables"
  timed "$out/report-rows.time" "$PLAZO" -q report --policy "$ROOT/$POLICY" \
    --sla-rows "$out/sla-spark.csv" --period "$PERIOD" --out "$out/informe-spark" ||
    die 1 "plazo report --sla-rows failed"
  timed "$out/report-single.time" "$PLAZO" -q report "${common[@]}" --period "$PERIOD" \
    --out "$out/informe-single" || die 1 "plazo report failed (raw tables)"
  if cmp -s "$out/informe-spark/indicators.csv" "$out/informe-single/indicators.csv"; then
    say "report: indicators.csv equal ($(wc -l <"$out/informe-single/indicators.csv") lines); $(time_field "$out/report-rows.time" wall) s from the rows, $(time_field "$out/report-single.time" wall) s from the raw tables"
  else
    diff "$out/informe-spark/indicators.csv" "$out/informe-single/indicators.csv" | head -n 20 >&2 || true
    die 1 "report: indicators.csv differ between the Spark rows and the raw tables"
  fi
else
  say "report: SKIPPED: this plazo has no 'report --sla-rows' (the shards change adds it); run again once it is merged"
fi
say "outputs in $out"
