//! CoNLL with IOB2 tags: one `token<TAB>tag` per line, a blank line between sentences,
//! `-DOCSTART-` before each article. Tokens are UAX #29 words (French elisions split off);
//! white space, NBSP and NNBSP never become tokens. IOB2 cannot hold overlapping spans: one
//! of each overlapping pair is kept by a stated rule and the others are listed as dropped.

use super::{ExportError, Report, View, label_name};
use crate::model::Span;
use crate::text::{CharMap, tokens};
use std::path::Path;

/// Which span survives when two overlap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Prefer {
    /// The shorter (inner) span: actor mentions inside claims survive. The default.
    #[default]
    Inner,
    /// The longer (outer) span.
    Outer,
}

/// Keeps spans that do not overlap an already kept one, in the order the rule prefers.
fn choose<'a>(spans: &[&'a Span], prefer: Prefer) -> (Vec<&'a Span>, Vec<&'a Span>) {
    let mut order: Vec<&Span> = spans.to_vec();
    order.sort_by_key(|s| {
        let len = s.end() - s.start();
        (if prefer == Prefer::Inner { len } else { usize::MAX - len }, s.start(), s.id)
    });
    let mut kept: Vec<&Span> = Vec::new();
    let mut dropped = Vec::new();
    for s in order {
        let clash = kept.iter().any(|k| k.fragments.iter().any(|f| s.fragments.iter().any(|g| f.overlaps(g))));
        if clash { dropped.push(s) } else { kept.push(s) }
    }
    kept.sort_by_key(|s| s.start());
    (kept, dropped)
}

pub fn write(view: &View, prefer: Prefer, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let mut s = String::new();
    for av in &view.articles {
        view.tick()?;
        let a = av.article;
        let (kept, dropped) = choose(&av.spans, prefer);
        for d in dropped {
            report.warnings.push(format!(
                "{} {} dropped ({} {:?} overlaps a kept span; rule: keep the {} span)",
                a.id,
                d.id,
                label_name(view, d.label),
                crate::text::ellipsize(&d.quote, 40),
                if prefer == Prefer::Inner { "inner" } else { "outer" }
            ));
        }
        // Tag per code point: (label, fragment start) of the kept span covering it.
        let n = a.text.chars().count();
        let mut owner: Vec<Option<(usize, usize)>> = vec![None; n];
        for (k, sp) in kept.iter().enumerate() {
            if sp.fragments.len() > 1 {
                report.warnings.push(format!(
                    "{} {}: discontinuous span written as {} entities",
                    a.id,
                    sp.id,
                    sp.fragments.len()
                ));
            }
            for f in &sp.fragments {
                for slot in owner.iter_mut().take(f.end.min(n)).skip(f.start) {
                    *slot = Some((k, f.start));
                }
            }
        }
        let map = CharMap::new(&a.text);
        s.push_str("-DOCSTART-\tO\n\n");
        for sentence in tokens(&a.text) {
            let mut prev: Option<(usize, usize)> = None;
            for (ts, te) in sentence {
                let tok = map.slice(&a.text, ts, te).unwrap_or_default();
                // A token belongs to the span covering any of its characters.
                let o = (ts..te).find_map(|i| owner[i]);
                let tag = match o {
                    Some((k, frag)) => {
                        let name = conll_label(&label_name(view, kept[k].label));
                        if prev == Some((k, frag)) { format!("I-{name}") } else { format!("B-{name}") }
                    }
                    None => "O".to_string(),
                };
                if let Some((k, _)) = o
                    && (owner[ts].is_none() || owner[te - 1].is_none())
                {
                    report.warnings.push(format!(
                        "{} {}: boundary inside token {:?}; the whole token is tagged",
                        a.id, kept[k].id, tok
                    ));
                }
                prev = o;
                s.push_str(&tok.replace(['\t', '\n', '\r'], " "));
                s.push('\t');
                s.push_str(&tag);
                s.push('\n');
            }
            s.push('\n');
        }
    }
    super::write_file(out, s.as_bytes(), report)
}

/// Labels in tags have no white space ("Named Actor" → "Named_Actor").
pub fn conll_label(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("_")
}
