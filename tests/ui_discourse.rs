//! Corpus overview → Discourse network in the real window (egui_kittest): the settings, the
//! network drawn, a node clicked for the statements behind it and a jump to one, the matrix
//! table, a time slider, saving. Background work is waited for by its condition.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use glose::model::{Article, ArticleId, Fragment, Project, Span, SpanId};
use glose::ui::{CorpusTab, GloseApp, create_app_in};
use std::path::{Path, PathBuf};

/// Three actors' statements on two claims over three articles a week apart: A agrees with c1
/// twice and disagrees with c2; B agrees with c1 and disagrees with c2; C disagrees with c1.
fn project() -> Project {
    let mut p = Project::new("debate");
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let rows = [
        ("2024-03-04", [("A", "c1", "agree"), ("B", "c1", "agree")]),
        ("2024-03-11", [("C", "c1", "disagree"), ("A", "c2", "disagree")]),
        ("2024-03-18", [("B", "c2", "disagree"), ("A", "c1", "agree")]),
    ];
    for (date, statements) in rows {
        let text = "First sentence of the article. Second sentence of the article.";
        let id = ArticleId(p.alloc_id());
        let mut a = Article {
            id,
            title: format!("Debate {date}"),
            published: date.into(),
            text: text.into(),
            ..Default::default()
        };
        for (k, (actor, c, stance)) in statements.into_iter().enumerate() {
            let (start, end) = if k == 0 { (0, 30) } else { (31, 63) };
            let mut s = Span {
                id: SpanId(p.alloc_id()),
                fragments: vec![Fragment::new(start, end)],
                label: claim,
                annotator: "ann".into(),
                quote: text.chars().skip(start).take(end - start).collect(),
                ..Default::default()
            };
            for (key, v) in [("actor", actor), ("claim", c), ("stance", stance)] {
                s.attributes.insert(key.into(), v.into());
            }
            a.spans.push(s);
        }
        p.articles.push(std::sync::Arc::new(a));
    }
    p
}

fn harness(path: &Path) -> Harness<'static, GloseApp> {
    let path: PathBuf = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(40)
        .build_eframe(move |cc| create_app_in(cc, Some(path), None));
    h.state_mut().settings_mut().file_dialogs = glose::ui::DialogKind::BuiltIn;
    h.run();
    h
}

fn choose(h: &mut Harness<'_, GloseApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_all_by_label(option).last().unwrap().click();
    h.run();
    h.state_mut().finish_jobs();
    h.run();
}

#[test]
fn discourse_network_settings_graph_statements_and_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("debate.ron");
    glose::store::save(&project(), &path).unwrap();
    let mut h = harness(&path);
    h.state_mut().show_corpus_tab(CorpusTab::Discourse);
    h.run();
    h.state_mut().finish_jobs();
    h.run();
    // The default: actors × claims, every statement counted.
    h.get_by_label_contains("3 × 2 · 6 statements");
    h.get_by_label("Actor node A");
    h.get_by_label("Claim node c1");
    // One-mode, congruence: A and B agree on c1 and c2; C agrees with nobody.
    choose(&mut h, "Network", "one-mode (actors × actors)");
    choose(&mut h, "Aggregation", "congruence");
    h.get_by_label_contains("3 × 3 · 6 statements");
    assert!(h.query_by_label("Claim node c1").is_none(), "a one-mode network has no claim nodes");
    // A node clicked lists its statements; one clicked jumps to its passage.
    h.get_by_label("Actor node A").click();
    h.run();
    h.get_by_label_contains("A: 3 statements");
    h.get_all_by_label("First sentence of the article.").next().unwrap().click();
    h.run();
    let current = h.state().current().expect("an article is shown");
    assert_eq!(h.state().doc().project().article(current).unwrap().title, "Debate 2024-03-04");
    let article = h.state().doc().project().article(current).unwrap().clone();
    assert_eq!(h.state().reader_state().selected_span, Some(article.spans[0].id), "the statement's span is selected");
    // The matrix as a table: A–B congruence 3 (c1 agree ×2 × 1, c2 disagree × 1).
    h.get_by_label("Matrix").click();
    h.run();
    h.get_by_label("Cell A — B: 3").click();
    h.run();
    h.get_by_label("A — B: 5 statements");
    // Weekly windows: a slider over them; each window's own statements.
    h.get_by_label("Graph").click();
    h.run();
    for field in ["Time window (days, 0: none)", "step"] {
        h.get_by_label(field).click();
        h.run();
        h.get_by_label(field).type_text("7");
        h.key_press(egui::Key::Enter);
        h.run();
    }
    h.state_mut().finish_jobs();
    h.run();
    h.get_by_label("Window");
    h.get_by_label_contains("4 Mar 2024 – 10 Mar 2024");
    // Saved as GraphML (the dialog's choice, given directly).
    let out = dir.path().join("net.graphml");
    let done = h.state().corpus().save_network(&out, h.state().doc().project()).unwrap();
    assert!(done.contains("net.graphml"));
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains("<graphml") && xml.contains("<data key=\"name\">A</data>"));
}

/// The window on the debate with no stance given.
fn without_stances() -> (tempfile::TempDir, Harness<'static, GloseApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("debate.ron");
    let mut p = project();
    for a in &mut p.articles {
        for s in &mut std::sync::Arc::make_mut(a).spans {
            s.attributes.remove("stance");
        }
    }
    glose::store::save(&p, &path).unwrap();
    let h = harness(&path);
    (dir, h)
}

/// Selects the first article's first Claim span in the reader.
fn select_first_claim(h: &mut Harness<'_, GloseApp>) -> (ArticleId, SpanId) {
    let (article, span) = {
        let a = &h.state().doc().project().articles[0];
        (a.id, a.spans[0].id)
    };
    h.state_mut().act(glose::ui::Action::JumpToSpan(span));
    h.run();
    (article, span)
}

/// The stance attribute of a span, as the project has it now.
fn stance_of(h: &Harness<'_, GloseApp>, article: ArticleId, span: SpanId) -> Option<String> {
    let a = h.state().doc().project().article(article).unwrap().clone();
    a.span(span).unwrap().attributes.get("stance").cloned()
}

#[test]
fn stance_from_the_keyboard_and_the_inspector_and_claims_in_the_registry() {
    let (_dir, mut h) = without_stances();
    let (article, span) = select_first_claim(&mut h);
    let stance = |h: &Harness<'_, GloseApp>| stance_of(h, article, span);
    h.get_by_label_contains("(none: counted as agree)");
    // + agrees; the inspector's button disagrees; − again takes the stance away.
    h.key_press(egui::Key::Plus);
    h.run();
    assert_eq!(stance(&h).as_deref(), Some("agree"));
    h.get_by_label("Stance: disagree").click();
    h.run();
    assert_eq!(stance(&h).as_deref(), Some("disagree"));
    h.key_press(egui::Key::Minus);
    h.run();
    assert_eq!(stance(&h), None);
    h.key_press(egui::Key::Minus);
    h.run();
    assert_eq!(stance(&h).as_deref(), Some("disagree"));
    // A Claim span makes a canonical claim of its text and links to it.
    h.get_by_label("New claim from this text").click();
    h.run();
    let linked = {
        let a = h.state().doc().project().article(article).unwrap().clone();
        a.span(span).unwrap().entity.and_then(|e| h.state().doc().project().entity(e).cloned()).unwrap()
    };
    assert_eq!((linked.name.as_str(), linked.kind.as_str()), ("First sentence of the article.", "claim"));
    // The registry: a canonical claim next to the actors.
    h.get_by_label("Actors").click();
    h.run();
    h.get_by_label("New claim").click();
    h.run();
    h.get_by_label("New claim").type_text("Nuclear power is safe");
    h.run();
    h.get_by_label("Add claim").click();
    h.run();
    let claims: Vec<_> =
        h.state().doc().project().entities.iter().filter(|e| e.kind == "claim").map(|e| e.name.clone()).collect();
    assert_eq!(claims, ["First sentence of the article.", "Nuclear power is safe"]);
    h.get_by_label("Claims");
    // Statements count the stance the keys set.
    let table = glose::analysis::discourse::statements(h.state().doc().project(), "Claim").unwrap();
    assert_eq!(table.iter().filter(|s| s.get("stance") == "disagree").count(), 1);
}

#[test]
fn a_stance_scale_on_the_label_moves_with_plus_and_minus() {
    let (_dir, mut h) = without_stances();
    let mut claim = h.state().doc().project().schema.label_by_name("Claim").unwrap().clone();
    claim.stance_scale = Some([-2, 2]);
    assert!(h.state_mut().apply(glose::edit::Command::SetLabel { label: claim }));
    let (article, span) = select_first_claim(&mut h);
    let stance = |h: &Harness<'_, GloseApp>| stance_of(h, article, span);
    // From the middle of the scale, up and down, never past its ends.
    for (key, want) in [(egui::Key::Plus, "1"), (egui::Key::Plus, "2"), (egui::Key::Plus, "2"), (egui::Key::Minus, "1")]
    {
        h.key_press(key);
        h.run();
        assert_eq!(stance(&h).as_deref(), Some(want));
    }
    h.get_by_label("Stance: -2").click();
    h.run();
    assert_eq!(stance(&h).as_deref(), Some("-2"));
    // A scale is DNA's integer qualifier: congruence weighs by closeness on it.
    let table = glose::analysis::discourse::statements(h.state().doc().project(), "Claim").unwrap();
    let o = glose::analysis::discourse::NetworkOptions {
        kind: glose::analysis::discourse::NetworkType::Onemode,
        aggregation: glose::analysis::discourse::Aggregation::Congruence,
        ..Default::default()
    };
    let n = glose::analysis::discourse::network(&table, &o).unwrap();
    // Spans without a stance sit in the middle of the scale (0).
    assert_eq!(n.qualifier_kind, Some(glose::analysis::discourse::QualifierKind::Integer));
    assert_eq!(n.levels, ["-2", "0"]);
}
