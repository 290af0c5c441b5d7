//! Modal questions: unsaved changes, crash recovery, deleting a label in use, errors.

use super::app::{Action, Answer};
use super::view::ViewCx;
use crate::edit::{Command, InUse};
use crate::model::{LabelId, RelTypeId};
use crate::store::Recovery;
use std::rc::Rc;

#[derive(Debug)]
pub enum Dialog {
    /// Unsaved changes; `then` runs after Save or Discard.
    Unsaved {
        then: Box<Action>,
    },
    /// A crashed session left journaled edits.
    Recover(Rc<Recovery>),
    /// Deleting a label that spans use.
    DeleteLabel {
        label: LabelId,
        reassign: Option<LabelId>,
    },
    DeleteRelationType {
        kind: RelTypeId,
        reassign: Option<RelTypeId>,
    },
    /// Another Glose window (this process id) has the file open.
    AlreadyOpen(u32),
    /// The file changed on disk since it was read or saved here.
    ChangedOnDisk,
    Error(String),
    /// Something done, with notes worth reading (not a problem).
    Notice {
        title: String,
        text: String,
    },
    /// The name credited with new spans.
    AnnotatorName(String),
    /// `glose PATH` named a file that does not exist: create it?
    CreateMissing(std::path::PathBuf),
}

/// Shows `dialog`; returns what was answered, if anything (then it closes).
pub fn dialog_ui(dialog: &mut Dialog, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("glose-dialog")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        answer = match dialog {
            Dialog::Unsaved { then } => unsaved_ui(ui, then),
            Dialog::Recover(rec) => recover_ui(ui, rec),
            Dialog::DeleteLabel { label, reassign } => delete_label_ui(cx, ui, *label, reassign),
            Dialog::DeleteRelationType { kind, reassign } => delete_type_ui(cx, ui, *kind, reassign),
            Dialog::AlreadyOpen(pid) => {
                ui.heading("Open in another window");
                ui.label(format!(
                    "This project is already open in another Glose window (process {pid}). Edits made in both will overwrite each other when saved; close one of them."
                ));
                ui.button("I understand").clicked().then_some(Answer::Close)
            }
            Dialog::ChangedOnDisk => changed_on_disk_ui(cx, ui),
            Dialog::Error(text) => message_ui(ui, "Problem", text),
            Dialog::Notice { title, text } => message_ui(ui, title, text),
            Dialog::AnnotatorName(name) => annotator_ui(cx, ui, name),
            Dialog::CreateMissing(path) => {
                ui.heading("Create this project?");
                ui.label(format!("{} does not exist yet. Glose can start a new, empty project there.", path.display()));
                ui.horizontal(|ui| {
                    if ui.button("Create it").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        return Some(Answer::SaveAs(path.clone()));
                    }
                    let esc = ui.input(|i| i.key_pressed(egui::Key::Escape));
                    (ui.button("Not now").clicked() || esc).then_some(Answer::Close)
                })
                .inner
            }
        };
    });
    answer
}

/// A message with OK (Enter or Esc close it).
fn message_ui(ui: &mut egui::Ui, title: &str, text: &str) -> Option<Answer> {
    ui.heading(title);
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| ui.label(text));
    let keys = ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Escape));
    (ui.button("OK").clicked() || keys).then_some(Answer::Close)
}

/// The annotator's name, typed in a dialog of its own (a field in a menu closed the menu).
fn annotator_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, name: &mut String) -> Option<Answer> {
    ui.heading("Annotator name");
    ui.label("New spans and relations are credited to this name (in exports and in Compare annotators).");
    let label = ui.label("Name");
    let field = ui.add(egui::TextEdit::singleline(name).desired_width(260.0)).labelled_by(label.id);
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let name_ok = !name.trim().is_empty();
    ui.horizontal(|ui| {
        if (ui.add_enabled(name_ok, egui::Button::new("OK")).clicked() || enter) && name_ok {
            cx.settings.annotator = name.trim().to_string();
            return Some(Answer::Close);
        }
        (ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape))).then_some(Answer::Close)
    })
    .inner
}

/// The action to run after Save or Discard (taken: the dialog closes).
fn take_then(then: &mut Box<Action>) -> Box<Action> {
    std::mem::replace(then, Box::new(Action::CancelLink))
}

fn unsaved_ui(ui: &mut egui::Ui, then: &mut Box<Action>) -> Option<Answer> {
    ui.heading("Unsaved changes");
    ui.label("This project has changes that are not saved.");
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            return Some(Answer::SaveThen(take_then(then)));
        }
        if ui.button("Discard changes").clicked() {
            return Some(Answer::DiscardThen(take_then(then)));
        }
        ui.button("Cancel").clicked().then_some(Answer::Close)
    })
    .inner
}

fn recover_ui(ui: &mut egui::Ui, rec: &Rc<Recovery>) -> Option<Answer> {
    ui.heading("Restore unsaved edits?");
    ui.label(format!(
        "Glose was closed without saving. The journal holds {} edit(s) made after the last save.",
        rec.commands.len()
    ));
    if !rec.base_matches {
        ui.colored_label(ui.visuals().warn_fg_color, "The project file changed since then (another program or git). Restoring applies the edits to the file as it is now; check the result.");
    }
    if rec.torn_tail {
        ui.weak("The very last edit was cut short by the crash and cannot be restored.");
    }
    ui.horizontal(|ui| {
        if ui.button("Restore edits").clicked() {
            return Some(Answer::Restore(rec.clone()));
        }
        ui.button("Discard them").clicked().then_some(Answer::DropRecovery)
    })
    .inner
}

/// The question for deleting a label or relation type that is in use: give its uses another
/// one (`choice`), delete them too, or cancel. `None` while unanswered; `Some(None)` when
/// cancelled.
fn in_use_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    (what, uses_word): (&str, &str),
    name: &str,
    uses: usize,
    others: &[(T, &str)],
    choice: &mut Option<T>,
) -> Option<Option<InUse<T>>> {
    ui.heading(format!("Delete {what} “{name}”?"));
    ui.label(format!("{uses} {uses_word} use it."));
    let shown = choice.and_then(|c| others.iter().find(|o| o.0 == c)).map_or("—", |o| o.1);
    super::combo(ui, &format!("Give them the {what}"), shown, |ui| {
        for (id, n) in others {
            ui.selectable_value(choice, Some(*id), *n);
        }
    });
    ui.horizontal(|ui| {
        if ui.add_enabled(choice.is_some(), egui::Button::new("Reassign and delete")).clicked()
            && let Some(to) = *choice
        {
            return Some(Some(InUse::Reassign(to)));
        }
        if ui.button(format!("Delete the {uses} {uses_word} too")).clicked() {
            return Some(Some(InUse::Delete));
        }
        ui.button("Cancel").clicked().then_some(None)
    })
    .inner
}

fn delete_label_ui(
    cx: &mut ViewCx<'_>,
    ui: &mut egui::Ui,
    label: LabelId,
    choice: &mut Option<LabelId>,
) -> Option<Answer> {
    let uses = cx.counts().spans_per_label.get(&label).copied().unwrap_or(0);
    let schema = &cx.project().schema;
    let others: Vec<_> = schema.labels.iter().filter(|l| l.id != label).map(|l| (l.id, l.name.as_str())).collect();
    let name = schema.label_name(label);
    if let Some(spans) = in_use_ui(ui, ("label", "span(s)"), name, uses, &others, choice)? {
        cx.push(Command::RemoveLabel { label, spans });
    }
    Some(Answer::Close)
}

fn delete_type_ui(
    cx: &mut ViewCx<'_>,
    ui: &mut egui::Ui,
    kind: RelTypeId,
    choice: &mut Option<RelTypeId>,
) -> Option<Answer> {
    let uses = cx.counts().relations_per_type.get(&kind).copied().unwrap_or(0);
    let schema = &cx.project().schema;
    let types = schema.relation_types.iter().filter(|t| t.id != kind);
    let others: Vec<_> = types.map(|t| (t.id, t.name.as_str())).collect();
    if let Some(relations) =
        in_use_ui(ui, ("type", "relation(s)"), schema.relation_type_name(kind), uses, &others, choice)?
    {
        cx.push(Command::RemoveRelationType { relation_type: kind, relations });
    }
    Some(Answer::Close)
}

fn changed_on_disk_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui) -> Option<Answer> {
    ui.heading("The file changed on disk");
    ui.label("Another program (or git pull) changed this project file since Glose read it.");
    if cx.doc.is_dirty() {
        ui.colored_label(ui.visuals().warn_fg_color, "You have unsaved edits: reloading drops them.");
    }
    ui.horizontal(|ui| {
        if ui.button("Reload from disk").clicked() {
            return Some(Answer::Reload);
        }
        ui.button("Keep my version")
            .on_hover_text("Saving will overwrite the file on disk")
            .clicked()
            .then_some(Answer::Close)
    })
    .inner
}
