//! Small tables computed by hand, one per rule of DNA's exporter.

use super::*;
use crate::model::{Article, Entity, EntityId, Fragment, Relation, RelationId, Span};

fn st(doc: u64, date: &str, actor: &str, concept: &str, agreement: &str) -> Statement {
    let mut values = BTreeMap::new();
    values.insert("organization".to_string(), actor.to_string());
    values.insert("concept".to_string(), concept.to_string());
    values.insert("agreement".to_string(), agreement.to_string());
    Statement {
        article: ArticleId(doc),
        time: day::parse_time(date),
        document: std::sync::Arc::new([("date".to_string(), date.to_string())].into()),
        values,
        article_index: doc as usize,
        ..Default::default()
    }
}

/// A: c1 agree ×2 (same article), c2 disagree; B: c1 agree, c2 disagree; C: c1 disagree.
fn table() -> Vec<Statement> {
    let d = "2005-01-26";
    vec![
        st(1, d, "A", "c1", "1"),
        st(1, d, "B", "c1", "1"),
        st(2, d, "C", "c1", "0"),
        st(2, d, "A", "c2", "0"),
        st(3, d, "B", "c2", "0"),
        st(1, d, "A", "c1", "1"),
    ]
}

fn opts(kind: NetworkType, aggregation: Aggregation, normalization: Normalization) -> NetworkOptions {
    NetworkOptions {
        kind,
        variable1: "organization".into(),
        variable2: "concept".into(),
        qualifier: Some("agreement".into()),
        aggregation,
        normalization,
        ..Default::default()
    }
}

fn matrix(t: &[Statement], o: &NetworkOptions) -> Matrix {
    let n = network(t, o).unwrap();
    assert_eq!(n.matrices.len(), 1);
    n.matrices.into_iter().next().unwrap()
}

fn rows(m: &Matrix) -> Vec<Vec<f64>> {
    (0..m.rows.len()).map(|r| m.row(r).iter().map(|v| (v * 1000.0).round() / 1000.0).collect()).collect()
}

#[test]
fn two_mode_aggregations() {
    use Aggregation::*;
    let t = table();
    let m = matrix(&t, &opts(NetworkType::Twomode, Ignore, Normalization::No));
    assert_eq!(
        (m.rows.clone(), m.columns.clone()),
        (vec!["A".into(), "B".into(), "C".into()], vec!["c1".into(), "c2".into()])
    );
    assert_eq!(rows(&m), [[2.0, 1.0], [1.0, 1.0], [1.0, 0.0]]);
    assert_eq!(m.statements, 6);
    assert!(m.integer);
    let m = matrix(&t, &opts(NetworkType::Twomode, Subtract, Normalization::No));
    assert_eq!(rows(&m), [[2.0, -1.0], [1.0, -1.0], [-1.0, 0.0]]);
    // combine: the level 0 (disagree) is the high bit, 1 (agree) the low one.
    let n = network(&t, &opts(NetworkType::Twomode, Combine, Normalization::No)).unwrap();
    assert_eq!(n.levels, ["0", "1"]);
    assert_eq!(rows(&n.matrices[0]), [[1.0, 2.0], [1.0, 2.0], [2.0, 0.0]]);
}

#[test]
fn two_mode_normalisations() {
    use Aggregation::*;
    let t = table();
    let m = matrix(&t, &opts(NetworkType::Twomode, Ignore, Normalization::Activity));
    assert_eq!(rows(&m), [[0.667, 0.333], [0.5, 0.5], [1.0, 0.0]]);
    assert!(!m.integer);
    let m = matrix(&t, &opts(NetworkType::Twomode, Ignore, Normalization::Prominence));
    assert_eq!(rows(&m), [[0.5, 0.5], [0.25, 0.5], [0.25, 0.0]]);
    // subtract divides by the statements of the row (A: 3), not by the signed sum.
    let m = matrix(&t, &opts(NetworkType::Twomode, Subtract, Normalization::Activity));
    assert_eq!(rows(&m), [[0.667, -0.333], [0.5, -0.5], [-1.0, 0.0]]);
    // combine divides by the cells used.
    let m = matrix(&t, &opts(NetworkType::Twomode, Combine, Normalization::Prominence));
    assert_eq!(rows(&m), [[0.333, 1.0], [0.333, 1.0], [0.667, 0.0]]);
}

#[test]
fn one_mode_aggregations_boolean() {
    use Aggregation::*;
    let t = table();
    let sym = |m: &Matrix| [m.get(0, 1), m.get(0, 2), m.get(1, 2), m.get(1, 0), m.get(2, 0), m.get(2, 1)];
    let m = matrix(&t, &opts(NetworkType::Onemode, Ignore, Normalization::No));
    assert_eq!(sym(&m), [3.0, 2.0, 1.0, 3.0, 2.0, 1.0]);
    assert_eq!(m.sum(), 12.0);
    assert_eq!((0..3).map(|i| m.get(i, i)).sum::<f64>(), 0.0);
    let m = matrix(&t, &opts(NetworkType::Onemode, Congruence, Normalization::No));
    assert_eq!(sym(&m)[..3], [3.0, 0.0, 0.0]);
    let m = matrix(&t, &opts(NetworkType::Onemode, Conflict, Normalization::No));
    assert_eq!(sym(&m)[..3], [0.0, 2.0, 1.0]);
    let m = matrix(&t, &opts(NetworkType::Onemode, Subtract, Normalization::No));
    assert_eq!(sym(&m)[..3], [3.0, -2.0, -1.0]);
}

#[test]
fn one_mode_normalisations() {
    use Aggregation::*;
    let t = table();
    let upper = |m: &Matrix| rows(m).iter().enumerate().flat_map(|(r, row)| row[r + 1..].to_vec()).collect::<Vec<_>>();
    // A has 3 statements, B 2, C 1.
    let m = matrix(&t, &opts(NetworkType::Onemode, Congruence, Normalization::Average));
    assert_eq!(upper(&m), [1.2, 0.0, 0.0]);
    let m = matrix(&t, &opts(NetworkType::Onemode, Ignore, Normalization::Cosine));
    assert_eq!(upper(&m), [0.5, 0.667, 0.5]);
    let m = matrix(&t, &opts(NetworkType::Onemode, Ignore, Normalization::Jaccard));
    assert_eq!(upper(&m), [1.0, 0.5, 0.333]);
}

#[test]
fn one_mode_text_and_integer_qualifiers() {
    use Aggregation::*;
    let words: Vec<Statement> = table()
        .into_iter()
        .map(|mut s| {
            let w = if s.get("agreement") == "1" { "pro" } else { "contra" };
            s.values.insert("agreement".into(), w.into());
            s
        })
        .collect();
    let upper = |m: &Matrix| vec![m.get(0, 1), m.get(0, 2), m.get(1, 2)];
    let n = network(&words, &opts(NetworkType::Onemode, Conflict, Normalization::No)).unwrap();
    assert_eq!(n.qualifier_kind, Some(QualifierKind::Text));
    assert_eq!(n.levels, ["contra", "pro"]);
    // DNA counts every (claim, value) only one of the two uses, across claims.
    assert_eq!(upper(&n.matrices[0]), [0.0, 4.0, 3.0]);
    let m = matrix(&words, &opts(NetworkType::Onemode, Congruence, Normalization::No));
    assert_eq!(upper(&m), [3.0, 0.0, 0.0]);
    let m = matrix(&words, &opts(NetworkType::Onemode, Subtract, Normalization::No));
    assert_eq!(upper(&m), [3.0, -4.0, -3.0]);
    // An integer scale −1…1: distance |k1 − k2| / 2.
    let d = "2005-01-26";
    let scale = vec![st(1, d, "X", "c", "-1"), st(1, d, "Y", "c", "1"), st(1, d, "Z", "c", "0")];
    let n = network(&scale, &opts(NetworkType::Onemode, Congruence, Normalization::No)).unwrap();
    assert_eq!(n.qualifier_kind, Some(QualifierKind::Integer));
    assert_eq!(upper(&n.matrices[0]), [0.0, 0.5, 0.5]);
    assert!(!n.matrices[0].integer);
    let m = matrix(&scale, &opts(NetworkType::Onemode, Conflict, Normalization::No));
    assert_eq!(upper(&m), [1.0, 0.5, 0.5]);
    let m = matrix(&scale, &opts(NetworkType::Onemode, Subtract, Normalization::No));
    assert_eq!(upper(&m), [-1.0, 0.0, 0.0]);
    let m = matrix(&scale, &opts(NetworkType::Twomode, Subtract, Normalization::No));
    assert_eq!(rows(&m), [[-1.0], [1.0], [0.0]]);
}

#[test]
fn duplicates_rules() {
    use Duplicates::*;
    let t: Vec<Statement> = ["2005-01-03", "2005-01-09", "2005-01-10", "2005-02-01", "2006-01-05"]
        .iter()
        .enumerate()
        .map(|(i, d)| st(i as u64 + 1, d, "A", "c1", "1"))
        .collect();
    let mut same_doc = t.clone();
    same_doc.push(st(1, "2005-01-03", "A", "c1", "0"));
    for (rule, kept, kept_with_doc) in
        [(Include, 5, 6), (Document, 5, 5), (Week, 4, 4), (Month, 3, 3), (Year, 2, 2), (Acrossrange, 1, 1)]
    {
        let o =
            NetworkOptions { duplicates: rule, ..opts(NetworkType::Twomode, Aggregation::Ignore, Normalization::No) };
        assert_eq!(matrix(&t, &o).sum(), kept as f64, "{rule:?}");
        assert_eq!(matrix(&same_doc, &o).sum(), kept_with_doc as f64, "{rule:?}");
    }
    // With a qualifier that counts, a disagreeing statement in the same article is not a duplicate.
    let o =
        NetworkOptions { duplicates: Document, ..opts(NetworkType::Twomode, Aggregation::Subtract, Normalization::No) };
    assert_eq!(network(&same_doc, &o).unwrap().kept.len(), 6);
}

#[test]
fn empty_values_ranges_and_label_order() {
    let d = "2005-01-26";
    let t = vec![
        st(1, d, "Zeta", "c", "1"),
        st(1, d, "Énergie", "c", "1"),
        st(1, d, "energy", "c", "1"),
        st(1, d, "", "c", "1"),
        st(1, d, "Zeta", "", "1"),
        st(2, "2005-03-01", "Zeta", "c", "1"),
        st(3, "", "Zeta", "c", "1"),
    ];
    let o = opts(NetworkType::Twomode, Aggregation::Ignore, Normalization::No);
    let m = matrix(&t, &o);
    assert_eq!(m.rows, ["Zeta", "energy", "Énergie"]);
    assert_eq!(m.sum(), 5.0);
    let o = NetworkOptions { from: day::parse_day("2005-01-01"), to: day::parse_day("2005-02-01"), ..o };
    let m = matrix(&t, &o);
    assert_eq!(m.sum(), 3.0, "undated statements and those after the range are left out");
    assert_eq!((m.start, m.stop), (day::parse_day("2005-01-01"), day::parse_day("2005-02-01")));
}

#[test]
fn moving_windows() {
    // One statement a day for 5 days; windows of 3 days stepped by 1: centres on days 2, 3, 4.
    let t: Vec<Statement> =
        (1..=5).map(|d| st(d, &format!("2005-01-0{d}"), if d % 2 == 0 { "B" } else { "A" }, "c", "1")).collect();
    let o = NetworkOptions {
        window: Some(Window { days: 3, step: 1 }),
        ..opts(NetworkType::Twomode, Aggregation::Ignore, Normalization::No)
    };
    let n = network(&t, &o).unwrap();
    let starts: Vec<String> = n.matrices.iter().map(|m| day::format(m.start.unwrap())).collect();
    assert_eq!(starts, ["2005-01-01", "2005-01-02", "2005-01-03"]);
    assert!(n.matrices.iter().all(|m| m.statements == 3 && m.sum() == 3.0));
    assert_eq!(n.matrices[1].rows, ["A", "B"]);
    let o = NetworkOptions { window: Some(Window { days: 2, step: 2 }), ..o };
    // A 2-day window is DNA's round((2 − 1) / 2) = 1 day each side: 3 days.
    assert_eq!(network(&t, &o).unwrap().matrices.len(), 2);
}

#[test]
fn options_that_do_not_fit_are_refused() {
    use Aggregation::*;
    let t = table();
    assert!(network(&t, &opts(NetworkType::Twomode, Congruence, Normalization::No)).is_err());
    assert!(network(&t, &opts(NetworkType::Onemode, Combine, Normalization::No)).is_err());
    assert!(network(&t, &opts(NetworkType::Twomode, Ignore, Normalization::Jaccard)).is_err());
    assert!(network(&t, &opts(NetworkType::Onemode, Ignore, Normalization::Activity)).is_err());
    let none = NetworkOptions { qualifier: None, ..opts(NetworkType::Onemode, Congruence, Normalization::No) };
    assert!(network(&t, &none).is_err());
}

#[test]
fn statements_from_spans_and_says_relations() {
    let mut p = Project::new("t");
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let says = p.schema.relation_type_by_name("says").unwrap().id;
    let putin = EntityId(p.alloc_id());
    p.entities.push(Entity { id: putin, name: "Vladimir Putin".into(), ..Default::default() });
    let text = "Poutine dit que la paix est proche. Le ministre  répond.";
    let span = |p: &mut Project, a: usize, b: usize, label, entity| {
        let quote: String = text.chars().skip(a).take(b - a).collect();
        Span {
            id: SpanId(p.alloc_id()),
            fragments: vec![Fragment::new(a, b)],
            label,
            entity,
            quote,
            annotator: "ann".into(),
            ..Default::default()
        }
    };
    let s1 = span(&mut p, 0, 7, actor, Some(putin));
    let mut s2 = span(&mut p, 16, 34, claim, None);
    s2.attributes.insert("stance".into(), "disagree".into());
    let s3 = span(&mut p, 36, 48, actor, None);
    let s4 = span(&mut p, 36, 56, claim, None);
    let rel = |p: &mut Project, from: SpanId, to: SpanId| Relation {
        id: RelationId(p.alloc_id()),
        kind: says,
        from,
        to,
        ..Default::default()
    };
    let relations = vec![rel(&mut p, s1.id, s2.id), rel(&mut p, s3.id, s2.id)];
    let id = ArticleId(p.alloc_id());
    let article = Article {
        id,
        title: "Paix".into(),
        published: "2022-03-01".into(),
        text: text.into(),
        spans: vec![s1, s2, s3, s4],
        relations,
        ..Default::default()
    };
    p.articles.push(std::sync::Arc::new(article));
    let t = statements(&p, "claim").unwrap();
    let got: Vec<(&str, &str, &str)> = t.iter().map(|s| (s.get("actor"), s.get("claim"), s.get("stance"))).collect();
    assert_eq!(
        got,
        [
            ("Vladimir Putin", "la paix est proche", "disagree"),
            ("Le ministre", "la paix est proche", "disagree"),
            ("", "Le ministre répond.", "agree"),
        ]
    );
    assert_eq!(t[0].get("title"), "Paix");
    assert_eq!(t[0].time, day::parse_time("2022-03-01"));
    assert_eq!(variables(&t)[..3], ["actor", "claim", "stance"]);
    assert!(statements(&p, "Nope").unwrap_err().contains("Actor, Claim"));
}

#[test]
fn settings_suggested_for_dna_statements_and_for_claims() {
    let mut p = Project::new("t");
    assert_eq!(suggested(&p).0, "Claim");
    let id = ArticleId(p.alloc_id());
    let label = crate::model::LabelId(p.alloc_id());
    p.schema.labels.push(crate::model::Label { id: label, name: "DNA Statement".into(), ..Default::default() });
    let mut s = Span { id: SpanId(p.alloc_id()), fragments: vec![Fragment::new(0, 1)], label, ..Default::default() };
    for k in ["organization", "concept", "agreement"] {
        s.attributes.insert(k.into(), "x".into());
    }
    p.articles.push(std::sync::Arc::new(Article { id, text: "x".into(), spans: vec![s], ..Default::default() }));
    let (label, o) = suggested(&p);
    assert_eq!(
        (label.as_str(), o.variable1.as_str(), o.variable2.as_str()),
        ("DNA Statement", "organization", "concept")
    );
    assert_eq!(o.qualifier.as_deref(), Some("agreement"));
}
