//! The schema editor: add, rename, recolour, re-key, reorder, nest, merge and delete labels
//! and relation types. Deleting one that is in use asks what to do with its spans.

use super::side::{commit_edit, named_field};
use super::{Dialog, GloseApp, color32, from_color32};
use crate::edit::{Command, InUse};
use crate::model::{Color, Label, LabelId, RelTypeId, RelationType};

pub fn schema_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    if !app.schema_open {
        return;
    }
    let mut open = true;
    egui::Window::new("Labels and relation types").open(&mut open).default_width(640.0).show(ctx, |ui| {
        egui::ScrollArea::vertical().max_height(620.0).show(ui, |ui| {
            labels_ui(app, ui);
            ui.separator();
            relation_types_ui(app, ui);
        });
    });
    app.schema_open = open;
}

fn labels_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    ui.heading("Labels");
    let labels = app.project().schema.labels.clone();
    let n = labels.len();
    let counts = app.counts();
    for (i, l) in labels.iter().enumerate() {
        let uses = counts.spans_per_label.get(&l.id).copied().unwrap_or(0);
        ui.push_id(("label", l.id.0), |ui| {
            ui.horizontal(|ui| {
                let mut changed = l.clone();
                if let Some(c) = colour_picker(ui, &mut app.colour_drafts, format!("label-{}", l.id.0), l.color) {
                    changed.color = c;
                }
                ui.scope(|ui| {
                    ui.set_width(150.0);
                    if let Some(name) = commit_edit(
                        ui,
                        &mut app.bufs,
                        &format!("label-name-{}", l.id.0),
                        &l.name,
                        &format!("Label {}", i + 1),
                        false,
                    ) {
                        changed.name = name.trim().to_string();
                    }
                });
                ui.scope(|ui| {
                    ui.set_width(60.0);
                    let key = l.hotkey.map(String::from).unwrap_or_default();
                    if let Some(k) = commit_edit(
                        ui,
                        &mut app.bufs,
                        &format!("label-key-{}", l.id.0),
                        &key,
                        &format!("key {}", i + 1),
                        false,
                    ) {
                        changed.hotkey = k.trim().chars().next();
                    }
                });
                let mut parent = l.parent;
                egui::ComboBox::from_label("parent")
                    .selected_text(
                        parent.map_or("top level".to_string(), |p| {
                            format!("under {}", app.project().schema.label_name(p))
                        }),
                    )
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut parent, None, "top level");
                        for o in labels.iter().filter(|o| o.id != l.id) {
                            ui.selectable_value(&mut parent, Some(o.id), format!("under {}", o.name));
                        }
                    });
                changed.parent = parent;
                if changed != *l {
                    app.push(Command::SetLabel { label: changed });
                }
                if ui.add_enabled(i > 0, egui::Button::new("Up")).clicked() {
                    app.push(Command::MoveLabel { label: l.id, index: i - 1 });
                }
                if ui.add_enabled(i + 1 < n, egui::Button::new("Down")).clicked() {
                    app.push(Command::MoveLabel { label: l.id, index: i + 1 });
                }
                ui.weak(format!("{uses} spans"));
                merge_menu(ui, app, l.id, &labels);
                if ui.button(format!("Delete {}", l.name)).clicked() {
                    if uses == 0 {
                        app.push(Command::RemoveLabel { label: l.id, spans: InUse::Delete });
                    } else {
                        app.dialog = Some(Dialog::DeleteLabel { label: l.id, reassign: None });
                    }
                }
            });
        });
    }
    ui.horizontal(|ui| {
        named_field(ui, "New label", &mut app.new_label, 140.0);
        let name = app.new_label.trim().to_string();
        if ui.add_enabled(!name.is_empty(), egui::Button::new("Add label")).clicked() {
            let used: Vec<char> = app.project().schema.labels.iter().filter_map(|l| l.hotkey).collect();
            let hotkey = ('1'..='9').find(|k| !used.contains(k));
            let id = LabelId(app.doc.alloc_id());
            let color = Color::palette(app.project().schema.labels.len());
            let label = Label { id, name, color, hotkey, parent: None, description: String::new() };
            app.push(Command::AddLabel { label, index: usize::MAX });
            app.new_label.clear();
        }
    });
}

fn merge_menu(ui: &mut egui::Ui, app: &mut GloseApp, id: LabelId, labels: &[Label]) {
    ui.menu_button("Merge into…", |ui| {
        for o in labels.iter().filter(|o| o.id != id) {
            if ui.button(&o.name).clicked() {
                app.push(Command::MergeLabels { from: id, into: o.id });
                ui.close();
            }
        }
    });
}

fn relation_types_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    ui.heading("Relation types");
    let types = app.project().schema.relation_types.clone();
    let n = types.len();
    let counts = app.counts();
    for (i, t) in types.iter().enumerate() {
        let uses = counts.relations_per_type.get(&t.id).copied().unwrap_or(0);
        ui.push_id(("type", t.id.0), |ui| {
            ui.horizontal(|ui| {
                let mut changed = t.clone();
                if let Some(c) = colour_picker(ui, &mut app.colour_drafts, format!("type-{}", t.id.0), t.color) {
                    changed.color = c;
                }
                ui.scope(|ui| {
                    ui.set_width(150.0);
                    if let Some(name) = commit_edit(
                        ui,
                        &mut app.bufs,
                        &format!("type-name-{}", t.id.0),
                        &t.name,
                        &format!("Type {}", i + 1),
                        false,
                    ) {
                        changed.name = name.trim().to_string();
                    }
                });
                ui.checkbox(&mut changed.symmetric, "symmetric");
                let ends = |ls: &[LabelId]| {
                    if ls.is_empty() {
                        "any".to_string()
                    } else {
                        ls.iter().map(|l| app.project().schema.label_name(*l)).collect::<Vec<_>>().join("/")
                    }
                };
                ui.weak(format!("{} → {}", ends(&t.from_labels), ends(&t.to_labels)));
                if changed != *t {
                    app.push(Command::SetRelationType { relation_type: changed });
                }
                if ui.add_enabled(i > 0, egui::Button::new("Up")).clicked() {
                    app.push(Command::MoveRelationType { relation_type: t.id, index: i - 1 });
                }
                if ui.add_enabled(i + 1 < n, egui::Button::new("Down")).clicked() {
                    app.push(Command::MoveRelationType { relation_type: t.id, index: i + 1 });
                }
                ui.weak(format!("{uses} relations"));
                ui.menu_button("Merge into…", |ui| {
                    for o in types.iter().filter(|o| o.id != t.id) {
                        if ui.button(&o.name).clicked() {
                            app.push(Command::MergeRelationTypes { from: t.id, into: o.id });
                            ui.close();
                        }
                    }
                });
                if ui.button(format!("Delete {}", t.name)).clicked() {
                    if uses == 0 {
                        app.push(Command::RemoveRelationType { relation_type: t.id, relations: InUse::Delete });
                    } else {
                        app.dialog = Some(Dialog::DeleteRelationType { kind: t.id, reassign: None });
                    }
                }
            });
        });
    }
    ui.horizontal(|ui| {
        named_field(ui, "New relation type", &mut app.new_type, 140.0);
        let name = app.new_type.trim().to_string();
        if ui.add_enabled(!name.is_empty(), egui::Button::new("Add relation type")).clicked() {
            let id = RelTypeId(app.doc.alloc_id());
            let color = Color::palette(app.project().schema.relation_types.len() + 4);
            let relation_type =
                RelationType { id, name, color, symmetric: false, from_labels: vec![], to_labels: vec![] };
            app.push(Command::AddRelationType { relation_type, index: usize::MAX });
            app.new_type.clear();
        }
    });
}

/// A colour button whose picking is one change: while the pointer is held (a drag across the
/// picker) the colour is only shown; it is returned once, when the gesture ends, so one drag is
/// one command, one undo step and one journal line.
fn colour_picker(
    ui: &mut egui::Ui,
    drafts: &mut std::collections::HashMap<String, egui::Color32>,
    key: String,
    current: crate::model::Color,
) -> Option<crate::model::Color> {
    let saved = color32(current);
    let mut shown = drafts.get(&key).copied().unwrap_or(saved);
    if ui.color_edit_button_srgba(&mut shown).on_hover_text("Colour").changed() {
        drafts.insert(key.clone(), shown);
    }
    if ui.input(|i| i.pointer.any_down()) {
        return None;
    }
    let draft = drafts.remove(&key)?;
    (draft != saved).then(|| from_color32(draft))
}
