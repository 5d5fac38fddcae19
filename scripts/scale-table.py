#!/usr/bin/env python3
"""The Markdown scale table from scale-bench.sh's records.

scripts/scale-bench.sh pipes this run's records in; to reprint a table
from the log (one record a line, tab-separated key=value fields):

    scripts/scale-table.py /tmp/plazo-scale/scale-bench.log [--commit ABC1234]

Standard library only.
"""
import sys


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def gb(mb):
    v = num(mb)
    return "n/a" if v is None else f"{v / 1024:.2f} GB"


def run_cells(r, k):
    wall = num(r.get(k + "_wall_s"))
    rss = gb(r.get(k + "_rss_mb"))
    if r.get(k + "_rc") != "0":
        rc = r.get(k + "_rc")
        return [f"failed (exit {rc}) after {wall:.1f} s", "", rss, ""]
    floor = num(r.get("polars_read_s"))
    ratio = "n/a" if not floor else f"{wall / floor:.1f}x"
    cpu = num(r.get(k + "_user_s")) + num(r.get(k + "_sys_s"))
    return [f"**{wall:.1f} s**", f"{cpu:.1f} s", f"**{rss}**", ratio]


def table(rows):
    out = [
        "| profile | tickets | events | CSV in | polars read (max RSS) "
        "| `sla` wall | `sla` user+sys | `sla` max RSS | `sla` / polars "
        "| `report` wall | `report` user+sys | `report` max RSS "
        "| `report` / polars |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        floor = num(r.get("polars_read_s"))
        pol = (
            "failed"
            if floor is None
            else f"{floor:.2f} s ({gb(r.get('polars_rss_mb'))})"
        )
        cells = [
            r["profile"],
            f"{int(r['tickets']):,}",
            f"{int(r['events']):,}",
            gb(r["in_mb"]),
            pol,
        ]
        cells += run_cells(r, "sla") + run_cells(r, "report")
        out.append("| " + " | ".join(cells) + " |")
    commits = ", ".join(sorted({r["commit"] for r in rows}))
    loads = ", ".join(r["load"] for r in rows)
    out.append("")
    out.append(f"plazo {commits}; load average as each measure began: {loads}")
    for r in rows:
        for k in ("sla", "report"):
            if r.get(k + "_error"):
                out.append(
                    f"- {r['profile']} {int(r['size']):,}: `{k}` failed: "
                    + r[k + "_error"]
                )
    return "\n".join(out)


def main(argv):
    commit = None
    if "--commit" in argv:
        i = argv.index("--commit")
        commit = argv[i + 1]
        del argv[i : i + 2]
    src = open(argv[0], encoding="utf-8") if argv else sys.stdin
    rows = []
    for line in src:
        if not line.strip():
            continue
        r = dict(f.split("=", 1) for f in line.rstrip("\n").split("\t"))
        if commit is None or r.get("commit", "").startswith(commit):
            rows.append(r)
    if not rows:
        sys.exit("scale-table: no records" + (f" for commit {commit}" if commit else ""))
    print(table(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
