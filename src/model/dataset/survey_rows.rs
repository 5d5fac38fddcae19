//! The surveys table's rows converted on worker threads
//! ([`super::super::pipeline`]), with the checks, rejects and values of a
//! one-thread read, in the same order: unknown ticket, unreadable
//! `sent_at`, a survey sent and not answered, unreadable `answered_at`,
//! empty or non-numeric `score`, each non-numeric question score (one
//! reject each), non-numeric `max_score`.

use chrono_tz::Tz;

use super::{
    Labels, Reject, Survey, SurveySend, Ticket, TicketIndex, batch_reject,
    date_reason, field, msg,
};
use crate::io::csv::Record;
use crate::model::pipeline::Batch;
use crate::text::lang::Lang;
use crate::time::InstantReader;

/// The surveys table's columns.
pub(super) struct SurveyColumns<'q> {
    /// The shard loaded: other shards' rows are skipped.
    pub shard: Option<crate::model::shard::Shard>,
    pub id: Option<usize>,
    pub answered: Option<usize>,
    pub score: Option<usize>,
    pub max: Option<usize>,
    pub comment: Option<usize>,
    pub sent: Option<usize>,
    /// `[survey] questions`: each name and its column.
    pub questions: Vec<(&'q str, Option<usize>)>,
}

/// One surveys row converted (a row may give several rejects: one for
/// each question score that is not a number).
pub(super) enum SurveyRow {
    /// Another shard's row ([`super::LoadStats::other_shard`]).
    Skip,
    Reject(Reject),
    /// A survey sent and not answered.
    Sent(SurveySend),
    /// An answer; its comment is an id into the batch's own strings.
    Answer(Survey, u32),
}

/// A converted batch of surveys rows.
pub(super) struct SurveyBatch {
    pub rows: Vec<SurveyRow>,
    /// The batch's comments; 0 is the empty one.
    pub strings: Vec<Box<str>>,
}

/// The tickets the rows may name.
pub(super) type Known<'a> = (&'a TicketIndex, &'a [Ticket]);

impl SurveyColumns<'_> {
    /// Converts a batch, row by row in order.
    pub fn convert(
        &self,
        batch: &Batch,
        known: Known<'_>,
        tz: Tz,
        place: &str,
        lang: Lang,
    ) -> SurveyBatch {
        let mut clock = InstantReader::new(tz);
        let mut comments = Labels::default();
        let mut rows = Vec::with_capacity(batch.len());
        for (line, rec) in batch.rows() {
            let mut row = Row {
                rec,
                line,
                place,
                lang,
                out: &mut rows,
            };
            if let Some((sv, comment)) = self.row(&mut row, known, &mut clock)
            {
                let local = comments.id(comment);
                rows.push(SurveyRow::Answer(sv, local));
            }
        }
        SurveyBatch {
            rows,
            strings: comments.strings,
        }
    }

    /// Row `r`'s answer and its comment; `None` when the row is another
    /// shard's, a survey sent or rejected (pushed to `r.out`).
    fn row<'r>(
        &self,
        r: &mut Row<'r, '_>,
        (by_id, tickets): Known<'_>,
        clock: &mut InstantReader,
    ) -> Option<(Survey, &'r str)> {
        let id = field(r.rec, self.id);
        if self.shard.is_some_and(|s| !s.keeps(id)) {
            r.out.push(SurveyRow::Skip);
            return None;
        }
        let Some(ticket) = by_id.get(tickets, id) else {
            r.reject("ticket_id", id, msg::TICKET_NOT_IN_TICKETS);
            return None;
        };
        let sent_at = match field(r.rec, self.sent) {
            "" => None,
            _ => Some(r.instant(self.sent, "sent_at", clock)?),
        };
        let unanswered = field(r.rec, self.answered).is_empty()
            && field(r.rec, self.score).is_empty();
        if let (Some(sent_at), true) = (sent_at, unanswered) {
            r.out.push(SurveyRow::Sent(SurveySend {
                ticket,
                sent_at,
                answered_at: None,
            }));
            return None;
        }
        let answered_at = r.instant(self.answered, "answered_at", clock)?;
        let Some(Some(score)) = r.score(self.score, "score") else {
            if field(r.rec, self.score).is_empty() {
                r.reject("score", "", msg::NOT_A_NUMBER);
            }
            return None;
        };
        // Every question is read (each bad one is a reject of its own).
        let scores: Vec<_> =
            self.questions.iter().map(|&(q, c)| r.score(c, q)).collect();
        let questions: Box<[Option<f64>]> =
            scores.into_iter().collect::<Option<_>>()?;
        let max_score = match field(r.rec, self.max) {
            "" => None,
            _ => Some(r.score(self.max, "max_score")??),
        };
        let sv = Survey {
            ticket,
            answered_at,
            score,
            max_score,
            comment: 0,
            sent_at,
            questions,
        };
        Some((sv, field(r.rec, self.comment)))
    }
}

/// A row being converted, and where its rejects go.
struct Row<'r, 'o> {
    rec: &'r Record,
    line: u64,
    place: &'o str,
    lang: Lang,
    out: &'o mut Vec<SurveyRow>,
}

impl Row<'_, '_> {
    fn reject(&mut self, col: &str, v: &str, reason: crate::text::Msg) {
        let r = batch_reject(self.place, self.lang, self.line, col, v, reason);
        self.out.push(SurveyRow::Reject(r));
    }

    /// The instant in column `col` (`name`), or a reject.
    fn instant(
        &mut self,
        col: Option<usize>,
        name: &str,
        clock: &mut InstantReader,
    ) -> Option<i64> {
        let text = field(self.rec, col);
        match clock.read(text) {
            Ok(at) => Some(at.unix()),
            Err(_) => {
                let reason = date_reason(text, clock);
                self.reject(name, text, reason);
                None
            }
        }
    }

    /// A score cell: `Some(None)` when empty, `Some(Some(v))` when a
    /// number (point or decimal comma), `None` after rejecting the row.
    fn score(
        &mut self,
        col: Option<usize>,
        name: &str,
    ) -> Option<Option<f64>> {
        let text = field(self.rec, col);
        if text.is_empty() {
            return Some(None);
        }
        match text.replace(',', ".").parse::<f64>() {
            Ok(v) if v.is_finite() => Some(Some(v)),
            _ => {
                self.reject(name, text, msg::NOT_A_NUMBER);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::io::input::Input;
    use crate::model::dataset::Dataset;
    use crate::text::lang::Lang;

    fn load(surveys: &str) -> Dataset {
        let tickets = "ticket_id,opened_at\nA,2026-03-02T08:00:00-05:00\n\
                       B,2026-03-02T08:00:00-05:00\n";
        let events =
            "ticket_id,at,status\nA,2026-03-02T08:00:00-05:00,Nuevo\n";
        Dataset::load_inputs(
            [
                Input::Bytes {
                    name: "t.csv",
                    bytes: tickets.as_bytes(),
                },
                Input::Bytes {
                    name: "e.csv",
                    bytes: events.as_bytes(),
                },
            ],
            Some(Input::Bytes {
                name: "s.csv",
                bytes: surveys.as_bytes(),
            }),
            &["q1".to_string(), "q2".to_string()],
            chrono_tz::America::Bogota,
            Lang::En,
        )
        .unwrap()
    }

    /// Every kind of row, and the rejects in the order a one-thread read
    /// gives them: a row with two bad question scores is rejected twice.
    #[test]
    fn every_row_is_kept_sent_or_rejected_in_file_order() {
        let at = "2026-03-03T10:00:00-05:00";
        let rows = [
            format!("A,,{at},4,5,bien,4,5"), // 2: answer
            format!("Z,,{at},4,,,,"),        // 3: unknown ticket
            format!("A,ayer,{at},4,,,,"),    // 4: bad sent_at
            format!("B,{at},,,,,,"),         // 5: sent, not answered
            "A,,,4,,,,".to_string(),         // 6: empty answered_at
            format!("A,,{at},,,,,"),         // 7: empty score
            format!("A,,{at},x,,,,"),        // 8: bad score
            format!("A,,{at},3,,,no,mal"),   // 9: two bad questions
            format!("A,,{at},3,cinco,,,"),   // 10: bad max_score
            format!("B,{at},{at},\"3,5\",,bien,,2"), // 11: answer, sent
        ];
        let text = format!(
            "ticket_id,sent_at,answered_at,score,max_score,comment,q1,q2\n{}\n",
            rows.join("\n")
        );
        let ds = load(&text);
        let rejects: Vec<(u64, &str, &str)> = ds
            .rejects
            .iter()
            .map(|r| (r.line, r.column.as_str(), r.value.as_str()))
            .collect();
        assert_eq!(
            rejects,
            [
                (3, "ticket_id", "Z"),
                (4, "sent_at", "ayer"),
                (6, "answered_at", ""),
                (7, "score", ""),
                (8, "score", "x"),
                (9, "q1", "no"),
                (9, "q2", "mal"),
                (10, "max_score", "cinco"),
            ]
        );
        assert_eq!(ds.stats.survey_rows, 10);
        let kept: Vec<_> = ds
            .surveys
            .iter()
            .map(|s| {
                let c = ds.strings.get(s.comment);
                (s.ticket, s.score, s.max_score, c, s.questions.to_vec())
            })
            .collect();
        assert_eq!(
            kept,
            [
                (0, 4.0, Some(5.0), "bien", vec![Some(4.0), Some(5.0)]),
                (1, 3.5, None, "bien", vec![None, Some(2.0)]),
            ]
        );
        let sends: Vec<_> = ds
            .survey_sends
            .iter()
            .map(|s| (s.ticket, { s.answered_at }.is_some()))
            .collect();
        assert_eq!(sends, [(1, false), (1, true)]);
    }

    /// Past a batch of the pipeline, rows keep their lines and order.
    #[test]
    fn many_rows_keep_their_lines() {
        let n = 3 * crate::model::pipeline::BATCH + 5;
        let mut text = String::from(
            "ticket_id,sent_at,answered_at,score,max_score,comment,q1,q2\n",
        );
        for k in 0..n {
            // Every seventh row names an unknown ticket.
            let id = if k % 7 == 3 { "Z" } else { "A" };
            let at = "2026-03-03T10:00:00-05:00";
            text.push_str(&format!("{id},,{at},{},,c{},,\n", k % 5, k % 3));
        }
        let ds = load(&text);
        let lines: Vec<u64> = ds.rejects.iter().map(|r| r.line).collect();
        let want: Vec<u64> = (0..n)
            .filter(|k| k % 7 == 3)
            .map(|k| k as u64 + 2)
            .collect();
        assert_eq!(lines, want);
        let scores: Vec<f64> = ds.surveys.iter().map(|s| s.score).collect();
        let want: Vec<f64> = (0..n)
            .filter(|k| k % 7 != 3)
            .map(|k| (k % 5) as f64)
            .collect();
        assert_eq!(scores, want);
        let comments: Vec<&str> = ds
            .surveys
            .iter()
            .map(|s| ds.strings.get(s.comment))
            .collect();
        let want: Vec<String> = (0..n)
            .filter(|k| k % 7 != 3)
            .map(|k| format!("c{}", k % 3))
            .collect();
        assert_eq!(comments, want);
    }
}
