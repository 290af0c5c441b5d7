//! The schema editor: add, rename, recolour, re-key, reorder, nest, merge and delete labels
//! and relation types. Deleting one that is in use asks what to do with its spans. Labels and
//! relation types share one row layout ([`RowSpec`]); only their own fields differ.

use super::app::WindowView;
use super::side::{commit_edit, named_field};
use super::view::ViewCx;
use super::{Dialog, color32, from_color32};
use crate::edit::{Command, InUse};
use crate::model::{Color, Label, LabelId, RelTypeId, RelationType};
use std::collections::HashMap;

/// The window's state: names being typed, colours being picked.
#[derive(Default)]
pub struct SchemaWindow {
    new_label: String,
    new_type: String,
    /// Text fields being edited, by key, committed when they lose focus.
    bufs: HashMap<String, String>,
    /// Colours being picked (a drag in a colour picker), by widget key: applied once, when
    /// the gesture ends.
    colour_drafts: HashMap<String, egui::Color32>,
}

impl WindowView for SchemaWindow {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let mut open = true;
        egui::Window::new("Labels and relation types").open(&mut open).default_width(640.0).show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(620.0).show(ui, |ui| {
                self.labels_ui(cx, ui);
                ui.separator();
                self.relation_types_ui(cx, ui);
            });
        });
        open
    }
}

/// One row of the editor, label or relation type: what the shared parts need to know.
struct RowSpec<'a> {
    /// "label" or "type": names the widgets ("Label 2", "Type 2").
    kind: &'a str,
    id: u64,
    index: usize,
    count: usize,
    name: &'a str,
    color: Color,
    uses: usize,
    uses_word: &'a str,
    /// The others it can merge into.
    others: Vec<(u64, &'a str)>,
}

/// What the user did to a row's shared parts.
enum RowEdit {
    Colour(Color),
    Name(String),
    Move(usize),
    MergeInto(u64),
    Delete,
}

impl SchemaWindow {
    /// Colour and name, the first parts of a row.
    fn row_start(&mut self, ui: &mut egui::Ui, row: &RowSpec<'_>, edits: &mut Vec<RowEdit>) {
        let key = format!("{}-{}", row.kind, row.id);
        if let Some(c) = colour_picker(ui, &mut self.colour_drafts, key.clone(), row.color) {
            edits.push(RowEdit::Colour(c));
        }
        ui.scope(|ui| {
            ui.set_width(150.0);
            let name = format!("{}{} {}", row.kind[..1].to_uppercase(), &row.kind[1..], row.index + 1);
            if let Some(v) = commit_edit(ui, &mut self.bufs, &format!("{key}-name"), row.name, &name, false) {
                edits.push(RowEdit::Name(v.trim().to_string()));
            }
        });
    }

    /// Up, Down, uses, Merge into…, Delete: the last parts of a row.
    fn row_end(ui: &mut egui::Ui, row: &RowSpec<'_>, edits: &mut Vec<RowEdit>) {
        if ui.add_enabled(row.index > 0, egui::Button::new("Up")).clicked() {
            edits.push(RowEdit::Move(row.index - 1));
        }
        if ui.add_enabled(row.index + 1 < row.count, egui::Button::new("Down")).clicked() {
            edits.push(RowEdit::Move(row.index + 1));
        }
        ui.weak(format!("{} {}", row.uses, row.uses_word));
        ui.menu_button("Merge into…", |ui| {
            for (id, name) in &row.others {
                if ui.button(*name).clicked() {
                    edits.push(RowEdit::MergeInto(*id));
                    ui.close();
                }
            }
        });
        if ui.button(format!("Delete {}", row.name)).clicked() {
            edits.push(RowEdit::Delete);
        }
    }

    fn labels_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        ui.heading("Labels");
        let counts = cx.counts();
        let doc = cx.doc;
        let labels = &doc.project().schema.labels;
        for (i, l) in labels.iter().enumerate() {
            let row = RowSpec {
                kind: "label",
                id: l.id.0,
                index: i,
                count: labels.len(),
                name: &l.name,
                color: l.color,
                uses: counts.spans_per_label.get(&l.id).copied().unwrap_or(0),
                uses_word: "spans",
                others: labels.iter().filter(|o| o.id != l.id).map(|o| (o.id.0, o.name.as_str())).collect(),
            };
            let mut edits = Vec::new();
            let mut changed = l.clone();
            ui.push_id(("label", l.id.0), |ui| {
                ui.horizontal(|ui| {
                    self.row_start(ui, &row, &mut edits);
                    self.label_fields_ui(ui, doc.project(), l, i, &mut changed);
                    Self::row_end(ui, &row, &mut edits);
                });
            });
            for e in edits {
                match e {
                    RowEdit::Colour(c) => changed.color = c,
                    RowEdit::Name(n) => changed.name = n,
                    RowEdit::Move(index) => cx.push(Command::MoveLabel { label: l.id, index }),
                    RowEdit::MergeInto(into) => cx.push(Command::MergeLabels { from: l.id, into: LabelId(into) }),
                    RowEdit::Delete if row.uses == 0 => {
                        cx.push(Command::RemoveLabel { label: l.id, spans: InUse::Delete });
                    }
                    RowEdit::Delete => cx.dialog(Dialog::DeleteLabel { label: l.id, reassign: None }),
                }
            }
            if changed != *l {
                cx.push(Command::SetLabel { label: changed });
            }
        }
        ui.horizontal(|ui| {
            named_field(ui, "New label", &mut self.new_label, 140.0);
            let name = self.new_label.trim().to_string();
            if ui.add_enabled(!name.is_empty(), egui::Button::new("Add label")).clicked() {
                let used: Vec<char> = labels.iter().filter_map(|l| l.hotkey).collect();
                let hotkey = ('1'..='9').find(|k| !used.contains(k));
                let color = Color::palette(labels.len());
                let label = Label { id: LabelId::NEW, name, color, hotkey, parent: None, description: String::new() };
                cx.push(Command::AddLabel { label, index: usize::MAX });
                self.new_label.clear();
            }
        });
    }

    /// A label's own fields: its key and its parent.
    fn label_fields_ui(
        &mut self,
        ui: &mut egui::Ui,
        p: &crate::model::Project,
        l: &Label,
        i: usize,
        changed: &mut Label,
    ) {
        ui.scope(|ui| {
            ui.set_width(60.0);
            let key = l.hotkey.map(String::from).unwrap_or_default();
            let field = format!("label-key-{}", l.id.0);
            if let Some(k) = commit_edit(ui, &mut self.bufs, &field, &key, &format!("key {}", i + 1), false) {
                changed.hotkey = k.trim().chars().next();
            }
        });
        let shown = l.parent.map_or("top level".to_string(), |id| format!("under {}", p.schema.label_name(id)));
        egui::ComboBox::from_label("parent").selected_text(shown).show_ui(ui, |ui| {
            ui.selectable_value(&mut changed.parent, None, "top level");
            for o in p.schema.labels.iter().filter(|o| o.id != l.id) {
                ui.selectable_value(&mut changed.parent, Some(o.id), format!("under {}", o.name));
            }
        });
    }

    fn relation_types_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        ui.heading("Relation types");
        let counts = cx.counts();
        let doc = cx.doc;
        let schema = &doc.project().schema;
        let types = &schema.relation_types;
        for (i, t) in types.iter().enumerate() {
            let row = RowSpec {
                kind: "type",
                id: t.id.0,
                index: i,
                count: types.len(),
                name: &t.name,
                color: t.color,
                uses: counts.relations_per_type.get(&t.id).copied().unwrap_or(0),
                uses_word: "relations",
                others: types.iter().filter(|o| o.id != t.id).map(|o| (o.id.0, o.name.as_str())).collect(),
            };
            let mut edits = Vec::new();
            let mut changed = t.clone();
            ui.push_id(("type", t.id.0), |ui| {
                ui.horizontal(|ui| {
                    self.row_start(ui, &row, &mut edits);
                    ui.checkbox(&mut changed.symmetric, "symmetric");
                    let ends = |ls: &[LabelId]| {
                        let names: Vec<&str> = ls.iter().map(|l| schema.label_name(*l)).collect();
                        if names.is_empty() { "any".to_string() } else { names.join("/") }
                    };
                    ui.weak(format!("{} → {}", ends(&t.from_labels), ends(&t.to_labels)));
                    Self::row_end(ui, &row, &mut edits);
                });
            });
            for e in edits {
                match e {
                    RowEdit::Colour(c) => changed.color = c,
                    RowEdit::Name(n) => changed.name = n,
                    RowEdit::Move(index) => cx.push(Command::MoveRelationType { relation_type: t.id, index }),
                    RowEdit::MergeInto(into) => {
                        cx.push(Command::MergeRelationTypes { from: t.id, into: RelTypeId(into) });
                    }
                    RowEdit::Delete if row.uses == 0 => {
                        cx.push(Command::RemoveRelationType { relation_type: t.id, relations: InUse::Delete });
                    }
                    RowEdit::Delete => cx.dialog(Dialog::DeleteRelationType { kind: t.id, reassign: None }),
                }
            }
            if changed != *t {
                cx.push(Command::SetRelationType { relation_type: changed });
            }
        }
        ui.horizontal(|ui| {
            named_field(ui, "New relation type", &mut self.new_type, 140.0);
            let name = self.new_type.trim().to_string();
            if ui.add_enabled(!name.is_empty(), egui::Button::new("Add relation type")).clicked() {
                let color = Color::palette(types.len() + 4);
                let relation_type = RelationType {
                    id: RelTypeId::NEW,
                    name,
                    color,
                    symmetric: false,
                    from_labels: vec![],
                    to_labels: vec![],
                };
                cx.push(Command::AddRelationType { relation_type, index: usize::MAX });
                self.new_type.clear();
            }
        });
    }
}

/// A colour button whose picking is one change: while the pointer is held (a drag across the
/// picker) the colour is only shown; it is returned once, when the gesture ends, so one drag is
/// one command, one undo step and one journal line.
fn colour_picker(
    ui: &mut egui::Ui,
    drafts: &mut HashMap<String, egui::Color32>,
    key: String,
    current: Color,
) -> Option<Color> {
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
