//! Modal questions: unsaved changes, crash recovery, deleting a label in use, errors.

use super::{Action, GloseApp};
use crate::edit::{Command, InUse};
use crate::model::{LabelId, RelTypeId};
use crate::store::Recovery;
use std::rc::Rc;

#[derive(Clone, Debug)]
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
}

pub fn dialog_ui(app: &mut GloseApp, ctx: &egui::Context) {
    // Taken out while shown: an action it runs may open another dialog, which then wins.
    let Some(mut dialog) = app.dialog.take() else { return };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("glose-dialog")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match dialog.clone() {
            Dialog::Unsaved { then } => {
                ui.heading("Unsaved changes");
                ui.label("This project has changes that are not saved.");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        app.run_action(ctx, Action::Save);
                        app.finish_saving();
                        if !app.doc.is_dirty() {
                            app.allow_close = true;
                            app.act(*then.clone());
                        }
                        close = true;
                    }
                    if ui.button("Discard changes").clicked() {
                        app.discard_changes();
                        app.allow_close = true;
                        app.act(*then.clone());
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Recover(rec) => {
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
                        app.restore(&rec);
                        close = true;
                    }
                    if ui.button("Discard them").clicked() {
                        app.drop_recovery();
                        close = true;
                    }
                });
            }
            Dialog::DeleteLabel { label, reassign } => {
                let p = app.project();
                let name = p.schema.label_name(label).to_string();
                let uses = p.all_spans().filter(|(_, s)| s.label == label).count();
                ui.heading(format!("Delete label “{name}”?"));
                ui.label(format!("{uses} span(s) carry this label."));
                let mut choice = reassign;
                let others: Vec<(LabelId, String)> =
                    p.schema.labels.iter().filter(|l| l.id != label).map(|l| (l.id, l.name.clone())).collect();
                egui::ComboBox::from_label("Give them the label")
                    .selected_text(choice.and_then(|c| others.iter().find(|o| o.0 == c)).map_or("—", |o| o.1.as_str()))
                    .show_ui(ui, |ui| {
                        for (id, n) in &others {
                            ui.selectable_value(&mut choice, Some(*id), n);
                        }
                    });
                dialog = Dialog::DeleteLabel { label, reassign: choice };
                ui.horizontal(|ui| {
                    if ui.add_enabled(choice.is_some(), egui::Button::new("Reassign and delete")).clicked()
                        && let Some(to) = choice
                    {
                        app.push(Command::RemoveLabel { label, spans: InUse::Reassign(to) });
                        close = true;
                    }
                    if ui.button(format!("Delete the {uses} span(s) too")).clicked() {
                        app.push(Command::RemoveLabel { label, spans: InUse::Delete });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::DeleteRelationType { kind, reassign } => {
                let p = app.project();
                let name = p.schema.relation_type_name(kind).to_string();
                let uses = p.articles.iter().flat_map(|a| &a.relations).filter(|r| r.kind == kind).count();
                ui.heading(format!("Delete relation type “{name}”?"));
                ui.label(format!("{uses} relation(s) have this type."));
                let mut choice = reassign;
                let others: Vec<(RelTypeId, String)> =
                    p.schema.relation_types.iter().filter(|t| t.id != kind).map(|t| (t.id, t.name.clone())).collect();
                egui::ComboBox::from_label("Give them the type")
                    .selected_text(choice.and_then(|c| others.iter().find(|o| o.0 == c)).map_or("—", |o| o.1.as_str()))
                    .show_ui(ui, |ui| {
                        for (id, n) in &others {
                            ui.selectable_value(&mut choice, Some(*id), n);
                        }
                    });
                dialog = Dialog::DeleteRelationType { kind, reassign: choice };
                ui.horizontal(|ui| {
                    if ui.add_enabled(choice.is_some(), egui::Button::new("Reassign and delete")).clicked()
                        && let Some(to) = choice
                    {
                        app.push(Command::RemoveRelationType { relation_type: kind, relations: InUse::Reassign(to) });
                        close = true;
                    }
                    if ui.button(format!("Delete the {uses} relation(s) too")).clicked() {
                        app.push(Command::RemoveRelationType { relation_type: kind, relations: InUse::Delete });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::AlreadyOpen(pid) => {
                ui.heading("Open in another window");
                ui.label(format!(
                    "This project is already open in another Glose window (process {pid}). Edits made in both will overwrite each other when saved; close one of them."
                ));
                if ui.button("I understand").clicked() {
                    close = true;
                }
            }
            Dialog::ChangedOnDisk => {
                ui.heading("The file changed on disk");
                let dirty = app.doc.is_dirty();
                ui.label("Another program (or git pull) changed this project file since Glose read it.");
                if dirty {
                    ui.colored_label(ui.visuals().warn_fg_color, "You have unsaved edits: reloading drops them.");
                }
                ui.horizontal(|ui| {
                    if ui.button("Reload from disk").clicked() {
                        app.reload();
                        close = true;
                    }
                    if ui.button("Keep my version").on_hover_text("Saving will overwrite the file on disk").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Error(text) => {
                ui.heading("Problem");
                ui.label(text);
                if ui.button("OK").clicked() {
                    close = true;
                }
            }
        }
    });
    if !close && app.dialog.is_none() {
        app.dialog = Some(dialog);
    }
}
