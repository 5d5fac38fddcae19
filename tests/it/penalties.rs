//! The contract's discounts (`[contract]`, `[[penalties]]`, issue 16
//! part 3): band edges (`from` in, `to` out) worked by hand on a line of
//! known counts, cents rounded half up; the per-breach total is the
//! breaches counted from `sla.csv` times the amount, a waived breach
//! carrying none; the "Descuentos" sheet's amounts and money text; the
//! policy's errors.

use calamine::{Data, Reader, Xlsx, open_workbook};
use plazo::indicators::decisions::Book;
use plazo::indicators::penalties::compute;
use plazo::indicators::{Dim, Line, N, Parts, index};
use plazo::policy::{Money, Policy};
use plazo::report::Period;

use crate::util::{
    BOGOTA_POLICY, folder_command, plazo, read_rows, root, tempdir,
};

/// A policy of the Bogotá calendar with `extra` tables.
fn policy(extra: &str) -> plazo::Result<Policy> {
    Policy::from_toml(&format!("{BOGOTA_POLICY}\n{extra}"), "p.toml".as_ref())
}

/// An `all` line whose response compliance is `resp` (met, counted)
/// and resolution compliance `res`.
fn line(resp: (u64, u64), res: (u64, u64)) -> Line {
    let mut l = Line {
        dim: Dim::All,
        group: "all".into(),
        values: [None; N],
        parts: [Parts::default(); N],
    };
    for (id, (a, n)) in [
        ("response_compliance_pct", resp),
        ("resolution_compliance_pct", res),
    ] {
        let i = index(id).unwrap();
        l.values[i] = Some(100.0 * a as f64 / n as f64);
        l.parts[i] = Parts {
            num: Some(a as f64),
            den: Some(n),
        };
    }
    l
}

/// Response 9/10 = 90 % exactly and resolution 17/20 = 85 % exactly,
/// each on a band edge: `to = 90` leaves 90 out, `from = 90` takes it;
/// `below = 85` leaves 85 out, `from = 85` takes it. Fee 85 000 000:
/// 2.5 % is 2 125 000, 1 % is 850 000.
#[test]
fn band_edges_by_hand() {
    let p = policy(
        "[contract]\nmonthly_fee = 85000000\n\
         [[penalties]]\nindicator = \"response_compliance_pct\"\nfrom = 85\nto = 90\ndiscount_pct = 2\n\
         [[penalties]]\nindicator = \"response_compliance_pct\"\nfrom = 90\ndiscount_pct = 2.5\n\
         [[penalties]]\nindicator = \"resolution_compliance_pct\"\nbelow = 85\ndiscount_pct = 5\n\
         [[penalties]]\nindicator = \"resolution_compliance_pct\"\nfrom = 85\nto = 90\ndiscount_pct = 1\n",
    )
    .unwrap();
    let period = Period::parse("2026-10", p.tz()).unwrap();
    let d =
        compute(&p, &line((9, 10), (17, 20)), &[], &Book::default(), &period);
    let hits: Vec<(bool, i64)> =
        d.outcomes.iter().map(|o| (o.hit, o.amount.0)).collect();
    assert_eq!(
        hits,
        [
            (false, 0),
            (true, 212_500_000),
            (false, 0),
            (true, 85_000_000)
        ]
    );
    assert_eq!(d.total, Money(297_500_000));
    assert_eq!(
        d.total.text("COP", plazo::text::lang::Lang::Es),
        "2.975.000 COP"
    );
    // A fee of 1 peso, 0.5 %: half a cent, rounded up to one.
    let p = policy(
        "[contract]\nmonthly_fee = 1\ncurrency = \"USD\"\n\
         [[penalties]]\nindicator = \"response_compliance_pct\"\nbelow = 95\ndiscount_pct = 0.5\n",
    )
    .unwrap();
    let d =
        compute(&p, &line((9, 10), (1, 1)), &[], &Book::default(), &period);
    assert_eq!(d.total, Money(1));
    assert_eq!(d.total.text("USD", plazo::text::lang::Lang::En), "0.01 USD");
}

/// Every `[[penalties]]` error names the entry and says what to write.
#[test]
fn policy_errors_are_pinned() {
    let fee = "[contract]\nmonthly_fee = 1000\n";
    let pen = |body: &str| format!("{fee}[[penalties]]\n{body}");
    let cases = [
        (
            pen("indicator = \"resolution_compliance_pct\"\nbelow = 80\n"),
            "[[penalties]] n.º 1: escriba discount_pct (porcentaje de la cuota mensual) o per_breach (valor por ticket incumplido), uno de los dos",
        ),
        (
            pen("indicator = \"resolucion\"\nbelow = 80\ndiscount_pct = 2\n"),
            "[[penalties]] n.º 1, indicator: \"resolucion\" no es un indicador; use uno de: tickets_opened,",
        ),
        (
            pen("indicator = \"csat_mean\"\nper_breach = 10\n"),
            "[[penalties]] n.º 1: per_breach solo aplica a response_compliance_pct y resolution_compliance_pct (un valor por ticket incumplido), no a csat_mean",
        ),
        (
            pen("indicator = \"csat_mean\"\ndiscount_pct = 2\n"),
            "[[penalties]] n.º 1: discount_pct necesita la franja del resultado: from y/o to, o below",
        ),
        (
            pen("indicator = \"csat_mean\"\nbelow = 3\nfrom = 1\ndiscount_pct = 2\n"),
            "[[penalties]] n.º 1: below no se combina con from ni con to; below = 85 es lo mismo que to = 85",
        ),
        (
            pen("indicator = \"csat_mean\"\nfrom = 4\nto = 3\ndiscount_pct = 2\n"),
            "[[penalties]] n.º 1: from (4) debe ser menor que to (3)",
        ),
        (
            pen("indicator = \"csat_mean\"\nto = 4\ndiscount_pct = 2\n[[penalties]]\nindicator = \"csat_mean\"\nfrom = 3.5\ndiscount_pct = 1\n"),
            "[[penalties]] n.º 2: su franja se cruza con la de la n.º 1, del mismo indicador csat_mean; cada resultado debe caer en una sola franja",
        ),
        (
            pen("indicator = \"csat_mean\"\nto = 4\ndiscount_pct = 100.5\n"),
            "[[penalties]] n.º 1, discount_pct: 100.5 debe ser mayor que 0 y como mucho 100, con hasta dos decimales",
        ),
        (
            "[[penalties]]\nindicator = \"csat_mean\"\nto = 4\ndiscount_pct = 2\n".to_string(),
            "[[penalties]] n.º 1: discount_pct necesita [contract] monthly_fee, la cuota mensual del contrato",
        ),
        (
            "[contract]\nmonthly_fee = 12.345\n".to_string(),
            "[contract] monthly_fee: 12.345 no es un valor en dinero; escriba un número positivo con hasta dos decimales (4500000 o 4500000.50)",
        ),
        (
            pen("indicator = \"response_compliance_pct\"\nper_breach = -5\n"),
            "[[penalties]] n.º 1, per_breach: -5 no es un valor en dinero;",
        ),
    ];
    for (text, want) in cases {
        let e = policy(&text).unwrap_err();
        let got = e.message(plazo::text::lang::Lang::Es);
        assert!(got.contains(want), "{text}\n got: {got}\nwant: {want}");
        assert!(got.starts_with("p.toml"), "{got}");
        assert_eq!(e.exit_code(), 2);
    }
    // An unknown key in the tables is the TOML reader's error.
    let e = policy("[contract]\nfee = 1\n").unwrap_err();
    assert!(e.message(plazo::text::lang::Lang::Es).contains("fee"));
}

/// A cell as text.
fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A cell as a number.
fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// `plazo report` for October 2026 on the Víctimas sample with the
/// supervision policy (samples/victimas/supervision/penalties.toml) and
/// `extra`; the output folder.
fn report(name: &str, extra: &[&str]) -> std::path::PathBuf {
    report_with(name, None, extra)
}

/// [`report`], with `more` (TOML) added to the supervision policy when
/// given.
fn report_with(
    name: &str,
    more: Option<&str>,
    extra: &[&str],
) -> std::path::PathBuf {
    let dir = tempdir(name);
    let out = dir.join("out");
    let s = root().join("samples/victimas");
    let mut policy = s.join("supervision/penalties.toml");
    if let Some(more) = more {
        // The same policy beside the output, its `extends` made absolute.
        let base = std::fs::read_to_string(&policy).unwrap().replace(
            "extends = \"../policy.toml\"",
            &format!("extends = {:?}", s.join("policy.toml").display()),
        );
        policy = dir.join("policy.toml");
        std::fs::write(&policy, base + more).unwrap();
    }
    let mut e = vec!["--period", "2026-10", "--out", out.to_str().unwrap()];
    e.extend_from_slice(extra);
    let mut args = folder_command("report", &s, &e);
    let pos = args.iter().position(|a| a == "--policy").unwrap();
    args[pos + 1] = policy.display().to_string();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = plazo(&dir, &a);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The sample's bands: resolution 204/271 (75.3 %, in 70..80: 2 % of
/// 85 000 000 = 1 700 000), response 229/269 (85.1 %, in 80..90: 1 % =
/// 850 000) plus 50 000 per response breach, the breaches counted from
/// sla.csv (40). With the sample's decisions UV-9294's response is
/// waived: 39 breaches, its evidence row with no amount.
#[test]
fn the_sample_discounts() {
    let out = report("pen-plain", &[]);
    let sla = read_rows(&out.join("sla.csv"));
    let breaches = |waived: &[&str]| {
        sla.iter()
            .filter(|r| {
                r["excluded_reason"].is_empty()
                    && r["responded_at"].starts_with("2026-10")
                    && r["response_met"] == "false"
                    && !waived.contains(&r["ticket_id"].as_str())
            })
            .count() as i64
    };
    assert_eq!(breaches(&[]), 40);
    let res_breaches = sla
        .iter()
        .filter(|r| {
            r["excluded_reason"].is_empty()
                && r["solved_at"].starts_with("2026-10")
                && r["resolution_met"] == "false"
        })
        .count();
    let check = |out: &std::path::Path, n: i64, total: &str| {
        let mut wb: Xlsx<_> =
            open_workbook(out.join("informe-2026-10.xlsx")).unwrap();
        let sh = wb.worksheet_range("Descuentos").unwrap();
        let rows: Vec<&[Data]> = sh.rows().collect();
        assert_eq!(text(&rows[1][0]), "Cuota mensual: 85.000.000 COP");
        assert_eq!(text(&rows[2][0]), total);
        assert_eq!(text(&rows[4][8]), "Descuento (COP)");
        let amounts: Vec<f64> =
            rows[5..9].iter().map(|r| num(&r[8])).collect();
        assert_eq!(
            amounts,
            [1_700_000.0, 0.0, 850_000.0, 50_000.0 * n as f64]
        );
        assert_eq!(text(&rows[5][4]), "de 70 % a menos de 80 %");
        assert_eq!(text(&rows[6][6]), "No");
        assert_eq!(num(&rows[8][7]), n as f64);
        assert_eq!(text(&rows[8][5]), "50.000 COP por caso incumplido");
        // The evidence: every breach of both indicators (both have a
        // discount that applies), after its header.
        let head = rows.iter().position(|r| text(&r[0]) == "Caso").unwrap();
        let ev = &rows[head + 1..];
        assert_eq!(ev.len(), 40 + res_breaches);
        let paid: f64 = ev.iter().map(|r| num(&r[8])).sum();
        assert_eq!(paid, 50_000.0 * n as f64);
        ev.iter()
            .map(|r| r.iter().map(text).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    check(&out, 40, "Descuento total del periodo: 4.550.000 COP");

    let file = root().join("samples/victimas/supervision/decisions.csv");
    let out = report("pen-decided", &["--decisions", file.to_str().unwrap()]);
    assert_eq!(breaches(&["UV-9294"]), 39);
    let ev = check(&out, 39, "Descuento total del periodo: 4.500.000 COP");
    let waived = ev
        .iter()
        .find(|r| r[0] == "UV-9294" && r[1] == "Atención")
        .unwrap();
    assert_eq!(
        (waived[7].as_str(), waived[8].as_str()),
        ("Exonerado (20/10/2026)", "0")
    );
    // UV-9287: its resolution waived (no per-breach amount there anyway),
    // its response breached and charged.
    let r = ev
        .iter()
        .find(|r| r[0] == "UV-9287" && r[1] == "Atención")
        .unwrap();
    assert_eq!((r[7].as_str(), r[8].as_str()), ("", "50000"));
}

/// A discount on an escalation figure sees it: the discounts are
/// computed again once the escalation figures are in (they were taken
/// before, and such a discount read an empty value: "No", 0). The
/// sample's October count of escalations, from `indicators.csv`, with
/// 1% of the 85,000,000 COP fee for any count (`from = 0`).
#[test]
fn a_discount_on_the_escalations_counts_them() {
    let extra = "\n[[penalties]]\nindicator = \"escalations\"\nfrom = 0\ndiscount_pct = 1\n";
    let out = report_with("pen-escalations", Some(extra), &[]);
    let ind = std::fs::read_to_string(out.join("indicators.csv")).unwrap();
    let count = ind
        .lines()
        .find_map(|l| l.strip_prefix("2026-10,all,all,escalations,"))
        .and_then(|l| l.split(',').next())
        .unwrap()
        .to_string();
    assert!(count.parse::<u64>().unwrap() > 0, "{count}");
    let mut wb: Xlsx<_> =
        open_workbook(out.join("informe-2026-10.xlsx")).unwrap();
    let sh = wb.worksheet_range("Descuentos").unwrap();
    let rows: Vec<&[Data]> = sh.rows().collect();
    let row = rows
        .iter()
        .find(|r| text(&r[0]) == "Escalamientos")
        .expect("the escalations' discount");
    assert_eq!(num(&row[1]).to_string(), count);
    assert_eq!(text(&row[6]), "Sí");
    assert_eq!(num(&row[8]), 850_000.0);
    assert_eq!(
        text(&rows[2][0]),
        "Descuento total del periodo: 5.400.000 COP"
    );
}
