//! brat standoff: a folder (or single `.ann` files) with `.txt` beside each `.ann`, and an
//! optional `annotation.conf`. `T` lines become spans (fragments split at line breaks are
//! joined back), `R` relations, `E` events relations from the trigger to each argument (typed
//! by role), `*` equivalences symmetric `Equiv` relations, `A`/`M` attributes, `N` links to
//! canonical actors, `#` notes. Offsets count code points of the `.txt` as written.

use super::DatasetError;
use super::dataset::{DRelation, DSpan, Dataset, Declared, Doc};
use crate::model::{ArticleMeta, Fragment};
use crate::text::CharMap;
use std::path::{Path, PathBuf};

/// The `.ann` files under `inputs` (folders are searched, sorted by name).
fn ann_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, DatasetError> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| DatasetError::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "ann"))
                .collect();
            v.sort();
            out.extend(v);
        } else if p.extension().is_some_and(|x| x == "ann") {
            out.push(p.clone());
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p.with_extension("ann"));
        }
    }
    Ok(out)
}

/// Reads a brat collection.
pub fn read(inputs: &[PathBuf]) -> Result<Dataset, DatasetError> {
    let mut data = Dataset::default();
    for dir in inputs.iter().filter(|p| p.is_dir()) {
        let conf = dir.join("annotation.conf");
        if conf.exists() {
            let text = std::fs::read_to_string(&conf).map_err(|e| DatasetError::io(&conf, e))?;
            let d = parse_conf(&text);
            data.declared.labels.extend(d.labels);
            data.declared.relation_types.extend(d.relation_types);
        }
    }
    for ann in ann_files(inputs)? {
        let txt = ann.with_extension("txt");
        let bytes = std::fs::read(&txt).map_err(|e| DatasetError::io(&txt, e))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| DatasetError::NotUtf8 { path: txt.clone(), byte: e.utf8_error().valid_up_to() })?;
        let standoff = std::fs::read_to_string(&ann).map_err(|e| DatasetError::io(&ann, e))?;
        let stem = ann.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        data.docs.push(parse_ann(&text, &standoff, &ann, &stem, &mut data.warnings));
    }
    if data.docs.is_empty() {
        return Err(DatasetError::NoAnnFiles);
    }
    Ok(data)
}

/// Parses one document's standoff against its text.
pub fn parse_ann(text: &str, standoff: &str, path: &Path, stem: &str, warnings: &mut Vec<String>) -> Doc {
    let map = CharMap::new(text);
    let meta = ArticleMeta {
        title: super::plain::title_from_stem(stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')),
        ..Default::default()
    };
    let meta = if meta.title.is_empty() { ArticleMeta { title: stem.to_string(), ..meta } } else { meta };
    let mut doc = Doc { meta, text: text.to_string(), origin: path.display().to_string(), ..Default::default() };
    let mut warn = |line: usize, what: &str| warnings.push(format!("{}:{}: {what}", path.display(), line));
    // An event stands for its trigger span: arguments, attributes and notes naming E3 go there.
    let mut trigger_of: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (i, line) in standoff.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or_default();
        let body = cols.next().unwrap_or_default();
        let tail = cols.next().unwrap_or_default();
        match id.chars().next() {
            Some('T') => {
                let Some((label, offsets)) = body.split_once(' ') else {
                    warn(n, "expected 'T1<TAB>Type start end'");
                    continue;
                };
                let mut frags = Vec::new();
                for part in offsets.split(';') {
                    let nums: Vec<usize> = part.split_whitespace().filter_map(|x| x.parse().ok()).collect();
                    if nums.len() != 2 || nums[0] > nums[1] || nums[1] > map.char_len() {
                        warn(n, &format!("offsets {part:?} are not inside the text"));
                        frags.clear();
                        break;
                    }
                    frags.push(Fragment::new(nums[0], nums[1]));
                }
                if frags.is_empty() {
                    continue;
                }
                let frags = join_line_breaks(text, &map, frags);
                let covered: Vec<&str> = frags.iter().filter_map(|f| map.slice(text, f.start, f.end)).collect();
                if !tail.is_empty() && tail.replace(' ', "") != covered.concat().replace([' ', '\n', '\r'], "") {
                    warn(n, &format!("text {tail:?} differs from what the offsets cover"));
                }
                doc.spans.push(DSpan {
                    key: id.to_string(),
                    fragments: frags,
                    label: label.to_string(),
                    ..Default::default()
                });
            }
            Some('R') => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                let arg = |p: &str| p.split_once(':').map(|(_, v)| v.to_string());
                match parts.as_slice() {
                    [kind, a, b] => match (arg(a), arg(b)) {
                        (Some(from), Some(to)) => doc.relations.push(DRelation {
                            key: id.to_string(),
                            from,
                            to,
                            kind: kind.to_string(),
                            ..Default::default()
                        }),
                        _ => warn(n, "expected 'R1<TAB>Type Arg1:T1 Arg2:T2'"),
                    },
                    _ => warn(n, "expected 'R1<TAB>Type Arg1:T1 Arg2:T2'"),
                }
            }
            Some('E') => {
                let mut parts = body.split_whitespace();
                let Some((_, trigger)) = parts.next().and_then(|p| p.split_once(':')) else {
                    warn(n, "expected 'E1<TAB>Type:T1 Role:T2'");
                    continue;
                };
                trigger_of.insert(id.to_string(), trigger.to_string());
                for p in parts {
                    if let Some((role, target)) = p.split_once(':') {
                        let role: String = role.trim_end_matches(|c: char| c.is_ascii_digit()).to_string();
                        doc.relations.push(DRelation {
                            from: trigger.to_string(),
                            to: target.to_string(),
                            kind: role,
                            ..Default::default()
                        });
                    }
                }
            }
            Some('*') => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                if let [kind, ids @ ..] = parts.as_slice() {
                    for w in ids.windows(2) {
                        doc.relations.push(DRelation {
                            from: w[0].to_string(),
                            to: w[1].to_string(),
                            kind: kind.to_string(),
                            ..Default::default()
                        });
                    }
                }
            }
            Some('A') | Some('M') => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                let resolve = |t: &str| trigger_of.get(t).cloned().unwrap_or_else(|| t.to_string());
                let (name, target, value) = match parts.as_slice() {
                    [name, target] => (*name, *target, "true"),
                    [name, target, value, ..] => (*name, *target, *value),
                    _ => {
                        warn(n, "expected 'A1<TAB>Name T1 [Value]'");
                        continue;
                    }
                };
                let target = resolve(target);
                match doc.spans.iter_mut().find(|s| s.key == target) {
                    Some(s) => {
                        s.attributes.insert(name.to_string(), value.to_string());
                    }
                    None => warn(n, &format!("attribute of {target}, which is not a text-bound annotation")),
                }
            }
            Some('N') => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                let [_, target, reference] = parts.as_slice() else {
                    warn(n, "expected 'N1<TAB>Reference T1 DB:ID<TAB>name'");
                    continue;
                };
                let name = if tail.trim().is_empty() { reference.to_string() } else { tail.trim().to_string() };
                let ext = reference
                    .split_once(':')
                    .filter(|(db, _)| *db != "Glose")
                    .map(|(db, id)| format!("{}:{id}", db.to_lowercase()));
                match doc.spans.iter_mut().find(|s| s.key == *target) {
                    Some(s) => {
                        s.entity = Some(name);
                        s.entity_ref = ext;
                    }
                    None => warn(n, &format!("normalization of {target}, which is not a text-bound annotation")),
                }
            }
            Some('#') => {
                let target = body.split_whitespace().nth(1).unwrap_or_default();
                let target = trigger_of.get(target).map_or(target, String::as_str);
                if let Some(s) = doc.spans.iter_mut().find(|s| s.key == target) {
                    s.note = tail.to_string();
                } else if let Some(r) = doc.relations.iter_mut().find(|r| !r.key.is_empty() && r.key == target) {
                    r.note = tail.to_string();
                } else {
                    warn(n, &format!("note on {target}, which is not there"));
                }
            }
            _ => warn(n, &format!("unknown annotation {id:?}")),
        }
    }
    for r in &mut doc.relations {
        for end in [&mut r.from, &mut r.to] {
            if let Some(t) = trigger_of.get(end.as_str()) {
                *end = t.clone();
            }
        }
    }
    doc
}

/// Fragments that only a line break separates are one fragment again (brat splits spans at
/// line breaks; Glose keeps them whole).
fn join_line_breaks(text: &str, map: &CharMap, mut frags: Vec<Fragment>) -> Vec<Fragment> {
    frags.sort();
    let mut out: Vec<Fragment> = Vec::new();
    for f in frags {
        if let Some(last) = out.last_mut() {
            let gap = map.slice(text, last.end, f.start).unwrap_or("x");
            if !gap.is_empty() && gap.chars().all(|c| c == '\n' || c == '\r') {
                last.end = f.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Labels (hierarchy by indentation) and relation types of an annotation.conf.
pub fn parse_conf(text: &str) -> Declared {
    let mut d = Declared::default();
    let mut section = "";
    let mut stack: Vec<(usize, String)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with('[') && trimmed.ends_with(']') {
            section = match trimmed {
                "[entities]" => "entities",
                "[relations]" => "relations",
                "[events]" => "events",
                _ => "other",
            };
            stack.clear();
            continue;
        }
        let name = trimmed.split(['\t', ' ']).next().unwrap_or_default().trim_start_matches('!');
        if name.starts_with('<') || name.is_empty() {
            continue;
        }
        match section {
            "entities" | "events" => {
                let depth = line.chars().take_while(|c| *c == '\t' || *c == ' ').count();
                while stack.last().is_some_and(|(d, _)| *d >= depth) {
                    stack.pop();
                }
                let parent = stack.last().map(|(_, p)| p.clone());
                if !d.labels.iter().any(|(l, _)| l == name) {
                    d.labels.push((name.to_string(), parent));
                }
                stack.push((depth, name.to_string()));
            }
            "relations" => {
                let symmetric = trimmed.contains("symmetric");
                if !d.relation_types.iter().any(|(t, _)| t == name) {
                    d.relation_types.push((name.to_string(), symmetric));
                }
            }
            _ => {}
        }
    }
    d
}
