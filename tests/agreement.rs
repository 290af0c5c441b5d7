//! Agreement measures checked against worked examples from the literature, then on projects.

use glose::analysis::agreement::{agreement, cohen_kappa, krippendorff_alpha_nominal};
use glose::edit::{Command, History};
use glose::model::{Fragment, Project, Span, SpanId};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() < tol
}

#[test]
fn cohen_kappa_textbook_example() {
    // The classic 2×2 example (Wikipedia, "Cohen's kappa"): 50 proposals, both yes 20,
    // A yes / B no 5, A no / B yes 10, both no 15 → po = 0.7, pe = 0.5, κ = 0.4.
    let k = cohen_kappa(&[vec![20.0, 5.0], vec![10.0, 15.0]]).unwrap();
    assert!(close(k, 0.4, 1e-12), "{k}");
    // Perfect agreement, and agreement no better than chance.
    assert!(close(cohen_kappa(&[vec![10.0, 0.0], vec![0.0, 10.0]]).unwrap(), 1.0, 1e-12));
    assert!(close(cohen_kappa(&[vec![25.0, 25.0], vec![25.0, 25.0]]).unwrap(), 0.0, 1e-12));
    assert_eq!(cohen_kappa(&[vec![5.0]]), None, "one category: kappa is undefined");
}

#[test]
fn krippendorff_alpha_published_reliability_example() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four
    // observers, twelve units and missing values: nominal alpha = 0.743.
    let a = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None];
    let b = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)];
    let c = [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None];
    let d = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None];
    let units: Vec<Vec<Option<i32>>> = (0..12).map(|u| vec![a[u], b[u], c[u], d[u]]).collect();
    let alpha = krippendorff_alpha_nominal(&units).unwrap();
    assert!(close(alpha, 0.743, 0.0005), "{alpha}");
    // Two coders, no missing data: alpha = 1 - (n-1)·Do/De, close to kappa but not equal.
    let units: Vec<Vec<Option<&str>>> = [("y", "y"); 20]
        .iter()
        .chain(&[("y", "n"); 5])
        .chain(&[("n", "y"); 10])
        .chain(&[("n", "n"); 15])
        .map(|&(x, y)| vec![Some(x), Some(y)])
        .collect();
    let alpha = krippendorff_alpha_nominal(&units).unwrap();
    // Scott's pi for this table is 0.394; alpha corrects it by (n-1)/n with n = 100 values.
    assert!(close(alpha, 1.0 - 99.0 * 30.0 / (2.0 * 55.0 * 45.0) * 1.0, 1e-9), "{alpha}");
}

fn two_annotators() -> Project {
    let mut p = glose::store::load(std::path::Path::new("projects/example.ron")).unwrap().project;
    let mut h = History::new();
    // Bob copies every span of the English article, shifts one by a word, and misses another.
    let a = p.articles.iter().position(|a| a.language == "en").unwrap();
    let aid = p.articles[a].id;
    let spans = p.articles[a].spans.clone();
    for (i, s) in spans.iter().enumerate() {
        if i == 3 {
            continue; // missed
        }
        let mut frags = s.fragments.clone();
        if i == 5 {
            frags[0] = Fragment::new(frags[0].start, frags[0].end + 5); // overlaps, not exact
        }
        let span = Span {
            id: SpanId(p.alloc_id()),
            fragments: frags,
            label: s.label,
            annotator: "bob".into(),
            ..Default::default()
        };
        h.apply(&mut p, Command::AddSpan { article: aid, span, relations: vec![] }).unwrap();
    }
    p
}

#[test]
fn span_f1_exact_and_overlapping_on_two_annotators() {
    let p = two_annotators();
    let g = agreement(&p, "glose-team", "bob");
    let n = p
        .articles
        .iter()
        .find(|a| a.language == "en")
        .unwrap()
        .spans
        .iter()
        .filter(|s| s.annotator == "glose-team")
        .count();
    // Only the article both coded counts (Bob has not coded the others yet).
    assert_eq!(g.articles, 1);
    let total_team = n;
    assert_eq!(g.overall.spans_a, total_team);
    assert_eq!(g.overall.spans_b, n - 1);
    assert_eq!(g.overall.exact_matches, n - 2);
    assert_eq!(g.overall.overlap_matches, n - 1);
    assert!(close(g.overall.f1_exact, 2.0 * (n - 2) as f64 / (total_team + n - 1) as f64, 1e-12));
    assert!(g.overall.f1_overlap > g.overall.f1_exact);
    let k = g.overall.kappa.unwrap();
    assert!(k > 0.0 && k < 1.0, "{k}");
    assert!(g.per_label.contains_key("Actor"));
    // An annotator agrees perfectly with themself.
    let same = agreement(&p, "bob", "bob");
    assert_eq!(same.overall.f1_exact, 1.0);
    assert!(close(same.overall.kappa.unwrap(), 1.0, 1e-12));
    assert!(close(same.overall.alpha.unwrap(), 1.0, 1e-12));
}

#[test]
fn the_diff_of_one_article_aligns_agreements_differences_and_misses() {
    use glose::analysis::agreement::{DiffKind, diff};
    let p = two_annotators();
    let en = p.articles.iter().find(|a| a.language == "en").unwrap();
    let rows = diff(en, "glose-team", "bob");
    let count = |k| rows.iter().filter(|r| r.kind == k).count();
    let n = en.spans.iter().filter(|s| s.annotator == "glose-team").count();
    assert_eq!(count(DiffKind::Agree), n - 2);
    assert_eq!(count(DiffKind::Differ), 1, "the shifted span");
    assert_eq!(count(DiffKind::OnlyA), 1, "the missed span");
    assert_eq!(count(DiffKind::OnlyB), 0);
    assert!(rows.windows(2).all(|w| w[0].start <= w[1].start), "in text order");
}

/// Two coders who coded every unit: alpha from their confusion table is the alpha of the units.
#[test]
fn alpha_from_a_confusion_table_equals_alpha_from_the_units() {
    use glose::analysis::agreement::krippendorff_alpha_two_coders;
    let pairs = [(0, 0), (0, 1), (1, 1), (2, 2), (2, 0), (1, 1), (0, 0), (2, 2), (1, 2), (0, 0)];
    let units: Vec<Vec<Option<u8>>> = pairs.iter().map(|&(x, y)| vec![Some(x), Some(y)]).collect();
    let mut table = vec![vec![0.0; 3]; 3];
    for &(x, y) in &pairs {
        table[x as usize][y as usize] += 1.0;
    }
    let (a, b) = (krippendorff_alpha_nominal(&units).unwrap(), krippendorff_alpha_two_coders(&table).unwrap());
    assert!((a - b).abs() < 1e-12, "{a} vs {b}");
}
