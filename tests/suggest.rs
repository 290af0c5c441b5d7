//! Suggestions learned from the coder's own labels (issue 16): the string matcher, the actors'
//! registry, the rules that filter them, rejections saved with the project, and `glose suggest`.

use assert_cmd::Command;
use glose::edit::{Command as Edit, History};
use glose::model::{Article, ArticleId, Entity, EntityId, Fragment, LabelId, Project, Rejection, Span, SpanId};
use glose::suggest::{Keep, Recommenders, Source};
use std::sync::Arc;

/// A project whose first article has `labelled` spans (text, label name) and whose other
/// articles are plain texts.
fn project(first: &str, labelled: &[(&str, &str)], others: &[&str]) -> Project {
    let mut p = Project::new("t");
    let mut a = Article { id: ArticleId(p.alloc_id()), text: first.into(), ..Default::default() };
    for (quote, label) in labelled {
        let b = first.find(quote).unwrap_or_else(|| panic!("{quote} in the text"));
        let start = first[..b].chars().count();
        let end = start + quote.chars().count();
        let label = p.schema.label_by_name(label).unwrap().id;
        a.spans.push(Span {
            id: SpanId(p.alloc_id()),
            fragments: vec![Fragment::new(start, end)],
            label,
            annotator: "ana".into(),
            quote: quote.to_string(),
            ..Default::default()
        });
    }
    p.articles.push(Arc::new(a));
    for text in others {
        let a = Article { id: ArticleId(p.alloc_id()), text: text.to_string(), ..Default::default() };
        p.articles.push(Arc::new(a));
    }
    p.normalize();
    p
}

fn label(p: &Project, name: &str) -> LabelId {
    p.schema.label_by_name(name).unwrap().id
}

/// The suggestions for article `i` as (text, label name, source).
fn found(p: &Project, i: usize, keep: Keep) -> Vec<(String, String, Source)> {
    let r = Recommenders::train(p);
    let a = &p.articles[i];
    r.suggest(p, a, keep)
        .iter()
        .map(|s| {
            let text = glose::text::slice_chars(&a.text, s.start, s.end).unwrap().to_string();
            (text, p.schema.label_name(s.label).to_string(), s.source)
        })
        .collect()
}

#[test]
fn a_labelled_form_is_proposed_elsewhere_longest_first_on_word_boundaries() {
    let p = project(
        "Emmanuel Macron met Xi Jinping. Macron spoke.",
        &[("Emmanuel Macron", "Actor"), ("Macron", "Actor"), ("Xi Jinping", "Actor")],
        &["Hier, Emmanuel Macron et Xi Jinping. Macronisme n'est pas Macron."],
    );
    let s = found(&p, 1, Keep::ClearOfAll);
    let texts: Vec<&str> = s.iter().map(|(t, _, _)| t.as_str()).collect();
    // The longest form at a place; "Macronisme" is not "Macron" (word boundaries).
    assert_eq!(texts, ["Emmanuel Macron", "Xi Jinping", "Macron"], "{s:?}");
    assert!(s.iter().all(|(_, l, src)| l == "Actor" && *src == Source::String));
}

#[test]
fn a_form_never_matches_across_a_sentence_end() {
    let p = project("New York is big. We love New York.", &[("New York", "Actor")], &["He went to New. York was far."]);
    assert!(found(&p, 1, Keep::ClearOfAll).is_empty());
}

#[test]
fn a_form_labelled_once_in_many_occurrences_is_not_proposed() {
    // "state" labelled once among four occurrences in the annotated article: score 0.25.
    let p = project("The state said. A state is a state. This state.", &[("state", "Actor")], &["The state decides."]);
    assert!(found(&p, 1, Keep::ClearOfAll).is_empty());
    let r = Recommenders::train(&p);
    let all = {
        let mut q = p.clone();
        q.suggestions.min_score = 0.2;
        Recommenders::train(&q).suggest(&q, &q.articles[1], Keep::ClearOfAll)
    };
    assert_eq!(all.len(), 1);
    assert!((all[0].score - 0.25).abs() < 1e-6, "{all:?}");
    drop(r);
}

#[test]
fn a_tie_between_two_labels_is_not_proposed_as_sure() {
    let p = project("Paris wins. Paris says.", &[("Paris", "Actor"), ("Paris", "Claim")], &["Paris again."]);
    // Two labels once each: each is half sure, halved again for the tie.
    assert!(found(&p, 1, Keep::ClearOfAll).is_empty());
}

#[test]
fn case_and_diacritics_are_ignored_only_when_the_settings_say_so() {
    let mut p = project("Les États-Unis ont dit.", &[("États-Unis", "Actor")], &["Les ETATS-UNIS aussi."]);
    let by_string = |p: &Project| -> Vec<String> {
        let found = found(p, 1, Keep::ClearOfAll).into_iter();
        found.filter(|(_, _, src)| *src == Source::String).map(|(t, _, _)| t).collect()
    };
    assert!(by_string(&p).is_empty());
    p.suggestions.ignore_case = true;
    p.suggestions.ignore_diacritics = true;
    assert_eq!(by_string(&p), ["ETATS-UNIS"]);
}

#[test]
fn the_registry_proposes_an_actors_names_and_aliases_linked_to_it() {
    let mut p = project("Rien.", &[], &["Poutine et Путин, puis Putin."]);
    let id = EntityId(p.alloc_id());
    p.entities.push(Entity {
        id,
        name: "Vladimir Putin".into(),
        aliases: vec!["Poutine".into(), "Путин".into(), "Putin".into()],
        ..Default::default()
    });
    let r = Recommenders::train(&p);
    let s = r.suggest(&p, &p.articles[1], Keep::ClearOfAll);
    assert_eq!(s.len(), 3, "{s:?}");
    assert!(s.iter().all(|s| s.source == Source::Registry && s.entity == Some(p.entities[0].id)));
    assert!(s.iter().all(|s| s.label == label(&p, "Actor")));
}

#[test]
fn suggestions_keep_clear_of_the_coders_spans_and_of_rejections() {
    let mut p = project(
        "Macron met Biden. Biden left.",
        &[("Macron", "Actor"), ("Biden", "Actor"), ("Biden left", "Claim")],
        &[],
    );
    // In the annotated article itself: the second "Biden" lies inside a Claim span.
    assert!(found(&p, 0, Keep::ClearOfAll).is_empty());
    let only_same_label = found(&p, 0, Keep::ClearOfSameLabel);
    assert_eq!(only_same_label.len(), 1, "{only_same_label:?}");
    let r = Recommenders::train(&p);
    let s = r.suggest(&p, &p.articles[0], Keep::ClearOfSameLabel)[0];
    let mut history = History::default();
    history.apply(&mut p, Edit::RejectSuggestion { rejection: s.rejection() }).unwrap();
    assert!(found(&p, 0, Keep::ClearOfSameLabel).is_empty(), "a rejection is never proposed again");
    history.undo(&mut p).unwrap();
    assert_eq!(found(&p, 0, Keep::ClearOfSameLabel).len(), 1, "undo takes the rejection back");
}

#[test]
fn rejections_and_settings_are_saved_with_the_project_in_both_layouts() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project("Macron met Biden.", &[("Macron", "Actor")], &["Macron."]);
    let plain = glose::store::to_string(&p).unwrap();
    assert!(!plain.contains("suggestions"), "a project that never used them is written as before");
    p.suggestions.min_score = 0.7;
    p.suggestions.ignore_case = true;
    p.suggestions.reject(Rejection { article: p.articles[1].id, start: 0, end: 6, label: label(&p, "Actor") });
    for name in ["p.ron", "p.glose"] {
        let path = dir.path().join(name);
        glose::store::save(&p, &path).unwrap();
        let back = glose::store::load(&path).unwrap().project;
        assert_eq!(back.suggestions, p.suggestions, "{name}");
    }
    assert!(found(&p, 1, Keep::ClearOfAll).is_empty());
}

#[test]
fn the_self_evaluation_switches_off_a_recommender_that_does_badly_for_a_label() {
    // "Paris" is labelled Claim in four articles and left alone in the three others, where it
    // occurs too: held out in turn, the matcher proposes it wrongly nearly as often as rightly.
    let mut texts = vec!["Paris said no. Le Monde agreed.".to_string()];
    texts.extend((0..6).map(|i| format!("Le Monde wrote {i}. Paris is a city {i}.")));
    let mut p = Project::new("t");
    for (i, t) in texts.iter().enumerate() {
        let mut a = Article { id: ArticleId(p.alloc_id()), text: t.clone(), ..Default::default() };
        let at = |q: &str| t[..t.find(q).unwrap()].chars().count();
        let mut spans = vec![(at("Le Monde"), at("Le Monde") + 8, "Actor", "Le Monde")];
        if i < 4 {
            spans.push((at("Paris"), at("Paris") + 5, "Claim", "Paris"));
        }
        for (s, e, l, q) in spans {
            let label = p.schema.label_by_name(l).unwrap().id;
            let id = SpanId(p.alloc_id());
            a.spans.push(Span {
                id,
                fragments: vec![Fragment::new(s, e)],
                label,
                quote: q.into(),
                ..Default::default()
            });
        }
        p.articles.push(Arc::new(a));
    }
    p.normalize();
    p.suggestions.min_f1 = 0.8;
    let r = Recommenders::train(&p);
    let e = &r.evaluation;
    assert_eq!(e.articles, 7);
    let (actor, claim) = (label(&p, "Actor"), label(&p, "Claim"));
    let actor_counts = e.per_label[&(Source::String, actor)];
    assert!(actor_counts.f1() > 0.9, "{actor_counts:?}");
    let claim_counts = e.per_label[&(Source::String, claim)];
    assert!(claim_counts.false_positives >= 3 && claim_counts.f1() < 0.8, "{claim_counts:?}");
    assert!(!r.is_off(Source::String, actor));
    assert!(r.is_off(Source::String, claim), "Paris is proposed wrongly as often as rightly");
    // Shown: "Le Monde" everywhere, "Paris" nowhere.
    assert_eq!(e.combined[&actor].true_positives, 7);
    // Shown by the string matcher: "Le Monde", not "Paris".
    let unlabelled = Article { spans: Vec::new(), ..p.articles[6].as_ref().clone() };
    let shown = r.only(&[Source::String]).suggest(&p, &unlabelled, Keep::ClearOfAll);
    assert!(shown.iter().all(|s| s.label == actor) && shown.len() == 1, "{shown:?}");
}

#[test]
fn glose_suggest_prints_json_in_code_points_with_the_articles_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let p = project("« Macron » parle.", &[("Macron", "Actor")], &["Puis « Macron » répond."]);
    glose::store::save(&p, &path).unwrap();
    let out = Command::cargo_bin("glose")
        .unwrap()
        .args(["suggest", path.to_str().unwrap(), "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let list: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let want = serde_json::json!([{
        "article": p.articles[1].id.to_string(), "start": 7, "end": 13, "label": "Actor", "score": 1.0, "source": "string"
    }]);
    assert_eq!(list, want);
    // Filters: another label, an unknown article or label.
    let none = Command::cargo_bin("glose")
        .unwrap()
        .args(["suggest", path.to_str().unwrap(), "--labels", "Claim", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&none).unwrap(), serde_json::json!([]));
    Command::cargo_bin("glose")
        .unwrap()
        .args(["suggest", path.to_str().unwrap(), "--articles", "a999"])
        .assert()
        .code(2);
    Command::cargo_bin("glose").unwrap().args(["suggest", path.to_str().unwrap(), "--labels", "Nope"]).assert().code(2);
}

/// Adds an article in `language` made of `pattern` once per name ("{}" the name), each name a
/// span of `label`.
fn add_named(p: &mut Project, pattern: &str, names: &[&str], language: &str, label: LabelId) {
    let text: String = names.iter().map(|n| pattern.replace("{}", n)).collect();
    let id = ArticleId(p.alloc_id());
    let mut a = Article { id, text: text.clone(), language: language.into(), ..Default::default() };
    for n in names {
        let start = text[..text.find(n).unwrap()].chars().count();
        let id = SpanId(p.alloc_id());
        let fragments = vec![Fragment::new(start, start + n.chars().count())];
        a.spans.push(Span { id, fragments, label, quote: n.to_string(), ..Default::default() });
    }
    p.articles.push(Arc::new(a));
}

#[test]
fn the_tagger_proposes_a_new_name_in_a_known_context() {
    // Names the matcher never saw, in the context where the coder labels names.
    let names = ["Alvarez", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanov"];
    let mut p = Project::new("t");
    let actor = label(&p, "Actor");
    for chunk in names.chunks(3) {
        add_named(&mut p, "Minister {} said yes. The weather was fine. ", chunk, "", actor);
    }
    let text = "Minister Zorglub said no. The weather was fine.";
    let id = ArticleId(p.alloc_id());
    p.articles.push(Arc::new(Article { id, text: text.into(), ..Default::default() }));
    p.normalize();
    let s = found(&p, 3, Keep::ClearOfAll);
    assert_eq!(s, [("Zorglub".to_string(), "Actor".to_string(), Source::Tagger)]);
}

#[test]
fn each_language_gets_its_own_tagger_when_the_project_has_several() {
    let mut p = Project::new("t");
    let actor = label(&p, "Actor");
    let corpus = [
        ("en", "Minister {} said yes. The weather was fine. ", ["Alvarez", "Brandt", "Castillo"]),
        ("en-GB", "Minister {} said yes. The weather was fine. ", ["Dubois", "Eriksen", "Fischer"]),
        ("fr", "Le ministre {} a dit oui. Il faisait beau. ", ["Garcia", "Haddad", "Ivanov"]),
        ("fr", "Le ministre {} a dit oui. Il faisait beau. ", ["Jensen", "Kowalski", "Laurent"]),
    ];
    for (language, pattern, names) in corpus {
        add_named(&mut p, pattern, &names, language, actor);
    }
    for (language, text) in
        [("fr", "Le ministre Zorglub a dit non. Il faisait beau."), ("en", "Minister Zorglub said no.")]
    {
        let id = ArticleId(p.alloc_id());
        p.articles.push(Arc::new(Article { id, text: text.into(), language: language.into(), ..Default::default() }));
    }
    p.normalize();
    assert_eq!(Recommenders::train(&p).languages(), ["en", "fr"], "en-GB is English");
    for i in [4, 5] {
        let s = found(&p, i, Keep::ClearOfAll);
        assert_eq!(s, [("Zorglub".to_string(), "Actor".to_string(), Source::Tagger)], "article {i}");
    }
    // One language (or none said): one tagger for all.
    for a in &mut p.articles {
        Arc::make_mut(a).language.clear();
    }
    assert!(Recommenders::train(&p).languages().is_empty());
}
