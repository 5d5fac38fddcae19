//! `time`: instants (ISO 8601 and local forms), the fast reader and
//! writer against the plain parser, business durations, date formats.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::time::dates::DateFormat;
use plazo::time::{BizDuration, Instant, InstantReader, InstantWriter, SignedBizDuration, hms};
use plazo_fuzz::{TZ, check_error};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut reader = InstantReader::new(TZ);
    let mut writer = InstantWriter::new(TZ);
    let mut values = Vec::new();
    for line in text.lines().take(64) {
        values.push(line);
        let slow = Instant::parse(line, TZ);
        let fast = reader.read(line);
        match (&slow, &fast) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "reader and parser differ on {line:?}"),
            (Err(e), Err(f)) => {
                check_error(e);
                check_error(f);
            }
            _ => panic!("reader and parser disagree on {line:?}: {slow:?} / {fast:?}"),
        }
        if let Ok(t) = slow {
            let iso = t.to_rfc3339(TZ);
            let mut w = String::new();
            writer.write(t, &mut w);
            assert_eq!(w, iso, "writer and to_rfc3339 differ");
            // Before 1970 a zone may be in local mean time, an offset in
            // seconds (Bogotá: -04:56:16 until 1914) that ISO 8601 text
            // rounds to the minute: exact round trips from 1970 on.
            if t.unix() >= 0 {
                assert_eq!(Instant::parse(&iso, TZ).ok(), Some(t), "{iso} does not read back");
            }
            let _ = t.local_text(TZ);
            let _ = t.offset_text(TZ);
        }
        match line.parse::<BizDuration>() {
            Ok(d) => {
                let back = d.to_string();
                assert_eq!(back.parse::<BizDuration>().ok(), Some(d), "{back} does not read back");
                if let BizDuration::Seconds(s) = d {
                    assert!(s >= 0, "negative duration {s} from {line:?}");
                    let _ = hms(s);
                }
            }
            Err(e) => check_error(&e),
        }
        match line.parse::<SignedBizDuration>() {
            Ok(d) => {
                let back = d.to_string();
                assert_eq!(back.parse::<SignedBizDuration>().ok(), Some(d), "{back} does not read back");
            }
            Err(e) => check_error(&e),
        }
        if let Some(f) = DateFormat::from_user(line) {
            let _ = f.describe();
            let _ = f.parse("2026-03-02 08:00", TZ);
        }
    }
    match DateFormat::detect("fecha", values.iter().copied()) {
        Ok(f) => {
            let _ = f.describe();
            for v in &values {
                let _ = f.parse(v, TZ);
            }
        }
        Err(e) => check_error(&e),
    }
    if data.len() >= 8 {
        let secs = i64::from_le_bytes(data[..8].try_into().unwrap());
        let _ = hms(secs);
    }
});
