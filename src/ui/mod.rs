//! The window (eframe/egui). A thin view over the core: it reads the project and changes it
//! only through `edit::Command`, so undo, the journal and tests cover everything it does.

mod annotators;
mod app;
mod articles;
mod busy;
mod commands;
mod compare;
mod corpus;
mod derived;
mod dialogs;
mod document;
mod exchange;
mod files;
mod import;
mod jobs;
mod menu;
pub mod reader;
mod retext;
mod schema;
mod side;

pub use annotators::{merge_files, poll_merge};
pub use app::{Action, GloseApp, SideTab};
pub use articles::articles_panel_ui as articles_panel;
pub use commands::UiCommand;
pub use corpus::take_result as take_search_result;
pub use dialogs::Dialog;

use crate::model::Color;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Preferences kept between sessions (eframe storage).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    pub zoom: f32,
    /// Reading font size in points.
    pub font_size: f32,
    /// Name written on new spans and relations.
    pub annotator: String,
    /// Select exact characters instead of whole words.
    pub exact_selection: bool,
    /// Save by itself this many seconds after the last change (0: never).
    pub autosave_secs: u32,
    /// Save when the window loses focus.
    pub autosave_on_focus_loss: bool,
    /// The folder the file dialog last chose from.
    pub last_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "annotator".into());
        Settings {
            recent: Vec::new(),
            dark: false,
            zoom: 1.0,
            font_size: 16.0,
            annotator: user,
            exact_selection: false,
            autosave_secs: 60,
            autosave_on_focus_loss: true,
            last_dir: None,
        }
    }
}

impl Settings {
    const KEY: &'static str = "glose-settings";

    /// Puts a project at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(10);
    }
}

pub fn color32(c: Color) -> egui::Color32 {
    let [r, g, b] = c.0;
    egui::Color32::from_rgb(r, g, b)
}

pub fn from_color32(c: egui::Color32) -> Color {
    Color([c.r(), c.g(), c.b()])
}

/// Bundled fallbacks (see assets/fonts/README.md): a fresh machine has no CJK or emoji font.
const SYMBOL_FONT: &[u8] = include_bytes!("../../assets/fonts/Symbola.ttf");
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Adds the symbol/emoji and CJK fallbacks after egui's own fonts (Latin, Greek, Cyrillic).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for (name, data) in [("symbola", SYMBOL_FONT), ("droid-sans-fallback", CJK_FONT)] {
        ctx.add_font(FontInsert::new(
            name,
            egui::FontData::from_static(data),
            vec![
                InsertFontFamily { family: egui::FontFamily::Proportional, priority: FontPriority::Lowest },
                InsertFontFamily { family: egui::FontFamily::Monospace, priority: FontPriority::Lowest },
            ],
        ));
    }
}

/// Builds the app as eframe would (also used by the UI tests).
pub fn create_app(cc: &eframe::CreationContext<'_>, project: Option<PathBuf>) -> GloseApp {
    install_fonts(&cc.egui_ctx);
    let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, Settings::KEY)).unwrap_or_default();
    cc.egui_ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
    if settings.zoom > 0.3 {
        cc.egui_ctx.set_zoom_factor(settings.zoom);
    }
    let mut app = GloseApp::new(settings);
    if let Some(p) = project {
        app.open(&p);
    }
    app
}

/// Opens the window on `project` (or on an empty project).
/// When the process started (set first thing in `main`), for the start-up probe.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// With `GLOSE_STARTUP_PROBE=1`, the window prints how long after the start its first frame
/// was on screen, then closes: `cargo bench`-free measure of the cold start under Xvfb.
fn startup_probe(app: &mut GloseApp, ctx: &egui::Context) {
    let Some(frames) = &mut app.probe_frames else { return };
    *frames += 1;
    if *frames == 1 {
        ctx.request_repaint();
    } else if *frames == 2 {
        // The first frame has been painted and presented before this one starts.
        let ms = STARTED.get().map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
        eprintln!("glose: first frame on screen {ms:.0} ms after start");
        app.allow_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

pub fn run(project: Option<PathBuf>) -> ExitCode {
    STARTED.get_or_init(std::time::Instant::now);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Glose")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native("Glose", options, Box::new(move |cc| Ok(Box::new(create_app(cc, project)))));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("glose: the window could not open: {e}");
            ExitCode::from(2)
        }
    }
}

impl eframe::App for GloseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        startup_probe(self, &ctx);
        self.handle_close(&ctx);
        self.handle_dropped_files(&ctx);
        menu::shortcuts(self, &ctx);
        self.poll_save();
        annotators::poll_merge(self, false);
        if self.doc.is_saving() || self.merge_job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        self.check_disk();
        self.autosave(&ctx);
        if self.doc.path().is_some() {
            // Wake up now and then to notice changes made by others to the file.
            ctx.request_repaint_after(std::time::Duration::from_secs(2));
        }
        exchange::poll(self);
        menu::menu_bar_ui(self, ui);
        menu::status_bar_ui(self, ui);
        articles::articles_panel_ui(self, ui);
        side::side_panel_ui(self, ui);
        egui::CentralPanel::default().show(ui, |ui| self.reader_ui(ui));
        schema::schema_window_ui(self, &ctx);
        articles::meta_window_ui(self, &ctx);
        retext::text_editor_ui(self, &ctx);
        articles::new_article_window_ui(self, &ctx);
        exchange::export_window_ui(self, &ctx);
        exchange::import_window_ui(self, &ctx);
        corpus::corpus_window_ui(self, &ctx);
        annotators::annotators_window_ui(self, &ctx);
        self.import_preview_ui(&ctx);
        self.file_dialog_ui(&ctx);
        dialogs::dialog_ui(self, &ctx);
        self.flush(&ctx);
        let title = self.doc.title();
        if self.window_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.settings);
    }
}

impl GloseApp {
    fn reader_ui(&mut self, ui: &mut egui::Ui) {
        menu::find_bar_ui(self, ui);
        menu::link_bar_ui(self, ui);
        if compare::compare_ui(self, ui) {
            return;
        }
        let Some(article) = self.current.and_then(|a| self.doc.project().article(a)) else {
            ui.centered_and_justified(|ui| {
                ui.label("No article yet. File → Import articles… (or drop .txt, .md, .html files here).");
            });
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.heading(&article.title);
        });
        let mut meta = vec![article.source.clone(), article.published.clone(), article.language.clone()];
        if !article.author.is_empty() {
            meta.insert(1, article.author.clone());
        }
        meta.retain(|m| !m.is_empty());
        let twin =
            article.near_duplicate_of.and_then(|o| self.doc.project().article(o)).map(|o| (o.id, o.title.clone()));
        let this = article.id;
        let mut compare = None;
        ui.horizontal(|ui| {
            ui.weak(meta.join(" · "));
            if !article.url.is_empty() {
                ui.hyperlink_to("source", &article.url);
            }
            if let Some((other, title)) = &twin {
                ui.separator();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("≈ near-duplicate of «{}»", crate::text::ellipsize(title, 50)),
                );
                if ui.small_button("Compare side by side").clicked() {
                    compare = Some(*other);
                }
            }
        });
        if let Some(other) = compare {
            compare::open_pair(self, this, other);
            return;
        }
        let Some(article) = self.current.and_then(|a| self.doc.project().article(a)) else { return };
        ui.separator();
        let font = egui::FontId::proportional(self.settings.font_size);
        let revision = self.doc.history().revisions();
        let events = self.reader.ui(
            ui,
            self.doc.project(),
            article,
            revision,
            &mut self.rs,
            &font,
            self.settings.exact_selection,
        );
        self.handle_reader_events(events);
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing {
            // A save still being written lands before the window goes.
            self.finish_saving();
        }
        if closing && self.doc.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved { then: Box::new(Action::Quit) });
        }
        self.settings.zoom = ctx.zoom_factor();
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if dropped.is_empty() {
            return;
        }
        if let [one] = dropped.as_slice()
            && one.extension().is_some_and(|e| e == "ron")
        {
            self.act(Action::Open(one.clone()));
        } else {
            self.act(Action::Import(dropped));
        }
    }
}
