//! Importing articles in the real window (egui_kittest): files dropped on the window or chosen
//! in the built-in file dialog open the preview; what it shows is what was recognised; Import
//! adds everything as one undo step. Also the column mapping of a table, the article details
//! editor, the list's filters, and near-duplicates opened side by side.
//! Background reading is waited for by its condition (the preview's own `wait`), never by a
//! number of frames.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use glose::ui::{GloseApp, create_app_in};
use std::path::{Path, PathBuf};

const FIX: &str = "tests/fixtures/import";

fn fixture(name: &str) -> PathBuf {
    Path::new(FIX).join(name)
}

/// An empty project in a temporary folder.
fn empty_project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.ron");
    glose::store::save(&glose::model::Project::new("corpus"), &path).unwrap();
    (dir, path)
}

fn harness(path: &Path) -> Harness<'static, GloseApp> {
    let path = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(40)
        .build_eframe(move |cc| create_app_in(cc, Some(path), None));
    // Glose's own file dialogs, whatever this desktop offers: the tests drive them.
    h.state_mut().settings_mut().file_dialogs = glose::ui::DialogKind::BuiltIn;
    h.run();
    h
}

/// A file dropped from a file manager.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops files on the window, as a file manager would.
fn drop_files(h: &mut Harness<'_, GloseApp>, names: &[&str]) {
    for n in names {
        h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(fixture(n))));
    }
    h.step();
    settle(h);
}

/// Waits for the preview's reading to end (by its condition), then draws until still.
fn settle(h: &mut Harness<'_, GloseApp>) {
    if let Some(p) = h.state_mut().import_preview_mut() {
        p.wait();
    }
    h.run();
}

fn press(h: &mut Harness<'_, GloseApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Picks an entry in the open combo box's list (not the table cell of the same name).
fn choose(h: &mut Harness<'_, GloseApp>, entry: &str) {
    let item = h.get_all_by_label(entry).find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button);
    item.unwrap_or_else(|| panic!("no entry {entry:?} in an open list")).click();
}

/// Opens a combo box by its label and picks an entry.
fn pick(h: &mut Harness<'_, GloseApp>, combo: &str, entry: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, combo).click();
    h.run();
    choose(h, entry);
    h.run();
}

fn titles(h: &Harness<'_, GloseApp>) -> Vec<String> {
    h.state().doc().project().articles.iter().map(|a| a.title.clone()).collect()
}

#[test]
fn dropped_exports_show_the_preview_then_import_as_one_undo_step() {
    let (_dir, path) = empty_project();
    let mut h = harness(&path);
    drop_files(&mut h, &["europresse.html", "factiva.xml"]);
    assert!(h.state().import_preview().is_some(), "dropping opens the preview, nothing is added yet");
    assert!(h.state().doc().project().articles.is_empty());
    // What was recognised, per file, is drawn.
    h.get_by_label_contains("europresse.html — Europresse — 2 articles, 1 duplicate");
    h.get_by_label_contains("factiva.xml — Factiva (XML) — 2 articles");
    h.get_by_label_contains("duplicate of «Une « troisième voie » pour l’IA» in this import: left out");
    h.get_by_label_contains("near-duplicate (");
    press(&mut h, "Import 4 articles");
    assert!(h.state().import_preview().is_none());
    let t = titles(&h);
    assert_eq!(t.len(), 4, "{t:?}");
    assert!(t.contains(&"EU wants its AI rules to set the global standard".to_string()));
    let lemonde = h.state().doc().project().articles.iter().find(|a| a.source == "Le Monde").unwrap().clone();
    assert_eq!(lemonde.details.get("document number").map(String::as_str), Some("news·20240206·LM·3412345"));
    // The first imported article is shown; one undo takes the whole import back.
    assert_eq!(h.state().current(), Some(h.state().doc().project().articles[0].id));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc().project().articles.is_empty(), "one undo step");
}

#[test]
fn every_kind_of_file_goes_through_the_preview() {
    let (_dir, path) = empty_project();
    let mut h = harness(&path);
    let kinds = [
        ("europresse-old.htm", "Europresse"),
        ("factiva.txt", "Factiva (RTF/TXT)"),
        ("nexis-uni.docx", "Nexis Uni (DOCX)"),
        ("nexis-old.txt", "LexisNexis (TXT/RTF)"),
        ("article.odt", "OpenDocument text (ODT)"),
        ("two-columns.pdf", "PDF"),
        ("corpus.jsonl", "JSON Lines"),
        ("corpus.xlsx", "Excel (XLSX)"),
        ("nexis-uni.zip", "ZIP archive"),
        ("scan.pdf", "PDF"),
    ];
    let names: Vec<&str> = kinds.iter().map(|k| k.0).collect();
    drop_files(&mut h, &names);
    for (name, format) in kinds {
        if name == "nexis-uni.zip" {
            h.get_by_label_contains("nexis-uni.zip › Files (2)/Nexis_Uni_2.DOCX — Nexis Uni (DOCX) — 1 article");
            continue;
        }
        let head = format!("{name} — {format}");
        assert!(!h.query_all_by_label_contains(&head).collect::<Vec<_>>().is_empty(), "{head} is not shown");
    }
    // Problems are said with their position.
    h.get_by_label_contains("skipped: document 2: no LENGTH: line");
    h.get_by_label_contains("skipped: line 4: column 2: not JSON");
    h.get_by_label_contains("no text layer");
    let n = h.state().import_preview().unwrap().to_add();
    press(&mut h, &format!("Import {n} articles"));
    let p = h.state().doc().project();
    assert_eq!(p.articles.len(), n);
    for source in ["Libération", "Le Figaro", "The Guardian (London)", "Süddeutsche Zeitung", "Le Monde"] {
        assert!(p.articles.iter().any(|a| a.source == source), "{source}");
    }
    assert!(p.articles.iter().any(|a| a.title == "Les laboratoires européens et l’intelligence artificielle"));
    assert!(p.articles.iter().any(|a| a.title == "AI Act: the vote in Strasbourg"), "from the second DOCX of the ZIP");
}

#[test]
fn a_tables_columns_are_chosen_in_the_preview() {
    let (_dir, path) = empty_project();
    let mut h = harness(&path);
    drop_files(&mut h, &["corpus-excel-fr.csv"]);
    h.get_by_label_contains("corpus-excel-fr.csv — CSV — 3 articles");
    // The guessed mapping; the title column becomes the journal.
    h.get_by_label("Title column").click();
    h.run();
    choose(&mut h, "Journal");
    h.step();
    settle(&mut h);
    h.get_by_label("Le Monde  (Le Monde)");
    press(&mut h, "Import 3 articles");
    let t = titles(&h);
    assert_eq!(t, ["Le Monde", "Le Figaro", "Reuters"]);
    let first = &h.state().doc().project().articles[0];
    assert_eq!(
        first.details.get("Titre").map(String::as_str),
        Some("Moscou et Pékin s'allient sur l'IA"),
        "unmapped: a detail"
    );
    assert_eq!(first.details.get("Rubrique").map(String::as_str), Some("International"));
}

#[test]
fn the_built_in_file_dialog_chooses_what_to_import() {
    let (_dir, path) = empty_project();
    let mut h = harness(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    h.run();
    assert!(h.state().file_dialog().is_some());
    // Type the fixtures folder into the location bar.
    let folder = std::fs::canonicalize(FIX).unwrap();
    let location = h.get_by_label("Location");
    location.click();
    h.run();
    h.get_by_label("Location").type_text(&format!("{}", folder.display()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().file_dialog().unwrap().dir(), folder);
    // Two files, the second with Ctrl.
    h.get_by_label_contains("📄 factiva.xml").click();
    h.run();
    h.get_by_label_contains("📄 nexis-uni.docx").click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    h.get_by_label("2 selected");
    press(&mut h, "Import");
    assert!(h.state().file_dialog().is_none());
    settle(&mut h);
    h.get_by_label_contains("factiva.xml — Factiva (XML) — 2 articles");
    // Reuters' dispatch is in both: the second copy is left out.
    h.get_by_label_contains("nexis-uni.docx — Nexis Uni (DOCX) — 1 article, 1 duplicate");
    press(&mut h, "Import 3 articles");
    assert_eq!(h.state().doc().project().articles.len(), 3);
}

#[test]
fn details_are_edited_filtered_and_near_duplicates_open_side_by_side() {
    let (_dir, path) = empty_project();
    let mut h = harness(&path);
    drop_files(&mut h, &["europresse.html", "factiva.xml", "nexis-uni.docx"]);
    // Reuters' dispatch is in both Factiva and Nexis Uni: one of them is left out.
    press(&mut h, "Import 5 articles");
    // The AFP dispatch is marked in the list; one click opens both side by side.
    let afp = h.state().doc().project().articles.iter().find(|a| a.source == "Agence France Presse").unwrap().clone();
    let monde = afp.near_duplicate_of.expect("marked as a near-duplicate");
    press(&mut h, "≈ near-duplicate");
    assert_eq!(h.state().current(), Some(afp.id));
    assert_eq!(h.state().compare().map(|c| c.article()), Some(monde));
    h.get_by_label_contains("Le Monde");
    press(&mut h, "Close compare");
    // Filter the list by source, then by a detail.
    h.get_by_label("More filters").click();
    h.run();
    pick(&mut h, "Source", "The Times of India");
    // Articles listed: their rows are buttons (the reader's heading is a label).
    let shown = |h: &Harness<'_, GloseApp>| {
        let listed =
            |t: &str| h.query_all_by_label(t).any(|n| n.accesskit_node().role() == egui::accesskit::Role::Button);
        h.state().doc().project().articles.iter().filter(|a| listed(&a.title)).count()
    };
    assert_eq!(shown(&h), 1, "only the Times of India's article");
    press(&mut h, "Clear these filters");
    pick(&mut h, "Detail", "database");
    h.get_by_label("contains").click();
    h.run();
    h.get_by_label("contains").type_text("europresse");
    h.run();
    assert_eq!(shown(&h), 2, "the two Europresse articles");
    // Edit a detail of the current article in Edit → Article details, then undo it.
    let current = h.state().current().unwrap();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("New detail").click();
    h.run();
    h.get_by_label("New detail").type_text("coder");
    h.get_by_label("value").click();
    h.run();
    h.get_by_label("value").type_text("Alice");
    h.run();
    press(&mut h, "Add detail");
    press(&mut h, "Apply details");
    let art = h.state().doc().project().article(current).unwrap().clone();
    assert_eq!(art.details.get("coder").map(String::as_str), Some("Alice"));
    assert!(art.details.contains_key("database"), "the other details stay");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().doc().project().article(current).unwrap().details.contains_key("coder"));
}
