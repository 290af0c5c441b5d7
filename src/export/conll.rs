//! CoNLL with IOB2 tags: one `token<TAB>tag` per line, a blank line between sentences,
//! `-DOCSTART-` before each article. Tokens are UAX #29 words (French elisions split off);
//! white space, NBSP and NNBSP never become tokens. IOB2 cannot hold overlapping spans: one
//! of each overlapping pair is kept by a stated rule and the others are listed as dropped.

use super::{ExportError, Report, View, label_name};
use crate::model::Span;
use crate::text::tokens_cached;
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
    let mut stream = super::Stream::create(out)?;
    let mut tags = Tags::default();
    // Tokenising (UAX #29) is most of the work: done for a batch of articles on every core,
    // then the batch is written in order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    for batch in view.articles.chunks(64 * threads) {
        let per = batch.len().div_ceil(threads).max(1);
        let tokenised: Vec<std::sync::Arc<crate::text::Sentences>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(per)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|av| tokens_cached(&av.article.text)).collect::<Vec<_>>())
                })
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        });
        for (av, sentences) in batch.iter().zip(tokenised) {
            write_article(view, prefer, av, &sentences, &mut tags, &mut stream, report)?;
        }
    }
    stream.finish(report)
}

type Tags = std::collections::HashMap<crate::model::LabelId, (String, String)>;

fn write_article(
    view: &View,
    prefer: Prefer,
    av: &super::ArticleView,
    sentences: &crate::text::Sentences,
    tags: &mut Tags,
    stream: &mut super::Stream,
    report: &mut Report,
) -> Result<(), ExportError> {
    {
        view.tick()?;
        let a = av.article;
        stream.flush_some()?;
        let s = &mut stream.buf;
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
        for sp in kept.iter().filter(|sp| sp.fragments.len() > 1) {
            report.warnings.push(format!(
                "{} {}: discontinuous span written as {} entities",
                a.id,
                sp.id,
                sp.fragments.len()
            ));
        }
        // The kept spans do not overlap: their fragments, in order, are swept once with the
        // tokens (a token belongs to the first fragment covering any of its characters).
        let mut frags: Vec<(usize, usize, usize)> =
            kept.iter().enumerate().flat_map(|(k, sp)| sp.fragments.iter().map(move |f| (f.start, f.end, k))).collect();
        frags.sort_unstable();
        let mut next = 0;
        s.push_str("-DOCSTART-\tO\n\n");
        for sentence in sentences {
            let mut prev: Option<(usize, usize)> = None;
            for t in sentence {
                let (ts, te) = (t.start as usize, t.end as usize);
                while next < frags.len() && frags[next].1 <= ts {
                    next += 1;
                }
                let o = frags.get(next).filter(|f| f.0 < te).map(|&(start, _, k)| (k, start));
                let tok = a.text.get(t.byte_start as usize..t.byte_end as usize).unwrap_or_default();
                let tag = match o {
                    Some((k, frag)) => {
                        let (b, i) = tags.entry(kept[k].label).or_insert_with(|| {
                            let name = conll_label(&label_name(view, kept[k].label));
                            (format!("B-{name}"), format!("I-{name}"))
                        });
                        if prev == Some((k, frag)) { i.as_str() } else { b.as_str() }
                    }
                    None => "O",
                };
                // The last fragment reaching into the token: does it cover its last character?
                let last_end = frags[next.min(frags.len())..].iter().take_while(|f| f.0 < te).last().map(|f| f.1);
                if let Some(&(start, _, k)) = frags.get(next).filter(|f| f.0 < te)
                    && (start > ts || last_end.is_some_and(|e| e < te))
                {
                    report.warnings.push(format!(
                        "{} {}: boundary inside token {:?}; the whole token is tagged",
                        a.id, kept[k].id, tok
                    ));
                }
                prev = o;
                if tok.contains(['\t', '\n', '\r']) {
                    s.push_str(&tok.replace(['\t', '\n', '\r'], " "));
                } else {
                    s.push_str(tok);
                }
                s.push('\t');
                s.push_str(tag);
                s.push('\n');
            }
            s.push('\n');
        }
    }
    Ok(())
}

/// Labels in tags have no white space ("Named Actor" → "Named_Actor").
pub fn conll_label(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("_")
}
