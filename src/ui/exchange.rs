//! File → Export dataset… and File → Import annotations…: choose a format, filters and a
//! place, then the work runs off the UI thread while the status bar shows it.

use super::app::{Action, AnnotationsJob, ExportJob, WindowView};
use super::files::{FileDialog, Purpose};
use super::side::named_field;
use super::view::{ViewCx, Window};
use crate::export::{Filter, Format, OffsetUnit, Options, Prefer};
use crate::import::DatasetFormat;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The export window's choices.
pub struct ExportWindow {
    format: Format,
    offsets: OffsetUnit,
    prefer: Prefer,
    only_current: bool,
    /// Labels left out (all are in by default).
    skip_labels: BTreeSet<String>,
    skip_annotators: BTreeSet<String>,
    destination: String,
}

impl Default for ExportWindow {
    fn default() -> Self {
        ExportWindow {
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

/// The import window's choices.
pub struct ImportWindow {
    format: DatasetFormat,
    utf16: bool,
    annotator: String,
    /// One path per line.
    files: String,
}

impl Default for ImportWindow {
    fn default() -> Self {
        ImportWindow { format: DatasetFormat::Brat, utf16: true, annotator: String::new(), files: String::new() }
    }
}

const IMPORT_FORMATS: [(&str, DatasetFormat); 5] = [
    ("exchange-brat-folder", DatasetFormat::Brat),
    ("exchange-doccano-jsonl", DatasetFormat::Doccano),
    ("exchange-label-studio-json", DatasetFormat::LabelStudio),
    ("exchange-conll-iob", DatasetFormat::Conll),
    ("exchange-dna-database-dna", DatasetFormat::Dna),
];

impl ExportWindow {
    /// The destination chosen in the file dialog.
    pub fn set_destination(&mut self, path: &Path) {
        self.destination = path.display().to_string();
    }

    /// Format and its options.
    fn format_ui(&mut self, ui: &mut egui::Ui) {
        super::combo(ui, &t!("exchange-format"), self.format.name(), |ui| {
            for (name, f) in Format::ALL {
                ui.selectable_value(&mut self.format, f, name);
            }
        });
        if matches!(self.format, Format::Doccano | Format::DoccanoRel) {
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.offsets, OffsetUnit::Utf16, t!("exchange-utf-16-offsets-doccano-default"));
                ui.radio_value(&mut self.offsets, OffsetUnit::CodePoint, t!("exchange-code-points-grapheme-mode"));
            });
        }
        if self.format == Format::Conll {
            ui.horizontal(|ui| {
                ui.label(t!("exchange-overlapping-spans-keep"));
                ui.radio_value(&mut self.prefer, Prefer::Inner, t!("exchange-inner"));
                ui.radio_value(&mut self.prefer, Prefer::Outer, t!("exchange-outer"));
            });
        }
    }

    /// What goes in: the article shown or all, labels, annotators.
    fn filters_ui(&mut self, p: &crate::model::Project, annotators: &[String], ui: &mut egui::Ui) {
        ui.checkbox(&mut self.only_current, t!("exchange-only-article-shown"));
        ui.label(t!("exchange-labels"));
        ui.horizontal_wrapped(|ui| {
            for l in &p.schema.labels {
                toggle(ui, &mut self.skip_labels, &l.name);
            }
        });
        if annotators.len() > 1 {
            ui.label(t!("exchange-annotators"));
            ui.horizontal_wrapped(|ui| {
                for a in annotators {
                    toggle(ui, &mut self.skip_annotators, a);
                }
            });
        }
    }

    /// The export these choices make.
    fn job(&self, cx: &ViewCx<'_>) -> ExportJob {
        let p = cx.project();
        let kept = |all: Vec<String>, skip: &BTreeSet<String>| {
            if skip.is_empty() { vec![] } else { all.into_iter().filter(|x| !skip.contains(x)).collect() }
        };
        let filter = Filter {
            articles: if self.only_current {
                cx.nav.current.map(|a| vec![a.to_string()]).unwrap_or_default()
            } else {
                vec![]
            },
            labels: kept(p.schema.labels.iter().map(|l| l.name.clone()).collect(), &self.skip_labels),
            annotators: kept(p.annotator_names().into_iter().map(str::to_string).collect(), &self.skip_annotators),
        };
        let options = Options { offsets: self.offsets, filter, prefer: self.prefer, progress: None };
        let total = if self.only_current { 1 } else { p.articles.len() }.max(1);
        ExportJob { format: self.format, options, out: PathBuf::from(self.destination.trim()), total }
    }
}

/// A checkbox that is on while `name` is not in `skipped`.
fn toggle(ui: &mut egui::Ui, skipped: &mut BTreeSet<String>, name: &str) {
    let mut on = !skipped.contains(name);
    if ui.checkbox(&mut on, name).changed() {
        if on {
            skipped.remove(name);
        } else {
            skipped.insert(name.to_string());
        }
    }
}

impl WindowView for ExportWindow {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let mut open = true;
        let mut start = false;
        super::placed(egui::Window::new(t!("exchange-export-dataset")), ctx).open(&mut open).default_width(460.0).show(
            ctx,
            |ui| {
                self.format_ui(ui);
                let counts = cx.counts();
                self.filters_ui(cx.project(), &counts.annotators, ui);
                ui.horizontal(|ui| {
                    named_field(ui, &t!("exchange-destination"), &mut self.destination, 260.0);
                    if ui.button(t!("exchange-browse")).clicked() {
                        let start = cx.start_dir();
                        let dialog = if self.format.is_folder() {
                            FileDialog::folder(Purpose::ExportTo, &t!("exchange-export-into-folder"), start)
                        } else {
                            FileDialog::save(
                                Purpose::ExportTo,
                                &t!("exchange-export-file"),
                                &default_name(self.format),
                                start,
                            )
                        };
                        cx.show(Window::Files(Box::new(dialog)));
                    }
                });
                ui.weak(if self.format.is_folder() {
                    t!("exchange-folder-created-if-needed")
                } else {
                    t!("exchange-file")
                });
                start = ui
                    .add_enabled(!self.destination.trim().is_empty(), egui::Button::new(t!("exchange-export")))
                    .clicked();
            },
        );
        if start {
            let job = self.job(cx);
            cx.act(Action::Export(Box::new(job)));
            return false;
        }
        open
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
        Format::CodebookMd => "codebook.md".into(),
        Format::CodebookHtml => "codebook.html".into(),
        Format::Qdc => "codebook.qdc".into(),
        Format::Brat | Format::Csv => "export".into(),
    }
}

impl ImportWindow {
    /// The files chosen in the file dialog.
    pub fn set_files(&mut self, paths: &[PathBuf]) {
        self.files = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n");
    }
}

impl WindowView for ImportWindow {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let mut open = true;
        let mut start = false;
        super::placed(egui::Window::new(t!("exchange-import-annotations")), ctx)
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| {
                let name = IMPORT_FORMATS
                    .iter()
                    .find(|(_, f)| *f == self.format)
                    .map_or(String::new(), |(n, _)| super::i18n::message(n, None));
                super::combo(ui, &t!("exchange-format"), name, |ui| {
                    for (n, f) in IMPORT_FORMATS {
                        ui.selectable_value(&mut self.format, f, super::i18n::message(n, None));
                    }
                });
                if self.format == DatasetFormat::Doccano {
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.utf16, true, t!("exchange-utf-16-offsets-doccano-default"));
                        ui.radio_value(&mut self.utf16, false, t!("exchange-code-points"));
                    });
                }
                let label = ui.label(t!("exchange-files-one-per-line"));
                ui.add(egui::TextEdit::multiline(&mut self.files).desired_rows(3).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if ui.button(t!("exchange-browse")).clicked() {
                    let brat = self.format == DatasetFormat::Brat;
                    let title =
                        if brat { t!("exchange-choose-brat-folders") } else { t!("exchange-choose-dataset-files") };
                    let dialog = FileDialog::open(
                        Purpose::DatasetFiles,
                        &title,
                        &t!("exchange-choose"),
                        true,
                        brat,
                        cx.start_dir(),
                    );
                    cx.show(Window::Files(Box::new(dialog)));
                }
                named_field(ui, &t!("exchange-annotator-empty-as-file-says"), &mut self.annotator, 160.0);
                ui.weak(t!("exchange-articles-whose-text-already-project"));
                start =
                    ui.add_enabled(!self.files.trim().is_empty(), egui::Button::new(t!("exchange-import"))).clicked();
            });
        if start {
            let paths = self.files.lines().map(str::trim).filter(|l| !l.is_empty()).map(PathBuf::from).collect();
            let annotator = Some(self.annotator.trim().to_string()).filter(|a| !a.is_empty());
            let job = AnnotationsJob { format: self.format, paths, utf16: self.utf16, annotator };
            cx.act(Action::ImportAnnotations(Box::new(job)));
            return false;
        }
        open
    }
}
