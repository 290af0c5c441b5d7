//! File → Import articles (and files dropped on the window): what was recognised in each
//! file is shown before anything is added — format, number of articles, the first titles and
//! dates, duplicates and near-duplicates, problems with their positions, and for tables the
//! column mapping with the first rows. Files are read (and compared with the project) off the
//! UI thread, with progress and Cancel; importing is one undo step.

use crate::import::{self, ColumnMap, Fate, Origin, ReadOptions, Role, SourceFile, TableOptions};
use crate::model::{ArticleId, Project};
use crate::progress::{Job, Poll, Waker};
use std::path::PathBuf;
use std::sync::Arc;

type Read = (Vec<SourceFile>, Vec<Vec<Fate>>);

/// What the user did in the preview this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum PreviewAction {
    None,
    Cancel,
    Import,
    AddFiles,
}

pub struct ImportPreview {
    inputs: Vec<PathBuf>,
    options: ReadOptions,
    /// The project's texts when the preview opened, for duplicates.
    existing: Arc<Vec<(ArticleId, String)>>,
    files: Vec<SourceFile>,
    fates: Vec<Vec<Fate>>,
    job: Option<Job<Read>>,
    /// Reading was cancelled: what was read so far is shown.
    cancelled: bool,
}

const ENCODINGS: [&str; 8] =
    ["UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15", "windows-1251", "KOI8-R", "UTF-16LE", "GBK"];

impl ImportPreview {
    /// Opens the preview and starts reading `inputs` in a thread.
    pub fn start(inputs: Vec<PathBuf>, project: &Project, ctx: &egui::Context) -> ImportPreview {
        let existing = Arc::new(project.articles.iter().map(|a| (a.id, a.text.clone())).collect::<Vec<_>>());
        let mut p = ImportPreview {
            inputs: Vec::new(),
            options: ReadOptions::default(),
            existing,
            files: Vec::new(),
            fates: Vec::new(),
            job: None,
            cancelled: false,
        };
        p.add(inputs, ctx);
        p
    }

    /// Adds files (dropped, or chosen with Add files…) and reads everything again.
    pub fn add(&mut self, inputs: Vec<PathBuf>, ctx: &egui::Context) {
        for i in inputs {
            if !self.inputs.contains(&i) {
                self.inputs.push(i);
            }
        }
        self.read(None, ctx);
    }

    pub fn is_reading(&self) -> bool {
        self.job.is_some()
    }

    /// Reads all inputs, or only `path` again (a table whose mapping changed) into the files
    /// already read; the duplicates are decided again either way.
    fn read(&mut self, only: Option<PathBuf>, ctx: &egui::Context) {
        if let Some(old) = self.job.take() {
            old.cancel();
        }
        let paths = import::collect_paths(&self.inputs).unwrap_or_else(|_| self.inputs.clone());
        let total = if only.is_some() { 1 } else { paths.len() };
        let (options, existing, ctx2) = (self.options.clone(), self.existing.clone(), ctx.clone());
        let mut files = std::mem::take(&mut self.files);
        let inputs = self.inputs.clone();
        let wake: Waker = Box::new(move || ctx2.request_repaint());
        let job = Job::spawn(total, Some(wake), move |shared| {
            let files = match only {
                Some(path) => {
                    let fresh = import::read_path(&path, &options);
                    shared.tick();
                    let at = files.iter().position(|f| f.path == path).unwrap_or(files.len());
                    files.retain(|f| f.path != path);
                    files.splice(at.min(files.len())..at.min(files.len()), fresh);
                    files
                }
                None => import::read_inputs(&inputs, &options, Some(shared)),
            };
            let texts: Vec<(ArticleId, &str)> = existing.iter().map(|(id, t)| (*id, t.as_str())).collect();
            let fates = import::dedupe::dedupe(&texts, &files);
            (files, fates)
        });
        self.job = Some(job);
        self.cancelled = false;
    }

    /// Takes in a finished read (waiting for it when `wait`).
    fn land(&mut self, wait: bool) {
        let Some(job) = &self.job else { return };
        let result = if wait { job.wait().map_or(Poll::Lost, Poll::Done) } else { job.poll() };
        match result {
            Poll::Running => return,
            Poll::Done((files, fates)) => {
                self.cancelled = job.progress.cancelled();
                self.files = files;
                self.fates = fates;
            }
            // The reading thread died: what was read is gone; show it as cancelled.
            Poll::Lost => self.cancelled = true,
        }
        self.job = None;
    }

    /// Waits for the read in progress (tests, and Import pressed while reading).
    pub fn wait(&mut self) {
        self.land(true);
    }

    /// The files read and the fate of each record, handed over to be planned.
    pub fn take(&mut self) -> (Vec<SourceFile>, Vec<Vec<Fate>>) {
        (std::mem::take(&mut self.files), std::mem::take(&mut self.fates))
    }

    /// Articles that importing now would add.
    pub fn to_add(&self) -> usize {
        self.fates.iter().flatten().filter(|f| !matches!(f, Fate::Duplicate(_))).count()
    }

    fn count(&self, which: fn(&Fate) -> bool) -> usize {
        self.fates.iter().flatten().filter(|f| which(f)).count()
    }

    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) -> PreviewAction {
        self.land(false);
        if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        let mut action = PreviewAction::None;
        let mut open = true;
        let mut reread: Option<(PathBuf, String, TableOptions)> = None;
        egui::Window::new(t!("import-import-articles"))
            .id(egui::Id::unique("glose-import-preview"))
            .open(&mut open)
            .resizable(true)
            .default_size([820.0, 600.0])
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                if let Some(job) = &self.job {
                    ui.horizontal(|ui| {
                        super::busy::busy(ui);
                        let done = job.progress.done().min(job.total);
                        ui.add(egui::ProgressBar::new(job.progress.fraction(job.total)).desired_width(300.0).text(t!(
                            "import-reading-file-s",
                            done = done,
                            total = job.total
                        )));
                        if ui.button(t!("import-stop-reading")).clicked() {
                            job.progress.cancel();
                        }
                    });
                    return;
                }
                self.summary_ui(ui);
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height((ctx.content_rect().height() * 0.6).clamp(160.0, 700.0))
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        let open_all = self.files.len() <= 6;
                        for i in 0..self.files.len() {
                            if let Some(r) = self.file_ui(ui, i, project, open_all) {
                                reread = Some(r);
                            }
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    let n = self.to_add();
                    let label = t!("import-import-article", n = n);
                    // Enter imports, Esc cancels (unless a field has the keyboard).
                    let (enter, esc) = if ctx.text_edit_focused() {
                        (false, false)
                    } else {
                        ctx.input(|i| (i.key_pressed(egui::Key::Enter), i.key_pressed(egui::Key::Escape)))
                    };
                    if ui.add_enabled(n > 0, egui::Button::new(label)).clicked() || (enter && n > 0) {
                        action = PreviewAction::Import;
                    }
                    if ui.button(t!("import-add-files")).clicked() {
                        action = PreviewAction::AddFiles;
                    }
                    if ui.button(t!("import-cancel")).clicked() || esc {
                        action = PreviewAction::Cancel;
                    }
                });
            });
        if let Some((path, name, options)) = reread {
            self.options.per_file.insert(name, options);
            self.read(Some(path), ctx);
        }
        if !open {
            action = PreviewAction::Cancel;
        }
        action
    }

    fn summary_ui(&self, ui: &mut egui::Ui) {
        let read = self.files.iter().filter(|f| f.error.is_none()).count();
        let failed = self.files.len() - read;
        let dup = self.count(|f| matches!(f, Fate::Duplicate(_)));
        let near = self.count(|f| matches!(f, Fate::NearDuplicate { .. }));
        let skipped: usize = self.files.iter().map(|f| f.skipped.len()).sum();
        let mut parts = vec![t!("import-file-s-read", read = read), t!("import-article-s-add", to_add = self.to_add())];
        if dup > 0 {
            parts.push(t!("import-duplicate-s-left-out", dup = dup));
        }
        if near > 0 {
            parts.push(t!("import-near-duplicate-s-marked", near = near));
        }
        if skipped > 0 {
            parts.push(t!("import-part-s-skipped", skipped = skipped));
        }
        if failed > 0 {
            parts.push(t!("import-file-s-not-read", failed = failed));
        }
        ui.strong(parts.join(" · "));
        if self.cancelled {
            ui.colored_label(ui.visuals().warn_fg_color, t!("import-reading-was-stopped-only-files"));
        }
    }

    /// One file's part of the preview; returns a table to read again with new options.
    fn file_ui(
        &self,
        ui: &mut egui::Ui,
        i: usize,
        project: &Project,
        open: bool,
    ) -> Option<(PathBuf, String, TableOptions)> {
        let f = &self.files[i];
        let fates = self.fates.get(i).map(Vec::as_slice).unwrap_or_default();
        let format = f.format.map_or(t!("import-not-recognised"), |x| x.name().to_string());
        let new = fates.iter().filter(|x| !matches!(x, Fate::Duplicate(_))).count();
        let mut head =
            t!("import-article", file = short_name(&f.name), format = format, new = t!("count-articles", n = new));
        let dups = fates.len() - new;
        if dups > 0 {
            head.push_str(&t!("import-duplicate", dups = dups));
        }
        if f.error.is_some() || !f.skipped.is_empty() {
            head.push_str("  ⚠");
        }
        let mut reread = None;
        egui::CollapsingHeader::new(head)
            .id_salt(("import-file", &f.name))
            .default_open(open || f.error.is_some() || !f.skipped.is_empty())
            .show(ui, |ui| {
                if let Some(e) = &f.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                for s in f.skipped.iter().take(20) {
                    ui.colored_label(ui.visuals().warn_fg_color, t!("import-skipped", s = s));
                }
                if f.skipped.len() > 20 {
                    ui.weak(t!("import-more", n = f.skipped.len() - 20));
                }
                if let Some(enc) = f.encoding.filter(|e| *e != "UTF-8") {
                    ui.weak(t!("import-text-encoding", enc = enc));
                }
                if f.table.is_some() {
                    reread = self.table_ui(ui, f);
                }
                egui::Grid::new(("import-records", &f.name)).num_columns(3).striped(true).spacing([12.0, 2.0]).show(
                    ui,
                    |ui| {
                        for (r, rec) in f.records.iter().enumerate().take(8) {
                            ui.weak(if rec.meta.published.is_empty() { "—" } else { rec.meta.published.as_str() });
                            let mut title = crate::text::ellipsize(&rec.meta.title, 70);
                            if !rec.meta.source.is_empty() {
                                title = format!("{title}  ({})", crate::text::ellipsize(&rec.meta.source, 30));
                            }
                            ui.label(title);
                            match fates.get(r) {
                                Some(Fate::Duplicate(o)) => {
                                    ui.weak(t!("import-duplicate-left-out", project = self.describe(*o, project)));
                                }
                                Some(Fate::NearDuplicate { of, similarity }) => {
                                    ui.colored_label(
                                        ui.visuals().warn_fg_color,
                                        t!(
                                            "import-near-duplicate-of",
                                            similar = super::i18n::percent(f64::from(*similarity)),
                                            of = self.describe(*of, project)
                                        ),
                                    );
                                }
                                _ => {
                                    ui.weak(t!("import-characters", chars = rec.text.chars().count()));
                                }
                            }
                            ui.end_row();
                        }
                    },
                );
                if f.records.len() > 8 {
                    ui.weak(t!("import-more-2", n = f.records.len() - 8));
                }
            });
        reread
    }

    fn describe(&self, o: Origin, project: &Project) -> String {
        match o {
            Origin::Article(id) => project.article(id).map_or_else(
                || t!("import-article-2", id = id),
                |a| format!("«{}»", crate::text::ellipsize(&a.title, 40)),
            ),
            Origin::Record { file, record } => {
                self.files.get(file).and_then(|f| f.records.get(record)).map_or_else(String::new, |r| {
                    t!("import-import", title = crate::text::ellipsize(&r.meta.title, 40))
                })
            }
        }
    }

    /// A table's column mapping (and delimiter, encoding, sheet) with its first rows; returns
    /// the table to read again when a choice changed.
    fn table_ui(&self, ui: &mut egui::Ui, f: &SourceFile) -> Option<(PathBuf, String, TableOptions)> {
        let t = f.table.as_ref()?;
        let mut changed = self.options.per_file.get(&f.name).cloned().unwrap_or_else(|| self.options.table.clone());
        let mut dirty = false;
        ui.label(t!("import-which-column-which-field-other"));
        let columns: Vec<(String, String)> = std::iter::once((String::new(), t!("import-none")))
            .chain(t.columns.iter().map(|c| (c.clone(), crate::text::ellipsize(c, 28))))
            .collect();
        egui::Grid::new(("import-map", &f.name)).num_columns(4).spacing([8.0, 4.0]).show(ui, |ui| {
            for (k, role) in Role::ALL.into_iter().enumerate() {
                let now = t.map.get(role).unwrap_or("").to_string();
                let label = column_caption(role);
                if let Some(pick) = labelled_combo(ui, &label, ("import-column", &f.name, role.name()), &now, &columns)
                {
                    // Every field as shown, this one changed: nothing is guessed again.
                    let mut map = ColumnMap::default();
                    for r in Role::ALL {
                        map.columns.insert(r, t.map.get(r).unwrap_or("").to_string());
                    }
                    map.columns.insert(role, pick);
                    changed.map = map;
                    dirty = true;
                }
                if k % 2 == 1 {
                    ui.end_row();
                }
            }
        });
        ui.horizontal(|ui| {
            if let Some(d) = t.delimiter {
                let names = [
                    (b',', t!("import-comma")),
                    (b';', t!("import-semicolon")),
                    (b'\t', t!("import-tab")),
                    (b'|', t!("import-bar")),
                ];
                let options: Vec<(u8, String)> = names.iter().map(|(c, n)| (*c, n.to_string())).collect();
                if let Some(pick) =
                    labelled_combo(ui, &t!("import-delimiter"), ("import-delimiter", &f.name), &d, &options)
                {
                    changed.delimiter = Some(pick);
                    dirty = true;
                }
                let now = f.encoding.unwrap_or("UTF-8").to_string();
                let options: Vec<(String, String)> = ENCODINGS.iter().map(|e| (e.to_string(), e.to_string())).collect();
                if let Some(enc) =
                    labelled_combo(ui, &t!("import-encoding"), ("import-encoding", &f.name), &now, &options)
                {
                    changed.encoding = encoding_rs::Encoding::for_label(enc.as_bytes());
                    dirty = true;
                }
            }
            if t.sheets.len() > 1 {
                let now = t.sheet.clone().unwrap_or_default();
                let options: Vec<(String, String)> = t.sheets.iter().map(|s| (s.clone(), s.clone())).collect();
                if let Some(pick) = labelled_combo(ui, &t!("import-sheet"), ("import-sheet", &f.name), &now, &options) {
                    changed.sheet = Some(pick);
                    changed.map = ColumnMap::default();
                    dirty = true;
                }
            }
        });
        first_rows_ui(ui, f, t);
        dirty.then(|| (f.path.clone(), f.name.clone(), changed))
    }
}

/// A combo box with a label before it (and as its accessible name); returns the entry picked,
/// when it is not the current one.
fn labelled_combo<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: &T,
    options: &[(T, String)],
) -> Option<T> {
    let label = ui.label(label);
    let shown = options.iter().find(|(v, _)| v == current).map_or(String::new(), |(_, n)| n.clone());
    let mut pick = current.clone();
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (v, name) in options {
                ui.selectable_value(&mut pick, v.clone(), name);
            }
        })
        .response
        .labelled_by(label.id);
    (pick != *current).then_some(pick)
}

/// The table's first rows, as read.
fn first_rows_ui(ui: &mut egui::Ui, f: &SourceFile, t: &crate::import::TableInfo) {
    if t.first_rows.is_empty() {
        return;
    }
    egui::ScrollArea::horizontal().id_salt(("import-rows", &f.name)).show(ui, |ui| {
        egui::Grid::new(("import-first-rows", &f.name)).striped(true).spacing([10.0, 2.0]).show(ui, |ui| {
            for c in &t.columns {
                ui.strong(crate::text::ellipsize(c, 24));
            }
            ui.end_row();
            for row in &t.first_rows {
                for cell in row {
                    ui.label(crate::text::ellipsize(&cell.replace('\n', " "), 36));
                }
                ui.end_row();
            }
        });
    });
}

/// "Title column" / "Colonne titre": which column gives an article's field.
fn column_caption(role: Role) -> String {
    match role {
        Role::Text => t!("import-column-text"),
        Role::Title => t!("import-column-title"),
        Role::Source => t!("import-column-source"),
        Role::Author => t!("import-column-author"),
        Role::Published => t!("import-column-published"),
        Role::Url => t!("import-column-url"),
        Role::Language => t!("import-column-language"),
        Role::Id => t!("import-column-id"),
    }
}

/// The file's name (and archive member) without its folders.
fn short_name(name: &str) -> String {
    match name.split_once(" › ") {
        Some((zip, member)) => {
            let zip = std::path::Path::new(zip).file_name().map_or(zip.into(), |n| n.to_string_lossy());
            format!("{zip} › {member}")
        }
        None => std::path::Path::new(name).file_name().map_or(name.into(), |n| n.to_string_lossy()).into_owned(),
    }
}

/// Plans the records the preview holds into the project: the one undo step to apply, the
/// first article added, and a summary line.
pub fn plan_preview(preview: &mut ImportPreview, project: &mut Project) -> import::ImportPlan {
    preview.wait();
    let (files, fates) = preview.take();
    import::plan(project, &files, &fates)
}
