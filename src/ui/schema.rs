//! The schema editor: add, rename, recolour, re-key, reorder, nest, merge and delete labels
//! and relation types. Deleting one that is in use asks what to do with its spans. Labels and
//! relation types share one row ([`SchemaWindow::rows_ui`]); only their own fields differ.

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
        super::placed(egui::Window::new(t!("schema-labels-relation-types")), ctx)
            .open(&mut open)
            .default_width(640.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().max_height(620.0).show(ui, |ui| {
                    self.labels_ui(cx, ui);
                    ui.separator();
                    self.relation_types_ui(cx, ui);
                });
            });
        open
    }
}

/// What the shared parts of a row need from a label or a relation type.
/// What labels and relation types differ in: the commands their rows make.
trait EntryCommands {
    /// The command for a row's edit, or the question to ask first (deleting one in use).
    fn edit_command(id: u64, edit: RowEdit) -> Result<Command, Dialog>;
    /// The command that stores the entry as edited.
    fn set_command(self) -> Command;
}

trait Entry: Clone + PartialEq {
    /// Names the widgets ("Label 2", "Type 2") and keys their state.
    const KIND: &'static str;
    /// What uses it: "spans", "relations".
    const USES: &'static str;
    fn id(&self) -> u64;
    fn name(&self) -> &str;
    fn name_mut(&mut self) -> &mut String;
    fn color_mut(&mut self) -> &mut Color;
}

impl EntryCommands for Label {
    fn edit_command(id: u64, edit: RowEdit) -> Result<Command, Dialog> {
        let label = LabelId(id);
        Ok(match edit {
            RowEdit::Move(index) => Command::MoveLabel { label, index },
            RowEdit::MergeInto(into) => Command::MergeLabels { from: label, into: LabelId(into) },
            RowEdit::Delete { in_use: false } => Command::RemoveLabel { label, spans: InUse::Delete },
            RowEdit::Delete { in_use: true } => return Err(Dialog::DeleteLabel { label, reassign: None }),
        })
    }

    fn set_command(self) -> Command {
        Command::SetLabel { label: self }
    }
}

impl EntryCommands for RelationType {
    fn edit_command(id: u64, edit: RowEdit) -> Result<Command, Dialog> {
        let kind = RelTypeId(id);
        Ok(match edit {
            RowEdit::Move(index) => Command::MoveRelationType { relation_type: kind, index },
            RowEdit::MergeInto(into) => Command::MergeRelationTypes { from: kind, into: RelTypeId(into) },
            RowEdit::Delete { in_use: false } => {
                Command::RemoveRelationType { relation_type: kind, relations: InUse::Delete }
            }
            RowEdit::Delete { in_use: true } => return Err(Dialog::DeleteRelationType { kind, reassign: None }),
        })
    }

    fn set_command(self) -> Command {
        Command::SetRelationType { relation_type: self }
    }
}

/// Sends the commands (or questions) of the rows' edits.
fn push_rows<T: EntryCommands>(cx: &mut ViewCx<'_>, rows: Vec<RowOutcome<T>>) {
    for row in rows {
        for e in row.edits {
            match T::edit_command(row.id, e) {
                Ok(cmd) => cx.push(cmd),
                Err(question) => cx.dialog(question),
            }
        }
        if let Some(changed) = row.changed {
            cx.push(changed.set_command());
        }
    }
}

/// Labels and relation types are entries alike.
macro_rules! entry {
    ($t:ty, $kind:literal, $uses:literal) => {
        impl Entry for $t {
            const KIND: &'static str = $kind;
            const USES: &'static str = $uses;
            fn id(&self) -> u64 {
                self.id.0
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn name_mut(&mut self) -> &mut String {
                &mut self.name
            }
            fn color_mut(&mut self) -> &mut Color {
                &mut self.color
            }
        }
    };
}

entry!(Label, "label", "spans");
entry!(RelationType, "type", "relations");

/// What the user did to a row, beyond editing its fields.
enum RowEdit {
    Move(usize),
    MergeInto(u64),
    Delete { in_use: bool },
}

/// One row's outcome: the entry as edited (colour, name, own fields) and the other edits.
struct RowOutcome<T> {
    id: u64,
    changed: Option<T>,
    edits: Vec<RowEdit>,
}

impl SchemaWindow {
    /// Every entry's row: colour, name, its own `fields`, Up, Down, uses, Merge into…,
    /// Delete.
    fn rows_ui<T: Entry>(
        &mut self,
        ui: &mut egui::Ui,
        entries: &[T],
        uses: impl Fn(u64) -> usize,
        mut fields: impl FnMut(&mut Self, &mut egui::Ui, usize, &T, &mut T),
    ) -> Vec<RowOutcome<T>> {
        let mut out = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let mut changed = e.clone();
            let mut edits = Vec::new();
            ui.push_id((T::KIND, e.id()), |ui| {
                ui.horizontal(|ui| {
                    self.name_and_colour_ui(ui, i, e, &mut changed);
                    fields(self, ui, i, e, &mut changed);
                    row_end_ui(ui, entries, i, uses(e.id()), &mut edits);
                });
            });
            out.push(RowOutcome { id: e.id(), changed: (changed != *e).then_some(changed), edits });
        }
        out
    }

    fn name_and_colour_ui<T: Entry>(&mut self, ui: &mut egui::Ui, i: usize, e: &T, changed: &mut T) {
        let key = format!("{}-{}", T::KIND, e.id());
        let mut colour = *changed.color_mut();
        if let Some(c) = colour_picker(ui, &mut self.colour_drafts, key.clone(), colour) {
            colour = c;
        }
        *changed.color_mut() = colour;
        ui.scope(|ui| {
            ui.set_width(150.0);
            let name = format!("{}{} {}", T::KIND[..1].to_uppercase(), &T::KIND[1..], i + 1);
            if let Some(v) = commit_edit(ui, &mut self.bufs, &format!("{key}-name"), e.name(), &name, false) {
                *changed.name_mut() = v.trim().to_string();
            }
        });
    }

    fn labels_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        ui.heading(t!("schema-labels"));
        let counts = cx.counts();
        let doc = cx.doc;
        let labels = &doc.project().schema.labels;
        let uses = |id| counts.spans_per_label.get(&LabelId(id)).copied().unwrap_or(0);
        let rows = self.rows_ui(ui, labels, uses, |me, ui, i, l, changed| {
            me.label_fields_ui(ui, doc.project(), l, i, changed);
        });
        push_rows(cx, rows);
        ui.horizontal(|ui| {
            named_field(ui, &t!("schema-new-label"), &mut self.new_label, 140.0);
            let name = self.new_label.trim().to_string();
            if ui.add_enabled(!name.is_empty(), egui::Button::new(t!("schema-add-label"))).clicked() {
                let used: Vec<char> = labels.iter().filter_map(|l| l.hotkey).collect();
                let hotkey = ('1'..='9').find(|k| !used.contains(k));
                let color = Color::palette(labels.len());
                let label = Label { id: LabelId::NEW, name, color, hotkey, ..Default::default() };
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
            if let Some(k) = commit_edit(ui, &mut self.bufs, &field, &key, &t!("schema-key", i = i + 1), false) {
                changed.hotkey = k.trim().chars().next();
            }
        });
        let shown = l.parent.map_or(t!("schema-top-level"), |id| t!("schema-under", label = p.schema.label_name(id)));
        super::combo(ui, &t!("schema-parent"), shown, |ui| {
            ui.selectable_value(&mut changed.parent, None, t!("schema-top-level"));
            for o in p.schema.labels.iter().filter(|o| o.id != l.id) {
                ui.selectable_value(&mut changed.parent, Some(o.id), t!("schema-under-2", label = o.name));
            }
        });
        // The stance its spans take: agree / disagree, or a scale (DNA's integer qualifier).
        let scale = |s: Option<[i64; 2]>| s.map_or("+/−".to_string(), |[a, b]| format!("{a}…{b}"));
        let caption = ui.label(t!("schema-stance"));
        let r = egui::ComboBox::from_id_salt(("stance", l.id.0))
            .width(80.0)
            .selected_text(scale(l.stance_scale))
            .show_ui(ui, |ui| {
                for s in [None, Some([-1, 1]), Some([-2, 2]), Some([-3, 3]), Some([1, 5]), Some([1, 7]), Some([0, 10])]
                {
                    ui.selectable_value(&mut changed.stance_scale, s, scale(s));
                }
            });
        r.response.labelled_by(caption.id).on_hover_text(t!("schema-stance-s-spans-take-agree", label = l.name));
    }

    fn relation_types_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        ui.heading(t!("schema-relation-types"));
        let counts = cx.counts();
        let doc = cx.doc;
        let schema = &doc.project().schema;
        let types = &schema.relation_types;
        let uses = |id| counts.relations_per_type.get(&RelTypeId(id)).copied().unwrap_or(0);
        let rows = self.rows_ui(ui, types, uses, |_, ui, _, t, changed| {
            ui.checkbox(&mut changed.symmetric, t!("schema-symmetric"));
            ends_ui(ui, schema, &t.name, "from", &mut changed.from_labels);
            ui.label("→");
            ends_ui(ui, schema, &t.name, "to", &mut changed.to_labels);
        });
        push_rows(cx, rows);
        ui.horizontal(|ui| {
            named_field(ui, &t!("schema-new-relation-type"), &mut self.new_type, 140.0);
            let name = self.new_type.trim().to_string();
            if ui.add_enabled(!name.is_empty(), egui::Button::new(t!("schema-add-relation-type"))).clicked() {
                let color = Color::palette(types.len() + 4);
                let (from_labels, to_labels) = (vec![], vec![]);
                let relation_type =
                    RelationType { id: RelTypeId::NEW, name, color, symmetric: false, from_labels, to_labels };
                cx.push(Command::AddRelationType { relation_type, index: usize::MAX });
                self.new_type.clear();
            }
        });
    }
}

/// Up, Down, uses, Merge into…, Delete: the last parts of a row.
fn row_end_ui<T: Entry>(ui: &mut egui::Ui, entries: &[T], i: usize, uses: usize, edits: &mut Vec<RowEdit>) {
    if ui.add_enabled(i > 0, egui::Button::new(t!("schema-up"))).clicked() {
        edits.push(RowEdit::Move(i - 1));
    }
    if ui.add_enabled(i + 1 < entries.len(), egui::Button::new(t!("schema-down"))).clicked() {
        edits.push(RowEdit::Move(i + 1));
    }
    ui.weak(format!("{uses} {}", T::USES));
    let this = &entries[i];
    ui.menu_button(t!("schema-merge-into"), |ui| {
        for o in entries.iter().filter(|o| o.id() != this.id()) {
            if ui.button(o.name()).clicked() {
                edits.push(RowEdit::MergeInto(o.id()));
                ui.close();
            }
        }
    });
    if ui.button(t!("schema-delete", name = this.name())).clicked() {
        edits.push(RowEdit::Delete { in_use: uses > 0 });
    }
}

/// A colour button whose picking is one change: while the pointer is held (a drag across the
/// picker) the colour is only shown; it is returned once, when the gesture ends, so one drag is
/// one command, one undo step and one journal line. Opaque colours only (no alpha, no blending);
/// beside it, preset swatches and the hex code.
fn colour_picker(
    ui: &mut egui::Ui,
    drafts: &mut HashMap<String, egui::Color32>,
    key: String,
    current: Color,
) -> Option<Color> {
    let saved = color32(current);
    let shown = drafts.get(&key).copied().unwrap_or(saved);
    let mut rgb = [shown.r(), shown.g(), shown.b()];
    if ui.color_edit_button_srgb(&mut rgb).on_hover_text(t!("schema-colour")).changed() {
        drafts.insert(key.clone(), egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2]));
    }
    if let Some(c) = presets_ui(ui, &key, current) {
        drafts.remove(&key);
        return (c != current).then_some(c);
    }
    if ui.input(|i| i.pointer.any_down()) {
        return None;
    }
    let draft = drafts.remove(&key)?;
    (draft != saved).then(|| from_color32(draft))
}

/// A menu of preset colours (the palette new labels get) and a `#rrggbb` field.
fn presets_ui(ui: &mut egui::Ui, key: &str, current: Color) -> Option<Color> {
    let mut picked = None;
    let hex_id = ui.make_persistent_id(("hex", key));
    let r = ui.menu_button("▾", |ui| {
        ui.label(t!("schema-preset-colours"));
        ui.horizontal_wrapped(|ui| {
            for i in 0..10 {
                let c = Color::palette(i);
                let (rect, resp) = ui.allocate_exact_size(egui::vec2(20.0, 20.0), egui::Sense::click());
                let stroke = if c == current { ui.visuals().strong_text_color() } else { egui::Color32::TRANSPARENT };
                ui.painter().rect(rect, 3.0, color32(c), egui::Stroke::new(2.0, stroke), egui::StrokeKind::Outside);
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, t!("schema-colour-2", c = c)));
                if resp.on_hover_text(c.to_string()).clicked() {
                    picked = Some(c);
                    ui.close();
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(t!("schema-hex"));
            let mut hex = ui.data(|d| d.get_temp::<String>(hex_id)).unwrap_or_else(|| current.to_string());
            let field = ui.add(egui::TextEdit::singleline(&mut hex).desired_width(80.0)).labelled_by(label.id);
            let valid = Color::parse(&hex);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && valid.is_some() {
                picked = valid;
                ui.close();
            }
            if valid.is_none() {
                ui.colored_label(ui.visuals().warn_fg_color, "#rrggbb"); // i18n-ok
            }
            ui.data_mut(|d| d.insert_temp(hex_id, hex));
        });
    });
    r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, t!("schema-colour-presets")));
    r.response.on_hover_text(t!("schema-preset-colours-hex-code"));
    if picked.is_some() {
        ui.data_mut(|d| d.remove::<String>(hex_id));
    }
    picked
}

/// The labels a relation type accepts at one end, chosen in a menu ("any" when none is ticked).
fn ends_ui(ui: &mut egui::Ui, schema: &crate::model::Schema, kind: &str, end: &str, allowed: &mut Vec<LabelId>) {
    let names: Vec<&str> = allowed.iter().map(|l| schema.label_name(*l)).collect();
    let shown = if names.is_empty() { t!("schema-any-label") } else { names.join("/") };
    ui.menu_button(shown, |ui| {
        ui.weak(t!("schema-labels-accepts-at-end", kind = kind, end = end));
        for l in &schema.labels {
            let mut on = allowed.contains(&l.id);
            if ui.checkbox(&mut on, &l.name).changed() {
                if on {
                    allowed.push(l.id);
                } else {
                    allowed.retain(|x| *x != l.id);
                }
            }
        }
        if ui.button(t!("schema-any-label-2")).clicked() {
            allowed.clear();
        }
    })
    .response
    .on_hover_text(t!("schema-labels-accepts-at-end", kind = kind, end = end));
}
