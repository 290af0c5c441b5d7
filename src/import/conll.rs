//! CoNLL / IOB files: one token per line (the token first, the tag last, separated by tabs
//! or spaces), blank lines between sentences, `-DOCSTART-` between documents. IOB1, IOB2 and
//! BIOES tags are all read: a `B-` tag, or an `I-` tag after another type, starts an entity.
//! The text is rebuilt from the tokens (single spaces, one sentence per line).

use super::DatasetError;
use super::dataset::{DSpan, Dataset, Doc};
use crate::model::{ArticleMeta, Fragment};

pub fn parse(conll: &str, name: &str) -> Result<Dataset, DatasetError> {
    let mut data = Dataset::default();
    let mut doc = new_doc(name, 1);
    let mut open: Option<(String, usize, usize)> = None; // (type, start, end) in code points
    let mut pos = 0usize; // code points written so far
    let mut line_has_token = false;
    let finish = |doc: &mut Doc, open: &mut Option<(String, usize, usize)>| {
        if let Some((label, s, e)) = open.take() {
            let key = format!("c{}", doc.spans.len());
            doc.spans.push(DSpan { key, fragments: vec![Fragment::new(s, e)], label, ..Default::default() });
        }
    };
    for (i, raw) in conll.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut doc, &mut open);
            if line_has_token {
                doc.text.push('\n');
                pos += 1;
                line_has_token = false;
            }
            continue;
        }
        let cols: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        let token = cols[0];
        if token == "-DOCSTART-" {
            finish(&mut doc, &mut open);
            if !doc.text.is_empty() {
                data.docs.push(std::mem::replace(&mut doc, new_doc(name, data.docs.len() + 2)));
            }
            pos = 0;
            line_has_token = false;
            continue;
        }
        if cols.len() < 2 {
            return Err(DatasetError::malformed(format!("{name}:{}", i + 1), "expected a token and a tag"));
        }
        let tag = cols[cols.len() - 1].trim();
        if line_has_token {
            doc.text.push(' ');
            pos += 1;
        }
        let start = pos;
        doc.text.push_str(token);
        pos += token.chars().count();
        line_has_token = true;
        let (prefix, label) = match tag.split_once(['-', '_']) {
            Some((p, l)) if matches!(p, "B" | "I" | "E" | "S" | "L" | "U") => (p, l),
            _ if tag == "O" => ("O", ""),
            _ => {
                let what = format!("tag {tag:?} is not O, B-X, I-X, E-X or S-X");
                return Err(DatasetError::malformed(format!("{name}:{}", i + 1), what));
            }
        };
        match prefix {
            "O" => finish(&mut doc, &mut open),
            "I" | "E" | "L" if open.as_ref().is_some_and(|(l, _, _)| l == label) => {
                if let Some(o) = open.as_mut() {
                    o.2 = pos;
                }
            }
            _ => {
                finish(&mut doc, &mut open);
                open = Some((label.to_string(), start, pos));
            }
        }
        if matches!(prefix, "E" | "S" | "L" | "U") {
            finish(&mut doc, &mut open);
        }
    }
    finish(&mut doc, &mut open);
    if !doc.text.is_empty() {
        data.docs.push(doc);
    }
    Ok(data)
}

fn new_doc(name: &str, n: usize) -> Doc {
    let stem = std::path::Path::new(name).file_stem().map_or(name.to_string(), |s| s.to_string_lossy().into_owned());
    Doc {
        meta: ArticleMeta { title: format!("{stem} #{n}"), ..Default::default() },
        origin: format!("{name} document {n}"),
        ..Default::default()
    }
}
