//! Inter-annotator agreement between two annotators on the same articles: span F1 (exact and
//! overlapping match), Cohen's kappa on tokens, and Krippendorff's alpha (nominal) on tokens,
//! per label and overall. The statistics themselves (`cohen_kappa`, `krippendorff_alpha_nominal`)
//! are general and checked against worked examples from the literature.

use crate::model::{Article, LabelId, Project, Span};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Cohen's kappa for two raters from a contingency table `table[a][b]` (counts of items rated
/// category a by the first rater and b by the second). `None` when chance agreement is total.
pub fn cohen_kappa(table: &[Vec<f64>]) -> Option<f64> {
    let n: f64 = table.iter().flatten().sum();
    if n == 0.0 {
        return None;
    }
    let k = table.len();
    let po = (0..k).map(|i| table[i][i]).sum::<f64>() / n;
    let row = |i: usize| table[i].iter().sum::<f64>();
    let col = |j: usize| table.iter().map(|r| r[j]).sum::<f64>();
    let pe = (0..k).map(|i| row(i) * col(i)).sum::<f64>() / (n * n);
    if (1.0 - pe).abs() < 1e-12 {
        return None;
    }
    Some((po - pe) / (1.0 - pe))
}

/// Krippendorff's alpha for nominal data. `units[u]` holds the values the coders gave unit `u`
/// (`None` where a coder gave none); units with fewer than two values are not pairable.
/// `None` when there is no disagreement to expect (one value throughout).
pub fn krippendorff_alpha_nominal<T: Eq + std::hash::Hash + Clone>(units: &[Vec<Option<T>>]) -> Option<f64> {
    // Coincidence counts o[c][k], built over the values' indices.
    let mut index: HashMap<T, usize> = HashMap::new();
    let mut o: Vec<Vec<f64>> = Vec::new();
    for unit in units {
        let values: Vec<usize> = unit
            .iter()
            .flatten()
            .map(|v| {
                let next = index.len();
                let i = *index.entry(v.clone()).or_insert(next);
                if i == o.len() {
                    for row in &mut o {
                        row.push(0.0);
                    }
                    o.push(vec![0.0; i + 1]);
                }
                i
            })
            .collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let w = 1.0 / (m as f64 - 1.0);
        for (i, &c) in values.iter().enumerate() {
            for (j, &k) in values.iter().enumerate() {
                if i != j {
                    o[c][k] += w;
                }
            }
        }
    }
    alpha_from_coincidences(&o)
}

/// Krippendorff's alpha for two coders who both coded every unit, from their confusion table
/// (`table[c][k]`: units coded `c` by the first and `k` by the second): the coincidences are the
/// table plus its transpose. The same figure as [`krippendorff_alpha_nominal`] without a list
/// of units (a corpus has hundreds of thousands of tokens).
pub fn krippendorff_alpha_two_coders(table: &[Vec<f64>]) -> Option<f64> {
    let k = table.len();
    let o: Vec<Vec<f64>> = (0..k).map(|c| (0..k).map(|d| table[c][d] + table[d][c]).collect()).collect();
    alpha_from_coincidences(&o)
}

fn alpha_from_coincidences(o: &[Vec<f64>]) -> Option<f64> {
    let nc: Vec<f64> = o.iter().map(|r| r.iter().sum()).collect();
    let n: f64 = nc.iter().sum();
    if n <= 1.0 {
        return None;
    }
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..o.len() {
        for k in 0..o.len() {
            if c != k {
                observed += o[c][k];
                expected += nc[c] * nc[k];
            }
        }
    }
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

/// F1 of two sets of spans under a matching rule, one-to-one (greedy in document order).
fn span_f1(a: &[&Span], b: &[&Span], matches: impl Fn(&Span, &Span) -> bool) -> (usize, f64) {
    let mut used = vec![false; b.len()];
    let mut hits = 0;
    for x in a {
        if let Some(j) = (0..b.len()).find(|&j| !used[j] && matches(x, b[j])) {
            used[j] = true;
            hits += 1;
        }
    }
    let total = a.len() + b.len();
    (hits, if total == 0 { 1.0 } else { 2.0 * hits as f64 / total as f64 })
}

fn overlaps(x: &Span, y: &Span) -> bool {
    x.fragments.iter().any(|f| y.fragments.iter().any(|g| f.overlaps(g)))
}

/// Agreement figures for one label (or all labels).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scores {
    pub spans_a: usize,
    pub spans_b: usize,
    pub exact_matches: usize,
    /// 2·matches / (|A| + |B|) with identical fragments.
    pub f1_exact: f64,
    pub overlap_matches: usize,
    /// The same, counting spans that overlap.
    pub f1_overlap: f64,
    /// Cohen's kappa on tokens (for one label: label vs not; overall: every label and O).
    pub kappa: Option<f64>,
    /// Krippendorff's alpha, nominal, on the same tokens.
    pub alpha: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub annotator_a: String,
    pub annotator_b: String,
    /// Articles both annotated.
    pub articles: usize,
    pub tokens: usize,
    pub overall: Scores,
    pub per_label: BTreeMap<String, Scores>,
    /// Krippendorff's unitizing alpha on the same articles, laid end to end in code points.
    pub unitizing_alpha: super::unitizing::UnitizingAlpha,
    /// The articles both annotated, in project order.
    #[serde(skip)]
    pub both_coded: Vec<crate::model::ArticleId>,
}

/// Whether `who` has a span in `article`.
pub fn coded_by(article: &Article, who: &str) -> bool {
    article.spans.iter().any(|s| s.annotator == who)
}

/// The label each token carries for one annotator: the innermost span covering it.
fn token_labels(spans: &[&Span], tokens: &[(usize, usize)]) -> Vec<Option<LabelId>> {
    tokens
        .iter()
        .map(|&(s, e)| {
            spans
                .iter()
                .filter(|sp| sp.fragments.iter().any(|f| f.start < e && s < f.end))
                .min_by_key(|sp| sp.end() - sp.start())
                .map(|sp| sp.label)
        })
        .collect()
}

/// The two annotators with the most spans, most first.
pub fn busiest_annotators(project: &Project) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, s) in project.all_spans() {
        *counts.entry(s.annotator.as_str()).or_insert(0) += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    v.into_iter().map(|(n, _)| n.to_string()).collect()
}

/// Agreement of annotators `a` and `b` over the articles both of them annotated (an article one
/// of them has not coded yet is not a disagreement: INCEpTION counts finished documents alike).
pub fn agreement(project: &Project, a: &str, b: &str) -> Agreement {
    let labels: Vec<LabelId> = project.schema.labels.iter().map(|l| l.id).collect();
    let (mut all_a, mut all_b): (Vec<&Span>, Vec<&Span>) = (Vec::new(), Vec::new());
    let mut tok_a: Vec<Option<LabelId>> = Vec::new();
    let mut tok_b: Vec<Option<LabelId>> = Vec::new();
    let mut exact_by: HashMap<LabelId, (usize, usize, usize)> = HashMap::new();
    let mut overlap_by: HashMap<LabelId, usize> = HashMap::new();
    let mut both_coded = Vec::new();
    let (mut exact_total, mut overlap_total) = (0, 0);
    for art in &project.articles {
        let sa: Vec<&Span> = art.spans.iter().filter(|s| s.annotator == a).collect();
        let sb: Vec<&Span> = art.spans.iter().filter(|s| s.annotator == b).collect();
        if sa.is_empty() || sb.is_empty() {
            continue;
        }
        both_coded.push(art.id);
        let (ex, _) = span_f1(&sa, &sb, |x, y| x.label == y.label && x.fragments == y.fragments);
        let (ov, _) = span_f1(&sa, &sb, |x, y| x.label == y.label && overlaps(x, y));
        exact_total += ex;
        overlap_total += ov;
        for &l in &labels {
            let la: Vec<&Span> = sa.iter().copied().filter(|s| s.label == l).collect();
            let lb: Vec<&Span> = sb.iter().copied().filter(|s| s.label == l).collect();
            let (ex, _) = span_f1(&la, &lb, |x, y| x.fragments == y.fragments);
            let (ov, _) = span_f1(&la, &lb, overlaps);
            let e = exact_by.entry(l).or_insert((0, 0, 0));
            e.0 += la.len();
            e.1 += lb.len();
            e.2 += ex;
            *overlap_by.entry(l).or_insert(0) += ov;
        }
        let tokens: Vec<(usize, usize)> = crate::text::tokens(&art.text).into_iter().flatten().collect();
        let ta = token_labels(&sa, &tokens);
        let tb = token_labels(&sb, &tokens);
        tok_a.extend(ta);
        tok_b.extend(tb);
        all_a.extend(sa);
        all_b.extend(sb);
    }
    let f1 = |hits: usize, na: usize, nb: usize| if na + nb == 0 { 1.0 } else { 2.0 * hits as f64 / (na + nb) as f64 };
    let kappa_alpha = |xa: &[Option<LabelId>], xb: &[Option<LabelId>]| {
        // A handful of categories over many tokens.
        let mut cats: Vec<Option<LabelId>> = Vec::new();
        for c in xa.iter().chain(xb) {
            if !cats.contains(c) {
                cats.push(*c);
            }
        }
        cats.sort();
        let idx = |c: &Option<LabelId>| cats.iter().position(|x| x == c).unwrap_or(0);
        let mut table = vec![vec![0.0; cats.len()]; cats.len()];
        for (x, y) in xa.iter().zip(xb) {
            table[idx(x)][idx(y)] += 1.0;
        }
        (cohen_kappa(&table), krippendorff_alpha_two_coders(&table))
    };
    let (kappa, alpha) = kappa_alpha(&tok_a, &tok_b);
    let overall = Scores {
        spans_a: all_a.len(),
        spans_b: all_b.len(),
        exact_matches: exact_total,
        f1_exact: f1(exact_total, all_a.len(), all_b.len()),
        overlap_matches: overlap_total,
        f1_overlap: f1(overlap_total, all_a.len(), all_b.len()),
        kappa,
        alpha,
    };
    let mut by_name = BTreeMap::new();
    for &l in &labels {
        let (na, nb, ex) = exact_by.get(&l).copied().unwrap_or_default();
        if na + nb == 0 {
            continue;
        }
        let ov = overlap_by.get(&l).copied().unwrap_or(0);
        // For one label: does the token carry it or not.
        let only = |v: &[Option<LabelId>]| v.iter().map(|x| x.filter(|&y| y == l)).collect::<Vec<_>>();
        let (kappa, alpha) = kappa_alpha(&only(&tok_a), &only(&tok_b));
        by_name.insert(
            project.schema.label_name(l).to_string(),
            Scores {
                spans_a: na,
                spans_b: nb,
                exact_matches: ex,
                f1_exact: f1(ex, na, nb),
                overlap_matches: ov,
                f1_overlap: f1(ov, na, nb),
                kappa,
                alpha,
            },
        );
    }
    Agreement {
        annotator_a: a.to_string(),
        annotator_b: b.to_string(),
        articles: both_coded.len(),
        tokens: tok_a.len(),
        overall,
        per_label: by_name,
        unitizing_alpha: unitizing_of(project, &both_coded, a, b),
        both_coded,
    }
}

/// uα of `a` and `b` over the articles both coded, one after the other on one continuum; each
/// coder's fragments of a label merged where they overlap.
fn unitizing_of(
    project: &Project,
    both_coded: &[crate::model::ArticleId],
    a: &str,
    b: &str,
) -> super::unitizing::UnitizingAlpha {
    use super::unitizing::{Unit, merged, unitizing_alpha};
    let mut units = Vec::new();
    let mut offset = 0u64;
    let both: std::collections::HashSet<_> = both_coded.iter().collect();
    for art in project.articles.iter().filter(|a| both.contains(&a.id)) {
        for (coder, who) in [a, b].into_iter().enumerate() {
            let mut by_label: BTreeMap<&str, Vec<(u64, u64)>> = BTreeMap::new();
            for s in art.spans.iter().filter(|s| s.annotator == who) {
                let name = project.schema.label_name(s.label);
                let frags = s.fragments.iter().map(|f| (offset + f.start as u64, offset + f.end as u64));
                by_label.entry(name).or_default().extend(frags);
            }
            for (name, spans) in by_label {
                for (s, e) in merged(spans) {
                    units.push(Unit { coder, category: name.to_string(), start: s, len: e - s });
                }
            }
        }
        offset += art.text.chars().count() as u64;
    }
    unitizing_alpha(&units, 2, 0, offset)
}

impl std::fmt::Display for Agreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let num = |x: Option<f64>| x.map_or("   n/a".to_string(), |v| format!("{v:>6.3}"));
        writeln!(
            f,
            "{} vs {}: {} articles, {} tokens",
            self.annotator_a, self.annotator_b, self.articles, self.tokens
        )?;
        writeln!(
            f,
            "{:<20} {:>6} {:>6} {:>8} {:>10} {:>6} {:>6}",
            "label", "A", "B", "F1 exact", "F1 overlap", "kappa", "alpha"
        )?;
        let mut row = |name: &str, s: &Scores| {
            writeln!(
                f,
                "{:<20} {:>6} {:>6} {:>8.3} {:>10.3} {} {}",
                name,
                s.spans_a,
                s.spans_b,
                s.f1_exact,
                s.f1_overlap,
                num(s.kappa),
                num(s.alpha)
            )
        };
        for (name, s) in &self.per_label {
            row(name, s)?;
        }
        row("(all labels)", &self.overall)?;
        let u = &self.unitizing_alpha;
        let per: Vec<String> = u.per_label.iter().map(|(n, a)| format!("{n} {}", num(*a).trim())).collect();
        writeln!(f, "unitizing alpha (Krippendorff): {} ({})", num(u.overall).trim(), per.join(", "))
    }
}

/// How two annotators' spans of one article line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    /// Same fragments, same label.
    Agree,
    /// Overlapping spans that differ in label or boundaries.
    Differ,
    OnlyA,
    OnlyB,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DiffRow {
    pub kind: DiffKind,
    pub a: Option<crate::model::SpanId>,
    pub b: Option<crate::model::SpanId>,
    /// Where the row sits in the text (for ordering and jumping).
    pub start: usize,
}

/// A's and B's spans of `article` aligned: exact agreements first, then overlapping pairs,
/// then the spans only one of them has; in text order.
pub fn diff(article: &crate::model::Article, a: &str, b: &str) -> Vec<DiffRow> {
    let sa: Vec<&Span> = article.spans.iter().filter(|s| s.annotator == a).collect();
    let sb: Vec<&Span> = article.spans.iter().filter(|s| s.annotator == b).collect();
    let mut used_a = vec![false; sa.len()];
    let mut used_b = vec![false; sb.len()];
    let mut rows = Vec::new();
    for (i, x) in sa.iter().enumerate() {
        if let Some(j) = (0..sb.len()).find(|&j| !used_b[j] && sb[j].label == x.label && sb[j].fragments == x.fragments)
        {
            used_a[i] = true;
            used_b[j] = true;
            rows.push(DiffRow { kind: DiffKind::Agree, a: Some(x.id), b: Some(sb[j].id), start: x.start() });
        }
    }
    for (i, x) in sa.iter().enumerate() {
        if used_a[i] {
            continue;
        }
        // The overlapping span of B with the most shared characters.
        let shared = |y: &Span| -> usize {
            x.fragments
                .iter()
                .flat_map(|f| y.fragments.iter().map(move |g| f.end.min(g.end).saturating_sub(f.start.max(g.start))))
                .sum()
        };
        if let Some(j) = (0..sb.len()).filter(|&j| !used_b[j] && overlaps(x, sb[j])).max_by_key(|&j| shared(sb[j])) {
            used_a[i] = true;
            used_b[j] = true;
            rows.push(DiffRow {
                kind: DiffKind::Differ,
                a: Some(x.id),
                b: Some(sb[j].id),
                start: x.start().min(sb[j].start()),
            });
        }
    }
    for (_, x) in sa.iter().enumerate().filter(|(i, _)| !used_a[*i]) {
        rows.push(DiffRow { kind: DiffKind::OnlyA, a: Some(x.id), b: None, start: x.start() });
    }
    for (_, y) in sb.iter().enumerate().filter(|(j, _)| !used_b[*j]) {
        rows.push(DiffRow { kind: DiffKind::OnlyB, a: None, b: Some(y.id), start: y.start() });
    }
    rows.sort_by_key(|r| r.start);
    rows
}
