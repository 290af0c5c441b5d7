//! The real window driven end to end with egui_kittest: open the example project, pick an
//! article, select by keyboard and by drag, label with hotkeys, undo/redo, link, merge actors,
//! rename a label in use, save and reload.

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use glose::model::{Fragment, Project};
use glose::ui::{GloseApp, create_app_in};
use std::path::{Path, PathBuf};

/// A copy of the example project in a temporary folder, so saves do not touch the repo.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.ron");
    std::fs::copy("projects/example.ron", &path).unwrap();
    (dir, path)
}

fn harness(path: &Path) -> Harness<'static, GloseApp> {
    harness_with(Some(path.to_path_buf()), None)
}

/// The app on `project` (none: a new one), never-saved projects journaled in `data` (none: in
/// memory).
fn harness_with(project: Option<PathBuf>, data: Option<PathBuf>) -> Harness<'static, GloseApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(100)
        .build_eframe(move |cc| create_app_in(cc, project, data));
    // Glose's own file dialogs, whatever this desktop offers: the tests drive them.
    h.state_mut().settings_mut().file_dialogs = glose::ui::DialogKind::BuiltIn;
    h.run();
    h
}

fn article_titled(h: &Harness<'_, GloseApp>, prefix: &str) -> glose::model::Article {
    h.state().doc().project().articles.iter().find(|a| a.title.starts_with(prefix)).map(|a| a.as_ref().clone()).unwrap()
}

/// Code point range of `sub` in `text`.
fn chars_of(text: &str, sub: &str) -> (usize, usize) {
    let b = text.find(sub).unwrap_or_else(|| panic!("{sub:?} not in text"));
    let s = text[..b].chars().count();
    (s, s + sub.chars().count())
}

fn open_article(h: &mut Harness<'_, GloseApp>, title: &str) {
    let full = article_titled(h, title).title;
    h.get_by_label(&full).click();
    h.run();
    assert_eq!(h.state().current(), Some(article_titled(h, title).id));
}

/// Opens a menu of the menu bar and clicks one of its items.
fn menu(h: &mut Harness<'_, GloseApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

/// Clicks the widget with this accessible label, scrolling it into view first.
fn press(h: &mut Harness<'_, GloseApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn pos_of(h: &Harness<'_, GloseApp>, ch: usize) -> Pos2 {
    h.state().reader().screen_pos_of(ch).expect("character laid out")
}

/// Clicks on code point `ch` of the article shown.
fn click_at(h: &mut Harness<'_, GloseApp>, ch: usize, modifiers: Modifiers) {
    let pos = pos_of(h, ch);
    h.event(Event::PointerMoved(pos));
    h.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed: true, modifiers });
    h.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed: false, modifiers });
    h.run();
}

/// Drags from code point `a` to code point `b`.
fn drag(h: &mut Harness<'_, GloseApp>, a: usize, b: usize) {
    let (from, to) = (pos_of(h, a), pos_of(h, b));
    drag_between(h, from, to, 6);
}

/// Presses at `from`, moves to `to` in `steps` frames, releases there.
fn drag_between(h: &mut Harness<'_, GloseApp>, from: Pos2, to: Pos2, steps: usize) {
    h.event(Event::PointerMoved(from));
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    for i in 1..=steps {
        let t = i as f32 / steps as f32;
        h.event(Event::PointerMoved(from + (to - from) * t));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

/// Puts the caret before code point `s` with a click, then selects to `e` with Shift+→.
fn select_by_keyboard(h: &mut Harness<'_, GloseApp>, s: usize, e: usize) {
    click_at(h, s, Modifiers::NONE);
    for _ in s..e {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    h.run();
}

fn spans_of(p: &Project, title: &str) -> Vec<glose::model::Span> {
    p.articles.iter().find(|a| a.title.starts_with(title)).unwrap().spans.clone()
}

const RU: &str = "Россия и Китай договорились";
const EN: &str = "Putin vows to break";

#[test]
fn keyboard_selection_after_emoji_and_cyrillic_gives_exact_offsets() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, RU);
    let art = article_titled(&h, RU);
    // The text starts with "⚡️🇷🇺🤝🇨🇳 " and Cyrillic: the offsets must still be code points.
    let (s, e) = chars_of(&art.text, "углублять");
    let before = spans_of(h.state().doc().project(), RU).len();
    click_at(&mut h, s, Modifiers::NONE);
    assert_eq!(h.state().reader_state().caret, s, "the click puts the caret before the word");
    for _ in s..e {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    h.run();
    assert_eq!(h.state().reader_state().selection(), (s, e));
    h.key_press(Key::Num2); // Claim
    h.run();
    let spans = spans_of(h.state().doc().project(), RU);
    assert_eq!(spans.len(), before + 1);
    let new = spans.iter().find(|x| x.fragments == vec![Fragment::new(s, e)]).expect("new span at the exact offsets");
    assert_eq!(new.quote, "углублять");
    assert_eq!(h.state().doc().project().schema.label_name(new.label), "Claim");

    // Undo and redo by keyboard.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(spans_of(h.state().doc().project(), RU).len(), before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(spans_of(h.state().doc().project(), RU).len(), before + 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(spans_of(h.state().doc().project(), RU).len(), before + 1);
}

#[test]
fn dragging_selects_whole_words_and_a_hotkey_labels_them() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, RU);
    let art = article_titled(&h, RU);
    let (s, _) = chars_of(&art.text, "регулярный механизм");
    let (_, e) = chars_of(&art.text, "регулярный механизм");
    // From inside the first word to inside the second: snapped to both whole words.
    drag(&mut h, s + 3, e - 2);
    assert_eq!(h.state().reader_state().selection(), (s, e));
    h.key_press(Key::Num3); // Alliance
    h.run();
    let spans = spans_of(h.state().doc().project(), RU);
    let new = spans.iter().find(|x| x.fragments == vec![Fragment::new(s, e)]).expect("span from the drag");
    assert_eq!(new.quote, "регулярный механизм");
    assert_eq!(new.annotator, h.state().settings().annotator);
}

#[test]
fn clicking_a_highlight_selects_its_span_and_delete_removes_it() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    let gref = art.spans.iter().find(|s| s.quote == "Herman Gref").unwrap().clone();
    click_at(&mut h, gref.start() + 2, Modifiers::NONE);
    assert_eq!(h.state().reader_state().selected_span, Some(gref.id));
    h.key_press(Key::Delete);
    h.run();
    let after = article_titled(&h, EN);
    assert!(after.span(gref.id).is_none());
    assert!(after.relations.iter().all(|r| r.from != gref.id && r.to != gref.id), "its relations went with it");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(article_titled(&h, EN), art, "undo restores span and relations");
}

#[test]
fn linking_two_spans_creates_a_relation() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    let sber = art.spans.iter().find(|s| s.quote == "Sberbank").unwrap().clone();
    let gref = art.spans.iter().find(|s| s.quote == "Herman Gref").unwrap().clone();
    click_at(&mut h, sber.start() + 1, Modifiers::NONE);
    assert_eq!(h.state().reader_state().selected_span, Some(sber.id));
    let before = pos_of(&h, gref.start());
    h.key_press(Key::L);
    h.run();
    assert_eq!(h.state().reader_state().link_from, Some(sber.id));
    assert!(h.query_by_label("Cancel link").is_some(), "the link bar is shown");
    assert_eq!(pos_of(&h, gref.start()), before, "the link bar floats: the text under the pointer stays put");
    click_at(&mut h, gref.start() + 1, Modifiers::NONE);
    // Actor–Actor fits two types (alliance, opposes): pick the first by its key.
    assert!(h.state().pending_link().is_some());
    h.key_press(Key::Num1);
    h.run();
    let after = article_titled(&h, EN);
    assert_eq!(after.relations.len(), art.relations.len() + 1);
    let r = after.relations.iter().find(|r| r.from == sber.id && r.to == gref.id).expect("new relation");
    assert_eq!(h.state().doc().project().schema.relation_type_name(r.kind), "alliance");

    // The keyboard path: L, Tab to a candidate, Enter, then a type key.
    click_at(&mut h, gref.start() + 1, Modifiers::NONE);
    h.key_press(Key::L);
    h.key_press(Key::Tab);
    h.run();
    let candidate = h.state().reader_state().link_candidate.expect("Tab picks a candidate");
    h.key_press(Key::Enter);
    h.run();
    if h.state().pending_link().is_some() {
        h.key_press(Key::Num1);
        h.run();
    }
    let after2 = article_titled(&h, EN);
    assert!(after2.relations.iter().any(|r| r.from == gref.id && r.to == candidate));
}

#[test]
fn merging_two_actors_in_the_actors_tab() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let p = h.state().doc().project();
    let putin = p.entities.iter().find(|e| e.name == "Vladimir Putin").unwrap().id;
    let russia = p.entities.iter().find(|e| e.name == "Russia").unwrap().id;
    let mentions = |p: &Project, e| p.all_spans().filter(|(_, s)| s.entity == Some(e)).count();
    let total = mentions(p, putin) + mentions(p, russia);
    h.get_by_label("Actors").click();
    h.run();
    h.get_by_label_contains("Vladimir Putin (").click();
    h.run();
    assert_eq!(h.state().selected_entity(), Some(putin));
    h.get_by_label("Merge into").click();
    h.run();
    h.get_by_label("Russia").click();
    h.run();
    press(&mut h, "Merge actors");
    let p = h.state().doc().project();
    assert!(p.entity(putin).is_none());
    assert_eq!(mentions(p, russia), total);
    assert!(p.entity(russia).unwrap().aliases.iter().any(|a| a == "Путин"));
}

#[test]
fn renaming_a_label_in_use_keeps_its_spans() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let claim = h.state().doc().project().schema.label_by_name("Claim").unwrap().id;
    let uses = h.state().doc().project().all_spans().filter(|(_, s)| s.label == claim).count();
    h.get_by_label("Edit labels…").click();
    h.run();
    let field = h.get_by_label("Label 2");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Label 2").type_text("Assertion");
    h.key_press(Key::Enter);
    h.run();
    let p = h.state().doc().project();
    assert_eq!(p.schema.label(claim).unwrap().name, "Assertion");
    assert_eq!(p.all_spans().filter(|(_, s)| s.label == claim).count(), uses);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().project().schema.label(claim).unwrap().name, "Claim");
}

#[test]
fn unlinked_mentions_are_proposed_and_accepted() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let before = article_titled(&h, EN);
    h.get_by_label("Actors").click();
    h.run();
    h.get_by_label_contains("Russia (").click();
    h.run();
    assert!(h.state().selected_entity().is_some(), "actor selected");
    press(&mut h, "Find unlinked mentions");
    let (_, found) = h.state().side_panel().proposals().cloned().expect("proposals");
    // "Moscow" at the conference is an alias of Russia with no linked span yet.
    assert!(found.iter().any(|m| m.name == "Moscow"), "{found:?}");
    press(&mut h, "Accept all mentions");
    let after = article_titled(&h, EN);
    let russia = h.state().doc().project().entities.iter().find(|e| e.name == "Russia").unwrap().id;
    let linked = |a: &glose::model::Article| a.spans.iter().filter(|s| s.entity == Some(russia)).count();
    assert_eq!(linked(&after), linked(&before) + found.len());
}

#[test]
fn save_reload_and_compare() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, RU);
    let art = article_titled(&h, RU);
    let (s, e) = chars_of(&art.text, "ООН");
    select_by_keyboard(&mut h, s, e);
    h.key_press(Key::Num1);
    h.run();
    assert!(h.state().doc().is_dirty());
    // The edit is in the journal before any save.
    assert!(glose::store::journal_path(&path).exists());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.state_mut().finish_saving(); // the file is written by a background thread
    h.run();
    assert!(!h.state().doc().is_dirty());
    let reloaded = glose::store::load(&path).unwrap().project;
    let mut in_memory = h.state().doc().project().clone();
    in_memory.normalize(); // the annotator list is completed on save
    assert_eq!(reloaded, in_memory);
    assert!(glose::model::validate(&reloaded).is_empty());
    let new = spans_of(&reloaded, RU).into_iter().find(|x| x.quote == "ООН").expect("saved span");
    assert_eq!(new.fragments, vec![Fragment::new(s, e)]);
    // The previous version is kept beside it.
    assert!(glose::store::backup_path(&path).exists());
}

#[test]
fn a_crashed_session_is_offered_back() {
    let (_dir, path) = example_copy();
    {
        let mut h = harness(&path);
        open_article(&mut h, EN);
        let art = article_titled(&h, EN);
        let (s, e) = chars_of(&art.text, "AI Journey");
        select_by_keyboard(&mut h, s, e);
        h.key_press(Key::Num3);
        h.run();
        // Dropped without saving: the "crash".
    }
    let mut h = harness(&path);
    h.get_by_label("Restore edits").click();
    h.run();
    assert!(spans_of(h.state().doc().project(), EN).iter().any(|s| s.quote == "AI Journey"));
    assert!(h.state().doc().is_dirty());
}

#[test]
fn a_pasted_article_is_added_and_its_details_edited() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let n = h.state().doc().project().articles.len();
    h.get_by_label("New article…").click();
    h.run();
    h.get_by_label("Title").focus();
    h.get_by_label("Title").type_text("Xi and Putin");
    h.get_by_label("Text").focus();
    h.get_by_label("Text").type_text("Си Цзиньпин и Путин подписали заявление. 🤝");
    h.run();
    press(&mut h, "Add article");
    let p = h.state().doc().project();
    assert_eq!(p.articles.len(), n + 1);
    let a = p.articles.last().unwrap().clone();
    assert_eq!(a.title, "Xi and Putin");
    assert_eq!(a.text, "Си Цзиньпин и Путин подписали заявление. 🤝");
    assert_eq!(h.state().current(), Some(a.id), "the new article is shown");
    // Edit its details.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Source").focus();
    h.get_by_label("Source").type_text("Kremlin pool");
    h.run();
    press(&mut h, "Apply details");
    assert_eq!(h.state().doc().project().article(a.id).unwrap().source, "Kremlin pool");
    // Filtering the list by text shows only the matching articles.
    h.get_by_label("Filter").focus();
    h.get_by_label("Filter").type_text("Kremlin");
    h.run();
    assert!(h.query_all_by_label("Xi and Putin").count() >= 1);
    assert!(h.query_by_label(&article_titled(&h, EN).title).is_none(), "filtered out");
}

#[test]
fn find_then_label_the_hit_and_sticky_labels() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("large language");
    h.run();
    assert_eq!(h.state().reader_state().found.len(), 1);
    h.key_press(Key::F3); // selects the hit
    h.run();
    let (s, e) = chars_of(&art.text, "large language");
    assert_eq!(h.state().reader_state().selection(), (s, e));
    h.key_press(Key::Escape); // closes find, keeps the selection
    h.run();
    h.key_press(Key::Num2);
    h.run();
    assert!(spans_of(h.state().doc().project(), EN).iter().any(|x| x.quote == "large language"));

    // Sticky label: Ctrl+3 makes Alliance sticky; a drag labels at once.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    let alliance = h.state().doc().project().schema.label_by_name("Alliance").unwrap().id;
    assert_eq!(h.state().sticky_label(), Some(alliance));
    let (s, e) = chars_of(&art.text, "national strategy");
    drag(&mut h, s + 1, e - 1);
    let got = spans_of(h.state().doc().project(), EN)
        .into_iter()
        .find(|x| x.quote == "national strategy")
        .expect("labelled on release");
    assert_eq!(got.label, alliance);
}

#[test]
fn resizing_a_span_by_keyboard_and_adding_a_fragment() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    let sber = art.spans.iter().find(|s| s.quote == "Sberbank").unwrap().clone();
    click_at(&mut h, sber.start() + 1, Modifiers::NONE);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft); // shrink end: nothing left → unchanged
    h.key_press_modifiers(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft); // grow start by a word
    h.run();
    let quote = |h: &Harness<'_, GloseApp>| article_titled(h, EN).span(sber.id).unwrap().quote.clone();
    assert_eq!(quote(&h), "by Sberbank");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight); // grow end
    h.run();
    assert_eq!(quote(&h), "by Sberbank, he");
    // Select "Herman Gref" by keyboard while the span stays selected, then Ctrl+G.
    let (gs, ge) = chars_of(&art.text, "chief executive");
    h.state_mut().reader_state_mut().set_selection(gs, ge);
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    let span = article_titled(&h, EN).span(sber.id).unwrap().clone();
    assert_eq!(span.fragments.len(), 2);
    assert_eq!(span.quote, "by Sberbank, he … chief executive");
}

#[test]
fn deleting_a_label_in_use_asks_and_reassigns() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let p = h.state().doc().project();
    let alliance = p.schema.label_by_name("Alliance").unwrap().id;
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    let n_alliance = p.all_spans().filter(|(_, s)| s.label == alliance).count();
    let n_actor = p.all_spans().filter(|(_, s)| s.label == actor).count();
    h.get_by_label("Edit labels…").click();
    h.run();
    press(&mut h, "Delete Alliance");
    assert!(h.state().dialog().is_some(), "a label in use asks first");
    h.get_by_label("Give them the label").click();
    h.run();
    h.get_all_by_label("Actor").last().unwrap().click();
    h.run();
    press(&mut h, "Reassign and delete");
    let p = h.state().doc().project();
    assert!(p.schema.label(alliance).is_none());
    assert_eq!(p.all_spans().filter(|(_, s)| s.label == actor).count(), n_actor + n_alliance);
}

#[test]
fn importing_files_runs_in_the_background_and_is_one_undo_step() {
    let (dir, path) = example_copy();
    let mut h = harness(&path);
    let n = h.state().doc().project().articles.len();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Title: One\n\nFirst imported text about India.\n").unwrap();
    let b = dir.path().join("b.md");
    std::fs::write(&b, "# Two\n\nSecond imported text about China.\n").unwrap();
    h.state_mut().act(glose::ui::Action::Import(vec![a, b, PathBuf::from("tests/fixtures/saved-page-fr.html")]));
    h.step();
    // The files are read in a thread: the preview waits for it (a condition, not a frame count).
    h.state_mut().import_preview_mut().expect("the import preview opens").wait();
    h.run();
    assert_eq!(h.state().doc().project().articles.len(), n, "nothing is added before Import is pressed");
    press(&mut h, "Import 3 articles");
    assert_eq!(h.state().doc().project().articles.len(), n + 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().project().articles.len(), n);
}

/// Steps the app until `done` holds (background work ended), however long a loaded machine
/// takes; fails only if it never does (two minutes).
fn wait_until(h: &mut Harness<'_, GloseApp>, what: &str, done: impl Fn(&GloseApp) -> bool) {
    let start = std::time::Instant::now();
    h.step(); // the click or key queued before this call
    while !done(h.state()) {
        assert!(start.elapsed() < std::time::Duration::from_secs(120), "still waiting for {what}");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
}

/// Steps the app until an export or annotation import running in a thread is taken in.
fn wait_for_exchange(h: &mut Harness<'_, GloseApp>) {
    wait_until(h, "the export or import", |app| !app.is_busy());
}

#[test]
fn exporting_and_importing_annotations_from_the_file_menu() {
    let (dir, path) = example_copy();
    let mut h = harness(&path);
    let spans = h.state().doc().project().all_spans().count();
    menu(&mut h, "File", "Export dataset…");
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("brat").click();
    h.run();
    let out = dir.path().join("brat-out");
    h.get_by_label("Destination").focus();
    h.get_by_label("Destination").type_text(&out.display().to_string());
    h.run();
    h.get_by_label("Export").click();
    wait_for_exchange(&mut h);
    assert!(out.join("annotation.conf").exists());
    assert_eq!(
        std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "ann"))
            .count(),
        h.state().doc().project().articles.len()
    );

    // The same annotations back in, as another annotator's: added beside, one undo step.
    menu(&mut h, "File", "Import annotations…");
    h.get_by_label("Files (one per line)").focus();
    h.get_by_label("Files (one per line)").type_text(&out.display().to_string());
    h.get_by_label("Annotator (empty: as the file says)").focus();
    h.get_by_label("Annotator (empty: as the file says)").type_text("bob");
    h.run();
    h.get_by_label("Import").click();
    wait_for_exchange(&mut h);
    let p = h.state().doc().project();
    assert_eq!(
        p.articles.len(),
        glose::store::load(Path::new("projects/example.ron")).unwrap().project.articles.len(),
        "articles were matched by text"
    );
    assert_eq!(p.all_spans().filter(|(_, s)| s.annotator == "bob").count(), spans);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().project().all_spans().count(), spans);
}

#[test]
fn the_corpus_overview_searches_labels_hits_and_shows_the_network() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    menu(&mut h, "View", "Corpus overview…");
    assert!(h.query_all_by_label("Vladimir Putin").count() >= 1, "the matrix lists actors");
    h.get_by_label("Label counts").click();
    h.run();
    h.get_by_label("Co-occurrence").click();
    h.run();
    // Search, jump to a hit, label another.
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search the project").focus();
    h.get_by_label("Search the project").type_text("putin");
    h.key_press(Key::Enter);
    h.run();
    // The search runs in a thread; wait for it, then let the window take the result.
    h.state_mut().finish_jobs();
    h.run();
    let hits = h.state().corpus().hits().to_vec();
    assert!(hits.len() >= 2, "{hits:?}");
    h.get_by_label("label hits as").click();
    h.run();
    h.get_all_by_label("Claim").last().unwrap().click();
    h.run();
    let before = h.state().doc().project().all_spans().count();
    h.get_by_label("Label hit 1").click();
    h.run();
    assert_eq!(h.state().doc().project().all_spans().count(), before + 1);
    let a = h.state().doc().project().article(hits[0].article).unwrap().clone();
    assert!(a.spans.iter().any(|s| s.fragments == vec![Fragment::new(hits[0].start, hits[0].end)]));
    let last = hits.last().unwrap();
    h.get_all_by_label(&last.matched).last().unwrap().click();
    h.run();
    assert_eq!(h.state().current(), Some(last.article));
    assert_eq!(h.state().reader_state().selection(), (last.start, last.end));
    // The network: drag an actor, click the Russia–China edge.
    h.get_by_label("Alliance network").click();
    h.run();
    let russia = h.get_by_label("Actor node Russia").rect().center();
    let china = h.get_by_label("Actor node China").rect().center();
    let mid = russia + (china - russia) * 0.5;
    h.event(Event::PointerMoved(mid));
    h.event(Event::PointerButton {
        pos: mid,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos: mid,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert!(h.state().corpus().selected_edge().is_some(), "an edge was clicked");
    let before = h.state().corpus().layout().to_vec();
    let node = h.get_by_label("Actor node Russia").rect().center();
    h.event(Event::PointerMoved(node));
    h.event(Event::PointerButton {
        pos: node,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    for k in 1..=5 {
        h.event(Event::PointerMoved(node + egui::vec2(8.0 * k as f32, 5.0 * k as f32)));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: node + egui::vec2(40.0, 25.0),
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_ne!(h.state().corpus().layout().to_vec(), before, "the node moved");
}

#[test]
fn compare_two_articles_side_by_side_and_annotate_either() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    menu(&mut h, "View", "Compare two articles");
    let other = h.state().compare().expect("compare view open").article();
    assert_ne!(Some(other), h.state().current());
    // Pick the Russian article for the other pane.
    let ru = article_titled(&h, RU);
    h.get_by_label("with").click();
    h.run();
    h.get_all_by_label(&text_ellipsis(&ru.title)).last().unwrap().click();
    h.run();
    assert_eq!(h.state().compare().unwrap().article(), ru.id);
    // Double-click a word in the other pane: it becomes the active pane, ready for a label key.
    let (s, e) = chars_of(&ru.text, "консультаций");
    // A click in the other pane makes it the active one…
    let pos = h.state().compare().unwrap().reader().screen_pos_of(s + 2).unwrap();
    h.event(Event::PointerMoved(pos));
    h.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed: true, modifiers: Modifiers::NONE });
    h.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed: false, modifiers: Modifiers::NONE });
    h.run();
    assert_eq!(h.state().current(), Some(ru.id), "the touched pane is active");
    assert_eq!(h.state().compare().unwrap().article(), article_titled(&h, EN).id);
    // …where the usual gestures work: the caret is where the click was; Shift+arrows select.
    assert_eq!(h.state().reader_state().caret, s + 2);
    for _ in 0..2 {
        h.key_press(Key::ArrowLeft);
    }
    for _ in s..e {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    h.run();
    assert_eq!(h.state().reader_state().selection(), (s, e));
    h.key_press(Key::Num2);
    h.run();
    assert!(spans_of(h.state().doc().project(), RU).iter().any(|x| x.quote == "консультаций"));
    h.get_by_label("Close compare").click();
    h.run();
    assert!(h.state().compare().is_none());
}

fn text_ellipsis(s: &str) -> String {
    glose::text::ellipsize(s, 40)
}

#[test]
fn a_plain_click_selects_nothing_even_with_a_sticky_label() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    let (s, e) = chars_of(&art.text, "generative");
    // Sticky label on: a plain click must not label anything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    let before = spans_of(h.state().doc().project(), EN).len();
    click_at(&mut h, s + 3, Modifiers::NONE);
    assert_eq!(spans_of(h.state().doc().project(), EN).len(), before, "a click is not a selection");
    // (Double-click selects a word in the real window; kittest's synthetic clicks do not
    // register as double clicks, so that gesture is checked by hand with xdotool.)
    let _ = e;
}

#[test]
fn merging_another_annotators_file_then_adjudicating_into_gold() {
    let (dir, path) = example_copy();
    // Bob's file: the example with one span moved and his name on everything.
    let mut bob = glose::store::load(&path).unwrap().project;
    for a in bob.articles.iter_mut().map(std::sync::Arc::make_mut) {
        // Bob coded like glose-team; the example's second coder is not in his file.
        a.spans.retain(|s| s.annotator != "camille");
        for s in &mut a.spans {
            s.annotator = "bob".into();
        }
        for r in &mut a.relations {
            r.annotator = "bob".into();
        }
    }
    let en = bob.articles.iter().position(|a| a.language == "en").unwrap();
    std::sync::Arc::make_mut(&mut bob.articles[en]).spans[0].fragments[0].end -= 6; // "Russian President Vladimir" only
    std::sync::Arc::make_mut(&mut bob.articles[en]).spans[0].quote =
        bob.articles[en].quote_of(&bob.articles[en].spans[0].fragments).unwrap();
    let bob_path = dir.path().join("bob.ron");
    glose::store::save(&bob, &bob_path).unwrap();
    let mut h = harness(&path);
    let n = h.state().doc().project().all_spans().count();
    h.state_mut().act(glose::ui::Action::Merge(vec![bob_path]));
    h.step();
    assert!(h.state().is_busy(), "files are read in the background");
    h.state_mut().finish_jobs();
    h.run();
    let bobs = bob.all_spans().count();
    assert_eq!(h.state().doc().project().all_spans().count(), n + bobs, "every span of bob's comes in beside");
    assert_eq!(h.state().doc().project().articles.len(), 6, "articles matched by text");
    open_article(&mut h, EN);
    menu(&mut h, "View", "Compare annotators…");
    // A and B default to the two busiest annotators, ties by name: A = bob, B = glose-team.
    // The shortened span differs: accept bob's version into gold.
    h.get_by_label("Accept A 1").click();
    h.run();
    let gold: Vec<_> = h
        .state()
        .doc()
        .project()
        .all_spans()
        .filter(|(_, s)| s.annotator == "gold")
        .map(|(_, s)| s.quote.clone())
        .collect();
    assert_eq!(gold, vec!["Russian President Vladimir".to_string()]);
    assert!(h.state().reader_state().selected_span.is_some(), "the gold span is selected for editing");
    press(&mut h, "Accept all agreements");
    let en_spans = article_titled(&h, EN).spans.iter().filter(|s| s.annotator == "glose-team").count();
    let gold = h.state().doc().project().all_spans().filter(|(_, s)| s.annotator == "gold").count();
    assert_eq!(gold, en_spans, "one differing span accepted plus every agreement");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().project().all_spans().filter(|(_, s)| s.annotator == "gold").count(), 1);
}

#[test]
fn hiding_a_label_hides_its_spans_in_the_reader() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    let gref = art.spans.iter().find(|s| s.quote == "Herman Gref").unwrap().clone();
    h.get_by_label("show Actor").click();
    h.run();
    click_at(&mut h, gref.start() + 2, Modifiers::NONE);
    assert_eq!(h.state().reader_state().selected_span, None, "a hidden span cannot be clicked");
    h.get_by_label("show Actor").click();
    h.run();
    click_at(&mut h, gref.start() + 2, Modifiers::NONE);
    assert_eq!(h.state().reader_state().selected_span, Some(gref.id));
}

#[test]
fn a_file_changed_by_git_pull_is_offered_for_reload() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    assert!(glose::store::lock_path(&path).exists(), "the window holds a lock");
    let mut p = glose::store::load(&path).unwrap().project;
    p.name = "After git pull".into();
    std::thread::sleep(std::time::Duration::from_millis(30));
    glose::store::save(&p, &path).unwrap();
    // What the window does every two seconds, without waiting for the clock.
    h.state_mut().check_disk_now();
    h.run();
    assert!(matches!(h.state().dialog(), Some(glose::ui::Dialog::ChangedOnDisk)), "asked");
    h.get_by_label("Reload from disk").click();
    h.run();
    assert_eq!(h.state().doc().project().name, "After git pull");
    assert!(h.state().dialog().is_none());
    drop(h);
    assert!(!glose::store::lock_path(&path).exists(), "the lock goes with the window");
}

/// Reload after another program changed the file: a span relabelled from Actor to Claim and a
/// same-length correction in the middle of the text. What the reader draws follows (views cache
/// on revisions that never repeat across documents, and the layout on the text's revision).
#[test]
fn reload_shows_what_the_file_now_says() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let title = "À Paris, Emmanuel Macron";
    let art = article_titled(&h, title);
    assert_eq!(h.state().current(), Some(art.id), "the first article is open");
    let macron = art.spans.iter().find(|s| s.quote == "Emmanuel Macron").unwrap().clone();
    let p = h.state().doc().project();
    let actor = p.schema.labels.iter().find(|l| l.name == "Actor").unwrap().clone();
    let claim = p.schema.labels.iter().find(|l| l.name == "Claim").unwrap().clone();
    assert_eq!(macron.label, actor.id);
    let at = macron.start() + 3;
    assert_eq!(h.state().reader().drawn_colors_at(at).last(), Some(&glose::ui::color32(actor.color)));
    assert!(h.state().reader().drawn_text().contains("clôturé mardi le Sommet"));
    // Another program: relabel the span, and "mardi" → "lundi" (same length, no span on it).
    let mut changed = glose::store::load(&path).unwrap().project;
    let a = changed.article_mut(art.id).unwrap();
    let (s, e) = chars_of(&a.text, "mardi");
    assert!(a.spans.iter().all(|sp| sp.end() <= s || sp.start() >= e), "no span on the corrected word");
    a.text = a.text.replacen("clôturé mardi", "clôturé lundi", 1);
    a.spans.iter_mut().find(|sp| sp.id == macron.id).unwrap().label = claim.id;
    assert!(glose::model::validate(&changed).is_empty());
    glose::store::save(&changed, &path).unwrap();
    h.state_mut().check_disk_now();
    h.run();
    h.get_by_label("Reload from disk").click();
    h.run();
    assert_eq!(h.state().current(), Some(art.id), "the same article stays open");
    assert_eq!(
        h.state().reader().drawn_colors_at(at).last(),
        Some(&glose::ui::color32(claim.color)),
        "drawn as a Claim"
    );
    let drawn = h.state().reader().drawn_text();
    assert!(drawn.contains("clôturé lundi le Sommet") && !drawn.contains("mardi"), "the corrected text is laid out");
    assert!(glose::store::lock_path(&path).exists(), "the reopened file keeps its lock");
}

/// Opening another file whose article has the same id, length and spans as the one shown
/// (a colleague's copy: one span relabelled, one word corrected) draws the new file, not the
/// old one's cached layout or marks.
#[test]
fn open_shows_the_other_file_not_the_one_before() {
    let (dir, path) = example_copy();
    let mut h = harness(&path);
    let art = article_titled(&h, "À Paris, Emmanuel Macron");
    let macron = art.spans.iter().find(|s| s.quote == "Emmanuel Macron").unwrap().clone();
    let p = h.state().doc().project();
    let actor = p.schema.labels.iter().find(|l| l.name == "Actor").unwrap().clone();
    let claim = p.schema.labels.iter().find(|l| l.name == "Claim").unwrap().clone();
    let at = macron.start() + 3;
    assert_eq!(h.state().reader().drawn_colors_at(at).last(), Some(&glose::ui::color32(actor.color)));
    let mut other = glose::store::load(&path).unwrap().project;
    let a = other.article_mut(art.id).unwrap();
    a.text = a.text.replacen("clôturé mardi", "clôturé lundi", 1);
    a.spans.iter_mut().find(|sp| sp.id == macron.id).unwrap().label = claim.id;
    let colleague = dir.path().join("colleague.ron");
    glose::store::save(&other, &colleague).unwrap();
    h.state_mut().act(glose::ui::Action::Open(colleague.clone()));
    h.run();
    assert_eq!(h.state().doc().path(), Some(colleague.as_path()));
    assert_eq!(h.state().current(), Some(art.id), "the same article id is shown");
    assert_eq!(h.state().reader().drawn_colors_at(at).last(), Some(&glose::ui::color32(claim.color)));
    let drawn = h.state().reader().drawn_text();
    assert!(drawn.contains("clôturé lundi") && !drawn.contains("clôturé mardi"), "the other file's text");
}

#[test]
fn autosave_writes_the_project_after_a_quiet_moment() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    h.state_mut().settings_mut().autosave_secs = 1;
    open_article(&mut h, RU);
    let art = article_titled(&h, RU);
    let (s, e) = chars_of(&art.text, "ООН");
    select_by_keyboard(&mut h, s, e);
    h.key_press(Key::Num1);
    h.run();
    assert!(h.state().doc().is_dirty());
    // A second of quiet, then the autosave starts by itself.
    wait_until(&mut h, "the autosave", |app| app.doc().is_saving() || !app.doc().is_dirty());
    h.state_mut().finish_saving();
    assert!(!h.state().doc().is_dirty(), "autosaved");
    let on_disk = glose::store::load(&path).unwrap().project;
    assert!(spans_of(&on_disk, RU).iter().any(|x| x.quote == "ООН"));
}

#[test]
fn a_book_length_article_is_laid_out_where_it_is_read_and_offsets_stay_exact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    // ~600 KB, 3 000 paragraphs, emoji and Cyrillic throughout; one unique word near the end.
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!("{i} 🤝 Россия и Китай договорились углублять сотрудничество в сфере ИИ, said the agency. Paragraph {i} of the long dispatch goes on with more words here and there.\n"));
    }
    text.push_str("The last word is Zanzibar, far away.\n");
    let mut p = Project::new("long");
    let a = glose::model::Article {
        id: glose::model::ArticleId(p.alloc_id()),
        title: "Long".into(),
        text: text.clone(),
        ..Default::default()
    };
    p.articles.push(a.into());
    glose::store::save(&p, &path).unwrap();
    let mut h = harness(&path);
    // Ctrl+F to the far end, then label the hit.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Zanzibar");
    h.run();
    h.key_press(Key::F3);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    let (s, e) = chars_of(&text, "Zanzibar");
    let span = &h.state().doc().project().articles[0].spans[0];
    assert_eq!(span.fragments, vec![Fragment::new(s, e)]);
    assert_eq!(span.quote, "Zanzibar");
    // The word is on screen and can be clicked: the reader laid out the end of the text.
    let pos = h.state().reader().screen_pos_of(s + 2).expect("laid out near the end");
    assert!(pos.y > 0.0 && pos.y < 900.0, "{pos:?}");
    // Correcting a long article opens only the paragraph around the selection.
    let (ps, pe) = chars_of(&text, "Paragraph 1500 of");
    h.state_mut().act(glose::ui::Action::SelectRange { start: ps, end: pe });
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    let ed = h.state_mut().text_editor_mut().expect("the correction window");
    assert!(ed.buf.starts_with("1500 🤝") && ed.buf.ends_with("here and there."), "{:?}", ed.buf);
    ed.buf = ed.buf.replacen("said the agency", "the agency said", 1);
    h.run();
    h.get_by_label("Apply correction").click();
    h.run();
    let after = &h.state().doc().project().articles[0];
    assert_eq!(after.text.chars().count(), text.chars().count());
    assert!(
        after
            .text
            .contains("1500 🤝 Россия и Китай договорились углублять сотрудничество в сфере ИИ, the agency said.")
    );
    assert_eq!(after.spans[0].quote, "Zanzibar", "the span far away keeps its text");
    assert_eq!(after.spans[0].fragments, vec![Fragment::new(s, e)]);
}

#[test]
fn editing_goes_on_while_the_project_is_saved_in_the_background() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let first = glose::edit::Command::SetProjectName { name: "saved".into() };
    let second = glose::edit::Command::SetProjectName { name: "typed while saving".into() };
    assert!(h.state_mut().apply(first));
    h.state_mut().save_to(&path);
    assert!(h.state().doc().is_saving(), "the save runs in the background");
    // An edit while the file is being written: not in this save, not lost either.
    assert!(h.state_mut().apply(second.clone()));
    h.state_mut().finish_saving();
    h.run();
    assert_eq!(glose::store::load(&path).unwrap().project.name, "saved");
    assert!(h.state().doc().is_dirty(), "the edit made during the save still needs saving");
    let bytes = std::fs::read(&path).unwrap();
    let rec =
        glose::store::recover(&path, glose::store::fingerprint(&bytes)).unwrap().expect("the new journal holds it");
    assert_eq!(rec.commands, vec![second]);
    h.state_mut().save_to(&path);
    h.state_mut().finish_saving();
    assert!(!h.state().doc().is_dirty());
    assert_eq!(glose::store::load(&path).unwrap().project.name, "typed while saving");
}

#[test]
fn correcting_the_text_moves_spans_marks_changed_ones_and_undoes() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let before = article_titled(&h, EN);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    let ed = h.state_mut().text_editor_mut().expect("the correction window is open");
    assert_eq!(ed.buf, before.text, "a short article is edited whole");
    // An OCR-style fix before every span, and a change inside the "Putin" span.
    ed.buf = format!("{} ", ed.buf.replacen("Russian", "Russian  ", 1).replacen("Putin said", "Putln said", 1));
    h.run();
    h.get_by_label("Apply correction").click();
    h.run();
    let after = article_titled(&h, EN);
    assert!(after.text.contains("Putln said"));
    assert!(glose::model::validate(h.state().doc().project()).is_empty());
    let marked: Vec<_> = after.spans.iter().filter(|s| s.attributes.contains_key("review")).collect();
    // The span over "Russian President Vladimir Putin" covered the corrected letter.
    assert!(!marked.is_empty());
    assert!(marked.iter().all(|s| before.span(s.id).unwrap().quote.ends_with("Putin")), "{marked:?}");
    let changed = marked[0];
    let same = after.spans.iter().filter(|s| !s.attributes.contains_key("review"));
    for s in same {
        assert_eq!(s.quote, before.span(s.id).unwrap().quote, "untouched spans keep their text");
    }
    // The inspector offers to mark it reviewed.
    h.state_mut().act(glose::ui::Action::JumpToSpan(changed.id));
    h.run();
    assert_eq!(h.state().reader_state().selected_span, Some(changed.id));
    h.run(); // the action lands at the end of a frame; the inspector shows it in the next
    eprintln!("BTN {:?}", h.get_by_label("Mark reviewed").rect());
    press(&mut h, "Mark reviewed");
    eprintln!(
        "DBG undo={:?} status={:?} span={:?}",
        h.state().doc().history().undo_label(),
        h.state().status_text(),
        article_titled(&h, EN).span(changed.id)
    );
    assert!(!article_titled(&h, EN).span(changed.id).unwrap().attributes.contains_key("review"));
    // Two undos: the review mark, then the correction.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(article_titled(&h, EN), before);
}

#[test]
fn a_broken_project_file_gives_one_clear_message_and_changes_nothing() {
    let (dir, path) = example_copy();
    let mut h = harness(&path);
    let before = h.state().doc().project().clone();
    let text = std::fs::read_to_string(&path).unwrap();
    let bad = dir.path().join("bad.ron");
    let cut = text.floor_char_boundary(text.len() / 2);
    std::fs::write(&bad, &text[..cut]).unwrap(); // cut in the middle
    h.state_mut().act(glose::ui::Action::Open(bad.clone()));
    h.run();
    h.run();
    let msg = match h.state().dialog() {
        Some(glose::ui::Dialog::Error(msg)) => msg.clone(),
        other => panic!("an error dialog: {other:?} {:?}", h.state().status_text()),
    };
    assert!(msg.contains("bad.ron:") && msg.contains("Could not open"), "{msg}");
    assert!(h.query_by_label_contains("bad.ron:").is_some(), "the message is in the window");
    assert_eq!(h.state().doc().project(), &before, "the open project is untouched");
    assert_eq!(h.state().doc().path(), Some(path.as_path()));
    assert_eq!(std::fs::read(&bad).unwrap(), text.as_bytes()[..cut], "the bad file is untouched");
}

/// The README's shortcut table and the window read the same registry: every shortcut of a
/// command is in the table, and every Ctrl+letter in the table is a command's.
#[test]
fn the_readme_shortcut_table_matches_the_commands() {
    use glose::ui::UiCommand;
    use glose::ui::i18n::{Lang, set_current};
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = readme.split("## Shortcuts").nth(1).unwrap().split("\n## ").next().unwrap();
    let (english, french) = section.split_once("<details>").unwrap();
    for (lang, table, shift) in [(Lang::En, english, "Shift"), (Lang::Fr, french, "Maj")] {
        set_current(lang);
        let mut known = Vec::new();
        for c in UiCommand::ALL {
            for s in c.shortcuts() {
                let text = UiCommand::shortcut_text(s);
                assert!(table.contains(&text), "{c:?}: {text} is not in the README's {lang:?} shortcut table");
                known.push(text);
            }
        }
        let re = regex::Regex::new(&format!(r"Ctrl\+({shift}\+)?[A-Z]\b")).unwrap();
        for m in re.find_iter(table) {
            assert!(known.contains(&m.as_str().to_string()), "the README lists {} but no command has it", m.as_str());
        }
    }
    set_current(Lang::En);
}

/// Rectangles that overlap by more than a hair.
fn overlap(a: egui::Rect, b: egui::Rect) -> bool {
    a.intersect(b).width() > 0.5 && a.intersect(b).height() > 0.5
}

#[test]
fn relation_arcs_and_their_labels_never_cover_text_in_either_theme_or_size() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let with_relations: Vec<String> =
        h.state().doc().project().articles.iter().filter(|a| a.relations.len() >= 2).map(|a| a.title.clone()).collect();
    assert!(with_relations.len() >= 3);
    for (size, dark) in [([1400.0, 900.0], false), ([1000.0, 700.0], true), ([800.0, 600.0], false)] {
        h.state_mut().settings_mut().dark = dark;
        h.set_size(egui::vec2(size[0], size[1]));
        h.run();
        for title in &with_relations {
            let id = article_titled(&h, title).id;
            h.state_mut().act(glose::ui::Action::SelectArticle(id));
            h.run();
            let reader = h.state().reader();
            let (labels, lines, rows) =
                (reader.drawn_relation_labels(), reader.drawn_relation_lines(), reader.drawn_text_rows());
            assert!(!labels.is_empty(), "{title}: no relation drawn at {size:?}");
            for (id, l) in &labels {
                for r in &rows {
                    assert!(!overlap(*l, *r), "{title} at {size:?}: label of {id} over the text row {r:?}");
                }
                for (other, m) in labels.iter().filter(|(o, m)| o != id || m != l) {
                    assert!(!overlap(*l, *m), "{title} at {size:?}: labels of {id} and {other} overlap");
                }
            }
            for line in &lines {
                for r in &rows {
                    assert!(!overlap(*line, *r), "{title} at {size:?}: an arc crosses the text row {r:?}");
                }
            }
        }
    }
}

#[test]
fn a_quick_drag_selects_from_where_the_button_went_down() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, "Poutine critique");
    let text = article_titled(&h, "Poutine critique").text;
    let (a, _) = chars_of(&text, "Vladimir Poutine");
    let (_, b) = chars_of(&text, "Vladimir Poutine");
    let (from, to) = (pos_of(&h, a + 2), pos_of(&h, b - 1));
    // Down on "Vladimir", one big move, up on "Poutine": no frame in between sees the way.
    drag_between(&mut h, from, to, 1);
    assert_eq!(h.state().reader_state().selection(), (a, b), "the whole of “Vladimir Poutine”");
}

#[test]
fn the_annotator_name_is_typed_in_its_dialog_and_credited_with_new_spans() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, RU);
    h.get_by_label("View").click();
    h.run();
    let who = format!("Annotator: {}…", h.state().settings().annotator);
    h.get_by_label(&who).click();
    h.run();
    // The field has the focus, with the current name: select it all and type over it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Name").type_text("Camille Martin");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none(), "Enter closes the dialog");
    assert_eq!(h.state().settings().annotator, "Camille Martin");
    let art = article_titled(&h, RU);
    let (s, e) = chars_of(&art.text, "регулярный механизм");
    drag(&mut h, s, e);
    h.key_press(Key::Num3);
    h.run();
    let spans = spans_of(h.state().doc().project(), RU);
    let new = spans.iter().find(|x| x.fragments == vec![Fragment::new(s, e)]).expect("the new span");
    assert_eq!(new.annotator, "Camille Martin");
}

#[test]
fn find_matches_whole_words_unless_told_otherwise() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let art = article_titled(&h, "À Paris");
    h.state_mut().act(glose::ui::Action::SelectArticle(art.id));
    h.run();
    let text = art.text;
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("IA");
    h.run();
    let words = h.state().reader_state().found.clone();
    let anywhere = text.to_lowercase().matches("ia").count();
    assert!(!words.is_empty() && words.len() < anywhere, "{} whole words of {anywhere}", words.len());
    for &(s, e) in &words {
        let hit: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(hit, "IA");
        let after = text.chars().nth(e);
        assert!(!after.is_some_and(char::is_alphanumeric), "a hit inside a word");
    }
    h.get_by_label("Whole words").click();
    h.run();
    assert_eq!(h.state().reader_state().found.len(), anywhere, "anywhere, any case");
    h.get_by_label("Match case").click();
    h.run();
    assert_eq!(h.state().reader_state().found.len(), text.matches("IA").count());
}

#[test]
fn compare_never_pairs_an_article_with_itself() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let en = article_titled(&h, EN).id;
    menu(&mut h, "View", "Compare two articles");
    let other = h.state().compare().expect("compare view open").article();
    // The other pane's article chosen in the article list: the panes change places.
    h.state_mut().act(glose::ui::Action::SelectArticle(other));
    h.run();
    assert_eq!(h.state().current(), Some(other));
    assert_eq!(h.state().compare().unwrap().article(), en, "the article before takes the other pane");
    // The pane's own list does not offer the active article.
    h.get_by_label("with").click();
    h.run();
    let title = h.state().doc().project().article(other).unwrap().title.clone();
    let offered = h.query_all_by_label(&text_ellipsis(&title)).count();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(offered, 0, "the active article is not offered for the other pane");
}

#[test]
fn a_small_window_shrinks_the_side_panels_not_the_reader() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    for (w, hgt, share) in [(1400.0, 900.0, 0.48), (1000.0, 700.0, 0.45), (800.0, 600.0, 0.4)] {
        h.set_size(egui::vec2(w, hgt));
        h.run();
        let reader = h.state().reader().last_rect.expect("reader drawn").width();
        eprintln!("reader at {w}: {reader:.0} px");
        assert!(reader >= w * share, "at {w}×{hgt} the reader is {reader:.0} px");
    }
    // Two articles side by side in a 1000×700 window: both panes stay left of the side panel.
    h.set_size(egui::vec2(1000.0, 700.0));
    h.run();
    menu(&mut h, "View", "Compare two articles");
    let side = h.get_by_label("Annotate").rect().min.x;
    let right = h.state().compare().expect("compare view").reader().last_rect.expect("drawn").max.x;
    assert!(right <= side, "the right pane ends at {right:.0}, under the side panel at {side:.0}");
}

#[test]
fn opening_another_project_forgets_what_was_chosen_in_this_one() {
    let (dir, path) = example_copy();
    let mut h = harness(&path);
    h.get_by_label("Actors").click();
    h.run();
    let russia = h.state().doc().project().entities.iter().find(|e| e.name == "Russia").unwrap().clone();
    h.get_all_by_label_contains("Russia (").next().unwrap().click();
    h.run();
    assert_eq!(h.state().selected_entity(), Some(russia.id));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert!(h.state().sticky_label().is_some());
    // Another project whose actor of the same id is someone else.
    let mut other = glose::store::load(&path).unwrap().project;
    other.entities.iter_mut().find(|e| e.id == russia.id).unwrap().name = "Somebody else".into();
    let other_path = dir.path().join("other.ron");
    glose::store::save(&other, &other_path).unwrap();
    h.state_mut().act(glose::ui::Action::Open(other_path));
    h.run();
    assert_eq!(h.state().selected_entity(), None, "no actor chosen in the other project");
    assert_eq!(h.state().sticky_label(), None);
    assert!(!h.state().reader_state().has_selection() && h.state().reader_state().selected_span.is_none());
}

fn harness_in(project: Option<PathBuf>, data: &Path) -> Harness<'static, GloseApp> {
    harness_with(project, Some(data.to_path_buf()))
}

#[test]
fn a_never_saved_project_survives_a_crash_and_is_offered_back() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness_in(None, data.path());
    assert!(h.state().doc().path().is_none());
    assert!(h.state().doc().scratch_file().is_some_and(|f| f.starts_with(data.path())), "journaled in the data folder");
    h.state_mut().apply(glose::edit::Command::SetProjectName { name: "Terrain municipal 2026".into() });
    h.run();
    // The window dies without closing anything.
    std::mem::forget(h);
    let mut h = harness_in(None, data.path());
    assert!(matches!(h.state().dialog(), Some(glose::ui::Dialog::Recover(_))), "the edits are offered back");
    h.get_by_label("Restore edits").click();
    h.run();
    assert_eq!(h.state().doc().project().name, "Terrain municipal 2026");
    assert!(h.state().doc().path().is_none() && h.state().doc().is_dirty(), "untitled and unsaved until saved");
}

#[test]
fn a_project_file_that_does_not_exist_is_offered_to_be_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terrain.ron");
    let mut h = harness_in(Some(path.clone()), dir.path());
    assert!(matches!(h.state().dialog(), Some(glose::ui::Dialog::CreateMissing(_))));
    h.get_by_label("Create it").click();
    wait_until(&mut h, "the new project saved", |app| !app.doc().is_saving() && app.doc().path().is_some());
    assert!(path.exists());
    assert_eq!(h.state().doc().path(), Some(path.as_path()));
}

#[test]
fn a_cancelled_file_dialog_is_said_and_the_view_menu_tells_which_dialogs_are_used() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.state().file_dialog().is_some(), "Glose's own dialog opened");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().file_dialog().is_none());
    let (status, error) = h.state().status_text().expect("something is said");
    assert!(status.contains("cancelled") && !error, "{status}");
    // Automatic picks the system's dialogs only where the desktop answers them.
    h.state_mut().settings_mut().file_dialogs = glose::ui::DialogKind::Automatic;
    h.get_by_label("View").click();
    h.run();
    let here = if glose::ui::system_dialogs_available() { "the system's here" } else { "built-in here" };
    assert!(h.query_by_label_contains(here).is_some(), "the View menu says which dialogs are used");
}

#[test]
fn compare_annotators_shows_the_examples_two_coders_as_a_table() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let zh = article_titled(&h, "中法");
    menu(&mut h, "View", "Compare annotators…");
    // The first article is glose-team's only: said, with the articles both coded to open.
    assert!(h.query_by_label_contains("camille has not coded this article").is_some());
    // The link in the window (the article list has the same title: the window's comes last).
    h.get_all_by_label(&glose::text::ellipsize(&zh.title, 50)).last().unwrap().click();
    h.run();
    assert_eq!(h.state().current(), Some(zh.id));
    assert!(h.query_by_label_contains("has not coded this article").is_none());
    assert!(h.query_by_label_contains("glose-team vs camille: 2 articles both coded").is_some());
    for cell in ["F1 exact", "κ", "all labels"] {
        assert!(h.query_by_label(cell).is_some(), "the agreement table has {cell:?}");
    }
}

#[test]
fn a_label_colour_comes_from_a_preset_or_a_hex_code_in_one_step() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    menu(&mut h, "Edit", "Labels and relation types…");
    let first = h.state().doc().project().schema.labels[0].clone();
    let title = h.get_by_label("Labels and relation types").rect();
    assert!(title.min.y > 40.0 && title.min.x > 200.0, "opens below the menu bar, not in the corner: {title:?}");
    h.get_all_by_label("Colour presets").next().unwrap().click();
    h.run();
    h.get_by_label("Colour #27ae60").click();
    h.run();
    let now = h.state().doc().project().schema.labels[0].color;
    assert_eq!(now.to_string(), "#27ae60");
    h.get_all_by_label("Colour presets").next().unwrap().click();
    h.run();
    h.get_by_label("Hex").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Hex").type_text("#123456");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc().project().schema.labels[0].color.to_string(), "#123456");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().project().schema.labels[0].color, first.color, "two changes, two undo steps");
}

#[test]
fn escape_closes_an_open_menu() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    h.get_by_label("View").click();
    h.run();
    assert!(h.query_by_label("Corpus overview…").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Corpus overview…").is_none(), "Esc closes the menu");
}

#[test]
fn the_link_menu_offers_only_the_types_that_accept_both_labels() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    open_article(&mut h, EN);
    let art = article_titled(&h, EN);
    let claim_label = h.state().doc().project().schema.label_by_name("Claim").unwrap().id;
    let claim = art.spans.iter().find(|s| s.label == claim_label).unwrap().clone();
    let sber = art.spans.iter().find(|s| s.quote == "Sberbank").unwrap().clone();
    let gref = art.spans.iter().find(|s| s.quote == "Herman Gref").unwrap().clone();
    // Actor → Actor: alliance and opposes, not says.
    click_at(&mut h, sber.start() + 1, Modifiers::NONE);
    h.key_press(Key::L);
    h.run();
    click_at(&mut h, gref.start() + 1, Modifiers::NONE);
    assert!(h.query_by_label("1 alliance").is_some() && h.query_by_label("2 opposes").is_some());
    for key in 1..=3 {
        assert!(h.query_by_label(&format!("{key} says")).is_none(), "says links an actor to a claim");
    }
    h.get_by_label("Cancel link").click();
    h.run();
    // Claim → Actor: no type accepts it; said, and nothing to pick.
    click_at(&mut h, claim.start() + 1, Modifiers::NONE);
    h.key_press(Key::L);
    h.run();
    click_at(&mut h, gref.start() + 1, Modifiers::NONE);
    assert!(h.query_by_label_contains("No relation type links these two labels").is_some());
    assert!(h.query_by_label("1 alliance").is_none());
    let before = article_titled(&h, EN).relations.len();
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(article_titled(&h, EN).relations.len(), before, "no relation the types do not allow");
}

#[test]
fn the_reader_shows_one_coders_spans_when_asked() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    let zh = article_titled(&h, "中法");
    h.state_mut().act(glose::ui::Action::SelectArticle(zh.id));
    h.run();
    // 美国 (the United States) was coded by glose-team only.
    let usa = zh.spans.iter().find(|s| s.quote == "美国").unwrap().clone();
    assert!(!zh.spans.iter().any(|s| s.quote == "美国" && s.annotator == "camille"));
    assert!(!h.state().reader().drawn_colors_at(usa.start()).is_empty());
    h.get_by_label("Spans by").click();
    h.run();
    h.get_by_label("camille").click();
    h.run();
    assert!(h.state().reader().drawn_colors_at(usa.start()).is_empty(), "only camille's spans are drawn");
    let xi = zh.spans.iter().find(|s| s.quote == "习近平").unwrap();
    assert_eq!(h.state().reader().drawn_colors_at(xi.start()).len(), 1, "one underline, not two");
}

/// A big project opens in a thread (every project here: the threshold is 0), then takes the
/// place of the open one (a project folder here).
#[test]
fn a_big_project_opens_in_the_background_and_then_takes_the_place_of_the_open_one() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("year.glose");
    glose::store::save(&glose::synth::project(5, 40, 800, 10, 2), &folder).unwrap();
    let mut h = harness(Path::new("projects/example.ron"));
    h.state_mut().open_in_background_over(0, 0);
    h.state_mut().act(glose::ui::Action::Open(folder.clone()));
    h.run();
    h.state_mut().finish_jobs();
    h.run();
    assert_eq!(h.state().doc().path(), Some(folder.as_path()));
    assert_eq!(h.state().doc().project().articles.len(), 40);
    h.get_by_label_contains("Opened");
}

/// Help → Keyboard shortcuts lists the commands' registry and the reader's keys (the README's
/// table has every one of them), searchable; Help → About says the version and where things live.
#[test]
fn help_lists_the_shortcuts_and_says_about_glose() {
    use glose::ui::i18n::{Lang, set_current};
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = readme.split("## Shortcuts").nth(1).unwrap().split("\n## ").next().unwrap();
    let (english, french) = section.split_once("<details>").unwrap();
    for (lang, table) in [(Lang::En, english), (Lang::Fr, french)] {
        set_current(lang);
        for (keys, _) in glose::ui::reader_keys() {
            assert!(table.contains(&format!("| {keys} |")), "{keys} is not in the README's {lang:?} shortcut table");
        }
    }
    set_current(Lang::En);
    let (_dir, path) = example_copy();
    let mut h = harness(&path);
    menu(&mut h, "Help", "Keyboard shortcuts…");
    assert!(h.query_by_label("Ctrl+Shift+Z, Ctrl+Y").is_some(), "Redo's two shortcuts");
    h.get_by_label("Search shortcuts").click();
    h.run();
    h.get_by_label("Search shortcuts").type_text("stance");
    h.run();
    assert!(h.query_by_label("+ / −").is_some());
    assert!(h.query_by_label("Ctrl+Shift+Z, Ctrl+Y").is_none(), "filtered out");
    menu(&mut h, "Help", "About Glose…");
    assert!(h.query_by_label(&format!("Glose {}", env!("CARGO_PKG_VERSION"))).is_some());
    assert!(h.query_by_label("Unsaved projects' journals").is_some());
}
