//! Shards and precomputed rows (issue 13, "Past one machine";
//! docs/CONTRACT.md §5.11): `plazo sla --shard K/N` takes the tickets
//! whose FNV-1a 64 hash of the id is K mod N, `plazo report --sla-rows`
//! builds the report from the parts, and the indicators equal the single
//! run's byte for byte. Expected shard membership is computed here with
//! an independent FNV-1a over the ids of `tickets.csv` (read with the
//! `csv` crate); expected indicators are the normal report's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Reader, Xlsx, open_workbook};

use crate::util::{read_rows, root, tempdir};

/// A key, so that people's pseudonyms do not depend on which tickets a
/// run saw (docs/CONTRACT.md §5.11).
const KEY: &str = "0123456789abcdef0123456789abcdef";

/// Runs plazo in `dir` with the pseudonym key set.
fn plazo_k(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plazo"))
        .args(args)
        .current_dir(dir)
        .env_remove("PLAZO_LANG")
        .env("PLAZO_PSEUDONYM_KEY", KEY)
        .output()
        .expect("run plazo")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "plazo failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn victimas() -> PathBuf {
    root().join("samples/victimas")
}

const CUTOFF: &str = "2026-10-31T23:59:59-05:00";

/// The data flags of the Víctimas sample at the October report's cutoff.
fn data() -> Vec<String> {
    let v = victimas();
    let mut a = Vec::new();
    for (flag, f) in [
        ("--policy", "policy.toml"),
        ("--tickets", "tickets.csv"),
        ("--events", "events.csv"),
        ("--surveys", "surveys.csv"),
    ] {
        a.push(flag.to_string());
        a.push(v.join(f).display().to_string());
    }
    a.extend(["--cutoff".to_string(), CUTOFF.to_string()]);
    a
}

fn sla(dir: &Path, extra: &[&str]) -> Output {
    let mut a: Vec<String> = vec!["sla".into()];
    a.extend(data());
    a.extend(extra.iter().map(|s| s.to_string()));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    plazo_k(dir, &a)
}

/// FNV-1a 64, written again from its definition.
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 14_695_981_039_346_656_037;
    for b in s.trim().bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(1_099_511_628_211);
    }
    h
}

/// The ids of the sample's tickets.csv.
fn sample_ids() -> Vec<String> {
    read_rows(&victimas().join("tickets.csv"))
        .into_iter()
        .map(|r| r["ticket_id"].clone())
        .collect()
}

/// The worked example of docs/CONTRACT.md §5.11, as Python computes it.
#[test]
fn the_documented_hash_example() {
    use plazo::model::shard::{Shard, fnv1a64};
    assert_eq!(fnv1a64(b"UV-90001"), 10_083_509_393_320_111_407);
    assert_eq!(Shard::of(" UV-90001 ", 7), 1);
    assert_eq!(Shard::of("UV-6707", 7), 3);
    assert_eq!(fnv("UV-6707"), fnv1a64(b"UV-6707"));
}

/// Runs every shard of N into `dir/parts` (CSV) and returns the ids of
/// each part and each run's summary.
fn shards(dir: &Path, n: u64) -> (Vec<BTreeSet<String>>, Vec<String>) {
    let parts = dir.join("parts");
    std::fs::create_dir_all(&parts).unwrap();
    let mut ids = Vec::new();
    let mut said = Vec::new();
    for k in 0..n {
        let out = parts.join(format!("sla-{k}.csv"));
        let shard = format!("{k}/{n}");
        let o = sla(dir, &["--shard", &shard, "--out", out.to_str().unwrap()]);
        said.push(ok(&o));
        ids.push(
            read_rows(&out)
                .into_iter()
                .map(|r| r["ticket_id"].clone())
                .collect(),
        );
    }
    (ids, said)
}

/// Each part holds exactly the tickets the independent hash gives it;
/// the parts add up to the 3,008 tickets; each summary counts the
/// tickets it skipped.
#[test]
fn shard_membership_follows_the_hash() {
    let all = sample_ids();
    assert_eq!(all.len(), 3008);
    for n in [2u64, 7] {
        let dir = tempdir(&format!("shards-member-{n}"));
        let (parts, said) = shards(&dir, n);
        let mut total = 0;
        for (k, got) in parts.iter().enumerate() {
            let want: BTreeSet<String> = all
                .iter()
                .filter(|id| fnv(id) % n == k as u64)
                .cloned()
                .collect();
            assert_eq!(got, &want, "shard {k}/{n}");
            total += got.len();
            let skipped = all.len() - want.len();
            let s = format!(
                "Fragmento {k}/{n}: omitidos {} tickets de otros fragmentos",
                plazo::text::thousands(
                    skipped as u64,
                    plazo::text::lang::Lang::Es
                )
            );
            assert!(said[k].contains(&s), "{}", said[k]);
        }
        assert_eq!(total, 3008);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The normal October report, into `dir/ref`.
fn reference(dir: &Path) -> PathBuf {
    let out = dir.join("ref");
    let mut a: Vec<String> = vec!["report".into()];
    a.extend(data().into_iter().take(8));
    a.extend(["--period", "2026-10", "--out"].map(String::from));
    a.push(out.display().to_string());
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    ok(&plazo_k(dir, &a));
    out
}

/// `plazo report --sla-rows ROWS` for October, into `out`.
fn from_rows(dir: &Path, rows: &Path, out: &Path) -> Output {
    let policy = victimas().join("policy.toml");
    plazo_k(
        dir,
        &[
            "report",
            "--policy",
            policy.to_str().unwrap(),
            "--sla-rows",
            rows.to_str().unwrap(),
            "--period",
            "2026-10",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

/// The lines of a file, sorted (the parts keep their own order).
fn sorted_lines(p: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    v.sort();
    v
}

/// Every cell of a sheet from row `from` (0-based) on, as text.
fn cells(book: &Path, sheet: &str, from: u32) -> BTreeMap<(u32, u32), String> {
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let r = wb.worksheet_range(sheet).unwrap();
    r.cells()
        .map(|(i, j, c)| ((i as u32, j as u32), c.to_string()))
        .filter(|((i, _), _)| *i >= from)
        .collect()
}

/// N = 1, 2, 7: the report from the parts has the single run's
/// indicators.csv byte for byte, the same per-ticket rows and escalation
/// rows (in another order), and the same Resumen sheet.
#[test]
fn indicators_over_shards_equal_the_single_run() {
    let dir = tempdir("shards-equal");
    let want = reference(&dir);
    let book = "informe-2026-10.xlsx";
    for n in [1u64, 2, 7] {
        let d = dir.join(format!("n{n}"));
        std::fs::create_dir_all(&d).unwrap();
        shards(&d, n);
        let out = d.join("informe");
        ok(&from_rows(&d, &d.join("parts"), &out));
        assert_eq!(
            std::fs::read_to_string(out.join("indicators.csv")).unwrap(),
            std::fs::read_to_string(want.join("indicators.csv")).unwrap(),
            "N = {n}"
        );
        for f in ["sla.csv", "escalations.csv"] {
            assert_eq!(
                sorted_lines(&out.join(f)),
                sorted_lines(&want.join(f)),
                "{f}, N = {n}"
            );
        }
        // Resumen's indicator table (from "Indicador" on; the rows above
        // name the inputs, which differ); the same 34 indicators.
        let got = cells(&out.join(book), "Resumen", 7);
        assert_eq!(got, cells(&want.join(book), "Resumen", 7), "N = {n}");
        assert_eq!(got[&(7, 0)], "Indicador");
        assert_eq!(got.keys().map(|k| k.0).max(), Some(41));
        assert_eq!(got[&(38, 3)], "111", "escalations");
        // The inputs: the parts with their rows, under their own role.
        let head = cells(&out.join(book), "Resumen", 5);
        if n == 1 {
            assert_eq!(head[&(5, 1)], "sla-0.csv (3008 filas)");
        }
        let method = cells(&out.join(book), "Metodología", 0);
        let role = "filas por ticket precalculadas (plazo sla)";
        let roles = method.values().filter(|v| *v == role).count();
        assert_eq!(roles as u64, n, "N = {n}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--out -` writes the same CSV on stdout as into a file.
#[test]
fn stdout_is_the_file() {
    let dir = tempdir("shards-stdout");
    let f = dir.join("p.csv");
    ok(&sla(
        &dir,
        &["--shard", "1/3", "--out", f.to_str().unwrap()],
    ));
    let o = sla(&dir, &["--shard", "1/3", "--out", "-"]);
    ok(&o);
    assert_eq!(o.stdout, std::fs::read(&f).unwrap());
    let o = sla(&dir, &["--out", "-", "--format", "parquet"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "plazo: --out -: la salida estándar solo admite CSV; quite --format o use --format csv"
    );
}

/// A rejected row with `--out -`: counted on stderr, written only to
/// `--rejects FILE`.
#[test]
fn stdout_rejects_are_counted_or_written_where_asked() {
    let dir = tempdir("shards-stdout-rejects");
    let v = victimas();
    let mut t = std::fs::read_to_string(v.join("tickets.csv")).unwrap();
    t.push_str("UV-BAD,ayer,Incidente,Media,,,,,,,1,,\n");
    std::fs::write(dir.join("tickets.csv"), t).unwrap();
    let run = |extra: &[&str]| {
        let mut a = vec![
            "sla",
            "--policy",
            v.join("policy.toml").to_str().unwrap().to_owned().leak(),
            "--tickets",
            "tickets.csv",
            "--events",
            v.join("events.csv").to_str().unwrap().to_owned().leak(),
            "--cutoff",
            CUTOFF,
            "--out",
            "-",
        ];
        a.extend(extra);
        plazo_k(&dir, &a)
    };
    let s = ok(&run(&[]));
    assert!(
        s.starts_with(
            "1 filas o celdas rechazadas (no escritas: use --rejects ARCHIVO para verlas)."
        ),
        "{s}"
    );
    let s = ok(&run(&["--rejects", "r.csv"]));
    assert!(
        s.starts_with("1 filas o celdas rechazadas (ver r.csv)."),
        "{s}"
    );
    let r = read_rows(&dir.join("r.csv"));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["value"], "ayer");
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let dir = tempdir("shards-bad");
    for bad in ["7/7", "1/0", "a/3"] {
        let o = sla(&dir, &["--shard", bad, "--out", "x.csv"]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr).trim(),
            format!(
                "plazo: --shard \"{bad}\": escriba K/N, con N (el número de \
                 fragmentos) de 1 en adelante y K (este fragmento) de 0 a \
                 N-1, p. ej. --shard 0/4 ... --shard 3/4"
            )
        );
        assert!(!dir.join("x.csv").exists());
    }
}

/// Rows that cannot make this report: a ticket in two parts, another
/// policy file, another cutoff. Each an exit-2 error naming the files.
#[test]
fn rows_of_another_run_are_refused() {
    let dir = tempdir("shards-refused");
    let parts = dir.join("parts");
    std::fs::create_dir_all(&parts).unwrap();
    let a = parts.join("a.csv");
    ok(&sla(
        &dir,
        &["--shard", "0/2", "--out", a.to_str().unwrap()],
    ));
    // The same part twice.
    std::fs::copy(&a, parts.join("b.csv")).unwrap();
    let o = from_rows(&dir, &parts, &dir.join("x"));
    assert_eq!(o.status.code(), Some(2));
    let first = read_rows(&a)[0]["ticket_id"].clone();
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        format!(
            "plazo: el ticket {first} está en {} (línea 2) y en {} (línea 2): \
             cada ticket debe estar en una sola parte; quite las partes de \
             otra corrida o use el mismo N en todos los --shard",
            a.display(),
            parts.join("b.csv").display()
        )
    );
    std::fs::remove_file(parts.join("b.csv")).unwrap();
    // Another cutoff: September's report.
    let policy = victimas().join("policy.toml");
    let o = plazo_k(
        &dir,
        &[
            "report",
            "--policy",
            policy.to_str().unwrap(),
            "--sla-rows",
            parts.to_str().unwrap(),
            "--period",
            "2026-09",
            "--out",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        format!(
            "plazo: {}, línea 2: las filas se calcularon al corte {CUTOFF} y \
             el informe usa 2026-09-30T23:59:59-05:00; corra plazo sla con \
             --cutoff 2026-09-30T23:59:59-05:00 o pase ese --cutoff a plazo report",
            a.display()
        )
    );
    // Another policy file: one more comment line changes its hash.
    let mut p = std::fs::read_to_string(&policy).unwrap();
    p.push_str("# otra\n");
    std::fs::write(dir.join("policy.toml"), &p).unwrap();
    let o = plazo_k(
        &dir,
        &[
            "report",
            "--policy",
            "policy.toml",
            "--sla-rows",
            parts.to_str().unwrap(),
            "--period",
            "2026-10",
            "--out",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("línea 2: las filas se calcularon con otra política"),
        "{err}"
    );
    assert!(!dir.join("x").exists());
}

/// A precomputed row whose optional number is `i64::MIN`, the one value
/// plazo's compact rows keep for "none" (`time::OptSecs`): a bad cell,
/// exit 2, as any other unreadable value; never taken as empty.
#[test]
fn a_row_with_the_none_sentinel_is_refused() {
    let dir = tempdir("shards-sentinel");
    let a = dir.join("a.csv");
    ok(&sla(&dir, &["--out", a.to_str().unwrap()]));
    let mut r = csv::Reader::from_path(&a).unwrap();
    let head = r.headers().unwrap().clone();
    let col = head.iter().position(|h| h == "response_target_s").unwrap();
    let mut w = csv::Writer::from_path(dir.join("b.csv")).unwrap();
    w.write_record(&head).unwrap();
    for (k, rec) in r.records().enumerate() {
        let mut rec: Vec<String> =
            rec.unwrap().iter().map(str::to_string).collect();
        if k == 0 {
            rec[col] = i64::MIN.to_string();
        }
        w.write_record(&rec).unwrap();
    }
    w.flush().unwrap();
    let o = from_rows(&dir, &dir.join("b.csv"), &dir.join("x"));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        format!(
            "plazo: {}, línea 2, columna response_target_s: valor \
             \"-9223372036854775808\" ilegible (se espera 0, 1, 2...); la \
             tabla debe ser la que escribió plazo sla, sin editar",
            dir.join("b.csv").display()
        )
    );
    assert!(!dir.join("x").exists());
}

/// `--out DIR/ --format parquet`: one folder per month of opened_at,
/// `part-K` per shard; read back as one dataset by polars (hive
/// partitioning) and by `plazo report --sla-rows`.
#[test]
fn partitioned_parquet_is_one_dataset() {
    use polars::prelude::*;
    let dir = tempdir("shards-parquet");
    let ds = dir.join("sla");
    let out = format!("{}/", ds.display());
    for k in 0..3 {
        let shard = format!("{k}/3");
        ok(&sla(
            &dir,
            &["--shard", &shard, "--out", &out, "--format", "parquet"],
        ));
    }
    // The months of opened_at (the sample writes -05:00, the policy's
    // zone): the folders.
    let rows = read_rows(&victimas().join("tickets.csv"));
    let months: BTreeSet<String> = rows
        .iter()
        .map(|r| r["opened_at"][..7].to_string())
        .collect();
    let folders: BTreeSet<String> = std::fs::read_dir(&ds)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("period="))
        .map(|n| n["period=".len()..].to_string())
        .collect();
    assert_eq!(folders, months);
    // Each month's parts: the shards of its tickets.
    for m in &months {
        let want: BTreeSet<String> = rows
            .iter()
            .filter(|r| &r["opened_at"][..7] == m)
            .map(|r| format!("part-{:05}.parquet", fnv(&r["ticket_id"]) % 3))
            .collect();
        let got: BTreeSet<String> =
            std::fs::read_dir(ds.join(format!("period={m}")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        assert_eq!(got, want, "{m}");
    }
    // The partition column as text (polars would parse 2026-07 as a
    // date, a feature plazo does not compile).
    let hive =
        Schema::from_iter([Field::new("period".into(), DataType::String)]);
    let args = ScanArgsParquet {
        hive_options: HiveOptions {
            try_parse_dates: false,
            schema: Some(Arc::new(hive)),
            ..HiveOptions::new_enabled()
        },
        ..Default::default()
    };
    let glob = format!("{}/**/*.parquet", ds.display());
    let df = LazyFrame::scan_parquet(PlRefPath::from(glob.as_str()), args)
        .unwrap()
        .collect()
        .unwrap();
    assert_eq!(df.height(), 3008);
    // Each row's partition is the month of its opened_at.
    let period = df
        .column("period")
        .unwrap()
        .cast(&DataType::String)
        .unwrap();
    let opened = df.column("opened_at").unwrap();
    let (p, o) = (period.str().unwrap(), opened.str().unwrap());
    for i in 0..df.height() {
        assert_eq!(p.get(i).unwrap(), &o.get(i).unwrap()[..7]);
    }
    // The report from the dataset equals the normal one.
    let want = reference(&dir);
    let got = dir.join("informe");
    ok(&from_rows(&dir, &ds, &got));
    assert_eq!(
        std::fs::read_to_string(got.join("indicators.csv")).unwrap(),
        std::fs::read_to_string(want.join("indicators.csv")).unwrap()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Víctimas replaces names with pseudonyms: without the key each shard
/// would number the people its own way, so `--shard` refuses to run.
#[test]
fn shards_need_the_pseudonym_key() {
    let dir = tempdir("shards-people");
    let mut a: Vec<String> = vec!["sla".into()];
    a.extend(data());
    a.extend(["--shard", "0/2", "--out", "x.csv"].map(String::from));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let o = crate::util::plazo(&dir, &a);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        format!(
            "plazo: --shard: {} reemplaza los nombres de las personas \
             ([report] people) y cada fragmento los numeraría a su manera; \
             use people = \"pseudonyms\" con la clave PLAZO_PSEUDONYM_KEY \
             (la misma en todos los fragmentos) o people = \"names\"",
            victimas().join("policy.toml").display()
        )
    );
}
