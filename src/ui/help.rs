//! Help → Keyboard shortcuts (the commands' registry and the reader's keys, searchable) and
//! Help → About Glose (version, licence, where settings and unsaved projects are kept).

use super::app::WindowView;
use super::commands::{UiCommand, reader_keys};
use super::view::ViewCx;

/// Every shortcut as (keys, what), the commands' first, then the reader's.
pub fn all_shortcuts() -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = UiCommand::ALL
        .iter()
        .map(|c| {
            let keys: Vec<String> = c.shortcuts().iter().map(UiCommand::shortcut_text).collect();
            (keys.join(", "), c.label().trim_end_matches('…').to_string())
        })
        .collect();
    rows.extend(reader_keys());
    rows
}

#[derive(Default)]
pub struct ShortcutsWindow {
    search: String,
}

impl WindowView for ShortcutsWindow {
    fn ui(&mut self, _cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let mut open = true;
        super::placed(egui::Window::new(t!("help-keyboard-shortcuts")), ctx).open(&mut open).default_width(520.0).show(
            ctx,
            |ui| {
                super::side::named_field(ui, &t!("help-search-shortcuts"), &mut self.search, 240.0);
                let wanted = self.search.trim().to_lowercase();
                let rows: Vec<(String, String)> = all_shortcuts()
                    .into_iter()
                    .filter(|(k, w)| {
                        wanted.is_empty() || k.to_lowercase().contains(&wanted) || w.to_lowercase().contains(&wanted)
                    })
                    .collect();
                if rows.is_empty() {
                    ui.weak(t!("help-no-shortcut-matches"));
                }
                egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                    egui::Grid::new("shortcuts").striped(true).num_columns(2).show(ui, |ui| {
                        for (keys, what) in rows {
                            ui.strong(keys);
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                });
            },
        );
        open
    }
}

#[derive(Default)]
pub struct AboutWindow;

impl WindowView for AboutWindow {
    fn ui(&mut self, _cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let mut open = true;
        super::placed(egui::Window::new(t!("help-about-glose")), ctx).open(&mut open).default_width(460.0).show(
            ctx,
            |ui| {
                ui.heading(t!("help-glose", env = env!("CARGO_PKG_VERSION")));
                ui.label(env!("CARGO_PKG_DESCRIPTION"));
                ui.label(t!("help-licence-at-your-choice", env = env!("CARGO_PKG_LICENSE")));
                ui.weak(t!("help-built-with-rust-eframe-egui"));
                ui.separator();
                let where_ = |p: Option<std::path::PathBuf>| {
                    p.map_or(t!("help-not-available-here"), |p| p.display().to_string())
                };
                egui::Grid::new("about-paths").num_columns(2).show(ui, |ui| {
                    ui.label(t!("help-settings"));
                    ui.monospace(where_(eframe::storage_dir("Glose") /* i18n-ok: a folder */));
                    ui.end_row();
                    ui.label(t!("help-unsaved-projects-journals"));
                    ui.monospace(where_(super::default_data_dir()));
                    ui.end_row();
                });
                ui.weak(t!("help-saved-project-s-journal-sits"));
            },
        );
        open
    }
}
