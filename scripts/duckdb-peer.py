#!/usr/bin/env python3
"""A SQL peer of `plazo sla`, written the way a data engineer would
(docs/PERFORMANCE.md, "Against a SQL peer"). Outside CI.

For the solved, never-reopened tickets of a canonical data set, DuckDB
cuts each ticket's status intervals by day, joins them to the calendar's
working intervals (weekday hours from the policy, closed days from
`plazo calendar holidays`), and sums the overlaps in the running states
(`new` and `open` of the policy's [states]): the resolution business
seconds, as the dbt_zendesk package does by week. Then `plazo sla` runs
on the same files, and every covered ticket's `resolution_business_s` is
compared with the peer's. Both are timed in the same run; the exit code
is 1 when any covered ticket differs.

    scripts/duckdb-peer.py --data DIR --plazo target/release/plazo

DIR holds tickets.csv and events.csv (the generator's or ingest's
canonical tables). Needs `duckdb` (pip); scale-bench's venv has it:
/tmp/plazo-scale/venv/bin/python scripts/duckdb-peer.py ...

What the peer covers, and why that is plazo's rule too (docs/CONTRACT.md
§3.2-3.3): the clock starts at `opened_at`; an event before it counts at
it; events after the cutoff are ignored; the state before the first
event is `new`; a ticket is covered when it has a solved or closed event
by the cutoff, no new/open/paused event after its first one (never
reopened) and no cancelled, unresolved or unmapped label; its
`solved_at` is that first solved/closed event, and its resolution time
is the business time of its new/open intervals before it. Policies with
`[clock] start`, `[[versions]]` or more than one calendar are not
handled. Business time is computed on the policy zone's local wall
clock, exact for zones without DST (America/Bogota).
"""
import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import tomllib

try:
    import duckdb
except ImportError:
    sys.exit(
        "duckdb-peer: the duckdb module is missing: pip install duckdb "
        "(scripts/scale-bench.sh's venv has it: $PLAZO_SCALE_DIR/venv/bin/python)"
    )

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
CLASSES = ["new", "open", "paused", "solved", "unresolved", "closed", "cancelled"]


def fold(label):
    """Labels are matched trimmed and case-insensitively."""
    return label.strip().lower()


def parse_args():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="folder with tickets.csv and events.csv")
    ap.add_argument("--plazo", required=True, help="the plazo binary (release build)")
    ap.add_argument(
        "--policy",
        default=os.path.join(here, "..", "samples", "victimas", "policy.toml"),
        help="the policy (default: samples/victimas/policy.toml)",
    )
    ap.add_argument(
        "--cutoff",
        default="2026-10-31 23:59:59",
        help="local time in the policy's zone (default: 2026-10-31 23:59:59)",
    )
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="DuckDB threads")
    ap.add_argument("--keep", help="keep plazo's sla.csv at this path")
    ap.add_argument(
        "--plazo-sla",
        help="compare with this existing `plazo sla` output (same data, policy and "
        "cutoff) instead of running and timing plazo",
    )
    return ap.parse_args()


def secs(hhmm):
    """'08:00' -> 28800 (and '24:00' -> 86400)."""
    h, m = hhmm.strip().split(":")
    return int(h) * 3600 + int(m) * 60


def load_policy(path):
    try:
        with open(path, "rb") as f:
            pol = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        sys.exit(f"duckdb-peer: {path}: {e}")
    for key in ("extends", "versions", "clock"):
        if key in pol:
            sys.exit(f"duckdb-peer: {path}: [{key}] is not handled by the peer; use a plain policy")
    states = []
    for cls in CLASSES:
        for label in pol.get("states", {}).get(cls, []):
            states.append((fold(label), cls))
    hours = []
    for i, day in enumerate(DAYS):
        for seg in pol.get("calendar", {}).get("hours", {}).get(day, []):
            a, b = (secs(x) for x in seg.split("-"))
            hours.append((i + 1, a, b))  # ISO weekday 1..7
    if not hours:
        sys.exit(f"duckdb-peer: {path}: [calendar.hours] is empty")
    return pol.get("timezone", "America/Bogota"), states, hours


def closed_days(plazo, policy, years):
    """The policy's closed days, from plazo itself (holiday sets and
    extra_closed_days): `plazo calendar holidays --format csv`."""
    days = []
    for y in years:
        out = subprocess.run(
            [plazo, "calendar", "holidays", "--year", str(y), "--policy", policy, "--format", "csv"],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            sys.exit(f"duckdb-peer: plazo calendar holidays --year {y} failed: {out.stderr.strip()}")
        for line in out.stdout.splitlines()[1:]:
            if line.strip():
                days.append(dt.date.fromisoformat(line.split(",", 1)[0]))
    return days


PEER_SQL = """
-- Every instant on the zone's local wall clock.
-- A repeated ticket_id keeps its first row, as plazo does (§1.2).
CREATE TEMP TABLE t AS
SELECT ticket_id, opened FROM (
  SELECT ticket_id, timezone($tz, CAST(opened_at AS TIMESTAMPTZ)) AS opened,
         row_number() OVER () AS seq
  FROM read_csv($tickets, all_varchar = true, header = true)
)
QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY seq) = 1;

CREATE TEMP TABLE e AS
SELECT ticket_id,
       timezone($tz, CAST("at" AS TIMESTAMPTZ)) AS ts,
       lower(trim(status)) AS label,
       row_number() OVER () AS seq              -- file order, for ties
FROM read_csv($events, all_varchar = true, header = true);

-- Events by the cutoff, mapped, clamped to the opening, numbered in
-- the order plazo takes them (time, then file order).
CREATE TEMP TABLE ev AS
SELECT *, row_number() OVER (PARTITION BY ticket_id ORDER BY ts, seq) AS pos
FROM (
  SELECT e.ticket_id, greatest(e.ts, t.opened) AS ts, e.seq,
         coalesce(s.cls, 'unmapped') AS cls, t.opened
  FROM e JOIN t USING (ticket_id) LEFT JOIN states s ON s.label = e.label
  WHERE e.ts <= $cutoff
);

-- Covered: solved or closed by the cutoff, never reopened, nothing odd.
CREATE TEMP TABLE solved AS
WITH first_done AS (
  SELECT ticket_id, min(pos) AS solved_pos
  FROM ev WHERE cls IN ('solved', 'closed') GROUP BY ticket_id
), odd AS (
  SELECT DISTINCT ev.ticket_id
  FROM ev JOIN first_done f USING (ticket_id)
  WHERE ev.cls IN ('cancelled', 'unresolved', 'unmapped')
     OR (ev.cls IN ('new', 'open', 'paused') AND ev.pos > f.solved_pos)
)
SELECT f.ticket_id, f.solved_pos
FROM first_done f ANTI JOIN odd USING (ticket_id);

-- Status intervals up to solved_at: [previous instant, this event) in
-- the previous state ('new' before the first event).
CREATE TEMP TABLE iv AS
WITH ordered AS (
  SELECT ev.ticket_id, ev.ts, ev.pos, s.solved_pos,
         lag(ev.ts, 1, ev.opened) OVER w AS start_at,
         lag(ev.cls, 1, 'new') OVER w AS state
  FROM ev JOIN solved s USING (ticket_id)
  WINDOW w AS (PARTITION BY ev.ticket_id ORDER BY ev.pos)
)
SELECT ticket_id, start_at, ts AS end_at
FROM ordered
WHERE state IN ('new', 'open') AND ts > start_at AND pos <= solved_pos;

-- Cut by day, join to the day's working intervals, sum the overlaps.
CREATE TEMP TABLE peer AS
WITH days AS (
  SELECT ticket_id, start_at, end_at, unnest(generate_series(
           CAST(start_at AS DATE), CAST(end_at AS DATE), INTERVAL 1 DAY)) AS day
  FROM iv
), pieces AS (
  SELECT d.ticket_id,
         greatest(0, epoch(least(d.end_at, CAST(d.day AS TIMESTAMP) + to_seconds(w.close_s)))
                   - epoch(greatest(d.start_at, CAST(d.day AS TIMESTAMP) + to_seconds(w.open_s)))) AS s
  FROM days d
  JOIN hours w ON w.isodow = isodow(d.day)
  WHERE CAST(d.day AS DATE) NOT IN (SELECT day FROM closed)
)
SELECT s.ticket_id, CAST(coalesce(sum(p.s), 0) AS BIGINT) AS resolution_s
FROM solved s LEFT JOIN pieces p USING (ticket_id)
GROUP BY s.ticket_id;
"""


def run_peer(con, args, tz, states, hours, closed):
    con.execute("CREATE TEMP TABLE states (label VARCHAR, cls VARCHAR)")
    con.executemany("INSERT INTO states VALUES (?, ?)", states)
    con.execute("CREATE TEMP TABLE hours (isodow INTEGER, open_s BIGINT, close_s BIGINT)")
    con.executemany("INSERT INTO hours VALUES (?, ?, ?)", hours)
    con.execute("CREATE TEMP TABLE closed (day DATE)")
    if closed:  # executemany refuses an empty list
        con.executemany("INSERT INTO closed VALUES (?)", [(d,) for d in closed])
    params = {
        "tz": tz,
        "tickets": os.path.join(args.data, "tickets.csv"),
        "events": os.path.join(args.data, "events.csv"),
        "cutoff": dt.datetime.fromisoformat(args.cutoff),
    }
    t0 = time.perf_counter()
    for stmt in PEER_SQL.split(";"):
        if stmt.strip():
            used = {k: v for k, v in params.items() if "$" + k in stmt}
            con.execute(stmt, used)
    n = con.execute("SELECT count(*) FROM peer").fetchone()[0]
    return time.perf_counter() - t0, n


def run_plazo(args, sla_path):
    cmd = [
        "/usr/bin/time", "-f", "%e %U %S %M",
        args.plazo, "-q", "sla", "--policy", args.policy,
        "--tickets", os.path.join(args.data, "tickets.csv"),
        "--events", os.path.join(args.data, "events.csv"),
        "--cutoff", args.cutoff, "--out", sla_path,
    ]
    surveys = os.path.join(args.data, "surveys.csv")
    if os.path.exists(surveys):
        cmd[-2:-2] = ["--surveys", surveys]
    out = subprocess.run(cmd, capture_output=True, text=True)
    last = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
    if out.returncode != 0:
        sys.exit(f"duckdb-peer: plazo sla failed (exit {out.returncode}): {out.stderr.strip()}")
    wall, user, sys_s, rss_kb = last.split()
    return float(wall), float(user), float(sys_s), int(rss_kb) // 1024


def compare(con, sla_path):
    con.execute(
        "CREATE TEMP TABLE plazo AS SELECT ticket_id, solved_at, reopen_count, "
        "CAST(resolution_business_s AS BIGINT) AS resolution_s "
        "FROM read_csv($p, all_varchar = true, header = true)",
        {"p": sla_path},
    )
    return con.execute(
        """
        SELECT count(*) FILTER (WHERE q.resolution_s = p.resolution_s),
               count(*) FILTER (WHERE q.resolution_s IS DISTINCT FROM p.resolution_s),
               count(*) FILTER (WHERE p.ticket_id IS NULL),
               count(*) FILTER (WHERE p.solved_at = '' OR p.solved_at IS NULL
                                OR p.reopen_count <> '0'),
               (SELECT count(*) FROM plazo WHERE reopen_count = '0'
                  AND coalesce(solved_at, '') <> ''),
               (SELECT count(*) FROM plazo)
        FROM peer q LEFT JOIN plazo p USING (ticket_id)
        """
    ).fetchone()


def main():
    args = parse_args()
    if not os.access(args.plazo, os.X_OK):
        sys.exit(f"duckdb-peer: --plazo {args.plazo}: not an executable; build it (cargo build --release)")
    for f in ("tickets.csv", "events.csv"):
        if not os.path.exists(os.path.join(args.data, f)):
            sys.exit(f"duckdb-peer: --data {args.data}: {f} is missing")
    tz, states, hours = load_policy(args.policy)
    cutoff_year = dt.datetime.fromisoformat(args.cutoff).year
    con = duckdb.connect()
    con.execute(f"SET threads = {int(args.threads)}")
    first = con.execute(
        "SELECT min(CAST(opened_at AS TIMESTAMPTZ)) FROM read_csv($p, all_varchar = true)",
        {"p": os.path.join(args.data, "tickets.csv")},
    ).fetchone()[0]
    closed = closed_days(args.plazo, args.policy, range(first.year - 1, cutoff_year + 2))

    peer_s, covered = run_peer(con, args, tz, states, hours, closed)
    print(f"duckdb peer: {covered:,} solved, never-reopened tickets in {peer_s:.2f} s "
          f"(DuckDB {duckdb.__version__}, {args.threads} threads; reading the CSVs included)")

    wall = None
    with tempfile.TemporaryDirectory(prefix="plazo-peer-") as tmp:
        sla_path = args.plazo_sla or args.keep or os.path.join(tmp, "sla.csv")
        if not args.plazo_sla:
            wall, user, sys_s, rss = run_plazo(args, sla_path)
            print(f"plazo sla:   every ticket in {wall:.2f} s wall ({user:.2f} s user, "
                  f"{sys_s:.2f} s sys, max RSS {rss} MB)")
        equal, diff, missing, not_solved, plazo_cov, total = compare(con, sla_path)
    print(f"compared {covered:,} tickets: {equal:,} equal, {diff:,} different "
          f"({missing:,} missing from plazo's output, {not_solved:,} that plazo does not "
          f"see as solved and never reopened); plazo has {plazo_cov:,} such tickets of {total:,}")
    if diff:
        rows = con.execute(
            "SELECT q.ticket_id, q.resolution_s, p.resolution_s FROM peer q "
            "LEFT JOIN plazo p USING (ticket_id) "
            "WHERE q.resolution_s IS DISTINCT FROM p.resolution_s ORDER BY 1 LIMIT 10"
        ).fetchall()
        for t, a, b in rows:
            print(f"  {t}: peer {a} s, plazo {b} s")
        sys.exit(1)
    if wall is not None:
        print(f"plazo / peer wall time: {wall / peer_s:.2f}")


if __name__ == "__main__":
    main()
