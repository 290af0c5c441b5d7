//! The window in French and English: View → Language switches it live and is remembered; the
//! settings' language opens the window in it; counts take the language's plurals.

mod common;

use common::{harness, wait_until};
use egui_kittest::kittest::Queryable;
use glose::ui::i18n::Lang;

fn example_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.ron");
    std::fs::copy("projects/example.ron", &path).unwrap();
    (dir, path)
}

#[test]
fn view_language_switches_the_window_live_and_is_remembered() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path, 16);
    wait_until(&mut h, "the project", |app| app.doc().project().articles.len() == 6);
    // Tests never read the machine's locale: English unless the settings say.
    assert!(h.query_by_label("File").is_some());
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language: English").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    assert_eq!(h.state().settings().language, Some(Lang::Fr), "remembered in the settings");
    for word in ["Fichier", "Édition", "Affichage", "Aide", "Annoter", "Annotations", "Acteurs"] {
        assert!(h.query_by_label(word).is_some(), "{word} is in the window");
    }
    assert!(h.query_by_label("File").is_none(), "no English menu left");
    // The status bar's counts, with French plurals.
    assert!(h.query_by_label_contains("6 articles · 97 annotations · 16 acteurs").is_some());
    // And back, from the French menu.
    h.get_by_label("Affichage").click();
    h.run();
    h.get_by_label("Langue : Français").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().settings().language, Some(Lang::En));
    assert!(h.query_by_label("File").is_some());
    assert!(h.query_by_label_contains("6 articles · 97 spans · 16 actors").is_some());
}

#[test]
fn the_settings_language_opens_the_window_in_it() {
    let (_dir, path) = example_copy();
    let mut h = harness(&path, 16);
    h.state_mut().settings_mut().language = Some(Lang::Fr);
    h.run();
    assert!(h.query_by_label("Fichier").is_some());
    h.get_by_label("Aide").click();
    h.run();
    h.get_by_label("Raccourcis clavier…").click();
    h.run();
    // The shortcuts' names as French keyboards write them.
    assert!(h.query_by_label("Ctrl+Maj+Z, Ctrl+Y").is_some(), "Redo's two shortcuts");
    assert!(h.query_by_label("Échap").is_some());
}
