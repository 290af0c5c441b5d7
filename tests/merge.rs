//! Several annotators' files brought together: `glose merge`, and the three-way merge driver
//! tested with real git in a temporary repository.

use glose::analysis::merge::{CONFLICT_ATTRIBUTE, merge_projects, three_way};
use glose::edit::{Command, History};
use glose::model::{Fragment, Project, Span, SpanId};
use std::path::Path;
use std::process::Command as Proc;

fn example() -> Project {
    glose::store::load(Path::new("projects/example.ron")).unwrap().project
}

/// An article only Bob has, with an id of his own.
fn add_own_article(bob: &mut Project) {
    let extra = glose::model::Article {
        id: glose::model::ArticleId(bob.alloc_id()),
        title: "Bob's".into(),
        text: "Bob's own article.".into(),
        ..Default::default()
    };
    History::new().apply(bob, Command::AddArticle { article: extra, index: usize::MAX }).unwrap();
}

fn add_span(p: &mut Project, article: usize, quote: &str, label: &str, who: &str) -> SpanId {
    let a = &p.articles[article];
    let b = a.text.find(quote).unwrap();
    let s = a.text[..b].chars().count();
    let (aid, label) = (a.id, p.schema.label_by_name(label).unwrap().id);
    let id = SpanId(p.alloc_id());
    let span = Span {
        id,
        fragments: vec![Fragment::new(s, s + quote.chars().count())],
        label,
        annotator: who.into(),
        ..Default::default()
    };
    History::new().apply(p, Command::AddSpan { article: aid, span, relations: vec![] }).unwrap();
    id
}

#[test]
fn merging_annotators_files_keeps_every_annotation_once() {
    let alice = example();
    // Bob worked from a copy too: he added two spans and a new article with its own ids.
    let mut bob = example();
    add_span(&mut bob, 1, "AI Journey", "Claim", "bob");
    add_span(&mut bob, 0, "109\u{a0}milliards", "Claim", "bob");
    add_own_article(&mut bob);
    let (merged, report) = merge_projects(&alice, &[&bob]);
    assert!(glose::model::validate(&merged).is_empty(), "{:?}", glose::model::validate(&merged));
    assert_eq!(merged.articles.len(), alice.articles.len() + 1);
    assert_eq!(report.articles_matched, alice.articles.len());
    assert_eq!(report.spans_added, 2);
    assert_eq!(
        report.duplicates,
        alice.all_spans().count() + alice.articles.iter().map(|a| a.relations.len()).sum::<usize>()
    );
    assert_eq!(merged.all_spans().count(), alice.all_spans().count() + 2);
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Proc::new("git").args(args).current_dir(dir).output().expect("git runs")
}

fn ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["init", "-q", "-b", "main"]);
    ok(d, &["config", "user.email", "test@glose.local"]);
    ok(d, &["config", "user.name", "Glose test"]);
    // The two lines the README shows.
    std::fs::write(d.join(".gitattributes"), "*.ron merge=glose\n").unwrap();
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_glose"));
    ok(d, &["config", "merge.glose.driver", &driver]);
    glose::store::save(&example(), &d.join("project.ron")).unwrap();
    ok(d, &["add", "."]);
    ok(d, &["commit", "-q", "-m", "base"]);
    dir
}

fn edit(dir: &Path, f: impl FnOnce(&mut Project)) {
    let path = dir.join("project.ron");
    let mut p = glose::store::load(&path).unwrap().project;
    f(&mut p);
    glose::store::save(&p, &path).unwrap();
    let _ = std::fs::remove_file(glose::store::backup_path(&path));
}

#[test]
fn git_pull_of_two_annotators_merges_without_conflicts() {
    let dir = repo();
    let d = dir.path();
    ok(d, &["checkout", "-q", "-b", "alice"]);
    edit(d, |p| {
        add_span(p, 1, "AI Journey", "Claim", "alice");
    });
    ok(d, &["commit", "-q", "-am", "alice"]);
    ok(d, &["checkout", "-q", "main"]);
    // Bob, meanwhile: another article, and the same article elsewhere. Both sides allocate the
    // same next id for their new span.
    edit(d, |p| {
        add_span(p, 2, "ООН", "Actor", "bob");
        add_span(p, 1, "large language models", "Claim", "bob");
    });
    ok(d, &["commit", "-q", "-am", "bob"]);
    let out = git(d, &["merge", "-q", "--no-edit", "alice"]);
    assert!(out.status.success(), "merge: {}", String::from_utf8_lossy(&out.stderr));
    let merged = glose::store::load(&d.join("project.ron")).unwrap().project;
    assert!(glose::model::validate(&merged).is_empty(), "{:?}", glose::model::validate(&merged));
    let quotes: Vec<String> = merged.all_spans().map(|(_, s)| s.quote.clone()).collect();
    for q in ["AI Journey", "ООН", "large language models"] {
        assert!(quotes.iter().any(|x| x == q), "{q} kept");
    }
    assert_eq!(merged.all_spans().count(), example().all_spans().count() + 3);
}

#[test]
fn a_real_conflict_keeps_both_versions_for_adjudication() {
    let dir = repo();
    let d = dir.path();
    let target = example().articles[1].spans[0].id;
    ok(d, &["checkout", "-q", "-b", "alice"]);
    edit(d, |p| {
        std::sync::Arc::make_mut(&mut p.articles[1]).span_mut(target).unwrap().note = "Alice: head of state".into()
    });
    ok(d, &["commit", "-q", "-am", "alice"]);
    ok(d, &["checkout", "-q", "main"]);
    edit(d, |p| {
        std::sync::Arc::make_mut(&mut p.articles[1]).span_mut(target).unwrap().note = "Bob: the president".into()
    });
    ok(d, &["commit", "-q", "-am", "bob"]);
    let out = git(d, &["merge", "-q", "--no-edit", "alice"]);
    assert!(!out.status.success(), "git reports the conflict");
    // The file is a valid project holding both versions, marked.
    let merged = glose::store::load(&d.join("project.ron")).unwrap().project;
    let marked: Vec<(String, String)> = merged
        .all_spans()
        .filter_map(|(_, s)| s.attributes.get(CONFLICT_ATTRIBUTE).map(|side| (side.clone(), s.note.clone())))
        .collect();
    assert!(marked.contains(&("ours".into(), "Bob: the president".into())), "{marked:?}");
    assert!(marked.contains(&("theirs".into(), "Alice: head of state".into())), "{marked:?}");
}

#[test]
fn three_way_takes_one_sided_changes_and_deletions() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Ours deletes a span; theirs relabels another and renames a label.
    let gone = ours.articles[0].spans[5].id;
    let a0 = ours.articles[0].id;
    History::new().apply(&mut ours, Command::RemoveSpan { article: a0, span: gone }).unwrap();
    let relabel = theirs.articles[2].spans[0].id;
    let claim = theirs.schema.label_by_name("Claim").unwrap().id;
    let a2 = theirs.articles[2].id;
    History::new().apply(&mut theirs, Command::SetSpanLabel { article: a2, span: relabel, label: claim }).unwrap();
    let mut l = theirs.schema.labels[0].clone();
    l.name = "Acteur".into();
    History::new().apply(&mut theirs, Command::SetLabel { label: l }).unwrap();
    let (m, conflicts) = three_way(&base, &ours, &theirs);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert!(m.articles[0].span(gone).is_none());
    assert_eq!(m.articles[2].span(relabel).unwrap().label, claim);
    assert_eq!(m.schema.labels[0].name, "Acteur");
    assert!(glose::model::validate(&m).is_empty());
}

/// The window and `glose merge` share one path: the merge as one command. Applied, it gives
/// what `merge_projects` gives (a new label, a new actor, an alias, new spans and an article
/// included); undone, the project is back as it was.
#[test]
fn the_merge_plan_is_the_merge_as_one_undoable_command() {
    let alice = example();
    let mut bob = example();
    add_span(&mut bob, 1, "AI Journey", "Claim", "bob");
    let topic =
        glose::model::Label { id: glose::model::LabelId(bob.alloc_id()), name: "Topic".into(), ..Default::default() };
    bob.schema.labels.push(topic);
    add_span(&mut bob, 0, "109\u{a0}milliards", "Topic", "bob");
    bob.entities[0].aliases.push("alias from bob".into());
    let newcomer = glose::model::Entity {
        id: glose::model::EntityId(bob.alloc_id()),
        name: "Newcomer".into(),
        ..Default::default()
    };
    bob.entities.push(newcomer);
    add_own_article(&mut bob);
    let (expected, _) = merge_projects(&alice, &[&bob]);
    let plan = glose::analysis::merge::plan(&alice, &[&bob]);
    assert_eq!(plan.report.spans_added, 2);
    let mut applied = alice.clone();
    let mut history = History::new();
    history.apply(&mut applied, plan.command.expect("something to add")).unwrap();
    applied.normalize();
    assert_eq!(applied.schema, expected.schema);
    assert_eq!(applied.entities, expected.entities);
    assert_eq!(applied.articles, expected.articles);
    assert!(glose::model::validate(&applied).is_empty());
    history.undo(&mut applied).unwrap();
    applied.normalize();
    let mut alice_n = alice.clone();
    alice_n.normalize();
    assert_eq!(applied.articles, alice_n.articles, "one undo takes the whole merge back");
    assert_eq!(applied.schema, alice_n.schema);
    assert_eq!(applied.entities, alice_n.entities);
}
