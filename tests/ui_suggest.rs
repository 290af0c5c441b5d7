//! Suggestions in the real window (egui_kittest): outlined in the reader, Tab / Shift+Tab through
//! them, Enter and a click accept (a span credited to the user, one undo step), X rejects
//! (remembered, undoable), "accept all of this form" here and in the corpus (one undo step),
//! the Suggestions tab's settings and self-evaluation, and Corpus overview → Suggestions.
//! The recommenders learn in a thread: tests wait for them by `finish_suggestions`, not by frames.

mod common;

use common::{chars_of, click_at, harness, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use glose::model::{Article, ArticleId, Fragment, Project, Span, SpanId};
use glose::ui::{CorpusTab, GloseApp};

const ONE: &str = "Macron met Scholz in Berlin. Macron spoke first.";
const TWO: &str = "Scholz answered Macron in Paris on Monday.";
const THREE: &str = "Macron and Scholz went to Paris. Later Macron left alone.";
const FOUR: &str = "Macron arrived late.";

/// Two articles where every "Macron" and "Scholz" is an Actor, two without spans.
fn project() -> Project {
    let mut p = Project::new("summit");
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    for (title, text, annotated) in
        [("One", ONE, true), ("Two", TWO, true), ("Three", THREE, false), ("Four", FOUR, false)]
    {
        let id = ArticleId(p.alloc_id());
        let mut a = Article { id, title: title.into(), text: text.into(), language: "en".into(), ..Default::default() };
        if annotated {
            for name in ["Macron", "Scholz"] {
                for (nth, _) in text.match_indices(name).enumerate() {
                    let (start, end) = chars_of(text, name, nth);
                    a.spans.push(Span {
                        id: SpanId(p.alloc_id()),
                        fragments: vec![Fragment::new(start, end)],
                        label: actor,
                        annotator: "ann".into(),
                        quote: name.into(),
                        ..Default::default()
                    });
                }
            }
        }
        p.articles.push(std::sync::Arc::new(a));
    }
    p
}

/// The app on a saved copy of [`project`], showing `title`, the recommenders learned.
fn opened(title: &str) -> (tempfile::TempDir, Harness<'static, GloseApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summit.ron");
    glose::store::save(&project(), &path).unwrap();
    let mut h = harness(&path, 60);
    h.state_mut().settings_mut().annotator = "zoé".into();
    let id = article(&h, title).id;
    h.state_mut().act(glose::ui::Action::SelectArticle(id));
    h.run();
    learned(&mut h);
    (dir, h)
}

/// Lets the recommenders learn from the project as it is, and the window show their suggestions.
fn learned(h: &mut Harness<'_, GloseApp>) {
    h.state_mut().finish_suggestions();
    h.run();
}

fn article(h: &Harness<'_, GloseApp>, title: &str) -> Article {
    h.state().doc().project().articles.iter().find(|a| a.title == title).unwrap().as_ref().clone()
}

/// Where the reader shows suggestions (start, end), in order.
fn shown(h: &Harness<'_, GloseApp>) -> Vec<(usize, usize)> {
    h.state().reader_state().suggestions.iter().map(|s| (s.start, s.end)).collect()
}

fn current(h: &Harness<'_, GloseApp>) -> Option<(usize, usize)> {
    h.state().reader_state().current_suggestion.map(|s| (s.start, s.end))
}

fn spans_at(h: &Harness<'_, GloseApp>, title: &str) -> Vec<(usize, usize, String, String)> {
    let p = h.state().doc().project().clone();
    let a = article(h, title);
    a.spans
        .iter()
        .map(|s| (s.start(), s.end(), p.schema.label_name(s.label).to_string(), s.annotator.clone()))
        .collect()
}

#[test]
fn suggestions_are_outlined_and_tab_then_enter_accepts_one_as_one_undo_step() {
    let (_dir, mut h) = opened("Three");
    let (macron, scholz, macron2) =
        (chars_of(THREE, "Macron", 0), chars_of(THREE, "Scholz", 0), chars_of(THREE, "Macron", 1));
    for place in [macron, scholz, macron2] {
        assert!(shown(&h).contains(&place), "{place:?} suggested: {:?}", shown(&h));
    }
    let drawn: Vec<(usize, usize)> = h.state().reader().drawn_suggestions().iter().map(|d| (d.0, d.1)).collect();
    assert!(drawn.contains(&macron) && drawn.contains(&scholz), "outlined in the reader: {drawn:?}");
    assert!(spans_at(&h, "Three").is_empty(), "a suggestion is not a span");

    h.key_press(Key::Tab);
    h.run();
    assert_eq!(current(&h), Some(macron), "Tab: the first suggestion from the caret");
    assert!(h.state().reader().drawn_suggestions().contains(&(macron.0, macron.1, true)), "drawn as the current one");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(current(&h), Some(scholz));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(current(&h), Some(macron), "Shift+Tab goes back");

    h.key_press(Key::Enter);
    h.run();
    assert_eq!(spans_at(&h, "Three"), vec![(macron.0, macron.1, "Actor".into(), "zoé".into())], "credited to the user");
    assert!(!shown(&h).contains(&macron), "an accepted suggestion is no longer suggested");
    assert_eq!(current(&h), Some(scholz), "the next one is current");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(spans_at(&h, "Three").len(), 2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(spans_at(&h, "Three").len(), 1, "one undo step per accepted suggestion");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(spans_at(&h, "Three").is_empty());
    learned(&mut h);
    assert!(shown(&h).contains(&macron), "suggested again after undo");
}

#[test]
fn x_rejects_a_suggestion_for_good_and_undo_takes_the_rejection_back() {
    let (_dir, mut h) = opened("Three");
    let (macron, scholz) = (chars_of(THREE, "Macron", 0), chars_of(THREE, "Scholz", 0));
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(current(&h), Some(macron));
    h.key_press(Key::X);
    h.run();
    let rejected = &h.state().doc().project().suggestions.rejected;
    assert_eq!(rejected.len(), 1);
    assert_eq!((rejected[0].start, rejected[0].end), macron);
    assert!(!shown(&h).contains(&macron), "not proposed again at that place");
    assert_eq!(current(&h), Some(scholz), "the next one is current");
    assert!(spans_at(&h, "Three").is_empty(), "rejecting adds no span");
    // Still rejected once the recommenders learned again.
    learned(&mut h);
    assert!(!shown(&h).contains(&macron));
    // Backspace rejects too.
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().doc().project().suggestions.rejected.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc().project().suggestions.rejected.is_empty());
    assert!(shown(&h).contains(&macron) && shown(&h).contains(&scholz), "back after undo");
}

#[test]
fn a_click_on_a_suggestion_accepts_it() {
    let (_dir, mut h) = opened("Four");
    let macron = chars_of(FOUR, "Macron", 0);
    assert!(shown(&h).contains(&macron));
    click_at(&mut h, macron.0 + 2, Modifiers::NONE);
    assert_eq!(spans_at(&h, "Four"), vec![(macron.0, macron.1, "Actor".into(), "zoé".into())]);
}

#[test]
fn accept_all_of_a_form_here_then_in_the_corpus_each_one_undo_step() {
    let (_dir, mut h) = opened("Three");
    h.key_press(Key::Tab);
    h.run();
    press(&mut h, "Suggestions");
    press(&mut h, "Accept all «Macron» here (2)");
    let here: Vec<_> = spans_at(&h, "Three").into_iter().map(|s| (s.0, s.1)).collect();
    assert_eq!(here, vec![chars_of(THREE, "Macron", 0), chars_of(THREE, "Macron", 1)]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(spans_at(&h, "Three").is_empty(), "both taken back by one undo");

    learned(&mut h);
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(current(&h), Some(chars_of(THREE, "Macron", 0)), "Tab: the first from the caret again");
    press(&mut h, "Accept all «Macron» in the corpus…");
    assert_eq!(spans_at(&h, "Three").len(), 2);
    assert_eq!(spans_at(&h, "Four"), vec![(0, 6, "Actor".into(), "zoé".into())]);
    assert!(spans_at(&h, "Three").iter().all(|s| s.2 == "Actor" && s.3 == "zoé"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(spans_at(&h, "Three").is_empty() && spans_at(&h, "Four").is_empty(), "one undo step");
}

#[test]
fn the_suggestions_tab_sets_matching_and_shows_the_self_evaluation() {
    let (_dir, mut h) = opened("Three");
    press(&mut h, "Suggestions");
    h.get_by_label("Self-evaluation");
    h.get_by_label("Forms match whatever the case").click();
    h.run();
    assert!(h.state().doc().project().suggestions.ignore_case, "saved in the project");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().doc().project().suggestions.ignore_case, "undoable");
    // Switched off from the View menu: nothing is suggested.
    h.state_mut().settings_mut().suggestions = false;
    h.run();
    assert!(shown(&h).is_empty() && h.state().reader().drawn_suggestions().is_empty());
}

#[test]
fn corpus_overview_lists_suggestions_per_label_and_form_and_accepts_them_in_bulk() {
    let (_dir, mut h) = opened("Three");
    h.state_mut().show_corpus_tab(CorpusTab::Suggestions);
    h.run();
    learned(&mut h);
    h.state_mut().finish_jobs();
    h.run();
    // "Macron" is suggested three times in two articles (Three twice, Four once).
    press(&mut h, "Accept all «Macron» (3)");
    assert_eq!(spans_at(&h, "Three").iter().filter(|s| s.0 == 0 || s.1 == chars_of(THREE, "Macron", 1).1).count(), 2);
    assert_eq!(spans_at(&h, "Four").len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(spans_at(&h, "Four").is_empty(), "one undo step");
    // "Show" opens the article at the suggestion, made current.
    learned(&mut h);
    h.state_mut().finish_jobs();
    h.run();
    press(&mut h, "Show «Scholz»");
    assert_eq!(h.state().current(), Some(article(&h, "Three").id));
    assert_eq!(current(&h), Some(chars_of(THREE, "Scholz", 0)));
}
