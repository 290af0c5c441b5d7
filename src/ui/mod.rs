//! The window (eframe/egui). A thin view over the core: it reads the project and changes it
//! only through `edit::Command`, so undo, the journal and tests cover everything it does.

#[macro_use]
pub mod i18n;
mod annotators;
mod app;
mod arcs;
mod articles;
mod busy;
mod central;
mod commands;
mod compare;
mod corpus;
mod derived;
mod dialogs;
mod discourse;
mod exchange;
mod files;
mod help;
mod import;
mod menu;
pub mod reader;
mod retext;
mod schema;
mod side;
mod suggest;
mod view;

pub use app::{Action, GloseApp};
pub use commands::{READER_KEYS, UiCommand, reader_keys};
pub use compare::ComparePane;
pub use corpus::{CorpusTab, CorpusWindow};
pub use dialogs::Dialog;
pub use files::{DialogKind, FileDialog, system_dialogs_available};
pub use import::ImportPreview;
pub use retext::TextEditor;
pub use side::SidePanel;
pub use view::Window;

/// Which tab the right panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SideTab {
    #[default]
    Annotate,
    Spans,
    Actors,
    Suggestions,
}

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
    /// The system's file dialogs or Glose's own.
    pub file_dialogs: files::DialogKind,
    /// Suggestions learned from the project's spans are shown in the reader.
    pub suggestions: bool,
    /// The window's language; none: the system's.
    pub language: Option<i18n::Lang>,
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
            file_dialogs: files::DialogKind::Automatic,
            suggestions: true,
            language: None,
        }
    }
}

impl Settings {
    const KEY: &'static str = "glose-settings";

    /// The window's language: the one chosen in View → Language, else the system's.
    pub fn language(&self) -> i18n::Lang {
        self.language.unwrap_or_else(|| *SYSTEM_LANGUAGE.get().unwrap_or(&i18n::Lang::En))
    }

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
    create_app_in(cc, project, default_data_dir())
}

/// Where never-saved projects are journaled: `$GLOSE_DATA_DIR`, else the platform's data folder
/// (`~/.local/share/glose/unsaved` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    std::env::var_os("GLOSE_DATA_DIR").map(PathBuf::from).or_else(|| {
        eframe::storage_dir("Glose") // i18n-ok: a folder name
            .map(|d| d.join("unsaved"))
    })
}

/// The app on `project`, journaling never-saved projects in `data_dir` (none: in memory only).
/// Without a project, a never-saved project a crash left behind is offered back first.
pub fn create_app_in(
    cc: &eframe::CreationContext<'_>,
    project: Option<PathBuf>,
    data_dir: Option<PathBuf>,
) -> GloseApp {
    install_fonts(&cc.egui_ctx);
    let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, Settings::KEY)).unwrap_or_default();
    cc.egui_ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
    if settings.zoom > 0.3 {
        cc.egui_ctx.set_zoom_factor(settings.zoom);
    }
    // What opening the project says is said in the window's language.
    i18n::set_current(settings.language());
    let mut app = GloseApp::new(settings).with_data_dir(data_dir);
    match project {
        Some(p) => app.open_or_offer(&p),
        None => {
            if !app.offer_unsaved() {
                app.start_untitled();
            }
        }
    }
    app
}

/// Opens the window on `project` (or on an empty project).
/// When the process started (set first thing in `main`), for the start-up probe.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// With `GLOSE_STARTUP_PROBE=1`, the window prints how long after the start its first frame
/// was on screen, then closes: `cargo bench`-free measure of the cold start under Xvfb.
fn startup_probe(app: &mut GloseApp, ctx: &egui::Context) {
    match app.probe_frame() {
        Some(1) => ctx.request_repaint(),
        Some(2) => {
            // The first frame has been painted and presented before this one starts.
            let ms = STARTED.get().map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
            eprintln!("glose: first frame on screen {ms:.0} ms after start");
            app.allow_close();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        _ => {}
    }
}

/// The application's id: the desktop entry's name (`assets/linux/org.glose.Glose.desktop`), so
/// docks and task bars match the window to its icon and menu entry.
pub const APP_ID: &str = "org.glose.Glose"; // i18n-ok: an id

/// The system's language, read once when the window starts (`run`). Windows built otherwise (the
/// UI tests) have none: English, whatever the machine's locale, unless their settings say.
pub static SYSTEM_LANGUAGE: std::sync::OnceLock<i18n::Lang> = std::sync::OnceLock::new();

pub fn run(project: Option<PathBuf>) -> ExitCode {
    STARTED.get_or_init(std::time::Instant::now);
    SYSTEM_LANGUAGE.get_or_init(i18n::system);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Glose") // i18n-ok: the name
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    // The window's own icon (where the desktop does not take it from the desktop entry).
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/glose-256.png")) {
        viewport = viewport.with_icon(icon);
    }
    // The window's place and size are remembered by eframe (`persist_window`, on by default).
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    // i18n-ok: the app's name (and its settings folder's)
    let result = eframe::run_native("Glose", options, Box::new(move |cc| Ok(Box::new(create_app(cc, project)))));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("glose: the window could not open: {e}");
            ExitCode::from(2)
        }
    }
}

/// A side panel's default width: `share` of the window within `bounds`, so a small window
/// starts with small panels and the reader keeps most of the room. When the window's width
/// changes, a width the user dragged the panel to is forgotten and the default applies again
/// (a cap on the panel would not do: egui lets content wider than the cap run under the reader).
pub fn panel_size(ui: &egui::Ui, id_salt: &'static str, share: f32, bounds: std::ops::RangeInclusive<f32>) -> f32 {
    let ctx = ui.ctx();
    let window = ctx.content_rect().width();
    // The panel's own id, as egui makes it.
    let id = ui.scope_id().with_salt(egui::IdSalt::new(id_salt));
    let seen = ctx.data(|d| d.get_temp::<f32>(id.with("window-width")));
    if seen.is_some_and(|w| (w - window).abs() > 0.5) {
        ctx.data_mut(|d| d.remove::<egui::PanelState>(id));
    }
    ctx.data_mut(|d| d.insert_temp(id.with("window-width"), window));
    (window * share).clamp(*bounds.start(), *bounds.end())
}

/// A caption, then its drop-down, so rows read left to right ("Language  all ▾"); the caption
/// names the drop-down for screen readers and tests.
pub fn combo<R>(
    ui: &mut egui::Ui,
    caption: &str,
    selected: impl Into<egui::WidgetText>,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> Option<R> {
    ui.horizontal(|ui| {
        let label = ui.label(caption);
        let r = egui::ComboBox::from_id_salt(caption).selected_text(selected).show_ui(ui, contents);
        r.response.labelled_by(label.id);
        r.inner
    })
    .inner
}

/// Windows open centred near the top of the window, below the menu bar (egui's default is the
/// top-left corner, over the menus).
pub fn placed<'a>(w: egui::Window<'a>, ctx: &egui::Context) -> egui::Window<'a> {
    let r = ctx.content_rect();
    w.pivot(egui::Align2::CENTER_TOP).default_pos(egui::pos2(r.center().x, r.top() + 56.0))
}
