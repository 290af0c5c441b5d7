//! DNA's network export (`dna/export/Exporter.java`): the statements of a range are sorted
//! (date, article, position), statements with an empty variable are left out, duplicates are
//! dropped by the chosen rule, and the rest are counted per row value × column value ×
//! qualifier level; the two-mode and one-mode matrices and their normalisations are computed
//! from those counts with DNA's formulas. Where DNA has a bug, Glose does what DNA means and
//! says so here:
//! - duplicates `month` and `week` compare the calendar month and the ISO week *of the same
//!   year* (DNA compares the month or week number only, so January 2005 and January 2006 meet);
//! - `prominence` with `combine` counts the non-zero cells of each column (DNA indexes the
//!   matrix the wrong way round);
//! - an integer qualifier with a single level gives proximity 1 (DNA divides by a zero range).

use super::{Matrix, Statement, day};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum NetworkType {
    /// Variable 1 × variable 2 (actors × claims).
    #[default]
    Twomode,
    /// Variable 1 × variable 1, tied through variable 2 (actors tied by the claims they share).
    Onemode,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Aggregation {
    #[default]
    Ignore,
    Congruence,
    Conflict,
    Subtract,
    Combine,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Normalization {
    #[default]
    No,
    Average,
    Jaccard,
    Cosine,
    Activity,
    Prominence,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Duplicates {
    #[default]
    Include,
    Document,
    Week,
    Month,
    Year,
    Acrossrange,
}

/// A moving window: `days` wide, its centre stepped `step` days at a time through the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub days: u32,
    pub step: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkOptions {
    pub kind: NetworkType,
    pub variable1: String,
    pub variable2: String,
    /// `None`: no qualifier (one level).
    pub qualifier: Option<String>,
    pub aggregation: Aggregation,
    pub normalization: Normalization,
    pub duplicates: Duplicates,
    /// Days (inclusive) of the range; statements outside it are left out.
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub window: Option<Window>,
    /// Keep every node of the range in every matrix (DNA's `isolates`).
    pub isolates: bool,
}

impl Default for NetworkOptions {
    /// rDNA's `dna_network()` defaults, with Glose's variable names.
    fn default() -> Self {
        NetworkOptions {
            kind: NetworkType::Twomode,
            variable1: "actor".into(),
            variable2: "claim".into(),
            qualifier: Some("stance".into()),
            aggregation: Aggregation::Ignore,
            normalization: Normalization::No,
            duplicates: Duplicates::Include,
            from: None,
            to: None,
            window: None,
            isolates: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NetworkError {
    #[error("{0:?} aggregation is for {1} networks only")]
    Aggregation(Aggregation, &'static str),
    #[error("{0:?} normalisation is for {1} networks only")]
    Normalization(Normalization, &'static str),
    #[error("{0:?} aggregation needs a qualifier")]
    NoQualifier(Aggregation),
    #[error("a time window must be at least one day wide and step at least one day")]
    Window,
}

/// How the qualifier's values are read, decided over every statement of the range: `Boolean`
/// when each is 0/1, true/false, yes/no or agree/disagree (DNA's boolean); `Integer` when each
/// is a whole number (DNA's integer scale); `Text` otherwise (DNA's short text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierKind {
    Boolean,
    Integer,
    Text,
}

/// The result: one matrix, or one per time window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    pub matrices: Vec<Matrix>,
    /// The statements counted (indices into the table given), in DNA's order.
    pub kept: Vec<usize>,
    /// The qualifier's levels, in the order `combine`'s bits follow.
    pub levels: Vec<String>,
    pub qualifier_kind: Option<QualifierKind>,
    /// Statements of the table left out: outside the range (or undated when a range or window
    /// is asked), with an empty variable, or duplicates by the chosen rule.
    pub out_of_range: usize,
    pub empty: usize,
    pub duplicates: usize,
}

fn boolean(v: &str) -> Option<i64> {
    let v = v.trim();
    let is = |words: [&str; 4]| words.iter().any(|w| v.eq_ignore_ascii_case(w));
    if is(["1", "true", "yes", "agree"]) {
        Some(1)
    } else if is(["0", "false", "no", "disagree"]) {
        Some(0)
    } else {
        None
    }
}

/// The qualifier of each statement as a level index, with the levels.
struct Qualifier {
    kind: Option<QualifierKind>,
    levels: Vec<String>,
    /// Numeric value of each level (boolean and integer).
    numbers: Vec<i64>,
    /// Level of each statement of the table (`None`: empty or unreadable).
    of: Vec<Option<usize>>,
}

fn utf16_sort(v: &mut [&str]) {
    // Java's String order (UTF-16 code units), for DNA's label order.
    v.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
}

fn qualifier(all: &[Statement], range: &[usize], name: Option<&str>) -> Qualifier {
    let Some(name) = name else {
        return Qualifier { kind: None, levels: vec![String::new()], numbers: vec![0], of: vec![Some(0); all.len()] };
    };
    let value: Vec<&str> = all.iter().map(|s| s.get(name).trim()).collect();
    let values: Vec<&str> = range.iter().map(|&i| value[i]).filter(|v| !v.is_empty()).collect();
    let kind = if values.iter().all(|v| boolean(v).is_some()) {
        QualifierKind::Boolean
    } else if values.iter().all(|v| v.parse::<i64>().is_ok()) {
        QualifierKind::Integer
    } else {
        QualifierKind::Text
    };
    let number = |v: &str| match kind {
        QualifierKind::Boolean => boolean(v),
        QualifierKind::Integer => v.trim().parse::<i64>().ok(),
        QualifierKind::Text => None,
    };
    let (levels, numbers): (Vec<String>, Vec<i64>) = match kind {
        QualifierKind::Boolean => (vec!["0".into(), "1".into()], vec![0, 1]),
        QualifierKind::Integer => {
            let mut n: Vec<i64> = values.iter().filter_map(|v| number(v)).collect();
            n.sort_unstable();
            n.dedup();
            (n.iter().map(i64::to_string).collect(), n)
        }
        QualifierKind::Text => {
            let mut t: Vec<&str> = values.clone();
            utf16_sort(&mut t);
            t.dedup();
            let n = (0..t.len() as i64).collect();
            (t.into_iter().map(String::from).collect(), n)
        }
    };
    let text_level: HashMap<&str, usize> = match kind {
        QualifierKind::Text => levels.iter().enumerate().map(|(k, l)| (l.as_str(), k)).collect(),
        _ => HashMap::new(),
    };
    let of = value
        .iter()
        .map(|&v| match kind {
            QualifierKind::Text => text_level.get(v).copied(),
            _ => number(v).and_then(|n| numbers.iter().position(|&x| x == n)),
        })
        .collect();
    Qualifier { kind: Some(kind), levels, numbers, of }
}

fn check(o: &NetworkOptions) -> Result<(), NetworkError> {
    use Aggregation as A;
    use Normalization as N;
    match (o.kind, o.aggregation) {
        (NetworkType::Twomode, A::Congruence | A::Conflict) => {
            return Err(NetworkError::Aggregation(o.aggregation, "one-mode"));
        }
        (NetworkType::Onemode, A::Combine) => return Err(NetworkError::Aggregation(o.aggregation, "two-mode")),
        _ => {}
    }
    match (o.kind, o.normalization) {
        (NetworkType::Twomode, N::Average | N::Jaccard | N::Cosine) => {
            return Err(NetworkError::Normalization(o.normalization, "one-mode"));
        }
        (NetworkType::Onemode, N::Activity | N::Prominence) => {
            return Err(NetworkError::Normalization(o.normalization, "two-mode"));
        }
        _ => {}
    }
    if o.qualifier.is_none() && o.aggregation != A::Ignore {
        return Err(NetworkError::NoQualifier(o.aggregation));
    }
    if o.window.is_some_and(|w| w.days == 0 || w.step == 0) {
        return Err(NetworkError::Window);
    }
    Ok(())
}

fn day_of(s: &Statement) -> Option<i64> {
    s.time.map(day::of_time)
}

/// What two statements share when one is a duplicate of the other: their two values, the
/// qualifier level (when it counts) and the bucket of their dates or article.
type DuplicateKey = (u32, u32, Option<usize>, (i64, i64));

/// The bucket two statements must share to be duplicates (besides their values).
fn bucket(s: &Statement, rule: Duplicates) -> (i64, i64) {
    let d = day_of(s);
    match rule {
        Duplicates::Include | Duplicates::Acrossrange => (0, 0),
        Duplicates::Document => (s.article.0 as i64, 0),
        Duplicates::Year => (d.map_or(i64::MIN, |d| day::to_civil(d).0), 0),
        Duplicates::Month => d.map_or((i64::MIN, 0), |d| {
            let (y, m, _) = day::to_civil(d);
            (y, i64::from(m))
        }),
        Duplicates::Week => d.map_or((i64::MIN, 0), day::iso_week),
    }
}

/// The values of one variable over the table, each distinct value numbered once, with the
/// rank of each number in DNA's label order (Java's string order).
struct Interned<'a> {
    of: Vec<u32>,
    names: Vec<&'a str>,
    rank: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

fn intern<'a>(statements: &'a [Statement], variable: &str) -> Interned<'a> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let of = statements
        .iter()
        .map(|s| {
            let v = s.get(variable);
            if v.is_empty() {
                return EMPTY;
            }
            *ids.entry(v).or_insert_with(|| {
                names.push(v);
                (names.len() - 1) as u32
            })
        })
        .collect();
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_by(|&a, &b| names[a as usize].encode_utf16().cmp(names[b as usize].encode_utf16()));
    let mut rank = vec![0; names.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    Interned { of, names, rank }
}

impl Interned<'_> {
    /// The values used by `subset`, in label order, and each value's row (EMPTY: not used).
    fn labels(&self, subset: &[usize]) -> (Vec<String>, Vec<u32>) {
        let mut used: Vec<u32> = subset.iter().map(|&i| self.of[i]).filter(|&v| v != EMPTY).collect();
        used.sort_unstable_by_key(|&v| self.rank[v as usize]);
        used.dedup();
        let mut row = vec![EMPTY; self.names.len()];
        for (r, &v) in used.iter().enumerate() {
            row[v as usize] = r as u32;
        }
        (used.iter().map(|&v| self.names[v as usize].to_string()).collect(), row)
    }
}

/// Computes the network of `statements` (a table from [`super::statements`]) as DNA would.
pub fn network(statements: &[Statement], o: &NetworkOptions) -> Result<Network, NetworkError> {
    check(o)?;
    // The range: DNA selects statements by date in its query, then sorts them.
    let mut range: Vec<usize> = (0..statements.len())
        .filter(|&i| {
            let d = day_of(&statements[i]);
            o.from.is_none_or(|f| d.is_some_and(|d| d >= f)) && o.to.is_none_or(|t| d.is_some_and(|d| d <= t))
        })
        .filter(|&i| o.window.is_none() || statements[i].time.is_some())
        .collect();
    range.sort_by_key(|&i| {
        let s = &statements[i];
        (s.time.unwrap_or(i64::MIN), s.article_index, s.start)
    });
    let q = qualifier(statements, &range, o.qualifier.as_deref());
    let (v1, v2) = (intern(statements, &o.variable1), intern(statements, &o.variable2));
    // Empty values, then duplicates.
    let mut seen: HashSet<DuplicateKey> = HashSet::new();
    let mut kept = Vec::with_capacity(range.len());
    let (mut empty, mut duplicates) = (0, 0);
    for &i in &range {
        let level = q.of[i];
        if v1.of[i] == EMPTY || v2.of[i] == EMPTY || (o.aggregation != Aggregation::Ignore && level.is_none()) {
            empty += 1;
            continue;
        }
        if o.duplicates != Duplicates::Include {
            let qual = if o.aggregation == Aggregation::Ignore { None } else { level };
            if !seen.insert((v1.of[i], v2.of[i], qual, bucket(&statements[i], o.duplicates))) {
                duplicates += 1;
                continue;
            }
        }
        kept.push(i);
    }
    let compute = |subset: &[usize], start: Option<i64>, stop: Option<i64>| {
        let labels_from = if o.isolates { &range[..] } else { subset };
        let (names1, rows) = v1.labels(labels_from);
        let (names2, cols) = v2.labels(labels_from);
        let cells = |i: usize| (rows[v1.of[i] as usize], cols[v2.of[i] as usize]);
        let counts = Counts::new(subset, cells, &q, names1.len(), names2.len());
        let mut m = match o.kind {
            NetworkType::Twomode => two_mode(&counts, o, &q, names1, names2),
            NetworkType::Onemode => one_mode(&counts, o, &q, names1),
        };
        m.start = start;
        m.stop = stop;
        m.statements = subset.len();
        m
    };
    let first = kept.first().and_then(|&i| day_of(&statements[i]));
    let last = kept.last().and_then(|&i| day_of(&statements[i]));
    let start = match (o.from, first) {
        (Some(f), Some(d)) => Some(f.max(d)),
        (f, d) => d.or(f),
    };
    let stop = match (o.to, last) {
        (Some(t), Some(d)) => Some(t.min(d)),
        (t, d) => d.or(t),
    };
    let matrices = match (o.window, start, stop) {
        (None, _, _) => vec![compute(&kept, o.from.or(first), o.to.or(last))],
        (Some(w), Some(start), Some(stop)) => {
            let half = ((f64::from(w.days) - 1.0) / 2.0).round() as i64;
            let days: Vec<i64> = kept.iter().map(|&i| day_of(&statements[i]).unwrap_or(i64::MIN)).collect();
            let mut out = Vec::new();
            let mut centre = start + half;
            while centre + half <= stop {
                let (a, b) = (centre - half, centre + half);
                let lo = days.partition_point(|&d| d < a);
                let hi = days.partition_point(|&d| d <= b);
                out.push(compute(&kept[lo..hi], Some(a), Some(b)));
                centre += i64::from(w.step);
            }
            out
        }
        (Some(_), _, _) => Vec::new(),
    };
    let out_of_range = statements.len() - range.len();
    Ok(Network { matrices, kept, levels: q.levels, qualifier_kind: q.kind, out_of_range, empty, duplicates })
}

/// DNA's three-dimensional array (row value × column value × qualifier level), kept sparse: for
/// each column value, the (row, level, count) cells that are not zero.
struct Counts {
    n1: usize,
    levels: usize,
    /// Dense counts, `n1 × n2 × levels`.
    dense: Vec<f64>,
    n2: usize,
    columns: Vec<Vec<(usize, usize, f64)>>,
}

impl Counts {
    /// `cell` gives a statement's row and column (EMPTY: not a label of this matrix).
    fn new(subset: &[usize], cell: impl Fn(usize) -> (u32, u32), q: &Qualifier, n1: usize, n2: usize) -> Counts {
        let levels = q.levels.len().max(1);
        let mut dense = vec![0.0; n1 * n2 * levels];
        for &i in subset {
            let (r, c) = cell(i);
            if r == EMPTY || c == EMPTY {
                continue;
            }
            let k = if levels > 1 { q.of[i].unwrap_or(0) } else { 0 };
            dense[(r as usize * n2 + c as usize) * levels + k] += 1.0;
        }
        let mut columns = vec![Vec::new(); n2];
        for r in 0..n1 {
            for (c, col) in columns.iter_mut().enumerate() {
                for k in 0..levels {
                    let v = dense[(r * n2 + c) * levels + k];
                    if v != 0.0 {
                        col.push((r, k, v));
                    }
                }
            }
        }
        Counts { n1, levels, dense, n2, columns }
    }

    fn at(&self, r: usize, c: usize, k: usize) -> f64 {
        self.dense[(r * self.n2 + c) * self.levels + k]
    }

    /// Statements of row `r` over every column and level.
    fn row_total(&self, r: usize) -> f64 {
        self.dense[r * self.n2 * self.levels..(r + 1) * self.n2 * self.levels].iter().sum()
    }
}

fn two_mode(x: &Counts, o: &NetworkOptions, q: &Qualifier, names1: Vec<String>, names2: Vec<String>) -> Matrix {
    let mut m = Matrix::zeros(names1, names2);
    let kind = q.kind;
    for r in 0..x.n1 {
        for c in 0..x.n2 {
            let v = match o.aggregation {
                Aggregation::Combine => {
                    // DNA's lexical rank of the levels present: the first level is the highest bit.
                    (0..x.levels).filter(|&k| x.at(r, c, k) > 0.0).map(|k| 2f64.powi((x.levels - k - 1) as i32)).sum()
                }
                Aggregation::Subtract => (0..x.levels)
                    .map(|k| {
                        let a = x.at(r, c, k);
                        match kind {
                            Some(QualifierKind::Integer) => q.numbers[k] as f64 * a,
                            Some(QualifierKind::Boolean) if q.numbers[k] == 0 => -a,
                            _ => a,
                        }
                    })
                    .sum(),
                _ => (0..x.levels).map(|k| x.at(r, c, k)).sum(),
            };
            m.set(r, c, v);
        }
    }
    m.integer = o.normalization == Normalization::No;
    // What each cell adds to its row's (activity) or column's (prominence) denominator.
    let part = |r: usize, c: usize| match o.aggregation {
        Aggregation::Combine => f64::from(u8::from(m.get(r, c) > 0.0)),
        Aggregation::Subtract => (0..x.levels).map(|k| x.at(r, c, k)).sum(),
        _ => m.get(r, c),
    };
    let norms: Vec<f64> = match o.normalization {
        Normalization::Activity => (0..x.n1).map(|r| (0..x.n2).map(|c| part(r, c)).sum()).collect(),
        Normalization::Prominence => (0..x.n2).map(|c| (0..x.n1).map(|r| part(r, c)).sum()).collect(),
        _ => return m,
    };
    let by_row = o.normalization == Normalization::Activity;
    for r in 0..x.n1 {
        for c in 0..x.n2 {
            let d = norms[if by_row { r } else { c }];
            m.set(r, c, if d == 0.0 { 0.0 } else { m.get(r, c) / d });
        }
    }
    m
}

/// Proximity (1) or distance (0) weight of two levels of a boolean or integer qualifier.
fn distance(q: &Qualifier, k1: usize, k2: usize) -> f64 {
    let (lo, hi) = (q.numbers.first().copied().unwrap_or(0), q.numbers.last().copied().unwrap_or(0));
    let range = (hi - lo).abs() as f64;
    if range == 0.0 { 0.0 } else { (q.numbers[k1] - q.numbers[k2]).abs() as f64 / range }
}

fn one_mode(x: &Counts, o: &NetworkOptions, q: &Qualifier, names1: Vec<String>) -> Matrix {
    let n = x.n1;
    let mut m = Matrix::zeros(names1.clone(), names1);
    m.one_mode = true;
    // same[i1][i2]: Σ over (column, level) of a1·a2; share[i1][i2]: Σ a1 where i2 is also active.
    let mut same = vec![0.0; n * n];
    let mut share = vec![0.0; n * n];
    let numeric = matches!(q.kind, Some(QualifierKind::Boolean | QualifierKind::Integer));
    // What a pair of uses at levels (k1, k2) adds: DNA's proximity, distance or both.
    let l = x.levels;
    let weight: Vec<f64> = (0..l * l)
        .map(|kk| {
            let (k1, k2) = (kk / l, kk % l);
            match o.aggregation {
                Aggregation::Ignore => 1.0,
                _ if !numeric => 0.0,
                Aggregation::Congruence => 1.0 - distance(q, k1, k2),
                Aggregation::Conflict => distance(q, k1, k2),
                _ => 1.0 - 2.0 * distance(q, k1, k2),
            }
        })
        .collect();
    for col in &x.columns {
        for &(r1, k1, a1) in col {
            let row = &mut m.values[r1 * n..(r1 + 1) * n];
            let (same, share) = (&mut same[r1 * n..(r1 + 1) * n], &mut share[r1 * n..(r1 + 1) * n]);
            for &(r2, k2, a2) in col {
                if r1 == r2 {
                    continue;
                }
                row[r2] += a1 * a2 * weight[k1 * l + k2];
                if k1 == k2 {
                    same[r2] += a1 * a2;
                    share[r2] += a1;
                }
            }
        }
    }
    let totals: Vec<f64> = (0..n).map(|r| x.row_total(r)).collect();
    for i1 in 0..n {
        for i2 in 0..n {
            if i1 == i2 {
                continue;
            }
            let (t1, t2) = (totals[i1], totals[i2]);
            // Counts where only one of the two is active (same column and level).
            let only1 = t1 - share[i1 * n + i2];
            let only2 = t2 - share[i2 * n + i1];
            if !numeric && o.aggregation != Aggregation::Ignore {
                let congruence = same[i1 * n + i2];
                let conflict = only1 + only2;
                let v = match o.aggregation {
                    Aggregation::Congruence => congruence,
                    Aggregation::Conflict => conflict,
                    _ => congruence - conflict,
                };
                m.set(i1, i2, v);
            }
            let norm = match o.normalization {
                Normalization::Average => (t1 + t2) / 2.0,
                Normalization::Jaccard => only1 + only2 + same[i1 * n + i2],
                Normalization::Cosine => t1 * t2,
                _ => 1.0,
            };
            let v = m.get(i1, i2);
            m.set(i1, i2, if norm == 0.0 { 0.0 } else { v / norm });
        }
    }
    m.integer = o.normalization == Normalization::No
        && (o.aggregation == Aggregation::Ignore
            || matches!(q.kind, Some(QualifierKind::Boolean | QualifierKind::Text)));
    m
}
