//! Helpers shared by the window's test files (each test file is its own crate: a helper one of
//! them leaves unused is not dead code).
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use glose::ui::{GloseApp, create_app_in};
use std::path::Path;

/// The app on `path` at 1400×900, Glose's own file dialogs (the tests drive them), never-saved
/// projects kept in memory.
pub fn harness(path: &Path, max_steps: u64) -> Harness<'static, GloseApp> {
    let path = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(max_steps)
        .build_eframe(move |cc| create_app_in(cc, Some(path), None));
    h.state_mut().settings_mut().file_dialogs = glose::ui::DialogKind::BuiltIn;
    h.run();
    h
}

/// Clicks the widget named `label` and lets the app answer.
pub fn press(h: &mut Harness<'_, GloseApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Steps the app until `done` holds (background work is waited for by its result, never by a
/// count of frames or a sleep alone).
pub fn wait_until(h: &mut Harness<'_, GloseApp>, what: &str, done: impl Fn(&GloseApp) -> bool) {
    let start = std::time::Instant::now();
    h.step();
    while !done(h.state()) {
        assert!(start.elapsed() < std::time::Duration::from_secs(300), "still waiting for {what}");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
}

/// Code point range of `sub` in `text` (its `nth` occurrence, from 0).
pub fn chars_of(text: &str, sub: &str, nth: usize) -> (usize, usize) {
    let b = text.match_indices(sub).nth(nth).unwrap_or_else(|| panic!("{sub:?} #{nth} not in text")).0;
    let s = text[..b].chars().count();
    (s, s + sub.chars().count())
}

/// Clicks on code point `ch` of the article shown.
pub fn click_at(h: &mut Harness<'_, GloseApp>, ch: usize, modifiers: egui::Modifiers) {
    let pos = h.state().reader().screen_pos_of(ch).expect("character laid out");
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed, modifiers });
    }
    h.run();
}
