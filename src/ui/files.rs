//! The file dialogs. The system's (rfd: the XDG desktop portal or zenity on Linux, the native
//! ones on Windows and macOS) where the desktop answers them; else Glose's own, built in: it
//! works the same on every machine, including the many without a desktop portal (where the
//! system's dialogs silently fail), and the UI tests drive it. View → File dialogs chooses.
//! Folders first, then files matching the filter; a location bar that takes a typed path;
//! places (home, the project's folder, recent folders); several files at once with Ctrl and
//! Shift; Enter to open, Backspace to go up, Esc to cancel.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the chosen paths are for; the app routes the result by it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    OpenProject,
    SaveProject,
    ImportArticles,
    MergeProjects,
    /// Where an export goes (a folder for brat and CSV).
    ExportTo,
    /// Files (or folders, for brat) of an annotated dataset.
    DatasetFiles,
    /// Where the discourse network shown is saved.
    NetworkTo,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Mode {
    Open { multiple: bool, folders: bool },
    Folder,
    Save,
}

/// Which file dialogs the window uses (View → File dialogs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DialogKind {
    /// The system's where this desktop answers them, else the built-in one.
    #[default]
    Automatic,
    BuiltIn,
    System,
}

impl DialogKind {
    pub const ALL: [DialogKind; 3] = [DialogKind::Automatic, DialogKind::BuiltIn, DialogKind::System];

    pub fn uses_system(self) -> bool {
        match self {
            DialogKind::Automatic => system_dialogs_available(),
            DialogKind::BuiltIn => false,
            DialogKind::System => true,
        }
    }

    pub fn label(self) -> String {
        match self {
            DialogKind::Automatic => {
                let now = if system_dialogs_available() { t!("files-system-s-here") } else { t!("files-built-here") };
                t!("files-automatic", now = now)
            }
            DialogKind::BuiltIn => t!("files-glose-s-own"),
            DialogKind::System => t!("files-system-s"),
        }
    }
}

/// Whether this desktop answers the system's file dialogs: always on Windows and macOS; on
/// Linux and the BSDs when a desktop portal can be started on the session bus, or zenity is
/// installed (rfd falls back to it) — without either, rfd's dialog fails without a word.
pub fn system_dialogs_available() -> bool {
    static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            return true;
        }
        let env = |k: &str| std::env::var_os(k).map(PathBuf::from);
        let bus =
            env("DBUS_SESSION_BUS_ADDRESS").is_some() || env("XDG_RUNTIME_DIR").is_some_and(|d| d.join("bus").exists());
        let mut data_dirs: Vec<PathBuf> = std::env::var("XDG_DATA_DIRS")
            .unwrap_or_else(|_| "/usr/local/share:/usr/share".into())
            .split(':')
            .map(PathBuf::from)
            .collect();
        data_dirs.push(env("XDG_DATA_HOME").unwrap_or_else(|| home().join(".local/share")));
        let service = "dbus-1/services/org.freedesktop.portal.Desktop.service"; // i18n-ok: a path
        let portal = bus && data_dirs.iter().any(|d| d.join(service).exists());
        let on_path = |exe: &str| {
            std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(exe).is_file()))
        };
        portal || on_path("zenity")
    })
}

/// What the dialog says at the end of a frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Pending,
    Cancelled,
    Chosen(Vec<PathBuf>),
}

#[derive(Clone, Debug)]
struct Entry {
    name: String,
    path: PathBuf,
    dir: bool,
    size: u64,
    modified: Option<SystemTime>,
}

pub struct FileDialog {
    pub purpose: Purpose,
    mode: Mode,
    title: String,
    /// The button that chooses ("Open", "Import", "Save").
    verb: String,
    dir: PathBuf,
    location: String,
    entries: Vec<Entry>,
    listed: Option<(PathBuf, bool, bool)>,
    selected: BTreeSet<usize>,
    anchor: Option<usize>,
    /// The filter's name and extensions (lower case, no dot); empty: every file.
    filter: (String, Vec<&'static str>),
    all_files: bool,
    hidden: bool,
    file_name: String,
    message: Option<String>,
    /// A Save over an existing file asks once.
    confirm_replace: Option<PathBuf>,
    places: Vec<(String, PathBuf)>,
    /// The location bar takes the keyboard when the dialog opens (type a path, Enter).
    focus_location: bool,
}

impl std::fmt::Debug for FileDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialog") // i18n-ok
            .field("purpose", &self.purpose)
            .field("title", &self.title)
            .field("dir", &self.dir)
            .finish()
    }
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .unwrap_or_else(|| "/".into())
}

impl FileDialog {
    fn new(purpose: Purpose, mode: Mode, title: &str, verb: &str, start: Option<&Path>) -> FileDialog {
        let dir = start
            .map(Path::to_path_buf)
            .filter(|d| d.is_dir())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(home);
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        let mut places = vec![(t!("files-home"), home())];
        // The folders' names on disk (XDG's defaults), shown in the window's words.
        #[rustfmt::skip]
        let folders = [ // i18n-ok: names on disk
            ("Documents", t!("files-documents")), // i18n-ok
            ("Desktop", t!("files-desktop")), // i18n-ok
            ("Downloads", t!("files-downloads")), // i18n-ok
        ];
        for (folder, name) in folders {
            let p = home().join(folder);
            if p.is_dir() {
                places.push((name, p));
            }
        }
        if let Ok(cwd) = std::env::current_dir() {
            places.push((t!("files-working-folder"), cwd));
        }
        places.push((t!("files-computer"), PathBuf::from("/")));
        FileDialog {
            purpose,
            mode,
            title: title.to_string(),
            verb: verb.to_string(),
            location: dir.display().to_string(),
            dir,
            entries: Vec::new(),
            listed: None,
            selected: BTreeSet::new(),
            anchor: None,
            filter: (String::new(), Vec::new()),
            all_files: false,
            hidden: false,
            file_name: String::new(),
            message: None,
            confirm_replace: None,
            focus_location: true,
            places,
        }
    }

    /// Choose files (several with `multiple`; folders too with `folders`).
    pub fn open(
        purpose: Purpose,
        title: &str,
        verb: &str,
        multiple: bool,
        folders: bool,
        start: Option<&Path>,
    ) -> Self {
        Self::new(purpose, Mode::Open { multiple, folders }, title, verb, start)
    }

    /// Choose one folder.
    pub fn folder(purpose: Purpose, title: &str, start: Option<&Path>) -> Self {
        Self::new(purpose, Mode::Folder, title, &t!("files-choose-folder"), start)
    }

    /// Choose where to save, with a proposed file name.
    /// Saves go by default to the Documents folder (or home), not to wherever the program was
    /// started from.
    pub fn save(purpose: Purpose, title: &str, file_name: &str, start: Option<&Path>) -> Self {
        let documents = Some(home().join(t!("files-documents"))).filter(|d| d.is_dir()).unwrap_or_else(home);
        let start = start.filter(|d| d.is_dir()).unwrap_or(&documents);
        let mut d = Self::new(purpose, Mode::Save, title, &t!("files-save"), Some(start));
        d.file_name = file_name.to_string();
        d
    }

    /// Shows only files with these extensions (unless "All files" is ticked).
    pub fn with_filter(mut self, name: &str, extensions: &[&'static str]) -> Self {
        self.filter = (name.to_string(), extensions.to_vec());
        self
    }

    /// Adds recent folders to the places list.
    pub fn with_places(mut self, folders: impl IntoIterator<Item = PathBuf>) -> Self {
        for f in folders {
            if f.is_dir() && !self.places.iter().any(|(_, p)| *p == f) {
                let name = f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into_owned());
                self.places.insert(1.min(self.places.len()), (name, f));
            }
        }
        self
    }

    /// Asks the same question with the system's dialog (blocks until it is answered: on Linux
    /// call it off the UI thread).
    pub fn run_system(&self) -> Outcome {
        let mut d = rfd::FileDialog::new().set_title(&self.title).set_directory(&self.dir);
        if !self.filter.1.is_empty() {
            d = d.add_filter(&self.filter.0, &self.filter.1);
        }
        let chosen: Option<Vec<PathBuf>> = match &self.mode {
            Mode::Open { multiple: true, .. } => d.pick_files(),
            Mode::Open { multiple: false, .. } => d.pick_file().map(|p| vec![p]),
            Mode::Folder => d.pick_folder().map(|p| vec![p]),
            Mode::Save => d.set_file_name(&self.file_name).save_file().map(|p| vec![p]),
        };
        match chosen {
            Some(paths) if !paths.is_empty() => Outcome::Chosen(paths),
            _ => Outcome::Cancelled,
        }
    }

    /// What the dialog was for, to say it was cancelled ("Open cancelled").
    pub fn what(&self) -> &str {
        &self.title
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn shows(&self, e: &Entry) -> bool {
        if !self.hidden && e.name.starts_with('.') {
            return false;
        }
        if e.dir || self.all_files || self.filter.1.is_empty() || self.mode == Mode::Folder {
            return e.dir || self.mode != Mode::Folder;
        }
        let ext = Path::new(&e.name).extension().and_then(|x| x.to_str()).unwrap_or("").to_ascii_lowercase();
        self.filter.1.contains(&ext.as_str())
    }

    /// Reads the folder when it (or what is shown) changed.
    fn list(&mut self) {
        let key = (self.dir.clone(), self.hidden, self.all_files);
        if self.listed.as_ref() == Some(&key) {
            return;
        }
        self.listed = Some(key);
        self.selected.clear();
        self.anchor = None;
        self.entries.clear();
        match std::fs::read_dir(&self.dir) {
            Ok(rd) => {
                for e in rd.flatten() {
                    let path = e.path();
                    let meta = std::fs::metadata(&path).ok();
                    let entry = Entry {
                        name: e.file_name().to_string_lossy().into_owned(),
                        dir: meta.as_ref().is_some_and(|m| m.is_dir()),
                        size: meta.as_ref().map_or(0, |m| m.len()),
                        modified: meta.and_then(|m| m.modified().ok()),
                        path,
                    };
                    if self.shows(&entry) {
                        self.entries.push(entry);
                    }
                }
                self.entries
                    .sort_by(|a, b| b.dir.cmp(&a.dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
                self.message = None;
            }
            Err(e) => self.message = Some(format!("{}: {e}", self.dir.display())),
        }
    }

    fn go(&mut self, dir: PathBuf) {
        self.location = dir.display().to_string();
        self.dir = dir;
        self.listed = None;
        self.confirm_replace = None;
    }

    fn up(&mut self) {
        if let Some(parent) = self.dir.parent().map(Path::to_path_buf) {
            self.go(parent);
        }
    }

    /// The paths the primary button would choose now.
    fn choice(&mut self) -> Option<Vec<PathBuf>> {
        match self.mode {
            Mode::Save => {
                let name = self.file_name.trim();
                if name.is_empty() {
                    self.message = Some(t!("files-type-file-name"));
                    return None;
                }
                let mut path = self.dir.join(name);
                let wanted = self.filter.1.first().copied();
                if let Some(ext) = wanted
                    && path.extension().is_none()
                {
                    path.set_extension(ext);
                }
                if path.is_dir() {
                    self.go(path);
                    return None;
                }
                if path.exists() && self.confirm_replace.as_ref() != Some(&path) {
                    self.message =
                        Some(t!("files-exists-press-again-replace", path = path.display(), verb = self.verb));
                    self.confirm_replace = Some(path);
                    return None;
                }
                Some(vec![path])
            }
            Mode::Folder => {
                let picked: Vec<PathBuf> =
                    self.selected.iter().filter_map(|&i| self.entries.get(i)).map(|e| e.path.clone()).collect();
                Some(if picked.is_empty() { vec![self.dir.clone()] } else { picked })
            }
            Mode::Open { folders, .. } => {
                let picked: Vec<PathBuf> = self
                    .selected
                    .iter()
                    .filter_map(|&i| self.entries.get(i))
                    .filter(|e| folders || !e.dir)
                    .map(|e| e.path.clone())
                    .collect();
                if picked.is_empty() {
                    // A single folder selected: open it instead.
                    if let Some(dir) = self.selected.iter().filter_map(|&i| self.entries.get(i)).find(|e| e.dir) {
                        let p = dir.path.clone();
                        self.go(p);
                    } else {
                        self.message = Some(t!("files-select-file-first"));
                    }
                    return None;
                }
                Some(picked)
            }
        }
    }

    /// A path typed in the location bar: a folder opens, a file is chosen.
    fn typed_location(&mut self) -> Option<Vec<PathBuf>> {
        let raw = self.location.trim();
        let path = if let Some(rest) = raw.strip_prefix("~/") { home().join(rest) } else { PathBuf::from(raw) };
        if path.is_dir() {
            self.go(path);
            None
        } else if self.mode == Mode::Save {
            if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
                self.file_name = name.to_string_lossy().into_owned();
                self.go(dir.to_path_buf());
            }
            None
        } else if path.is_file() {
            Some(vec![path])
        } else {
            self.message = Some(t!("files-does-not-exist", path = path.display()));
            None
        }
    }

    fn click(&mut self, i: usize, modifiers: egui::Modifiers) {
        let multiple = matches!(self.mode, Mode::Open { multiple: true, .. });
        if multiple && modifiers.shift {
            let a = self.anchor.unwrap_or(i);
            self.selected = (a.min(i)..=a.max(i)).collect();
        } else if multiple && modifiers.command {
            if !self.selected.remove(&i) {
                self.selected.insert(i);
            }
            self.anchor = Some(i);
        } else {
            self.selected = [i].into();
            self.anchor = Some(i);
        }
        if self.mode == Mode::Save
            && let Some(e) = self.entries.get(i).filter(|e| !e.dir)
        {
            self.file_name = e.name.clone();
        }
    }

    fn double_click(&mut self, i: usize) -> Option<Vec<PathBuf>> {
        let e = self.entries.get(i)?.clone();
        if e.dir {
            self.go(e.path);
            return None;
        }
        match self.mode {
            Mode::Open { .. } => Some(vec![e.path]),
            Mode::Save => {
                self.file_name = e.name;
                self.choice()
            }
            Mode::Folder => None,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        self.list();
        let typing = ctx.text_edit_focused();
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            return Outcome::Cancelled;
        }
        self.keys(ctx, typing);
        let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter));
        let mut outcome = Outcome::Pending;
        let mut open = true;
        // Sized from the screen (it holds at 1000×700), the list taking what the rows leave.
        let screen = ctx.content_rect().size();
        let size = egui::vec2((screen.x * 0.7).clamp(480.0, 900.0), (screen.y * 0.75).clamp(320.0, 720.0));
        let list_height = size.y - if self.mode == Mode::Save { 150.0 } else { 118.0 };
        egui::Window::new(&self.title)
            .id(egui::Id::unique("glose-file-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .fixed_size(size)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if let Some(paths) = self.location_ui(ui, enter) {
                    outcome = Outcome::Chosen(paths);
                }
                ui.separator();
                ui.horizontal_top(|ui| {
                    self.places_ui(ui);
                    ui.separator();
                    if let Some(paths) = self.entries_ui(ui, list_height) {
                        outcome = Outcome::Chosen(paths);
                    }
                });
                ui.separator();
                if let Some(o) = self.buttons_ui(ui) {
                    outcome = o;
                }
            });
        if outcome == Outcome::Pending
            && enter
            && !typing
            && let Some(paths) = self.choice()
        {
            outcome = Outcome::Chosen(paths);
        }
        if !open {
            outcome = Outcome::Cancelled;
        }
        outcome
    }

    /// Backspace goes up; Ctrl+A selects every file shown (when several may be chosen).
    fn keys(&mut self, ctx: &egui::Context, typing: bool) {
        if typing {
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Backspace)) {
            self.up();
            self.list();
        }
        if matches!(self.mode, Mode::Open { multiple: true, .. })
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::A))
        {
            self.selected = self.entries.iter().enumerate().filter(|(_, e)| !e.dir).map(|(i, _)| i).collect();
        }
    }

    /// Up, and the location bar (a typed folder opens; a typed file is chosen).
    fn location_ui(&mut self, ui: &mut egui::Ui, enter: bool) -> Option<Vec<PathBuf>> {
        ui.horizontal(|ui| {
            let up = ui.add_enabled(self.dir.parent().is_some(), egui::Button::new(t!("files-up")));
            if up.on_hover_text(t!("files-parent-folder-backspace")).clicked() {
                self.up();
            }
            let label = ui.label(t!("files-location"));
            let mut out = egui::TextEdit::singleline(&mut self.location).desired_width(f32::INFINITY).show(ui);
            let r = egui::Response::clone(&out.response).labelled_by(label.id);
            if std::mem::take(&mut self.focus_location) {
                r.request_focus();
            }
            // Until something is typed, a click in it selects the whole path too.
            if r.gained_focus() || (r.clicked() && self.location == self.dir.display().to_string()) {
                // Typing replaces the whole path, as in other file dialogs.
                out.state.cursor.set_char_range(Some(egui::text::CCursorRange::select_all_str(&self.location)));
                out.state.store(ui.ctx(), r.id);
            }
            if r.lost_focus() && enter { self.typed_location() } else { None }
        })
        .inner
    }

    fn places_ui(&mut self, ui: &mut egui::Ui) {
        ui.vertical(|ui| {
            ui.set_width(140.0);
            ui.weak(t!("files-places"));
            for (name, path) in self.places.clone() {
                let b = ui.add(egui::Button::selectable(self.dir == path, name).truncate());
                if b.on_hover_text(path.display().to_string()).clicked() {
                    self.go(path);
                }
            }
        });
    }

    /// The folder's entries, only the rows on screen laid out; a double click opens or chooses.
    fn entries_ui(&mut self, ui: &mut egui::Ui, height: f32) -> Option<Vec<PathBuf>> {
        let mut clicked: Option<(usize, egui::Modifiers)> = None;
        let mut double: Option<usize> = None;
        ui.vertical(|ui| {
            let row_h = ui.spacing().interact_size.y;
            let area = egui::ScrollArea::vertical().max_height(height).auto_shrink([false, false]);
            area.show_rows(ui, row_h, self.entries.len(), |ui, range| {
                for i in range {
                    let Some(e) = self.entries.get(i) else { continue };
                    let icon = if e.dir { "📁 " } else { "📄 " };
                    let when = e.modified.map(age).unwrap_or_default();
                    let details = if e.dir { when } else { format!("{}    {when}", human_size(e.size)) };
                    let button = egui::Button::selectable(self.selected.contains(&i), format!("{icon}{}", e.name))
                        .right_text(egui::RichText::new(details).weak())
                        .min_size(egui::vec2(ui.available_width(), row_h));
                    let r = ui.add(button).on_hover_text(e.path.display().to_string());
                    if r.double_clicked() {
                        double = Some(i);
                    } else if r.clicked() {
                        clicked = Some((i, click_modifiers(ui)));
                    }
                }
            });
            if self.entries.is_empty() {
                ui.weak(if self.message.is_some() { String::new() } else { t!("files-nothing-here") });
            }
        });
        if let Some((i, m)) = clicked {
            self.click(i, m);
        }
        double.and_then(|i| self.double_click(i))
    }

    /// The file name (to save), the filter, hidden files, Cancel and the choosing button.
    fn buttons_ui(&mut self, ui: &mut egui::Ui) -> Option<Outcome> {
        if self.mode == Mode::Save {
            ui.horizontal(|ui| {
                let label = ui.label(t!("files-file-name"));
                ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(320.0)).labelled_by(label.id);
            });
        }
        let mut outcome = None;
        ui.horizontal(|ui| {
            if !self.filter.1.is_empty() && self.mode != Mode::Folder {
                let before = self.all_files;
                let name = self.filter.0.clone();
                let shown = if self.all_files { t!("files-all-files") } else { name.clone() };
                super::combo(ui, &t!("files-show"), shown, |ui| {
                    ui.selectable_value(&mut self.all_files, false, name.as_str());
                    ui.selectable_value(&mut self.all_files, true, t!("files-all-files"));
                });
                if before != self.all_files {
                    self.listed = None;
                }
            }
            if ui.checkbox(&mut self.hidden, t!("files-hidden-files")).changed() {
                self.listed = None;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(&self.verb).clicked() {
                    outcome = self.choice().map(Outcome::Chosen);
                }
                if ui.button(t!("files-cancel")).clicked() {
                    outcome = Some(Outcome::Cancelled);
                }
                if let Mode::Open { multiple: true, .. } = self.mode
                    && !self.selected.is_empty()
                {
                    ui.weak(t!("files-selected", n = self.selected.len()));
                }
            });
        });
        if let Some(m) = &self.message {
            ui.colored_label(ui.visuals().warn_fg_color, m);
        }
        outcome
    }
}

/// The modifiers held for the click just made (as the pointer event says; the keyboard state
/// otherwise).
fn click_modifiers(ui: &egui::Ui) -> egui::Modifiers {
    ui.input(|i| {
        i.events
            .iter()
            .rev()
            .find_map(|e| match e {
                egui::Event::PointerButton { pressed: false, modifiers, .. } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(i.modifiers)
    })
}

fn human_size(n: u64) -> String {
    match n {
        n if n < 1024 => t!("files-bytes", n = n),
        n if n < 1 << 20 => t!("files-kb", n = super::i18n::number(n as f64 / 1024.0, 0)),
        n if n < 1 << 30 => t!("files-mb", n = super::i18n::number(n as f64 / (1 << 20) as f64, 1)),
        n => t!("files-gb", n = super::i18n::number(n as f64 / (1u64 << 30) as f64, 1)),
    }
}

/// "3 min ago", "2 days ago", or the date.
fn age(t: SystemTime) -> String {
    let Ok(d) = SystemTime::now().duration_since(t) else { return String::new() };
    let s = d.as_secs();
    match s {
        s if s < 60 => t!("files-just-now"),
        s if s < 3600 => t!("files-min-ago", minutes = s / 60),
        s if s < 86_400 => t!("files-h-ago", hours = s / 3600),
        s if s < 30 * 86_400 => t!("files-days-ago", days = s / 86_400),
        s => {
            // Days since 1970 to a civil date (Howard Hinnant's algorithm).
            let t = t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
            let _ = s;
            let z = t / 86_400 + 719_468;
            let era = z.div_euclid(146_097);
            let doe = z - era * 146_097;
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let d = doy - (153 * mp + 2) / 5 + 1;
            let m = if mp < 10 { mp + 3 } else { mp - 9 };
            let y = yoe + era * 400 + i64::from(m <= 2);
            super::i18n::date(&format!("{y:04}-{m:02}-{d:02}"))
        }
    }
}
