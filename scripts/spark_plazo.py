#!/usr/bin/env python3
"""`plazo sla` fanned out over Apache Spark partitions (docs/SCALING.md).

Run by scripts/spark-example.sh (which installs pyspark and a JRE);
by hand, with a python that has pyspark:

    python scripts/spark_plazo.py --data DIR --plazo BIN --partitions 4 \
        --cutoff "2026-10-31 23:59:59" --out OUT [--single SLA.csv]

1. Spark reads tickets.csv, events.csv and surveys.csv (every cell as
   text, RFC 4180 quoting) and keys every row by its ticket's shard:
   FNV-1a 64 of the trimmed UTF-8 ticket_id, mod N (the rule of
   `plazo sla --shard K/N`), so partition K holds exactly shard K.
2. Each partition writes its three tables to temporary CSV files (rows
   in their original file order, which decides ties between events at
   the same instant), runs `plazo sla` on them and yields the per-ticket
   rows; a partition also leaves its rows in OUT/parts/part-K.csv.
3. The driver collects the rows into OUT/sla-spark.csv (header once,
   partitions in order). With --single, it compares them with a single
   `plazo sla` run's rows, sorted by ticket_id, and exits 1 when any
   differs.

A ticket's figures depend only on its own rows, the policy and the
cutoff (docs/CONTRACT.md §3), which is why the partitions' rows equal
the single run's.
"""
import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

TABLES = ("tickets", "events", "surveys")


def fnv1a64(text):
    """FNV-1a 64 of the trimmed UTF-8 ticket id (plazo::model::shard)."""
    h = 0xCBF29CE484222325
    for b in text.strip().encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="folder with tickets.csv, events.csv, surveys.csv")
    ap.add_argument("--plazo", required=True, help="the plazo binary")
    ap.add_argument("--policy", required=True, help="the policy (TOML)")
    ap.add_argument("--cutoff", required=True, help="the cutoff given to every plazo sla run")
    ap.add_argument("--partitions", type=int, default=4, help="N: partitions (shards)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--single", help="a single plazo sla run's CSV to compare with")
    return ap.parse_args()


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def make_partition_runner(headers, plazo, policy, cutoff, parts_dir):
    """The function each partition runs: its tables -> plazo sla -> rows."""

    def run(index, items):
        tables = {t: [] for t in TABLES}
        for _shard, (table, order, row) in items:
            tables[table].append((order, row))
        if not tables["tickets"]:
            return
        tmp = tempfile.mkdtemp(prefix=f"plazo-spark-{index}-")
        try:
            args = [plazo, "-q", "sla", "--policy", policy, "--cutoff", cutoff]
            for t in TABLES:
                if t not in headers:
                    continue
                rows = [r for _, r in sorted(tables[t], key=lambda x: x[0])]
                path = os.path.join(tmp, f"{t}.csv")
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(csv_text(headers[t], rows))
                args += [f"--{t}", path]
            out = os.path.join(tmp, "sla.csv")
            args += ["--out", out]
            done = subprocess.run(args, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(
                    f"partition {index}: plazo sla exited {done.returncode}: {done.stderr.strip()}"
                )
            shutil.copyfile(out, os.path.join(parts_dir, f"part-{index:05d}.csv"))
            with open(out, encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                yield ("header", next(reader))
                for rec in reader:
                    yield ("row", rec)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    return run


def spark_job(args):
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[*]")
        .appName("plazo-sla-partitions")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t0

    t1 = time.perf_counter()
    n = args.partitions
    headers = {}
    keyed = []
    for t in TABLES:
        path = os.path.join(args.data, f"{t}.csv")
        if not os.path.exists(path):
            continue
        df = spark.read.csv(
            path, header=True, multiLine=True, escape='"', inferSchema=False
        )
        headers[t] = df.columns
        col = df.columns.index("ticket_id")
        # zipWithIndex keeps the file order (partitions are read in order).
        keyed.append(
            df.rdd.zipWithIndex().map(
                lambda ri, t=t, col=col: (
                    fnv1a64(ri[0][col] or "") % n,
                    (t, ri[1], tuple(ri[0])),
                )
            )
        )
    parts_dir = os.path.join(args.out, "parts")
    os.makedirs(parts_dir, exist_ok=True)
    runner = make_partition_runner(
        headers, os.path.abspath(args.plazo), os.path.abspath(args.policy), args.cutoff, parts_dir
    )
    out = (
        spark.sparkContext.union(keyed)
        .partitionBy(n, lambda shard: shard)  # partition K = shard K
        .mapPartitionsWithIndex(runner)
        .collect()
    )
    job = time.perf_counter() - t1
    spark.stop()

    header_list = [r for kind, r in out if kind == "header"]
    if not header_list or any(h != header_list[0] for h in header_list):
        sys.exit("spark_plazo: the partitions' plazo sla runs wrote different headers")
    rows = [r for kind, r in out if kind == "row"]
    collected = os.path.join(args.out, "sla-spark.csv")
    with open(collected, "w", encoding="utf-8", newline="") as f:
        f.write(csv_text(header_list[0], rows))
    print(
        f"spark: {len(rows):,} per-ticket rows from {len(header_list)} partitions "
        f"in {job:.2f} s (Spark session start {started:.2f} s, not included) -> {collected}"
    )
    return header_list[0], rows


def compare(header, rows, single):
    with open(single, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        single_header = next(reader)
        single_rows = list(reader)
    if header != single_header:
        print("spark: the headers differ from the single run's")
        return False
    key = header.index("ticket_id")
    a = sorted(rows, key=lambda r: r[key])
    b = sorted(single_rows, key=lambda r: r[key])
    equal = sum(1 for x, y in zip(a, b) if x == y)
    differ = max(len(a), len(b)) - equal
    print(
        f"spark vs single run: {len(a):,} and {len(b):,} rows; {equal:,} equal, "
        f"{differ:,} different (sorted by ticket_id, every column compared as text)"
    )
    for x, y in [(x, y) for x, y in zip(a, b) if x != y][:5]:
        cols = [header[i] for i in range(len(header)) if i >= len(y) or x[i] != y[i]]
        print(f"  {x[key]}: differs in {', '.join(cols[:6])}")
    return differ == 0


def main():
    args = parse_args()
    if args.partitions < 1:
        sys.exit("spark_plazo: --partitions must be at least 1")
    os.makedirs(args.out, exist_ok=True)
    shutil.rmtree(os.path.join(args.out, "parts"), ignore_errors=True)
    header, rows = spark_job(args)
    if args.single and not compare(header, rows, args.single):
        sys.exit(1)


if __name__ == "__main__":
    main()
