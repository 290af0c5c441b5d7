//! File → Export dataset… and File → Import annotations…: choose a format, filters and a
//! place, then the work runs off the UI thread while the status bar shows it.

use super::side::named_field;
use super::{Action, GloseApp};
use crate::export::{self, Filter, Format, OffsetUnit, Options, Prefer};
use crate::import::{self, DatasetFormat};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// The export dialog's choices.
pub struct ExportDialog {
    pub format: Format,
    pub offsets: OffsetUnit,
    pub prefer: Prefer,
    pub only_current: bool,
    /// Labels left out (all are in by default).
    pub skip_labels: BTreeSet<String>,
    pub skip_annotators: BTreeSet<String>,
    pub destination: String,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            format: Format::DoccanoRel,
            offsets: OffsetUnit::Utf16,
            prefer: Prefer::Inner,
            only_current: false,
            skip_labels: BTreeSet::new(),
            skip_annotators: BTreeSet::new(),
            destination: String::new(),
        }
    }
}

/// The import dialog's choices.
pub struct ImportDialog {
    pub format: DatasetFormat,
    pub utf16: bool,
    pub annotator: String,
    /// One path per line.
    pub files: String,
}

impl Default for ImportDialog {
    fn default() -> Self {
        ImportDialog { format: DatasetFormat::Brat, utf16: true, annotator: String::new(), files: String::new() }
    }
}

/// Work running in a thread.
pub enum Exchange {
    Export {
        rx: Receiver<Result<export::Report, export::ExportError>>,
        format: Format,
        progress: export::Progress,
        total: usize,
    },
    Import {
        rx: Receiver<Result<import::dataset::Dataset, String>>,
        annotator: Option<String>,
    },
}

const IMPORT_FORMATS: [(&str, DatasetFormat); 4] = [
    ("brat folder", DatasetFormat::Brat),
    ("doccano JSONL", DatasetFormat::Doccano),
    ("Label Studio JSON", DatasetFormat::LabelStudio),
    ("CoNLL / IOB", DatasetFormat::Conll),
];

pub fn export_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    let Some(mut d) = app.export_dialog.take() else { return };
    let mut open = true;
    let mut start = false;
    egui::Window::new("Export dataset").open(&mut open).default_width(460.0).show(ctx, |ui| {
        egui::ComboBox::from_label("Format").selected_text(d.format.name()).show_ui(ui, |ui| {
            for (name, f) in Format::ALL {
                ui.selectable_value(&mut d.format, f, name);
            }
        });
        if matches!(d.format, Format::Doccano | Format::DoccanoRel) {
            ui.horizontal(|ui| {
                ui.radio_value(&mut d.offsets, OffsetUnit::Utf16, "UTF-16 offsets (doccano default)");
                ui.radio_value(&mut d.offsets, OffsetUnit::CodePoint, "code points (grapheme mode)");
            });
        }
        if d.format == Format::Conll {
            ui.horizontal(|ui| {
                ui.label("Overlapping spans: keep the");
                ui.radio_value(&mut d.prefer, Prefer::Inner, "inner");
                ui.radio_value(&mut d.prefer, Prefer::Outer, "outer");
            });
        }
        ui.checkbox(&mut d.only_current, "Only the article shown");
        ui.label("Labels");
        ui.horizontal_wrapped(|ui| {
            for l in &app.project().schema.labels {
                let mut on = !d.skip_labels.contains(&l.name);
                if ui.checkbox(&mut on, &l.name).changed() {
                    if on {
                        d.skip_labels.remove(&l.name)
                    } else {
                        d.skip_labels.insert(l.name.clone())
                    };
                }
            }
        });
        let annotators: Vec<String> = app.project().annotator_names().into_iter().map(str::to_string).collect();
        if annotators.len() > 1 {
            ui.label("Annotators");
            ui.horizontal_wrapped(|ui| {
                for a in annotators {
                    let mut on = !d.skip_annotators.contains(&a);
                    if ui.checkbox(&mut on, &a).changed() {
                        if on {
                            d.skip_annotators.remove(&a)
                        } else {
                            d.skip_annotators.insert(a.clone())
                        };
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            named_field(ui, "Destination", &mut d.destination, 260.0);
            if ui.button("Browse…").clicked() {
                use super::files::{FileDialog, Purpose};
                let start = app.start_dir();
                app.file_dialog = Some(if d.format.is_folder() {
                    FileDialog::folder(Purpose::ExportTo, "Export into a folder", start)
                } else {
                    FileDialog::save(Purpose::ExportTo, "Export to a file", &default_name(d.format), start)
                });
            }
        });
        ui.weak(if d.format.is_folder() { "A folder (created if needed)." } else { "A file." });
        start = ui
            .add_enabled(!d.destination.trim().is_empty() && app.exchange.is_none(), egui::Button::new("Export"))
            .clicked();
    });
    if start {
        let all_labels: Vec<String> = app.project().schema.labels.iter().map(|l| l.name.clone()).collect();
        let all_annotators: Vec<String> = app.project().annotator_names().into_iter().map(str::to_string).collect();
        let filter = Filter {
            articles: if d.only_current {
                app.current.map(|a| vec![a.to_string()]).unwrap_or_default()
            } else {
                vec![]
            },
            labels: if d.skip_labels.is_empty() {
                vec![]
            } else {
                all_labels.into_iter().filter(|l| !d.skip_labels.contains(l)).collect()
            },
            annotators: if d.skip_annotators.is_empty() {
                vec![]
            } else {
                all_annotators.into_iter().filter(|a| !d.skip_annotators.contains(a)).collect()
            },
        };
        let progress = export::Progress::default();
        let options = Options { offsets: d.offsets, filter, prefer: d.prefer, progress: Some(progress.clone()) };
        let total = if d.only_current { 1 } else { app.project().articles.len() }.max(1);
        let project = app.doc.project().clone();
        let out = PathBuf::from(d.destination.trim());
        let format = d.format;
        let (tx, rx) = channel();
        let ctx2 = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(export::export(&project, format, &options, &out));
            ctx2.request_repaint();
        });
        app.exchange = Some(Exchange::Export { rx, format, progress, total });
        open = false;
    }
    if open {
        app.export_dialog = Some(d);
    }
}

fn default_name(f: Format) -> String {
    match f {
        Format::Doccano | Format::DoccanoRel => "dataset.jsonl".into(),
        Format::LabelStudio => "tasks.json".into(),
        Format::Conll => "dataset.conll".into(),
        Format::W3c => "annotations.jsonld".into(),
        Format::RefiQda => "project.qdpx".into(),
        Format::Graphml => "actors.graphml".into(),
        Format::NetworkCsv => "actor-edges.csv".into(),
        Format::Brat | Format::Csv => "export".into(),
    }
}

pub fn import_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    let Some(mut d) = app.import_dialog.take() else { return };
    let mut open = true;
    let mut start = false;
    egui::Window::new("Import annotations").open(&mut open).default_width(460.0).show(ctx, |ui| {
        let name = IMPORT_FORMATS.iter().find(|(_, f)| *f == d.format).map_or("?", |(n, _)| n);
        egui::ComboBox::from_label("Format").selected_text(name).show_ui(ui, |ui| {
            for (n, f) in IMPORT_FORMATS {
                ui.selectable_value(&mut d.format, f, n);
            }
        });
        if d.format == DatasetFormat::Doccano {
            ui.horizontal(|ui| {
                ui.radio_value(&mut d.utf16, true, "UTF-16 offsets (doccano default)");
                ui.radio_value(&mut d.utf16, false, "code points");
            });
        }
        let label = ui.label("Files (one per line)");
        ui.add(egui::TextEdit::multiline(&mut d.files).desired_rows(3).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if ui.button("Browse…").clicked() {
            let brat = d.format == DatasetFormat::Brat;
            let title = if brat { "Choose brat folders" } else { "Choose dataset files" };
            let dialog = super::files::FileDialog::open(
                super::files::Purpose::DatasetFiles,
                title,
                "Choose",
                true,
                brat,
                app.start_dir(),
            );
            app.file_dialog = Some(dialog);
        }
        named_field(ui, "Annotator (empty: as the file says)", &mut d.annotator, 160.0);
        ui.weak("Articles whose text is already in the project get the annotations; unknown labels are added.");
        start =
            ui.add_enabled(!d.files.trim().is_empty() && app.exchange.is_none(), egui::Button::new("Import")).clicked();
    });
    if start {
        let paths: Vec<PathBuf> = d.files.lines().map(str::trim).filter(|l| !l.is_empty()).map(PathBuf::from).collect();
        let (format, utf16) = (d.format, d.utf16);
        let (tx, rx) = channel();
        let ctx2 = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(import::read_dataset(format, &paths, utf16));
            ctx2.request_repaint();
        });
        let annotator = Some(d.annotator.trim().to_string()).filter(|a| !a.is_empty());
        app.exchange = Some(Exchange::Import { rx, annotator });
        open = false;
    }
    if open {
        app.import_dialog = Some(d);
    }
}

/// Collects finished work; imports become one undo step.
pub fn poll(app: &mut GloseApp) {
    let Some(ex) = app.exchange.take() else { return };
    match ex {
        Exchange::Export { rx, format, progress, total } => match rx.try_recv() {
            Ok(Ok(report)) => {
                let mut msg = format!(
                    "Exported {} articles, {} spans, {} relations as {} ({} file(s))",
                    report.articles,
                    report.spans,
                    report.relations,
                    format.name(),
                    report.files.len()
                );
                if report.warnings.is_empty() {
                    app.info(msg);
                } else {
                    msg.push_str(&format!(
                        ". {} thing(s) the format cannot hold:\n\n{}",
                        report.warnings.len(),
                        report.warnings.join("\n")
                    ));
                    app.dialog = Some(super::Dialog::Error(msg));
                }
            }
            Ok(Err(export::ExportError::Cancelled)) => {
                app.info("Export cancelled (files written so far are incomplete)")
            }
            Ok(Err(e)) => app.dialog = Some(super::Dialog::Error(format!("The export failed.\n\n{e}"))),
            Err(_) => app.exchange = Some(Exchange::Export { rx, format, progress, total }),
        },
        Exchange::Import { rx, annotator } => match rx.try_recv() {
            Ok(Ok(data)) => {
                let fallback = app.settings.annotator.clone();
                let plan = app.doc.plan_with(|p| import::dataset::plan(p, data, annotator.as_deref(), &fallback));
                if let Some(cmd) = plan.command {
                    app.apply(cmd);
                }
                let msg = format!(
                    "Imported {} spans and {} relations ({} new articles, {} matched by text, {} spans already there)",
                    plan.spans, plan.relations, plan.new_articles, plan.matched_articles, plan.duplicates
                );
                if plan.warnings.is_empty() {
                    app.info(msg);
                } else {
                    app.dialog = Some(super::Dialog::Error(format!("{msg}.\n\n{}", plan.warnings.join("\n"))));
                }
                if app.current.is_none()
                    && let Some(id) = app.project().articles.first().map(|a| a.id)
                {
                    app.act(Action::SelectArticle(id));
                }
            }
            Ok(Err(e)) => app.dialog = Some(super::Dialog::Error(format!("The import failed.\n\n{e}"))),
            Err(_) => app.exchange = Some(Exchange::Import { rx, annotator }),
        },
    }
}
