//! The breach review page (`plazo report --html`, docs/CONTRACT.md
//! §5.9) in a real browser: Debian's Chromium, headless, loads a copy
//! of the page with a test driver (`tests/it/html_driver.js`) that works
//! the filters, the search, the sort and a timeline, and writes what it
//! saw into the DOM, which `--dump-dom` prints. Expected values are
//! counted from the report's own `sla.csv` (read with the `csv` crate),
//! the sample's tickets and `plazo explain`'s text, never from the page.
//! A missing Chromium fails these tests (CI installs it: `.ci/run`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{copy_tree, ok_stdout, plazo, read_rows, root, tempdir};

/// The Chromium binary: `$PLAZO_CHROMIUM`, else `chromium` on the PATH.
fn chromium() -> PathBuf {
    let exe = std::env::var_os("PLAZO_CHROMIUM")
        .map_or_else(|| PathBuf::from("chromium"), PathBuf::from);
    let found = Command::new(&exe).arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "chromium not found ({}): the breach review page is tested in a \
         real browser; install Debian's chromium (apt-get install \
         chromium, as .ci/run does) or set PLAZO_CHROMIUM",
        exe.display()
    );
    exe
}

/// Runs headless Chromium with `args` and a private profile folder;
/// returns stdout.
fn headless(dir: &Path, args: &[&str]) -> String {
    let profile = dir.join("chromium-profile");
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The Víctimas sample folder.
fn victimas() -> PathBuf {
    root().join("samples/victimas")
}

/// `plazo report` of October 2026 on the sample folder `data` with
/// `--html` and `extra`, into `dir/out`; returns the output folder.
fn report(dir: &Path, data: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("out");
    let mut args = crate::util::folder_command(
        "report",
        data,
        &["--period", "2026-10", "--html", "--out"],
    );
    args.push(out.to_str().unwrap().to_string());
    args.extend(extra.iter().map(|s| s.to_string()));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(dir, &a));
    out
}

/// The page of the report in `out`.
fn page(out: &Path) -> PathBuf {
    out.join("informe-2026-10.html")
}

/// Loads a copy of `page` with the driver, asked to search for
/// `search` and open `open`'s timeline; returns the driver's results.
fn drive(dir: &Path, page: &Path, search: &str, open: &str) -> Value {
    let html = std::fs::read_to_string(page).unwrap();
    let capture = format!(
        "<head><script>window.PLAZO_ERRORS = [];\
         window.addEventListener('error', function (e) {{\
           PLAZO_ERRORS.push(e.target === window ? 'error: ' + e.message \
             : 'resource: ' + (e.target.src || e.target.href)); }}, true);\
         var plazoConsoleError = console.error;\
         console.error = function () {{\
           PLAZO_ERRORS.push('console.error: ' + \
             Array.prototype.join.call(arguments, ' '));\
           plazoConsoleError.apply(console, arguments); }};\
         window.PLAZO_TEST = {{ search: {}, open: {} }};</script>",
        serde_json::to_string(search).unwrap(),
        serde_json::to_string(open).unwrap()
    );
    let driver = format!(
        "<script>\n{}</script>\n</body>",
        include_str!("html_driver.js")
    );
    assert!(html.contains("<head>") && html.contains("</body>"));
    let copy = html
        .replacen("<head>", &capture, 1)
        .replacen("</body>", &driver, 1);
    let driven = dir.join("driven.html");
    std::fs::write(&driven, copy).unwrap();
    let url = format!("file://{}", driven.display());
    let dom = headless(dir, &["--dump-dom", &url]);
    let start = dom
        .rfind("<pre id=\"plazo-test-results\">")
        .expect("the driver wrote its results");
    let rest = &dom[start + "<pre id=\"plazo-test-results\">".len()..];
    let json = unescape(&rest[..rest.find("</pre>").unwrap()]);
    serde_json::from_str(&json).unwrap()
}

/// Text content as `--dump-dom` escapes it, unescaped.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// A JSON array of strings as a vector.
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

/// The tickets the list must show, from `sla.csv`: in scope, with a
/// measure breached and reached in October (response or resolution),
/// or a measure unfinished and past due (class `breached`), or at risk.
fn listed(out: &Path) -> Vec<BTreeMap<String, String>> {
    let oct = |t: &str| t.starts_with("2026-10");
    read_rows(&out.join("sla.csv"))
        .into_iter()
        .filter(|r| r["excluded_reason"].is_empty())
        .filter(|r| {
            (r["resolution_met"] == "false" && oct(&r["solved_at"]))
                || (r["response_met"] == "false" && oct(&r["responded_at"]))
                || [&r["resolution_class"], &r["response_class"]]
                    .iter()
                    .any(|c| *c == "breached" || *c == "at_risk")
        })
        .collect()
}

/// How many rows of `rows` have each value of `column`.
fn count_by(
    rows: &[BTreeMap<String, String>],
    column: &str,
) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for r in rows {
        *m.entry(r[column].clone()).or_insert(0) += 1;
    }
    m
}

/// The timeline rows `plazo explain --ticket ID --period 2026-10`
/// prints for the sample (the lines between the dashed rule and the
/// blank line), whitespace collapsed.
fn explain_rows(dir: &Path, data: &Path, id: &str) -> Vec<String> {
    let args = crate::util::folder_command(
        "explain",
        data,
        &["--ticket", id, "--period", "2026-10"],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = ok_stdout(&plazo(dir, &a));
    text.lines()
        .skip_while(|l| !l.starts_with("---"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The driver's timeline rows (cells), non-empty cells joined,
/// whitespace collapsed.
fn page_rows(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let cells = strings(row).join(" ");
            cells.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The number in a ticket id (`UV-9157` -> 9157).
fn number(id: &str) -> u64 {
    id.rsplit('-').next().unwrap().parse().unwrap()
}

/// The Víctimas page in Chromium: no error; 103 tickets (102 breached
/// or overdue, 1 at risk: counted from sla.csv); every filter's options
/// give the sla.csv counts and add up to the total; the search for
/// UV-90007 leaves that one ticket; sorting by ticket and by overrun
/// orders as sla.csv says; UV-90007's timeline opens in place with
/// `plazo explain`'s rows.
#[test]
fn the_page_filters_searches_sorts_and_opens_a_timeline() {
    let dir = tempdir("html-page");
    let out = report(&dir, &victimas(), &[]);
    let r = drive(&dir, &page(&out), "UV-90007", "UV-90007");
    assert_eq!(strings(&r["errors"]), Vec::<String>::new());
    let expected = listed(&out);
    assert_eq!(expected.len(), 103);
    assert_eq!(r["total"], 103);
    assert_eq!(r["shown"], "103");
    for (filter, column) in [
        ("priority", "priority"),
        ("category", "category"),
        ("group", "group"),
        ("assignee", "assignee"),
    ] {
        let want = count_by(&expected, column);
        let got: BTreeMap<String, u64> = r["filters"][filter]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| {
                // The rows shown and the count the page prints agree.
                assert_eq!(v[0].as_u64().unwrap().to_string(), v[1]);
                (k.clone(), v[0].as_u64().unwrap())
            })
            .collect();
        assert_eq!(got, want, "filter {filter}");
        assert_eq!(got.values().sum::<u64>(), 103, "filter {filter}");
    }
    // By priority, as counted by hand from sla.csv.
    let p = &r["filters"]["priority"];
    assert_eq!(
        (&p["Alta"][0], &p["Media"][0], &p["Baja"][0]),
        (&21.into(), &59.into(), &23.into())
    );
    // Breached or overdue (102), at risk and not past due (UV-90007).
    assert_eq!(r["filters"]["kind"]["Incumplimiento"][0], 102);
    assert_eq!(r["filters"]["kind"]["En riesgo"][0], 1);
    assert_eq!(strings(&r["search"]), ["UV-90007"]);
    assert_eq!(strings(&r["searchTitle"]), ["Escalado sin tomar al corte"]);
    assert_eq!(r["afterReset"], 103);
    // Sorted by ticket: by the number in the id, then the other way.
    let mut ids: Vec<String> =
        expected.iter().map(|r| r["ticket_id"].clone()).collect();
    ids.sort_by_key(|id| number(id));
    assert_eq!(strings(&r["byTicket"]), ids);
    ids.reverse();
    assert_eq!(strings(&r["byTicketDesc"]), ids);
    // Sorted by overrun, smallest first: UV-9157 (150:14:25) last.
    let over: BTreeMap<&str, i64> = expected
        .iter()
        .map(|r| {
            let n = |c: &str| r[c].parse::<i64>().unwrap_or(0);
            let v = n("resolution_overrun_s").max(n("response_overrun_s"));
            (r["ticket_id"].as_str(), v.max(0))
        })
        .collect();
    let by_over = strings(&r["byOverrun"]);
    assert_eq!(by_over.len(), 103);
    assert_eq!(by_over.last().map(String::as_str), Some("UV-9157"));
    assert_eq!(over["UV-9157"], 150 * 3600 + 14 * 60 + 25);
    let seq: Vec<i64> = by_over.iter().map(|id| over[id.as_str()]).collect();
    assert!(seq.windows(2).all(|w| w[0] <= w[1]), "{seq:?}");
    // The timeline: closed (hidden), then open in place (shown, and
    // its <details> grew by the bar, the lines and the table).
    assert_eq!(r["closedVisible"], false);
    assert_eq!(
        (&r["open"], &r["openVisible"]),
        (&true.into(), &true.into())
    );
    let (closed, open) = (&r["closedHeight"], &r["openHeight"]);
    assert!(
        open.as_f64().unwrap() > closed.as_f64().unwrap() + 80.0,
        "{closed} {open}"
    );
    let rows = page_rows(&r["timeline"]);
    assert_eq!(rows, explain_rows(&dir, &victimas(), "UV-90007"));
    // By hand (Mon-Fri 08:00-17:00): opened Thu 29 Oct 09:00, taken
    // 09:20; 09:20-17:00 and Fri 08:00-15:00 is 14:40; escalated Fri
    // 15:00, 2:00 to the close of Friday; 17:00 of its 18:00 (2bd): no
    // interval ran the target out.
    assert_eq!(rows.len(), 3);
    assert!(rows[0].contains(" 0:20:00 0:20:00 "), "{}", rows[0]);
    assert!(rows[1].contains(" 14:40:00 "), "{}", rows[1]);
    assert!(rows[2].ends_with("17:00:00 (94%)"), "{}", rows[2]);
    assert_eq!(r["marked"], serde_json::json!([]));
}

/// UV-9157 (the longest overrun): the page marks the interval in which
/// the resolution total first passed its target, the first row whose
/// "solución acum." is over 100 % in `plazo explain`'s text.
#[test]
fn the_timeline_marks_where_the_target_ran_out() {
    let dir = tempdir("html-ran-out");
    let out = report(&dir, &victimas(), &[]);
    let r = drive(&dir, &page(&out), "UV-9157", "UV-9157");
    assert_eq!(strings(&r["errors"]), Vec::<String>::new());
    assert_eq!(strings(&r["search"]), ["UV-9157"]);
    let explain = explain_rows(&dir, &victimas(), "UV-9157");
    assert_eq!(page_rows(&r["timeline"]), explain);
    let pct = |row: &str| -> u64 {
        let p = row.rsplit('(').next().unwrap();
        p.trim_end_matches("%)").parse().unwrap()
    };
    let first_over = explain.iter().position(|row| pct(row) > 100).unwrap();
    // rowIndex counts the header row.
    assert_eq!(r["marked"], serde_json::json!([first_over + 1]));
}

/// A hostile title (markup, quotes, an ampersand) is shown as text,
/// runs nothing and breaks no attribute; the page names no address (no
/// `http://`, `https://`, `src=`, `href=`, `url(` or `@import`), so it
/// works offline; `--lang en` writes it in English.
#[test]
fn the_page_is_offline_and_escapes_titles() {
    let dir = tempdir("html-escape");
    let data = dir.join("data");
    copy_tree(&victimas(), &data);
    let hostile = r#"<script>alert("x")</script> & 'q' <b>"#;
    let tickets = std::fs::read_to_string(data.join("tickets.csv")).unwrap();
    let quoted = format!("\"{}\"", hostile.replace('"', "\"\""));
    let tickets = tickets.replacen(
        ",Escalado sin tomar al corte,",
        &format!(",{quoted},"),
        1,
    );
    std::fs::write(data.join("tickets.csv"), tickets).unwrap();
    let out = report(&dir, &data, &[]);
    let html = std::fs::read_to_string(page(&out)).unwrap();
    assert!(!html.contains("alert(\"x\")"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;b&gt;"));
    for banned in ["http://", "https://", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(banned), "the page contains {banned:?}");
    }
    let r = drive(&dir, &page(&out), "UV-90007", "UV-90007");
    assert_eq!(strings(&r["errors"]), Vec::<String>::new());
    assert_eq!(strings(&r["searchTitle"]), [hostile]);
    assert_eq!(r["total"], 103);
    // English.
    let en = dir.join("en");
    std::fs::create_dir_all(&en).unwrap();
    let out = report(&en, &victimas(), &["--lang", "en"]);
    let html = std::fs::read_to_string(page(&out)).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(
        html.contains("<title>Breach review October 2026</title>"),
        "{}",
        &html[..400]
    );
}

/// The page prints: Chromium's `--print-to-pdf` writes a PDF with at
/// least one page (pdfinfo, when installed, else the file's header).
#[test]
fn the_page_prints_to_pdf() {
    let dir = tempdir("html-pdf");
    let out = report(&dir, &victimas(), &[]);
    let pdf = dir.join("page.pdf");
    let url = format!("file://{}", page(&out).display());
    headless(
        &dir,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &url,
        ],
    );
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    if let Ok(o) = Command::new("pdfinfo").arg(&pdf).output() {
        let info = String::from_utf8_lossy(&o.stdout);
        let pages: u32 = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .expect("pdfinfo reports pages");
        // Letter landscape: the indicators, the charts and 103 rows.
        assert!(pages >= 3, "{pages} pages");
    }
}

/// With goals in the policy the indicator table shows the semáforo:
/// response 229/269 = 85.1 % against ≥ 90 (acceptable from 80) is
/// "aceptable", resolution 204/271 = 75.3 % against ≥ 70 "cumple",
/// reopens 16/271 = 5.9 % against ≤ 5 "no cumple" (counted from
/// sla.csv below).
#[test]
fn the_semaforo_follows_the_goals() {
    let dir = tempdir("html-goals");
    let data = dir.join("data");
    copy_tree(&victimas(), &data);
    let p = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    let goal = |p: String, id: &str, goal: &str| {
        let section = format!("[indicators.{id}]\n");
        assert!(p.contains(&section), "{section}");
        p.replacen(&section, &format!("{section}{goal}\n"), 1)
    };
    let p = goal(p, "response_compliance_pct", "goal = 90\nacceptable = 80");
    let p = goal(p, "resolution_compliance_pct", "goal = 70");
    let p = goal(p, "reopen_rate_pct", "goal = 5");
    std::fs::write(data.join("policy.toml"), p).unwrap();
    let out = report(&dir, &data, &[]);
    // The figures, from sla.csv: in scope and reached in October.
    let rows = read_rows(&out.join("sla.csv"));
    let oct = |r: &BTreeMap<String, String>, c: &str| {
        r["excluded_reason"].is_empty() && r[c].starts_with("2026-10")
    };
    let resp: Vec<_> = rows
        .iter()
        .filter(|r| oct(r, "responded_at") && !r["response_met"].is_empty())
        .collect();
    let res: Vec<_> = rows
        .iter()
        .filter(|r| oct(r, "solved_at") && !r["resolution_met"].is_empty())
        .collect();
    let met = |v: &[&BTreeMap<String, String>], c: &str| {
        v.iter().filter(|r| r[c] == "true").count()
    };
    assert_eq!((met(&resp, "response_met"), resp.len()), (229, 269));
    assert_eq!((met(&res, "resolution_met"), res.len()), (204, 271));
    let reopened = res.iter().filter(|r| r["reopen_count"] != "0").count();
    assert_eq!(reopened, 16);
    let html = std::fs::read_to_string(page(&out)).unwrap();
    let row = |id: &str| {
        let at = html.find(&format!("<tr data-id=\"{id}\">")).unwrap();
        html[at..at + html[at..].find("</tr>").unwrap()].to_string()
    };
    let r = row("response_compliance_pct");
    assert!(
        r.contains("<td class=\"st acceptable\">▲ Aceptable</td>"),
        "{r}"
    );
    assert!(
        r.contains("≥ 90 %")
            && r.contains(">85,13 %<")
            && r.contains(">229<")
            && r.contains(">269<"),
        "{r}"
    );
    let r = row("resolution_compliance_pct");
    assert!(r.contains("<td class=\"st met\">✔ Cumple</td>"), "{r}");
    let r = row("reopen_rate_pct");
    assert!(
        r.contains("<td class=\"st notmet\">✘ No cumple</td>"),
        "{r}"
    );
    assert!(r.contains("≤ 5 %") && r.contains(">16<"), "{r}");
    // No goal: no mark.
    let r = row("tickets_opened");
    assert!(
        r.contains("sin meta definida")
            && r.contains("<td class=\"st none\"></td>"),
        "{r}"
    );
}

/// Without `--html` no page is written (the other outputs and their
/// goldens are unchanged); `html = true` in a jobs file adds the flag.
#[test]
fn the_page_only_with_the_flag() {
    let dir = tempdir("html-flag");
    let out = dir.join("out");
    let args = crate::util::folder_command(
        "report",
        &victimas(),
        &["--period", "2026-10", "--out", out.to_str().unwrap()],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&dir, &a));
    assert!(out.join("informe-2026-10.xlsx").exists());
    assert!(!page(&out).exists());
}

/// Past the limit the page embeds the first tickets of the list only
/// and says how many were left out and where they are: with 10 of the
/// sample's 103, 10 rows (the first 10 of the breach sheet's order:
/// UV-9157, UV-9330, ... as sla.csv's overruns say) and "las 93
/// restantes".
#[test]
fn past_the_limit_the_page_says_what_was_left_out() {
    let ev = crate::util::Evaluated::sample("victimas", "2026-10");
    let engine =
        plazo::engine::Engine::new(&ev.policy, &ev.ds, ev.cutoff).unwrap();
    let c = ev.context().with_html(|i| {
        plazo::engine::explain::explain(&engine, &ev.policy, &ev.ds, i, false)
    });
    let t = c.timelines.as_ref().unwrap();
    let html =
        plazo::report::html::render_limited(&c, t, &[], "informe.xlsx", 10);
    assert_eq!(html.matches("<tbody class=\"t\"").count(), 10);
    assert!(html.contains(
        "<p id=\"left-out\">La página muestra las primeras 10 filas de \
         103; las 93 restantes están en las hojas «Incumplimientos» y «En \
         riesgo» del libro informe.xlsx y en sla.csv.</p>"
    ));
    let first = html.find("<tbody class=\"t\"").unwrap();
    let ids: Vec<&str> = html[first..]
        .split("<tr class=\"r\"><td>")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect();
    assert_eq!(ids[..3], ["UV-9157", "UV-9330", "UV-9098"]);
    // Without the limit every ticket is there; the full page embeds
    // every timeline of the sample.
    let all = plazo::report::html::render(&c, t, &[], "informe.xlsx");
    assert_eq!(all.matches("<tbody class=\"t\"").count(), 103);
    assert_eq!(t.len(), 103);
    assert!(!all.contains("<p id=\"left-out\">"));
}
