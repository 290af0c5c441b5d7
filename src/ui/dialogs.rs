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
                ui.heading(t!("dialogs-open-another-window"));
                ui.label(t!("dialogs-project-already-open-another-glose", pid = pid));
                ui.button(t!("dialogs-i-understand")).clicked().then_some(Answer::Close)
            }
            Dialog::ChangedOnDisk => changed_on_disk_ui(cx, ui),
            Dialog::Error(text) => message_ui(ui, &t!("dialogs-problem"), text),
            Dialog::Notice { title, text } => message_ui(ui, title, text),
            Dialog::AnnotatorName(name) => annotator_ui(cx, ui, name),
            Dialog::CreateMissing(path) => {
                ui.heading(t!("dialogs-create-project"));
                ui.label(t!("dialogs-does-not-exist-yet-glose", path = path.display()));
                ui.horizontal(|ui| {
                    if ui.button(t!("dialogs-create")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        return Some(Answer::SaveAs(path.clone()));
                    }
                    let esc = ui.input(|i| i.key_pressed(egui::Key::Escape));
                    (ui.button(t!("dialogs-not-now")).clicked() || esc).then_some(Answer::Close)
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
    (ui.button("OK").clicked() || keys).then_some(Answer::Close) // i18n-ok
}

/// The annotator's name, typed in a dialog of its own (a field in a menu closed the menu).
fn annotator_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, name: &mut String) -> Option<Answer> {
    ui.heading(t!("dialogs-annotator-name"));
    ui.label(t!("dialogs-new-spans-relations-are-credited"));
    let label = ui.label(t!("dialogs-name"));
    let field = ui.add(egui::TextEdit::singleline(name).desired_width(260.0)).labelled_by(label.id);
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let name_ok = !name.trim().is_empty();
    ui.horizontal(|ui| {
        // i18n-ok: OK is OK in French too
        if (ui.add_enabled(name_ok, egui::Button::new("OK")).clicked() || enter) && name_ok {
            cx.settings.annotator = name.trim().to_string();
            return Some(Answer::Close);
        }
        (ui.button(t!("dialogs-cancel")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)))
            .then_some(Answer::Close)
    })
    .inner
}

/// The action to run after Save or Discard (taken: the dialog closes).
fn take_then(then: &mut Box<Action>) -> Box<Action> {
    std::mem::replace(then, Box::new(Action::CancelLink))
}

fn unsaved_ui(ui: &mut egui::Ui, then: &mut Box<Action>) -> Option<Answer> {
    ui.heading(t!("dialogs-unsaved-changes"));
    ui.label(t!("dialogs-project-has-changes-are-not"));
    ui.horizontal(|ui| {
        if ui.button(t!("dialogs-save")).clicked() {
            return Some(Answer::SaveThen(take_then(then)));
        }
        if ui.button(t!("dialogs-discard-changes")).clicked() {
            return Some(Answer::DiscardThen(take_then(then)));
        }
        ui.button(t!("dialogs-cancel")).clicked().then_some(Answer::Close)
    })
    .inner
}

fn recover_ui(ui: &mut egui::Ui, rec: &Rc<Recovery>) -> Option<Answer> {
    ui.heading(t!("dialogs-restore-unsaved-edits"));
    ui.label(t!("dialogs-glose-was-closed-without-saving", n = rec.commands.len()));
    if !rec.base_matches {
        ui.colored_label(ui.visuals().warn_fg_color, t!("dialogs-project-file-changed-since-then"));
    }
    if rec.torn_tail {
        ui.weak(t!("dialogs-very-last-edit-was-cut"));
    }
    ui.horizontal(|ui| {
        if ui.button(t!("dialogs-restore-edits")).clicked() {
            return Some(Answer::Restore(rec.clone()));
        }
        ui.button(t!("dialogs-discard-them")).clicked().then_some(Answer::DropRecovery)
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
    ui.heading(t!("dialogs-delete", what = what, name = name));
    ui.label(t!("dialogs-use", uses = uses, uses_word = uses_word));
    let shown = choice.and_then(|c| others.iter().find(|o| o.0 == c)).map_or("—", |o| o.1);
    super::combo(ui, &t!("dialogs-give-them", what = what), shown, |ui| {
        for (id, n) in others {
            ui.selectable_value(choice, Some(*id), *n);
        }
    });
    ui.horizontal(|ui| {
        if ui.add_enabled(choice.is_some(), egui::Button::new(t!("dialogs-reassign-delete"))).clicked()
            && let Some(to) = *choice
        {
            return Some(Some(InUse::Reassign(to)));
        }
        if ui.button(t!("dialogs-delete-too", uses = uses, uses_word = uses_word)).clicked() {
            return Some(Some(InUse::Delete));
        }
        ui.button(t!("dialogs-cancel")).clicked().then_some(None)
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
    if let Some(spans) = in_use_ui(ui, (&t!("dialogs-label"), &t!("dialogs-span-s")), name, uses, &others, choice)? {
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
    if let Some(relations) = in_use_ui(
        ui,
        (&t!("dialogs-type"), &t!("dialogs-relation-s")),
        schema.relation_type_name(kind),
        uses,
        &others,
        choice,
    )? {
        cx.push(Command::RemoveRelationType { relation_type: kind, relations });
    }
    Some(Answer::Close)
}

fn changed_on_disk_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui) -> Option<Answer> {
    ui.heading(t!("dialogs-file-changed-disk"));
    ui.label(t!("dialogs-another-program-git-pull-changed"));
    if cx.doc.is_dirty() {
        ui.colored_label(ui.visuals().warn_fg_color, t!("dialogs-you-have-unsaved-edits-reloading"));
    }
    ui.horizontal(|ui| {
        if ui.button(t!("dialogs-reload-from-disk")).clicked() {
            return Some(Answer::Reload);
        }
        ui.button(t!("dialogs-keep-my-version"))
            .on_hover_text(t!("dialogs-saving-will-overwrite-file-disk"))
            .clicked()
            .then_some(Answer::Close)
    })
    .inner
}
