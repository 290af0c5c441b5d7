//! The right panel: the label palette, the selected span (label, actor, note, attributes,
//! fragments, relations), the article's spans and relations as tables, and the canonical actors.

use super::app::Action;
use super::view::{Then, ViewCx, Window};
use super::{SideTab, color32, reader::ellipsize};
use crate::edit::{Command, REVIEW_ATTRIBUTE};
use crate::model::{ArticleId, Entity, EntityId, Fragment, Span, SpanId};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

/// A text field that commits when the user leaves it (Enter or focus lost). Returns the new
/// value when it changed. While not focused it shows the project's current value, so undo
/// shows through.
pub fn commit_edit(
    ui: &mut egui::Ui,
    bufs: &mut HashMap<String, String>,
    key: &str,
    current: &str,
    name: &str,
    multiline: bool,
) -> Option<String> {
    let label = ui.label(name);
    let buf = bufs.entry(key.to_string()).or_insert_with(|| current.to_string());
    let edit = if multiline { egui::TextEdit::multiline(buf).desired_rows(3) } else { egui::TextEdit::singleline(buf) };
    let r = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(label.id);
    if r.lost_focus() {
        let value = bufs.remove(key).unwrap_or_default();
        return (value != current).then_some(value);
    }
    if !r.has_focus() {
        *buf = current.to_string();
    }
    None
}

/// A single-line field with a visible name, for the add-forms.
pub fn named_field(ui: &mut egui::Ui, name: &str, value: &mut String, width: f32) -> egui::Response {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(value).desired_width(width)).labelled_by(label.id)
}

/// The right panel's state: text fields being typed in, the actor forms, the mentions found.
#[derive(Default)]
pub struct SidePanel {
    /// The Spans tab lists only spans marked for review.
    review_only: bool,
    /// Text fields being edited, by key, committed when they lose focus.
    bufs: HashMap<String, String>,
    new_alias: String,
    new_actor: String,
    new_claim: String,
    merge_target: Option<EntityId>,
    attr_key: String,
    attr_value: String,
    /// "Find unlinked mentions" results for an actor in the current article.
    proposals: Option<(EntityId, Vec<crate::analysis::Mention>)>,
}

impl SidePanel {
    /// The unlinked mentions last found, and for which actor.
    pub fn proposals(&self) -> Option<&(EntityId, Vec<crate::analysis::Mention>)> {
        self.proposals.as_ref()
    }

    pub fn ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        let default = super::panel_size(ui, "side", 0.27, 210.0..=360.0);
        egui::Panel::right("side").resizable(true).default_size(default).min_size(210.0).show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let tab = &mut cx.nav.side_tab;
                ui.selectable_value(tab, SideTab::Annotate, t!("side-annotate"));
                ui.selectable_value(tab, SideTab::Spans, t!("side-spans"));
                ui.selectable_value(tab, SideTab::Actors, t!("side-actors"));
                ui.selectable_value(tab, SideTab::Suggestions, t!("side-suggestions"));
            });
            ui.separator();
            egui::ScrollArea::vertical().id_salt("side-scroll").auto_shrink([false, false]).show(ui, |ui| {
                match cx.nav.side_tab {
                    SideTab::Annotate => {
                        palette_ui(cx, ui);
                        ui.separator();
                        self.span_inspector_ui(cx, ui);
                    }
                    SideTab::Spans => self.spans_tab_ui(cx, ui),
                    SideTab::Actors => self.actors_tab_ui(cx, ui),
                    SideTab::Suggestions => super::suggest::tab_ui(cx, ui),
                }
            });
        });
    }
}

fn palette_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.strong(t!("side-labels"));
        if ui.small_button(t!("side-edit-labels")).clicked() {
            cx.show(Window::Schema);
        }
    });
    coder_filter_ui(cx, ui);
    let mut counts: HashMap<_, usize> = HashMap::new();
    for s in cx.article().map_or(&[][..], |a| &a.spans) {
        *counts.entry(s.label).or_insert(0) += 1;
    }
    let doc = cx.doc;
    let schema = &doc.project().schema;
    egui::Grid::new("palette").num_columns(5).spacing([6.0, 4.0]).show(ui, |ui| {
        // Narrow columns under short headers, so the panel holds in a small window; each
        // check box still has its full accessible name ("sticky Actor", "show Actor").
        for head in
            [String::new(), t!("side-head-key"), t!("side-head-here"), t!("side-head-sticky"), t!("side-head-show")]
        {
            ui.weak(head);
        }
        ui.end_row();
        for l in &schema.labels {
            let depth = ancestors(schema, l.id);
            ui.horizontal(|ui| {
                ui.add_space(12.0 * depth as f32);
                let (r, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                ui.painter().rect_filled(r, 3.0, color32(l.color));
                if ui.button(&l.name).on_hover_text(&l.description).clicked() {
                    cx.act(Action::ApplyLabel(l.id));
                }
            });
            ui.weak(l.hotkey.map_or(String::new(), |k| k.to_string()));
            ui.weak(format!("{}", counts.get(&l.id).copied().unwrap_or(0)))
                .on_hover_text(t!("side-spans-label-article"));
            let mut sticky = cx.nav.sticky_label == Some(l.id);
            if named_check(ui, &mut sticky, &t!("side-sticky", label = l.name))
                .on_hover_text(t!("side-apply-label-every-new-selection"))
                .changed()
            {
                cx.nav.sticky_label = sticky.then_some(l.id);
            }
            let hidden = &mut cx.nav.rs.hidden_labels;
            let mut shown = !hidden.contains(&l.id);
            if named_check(ui, &mut shown, &t!("side-show", label = l.name))
                .on_hover_text(t!("side-show-label-s-spans-reader"))
                .changed()
            {
                if shown {
                    hidden.retain(|x| *x != l.id);
                } else {
                    hidden.push(l.id);
                }
            }
            ui.end_row();
        }
    });
}

fn ancestors(schema: &crate::model::Schema, id: crate::model::LabelId) -> usize {
    let mut n = 0;
    let mut cur = schema.label(id).and_then(|l| l.parent);
    while let Some(p) = cur {
        n += 1;
        if n > 8 {
            break;
        }
        cur = schema.label(p).and_then(|l| l.parent);
    }
    n
}

impl SidePanel {
    fn span_inspector_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        let Some(aid) = cx.nav.current else { return };
        let Some(span) = cx.nav.rs.selected_span.and_then(|s| cx.project().article(aid)?.span(s).cloned()) else {
            if cx.nav.rs.has_selection() {
                let (s, e) = cx.nav.rs.selection();
                ui.label(t!("side-selected-characters-press-label-key", s = s, e = e, value = e - s));
            } else {
                ui.weak(t!("side-select-text-label-click-highlight"));
            }
            return;
        };
        let sid = span.id;
        span_header_ui(cx, ui, aid, &span);
        label_and_actor_ui(cx, ui, aid, &span);
        if let Some(note) =
            commit_edit(ui, &mut self.bufs, &format!("note-{}", sid.0), &span.note, &t!("side-span-note"), true)
        {
            cx.push(Command::SetSpanNote { article: aid, span: sid, note });
        }
        self.attributes_ui(cx, ui, aid, &span);
        ui.horizontal_wrapped(|ui| {
            if ui.button(t!("side-link-l")).clicked() {
                cx.act(Action::StartLink);
            }
            let fragment = egui::Button::new(t!("side-add-selection-as-fragment-ctrl"));
            if ui.add_enabled(cx.nav.rs.has_selection(), fragment).clicked() {
                cx.act(Action::AddFragment);
            }
            if span.fragments.len() > 1 && ui.button(t!("side-keep-first-fragment-only")).clicked() {
                cx.push(Command::SetSpanFragments { article: aid, span: sid, fragments: vec![span.fragments[0]] });
            }
            if ui.button(t!("side-delete-span-del")).clicked() {
                cx.act(Action::DeleteSelectedSpan);
            }
        });
        ui.weak(t!("side-alt-grows-shrinks-end-word"));
        relations_of_span_ui(cx, ui, aid, sid);
    }
}

/// The span's text, its review mark, its fragments and annotator.
fn span_header_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, aid: ArticleId, span: &Span) {
    ui.strong(t!("side-selected-span"));
    ui.label(egui::RichText::new(ellipsize(&span.quote, 400)).italics());
    if let Some(why) = span.attributes.get(REVIEW_ATTRIBUTE) {
        ui.colored_label(ui.visuals().warn_fg_color, t!("side-needs-review", why = why));
        ui.horizontal_wrapped(|ui| {
            if ui.button(t!("side-mark-reviewed")).on_hover_text(t!("side-keep-span-where-now")).clicked() {
                let mut attributes = span.attributes.clone();
                attributes.remove(REVIEW_ATTRIBUTE);
                cx.push(Command::SetSpanAttributes { article: aid, span: span.id, attributes });
            }
            ui.weak(t!("side-resize-alt-arrows-delete"));
        });
    }
    ui.weak(format!(
        "{} · {}{}",
        span.fragments.iter().map(|f| format!("{}–{}", f.start, f.end)).collect::<Vec<_>>().join(", "),
        if span.annotator.is_empty() { t!("side-unknown-annotator") } else { span.annotator.clone() },
        if span.fragments.len() > 1 { t!("side-discontinuous") } else { String::new() }
    ));
}

/// The span's label and canonical actor (or a new actor from its text).
fn label_and_actor_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, aid: ArticleId, span: &Span) {
    let sid = span.id;
    let p = cx.doc.project();
    let mut label = span.label;
    super::combo(ui, &t!("side-span-label"), p.schema.label_name(label), |ui| {
        for l in &p.schema.labels {
            ui.selectable_value(&mut label, l.id, &l.name);
        }
    });
    if label != span.label {
        cx.push(Command::SetSpanLabel { article: aid, span: sid, label });
    }
    let mut entity = span.entity;
    let ename = |e: Option<EntityId>| e.and_then(|e| p.entity(e)).map_or(t!("side-none"), |e| e.name.clone());
    // A Claim span links to a canonical claim (listed first), any other to an actor.
    let claim = is_claim_label(p.schema.label(span.label));
    let (caption, kind, what) =
        if claim { (t!("side-linked-claim"), CLAIM_KIND, "claim") } else { (t!("side-linked-actor"), "", "actor") };
    super::combo(ui, &caption, ename(entity), |ui| {
        ui.selectable_value(&mut entity, None, t!("side-none"));
        for first in [true, false] {
            for e in p.entities.iter().filter(|e| (e.kind == CLAIM_KIND) == (claim == first)) {
                ui.selectable_value(&mut entity, Some(e.id), &e.name);
            }
        }
    });
    if entity != span.entity {
        cx.push(Command::SetSpanEntity { article: aid, span: sid, entity });
    }
    if span.entity.is_none() && ui.button(t!("side-new-from-text", what = what)).clicked() {
        let name = span.quote.split_whitespace().collect::<Vec<_>>().join(" ");
        let entity = Entity { id: EntityId::NEW, name, kind: kind.into(), ..Default::default() };
        cx.push(Command::Batch {
            label: t!("side-new", what = what),
            commands: vec![
                Command::AddEntity { entity, index: usize::MAX },
                // The actor the batch adds.
                Command::SetSpanEntity { article: aid, span: sid, entity: Some(EntityId::NEW) },
            ],
        });
    }
}

/// The kind of a canonical claim (DNA's concept) in the registry.
const CLAIM_KIND: &str = crate::analysis::discourse::CLAIM_KIND;

/// The attribute a statement's stance is kept in (see `analysis::discourse`).
const STANCE: &str = "stance";

/// Writes `value` as `span`'s stance (`None`: no stance), when that changes it.
fn set_stance(cx: &mut ViewCx<'_>, aid: ArticleId, span: &Span, value: Option<String>) {
    let mut attributes = span.attributes.clone();
    match value {
        Some(v) => attributes.insert(STANCE.into(), v),
        None => attributes.remove(STANCE),
    };
    if attributes != span.attributes {
        cx.push(Command::SetSpanAttributes { article: aid, span: span.id, attributes });
    }
}

/// Whether spans of this label are Glose's own statements (the Claim label, any case).
fn is_claim_label(label: Option<&crate::model::Label>) -> bool {
    label.is_some_and(|l| l.name.eq_ignore_ascii_case(crate::analysis::discourse::DEFAULT_LABEL))
}

/// The + and − keys on the selected span: on a label with a stance scale they move the stance
/// up or down the scale (from its middle when it has none); else + agrees and − disagrees, the
/// same key again taking the stance away.
pub fn stance_key(cx: &mut ViewCx<'_>, up: bool) {
    let (Some(aid), Some(sid)) = (cx.nav.current, cx.nav.rs.selected_span) else { return };
    let p = cx.project();
    let Some(span) = p.article(aid).and_then(|a| a.span(sid)).cloned() else { return };
    let current = span.attributes.get(STANCE).cloned();
    let value = match p.schema.label(span.label).and_then(|l| l.stance_scale) {
        Some([lo, hi]) => {
            let now = current.as_deref().and_then(|v| v.trim().parse::<i64>().ok());
            let next = match now {
                Some(n) if up => n + 1,
                Some(n) => n - 1,
                None => lo + (hi - lo) / 2 + i64::from(up) - i64::from(!up),
            };
            Some(next.clamp(lo, hi).to_string())
        }
        None => {
            let v = if up { "agree" } else { "disagree" };
            (current.as_deref() != Some(v)).then(|| v.to_string())
        }
    };
    set_stance(cx, aid, &span, value);
}

/// The stance of a Claim span (or of any span whose label has a scale, or that has a stance):
/// agree / disagree, or the label's scale.
fn stance_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, aid: ArticleId, span: &Span) {
    let label = cx.project().schema.label(span.label);
    let is_claim = is_claim_label(label);
    let scale = label.and_then(|l| l.stance_scale);
    let current = span.attributes.get(STANCE).cloned();
    if !is_claim && scale.is_none() && current.is_none() {
        return;
    }
    let values: Vec<String> = match scale {
        Some([lo, hi]) if hi - lo <= 12 => (lo..=hi).map(|v| v.to_string()).collect(),
        Some([lo, hi]) => vec![lo.to_string(), hi.to_string()],
        None => vec!["agree".into(), "disagree".into()],
    };
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(t!("side-stance"));
        for value in &values {
            let on = current.as_deref() == Some(value.as_str());
            let r = ui.selectable_label(on, value.as_str()).on_hover_text(t!("side-keyboard"));
            r.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, on, t!("side-stance-2", value = value))
            });
            if r.clicked() {
                chosen = Some(if on { None } else { Some(value.clone()) });
            }
        }
        match (current.as_deref(), scale) {
            (None, None) => ui.weak(t!("side-none-counted-as-agree")),
            (None, Some(_)) => ui.weak(t!("side-none")),
            (Some(v), _) if !values.iter().any(|x| x == v) => ui.weak(t!("side-now", v = v)),
            _ => ui.weak(""),
        };
    });
    if let Some(v) = chosen {
        set_stance(cx, aid, span, v);
    }
}

impl SidePanel {
    fn attributes_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui, aid: ArticleId, span: &Span) {
        stance_ui(cx, ui, aid, span);
        ui.add_space(4.0);
        ui.strong(t!("side-attributes"));
        let mut remove = None;
        for (k, v) in &span.attributes {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{k} = {v}"));
                if ui.small_button(t!("side-remove-attribute", k = k)).clicked() {
                    remove = Some(k.clone());
                }
            });
        }
        if let Some(k) = remove {
            let mut attrs = span.attributes.clone();
            attrs.remove(&k);
            cx.push(Command::SetSpanAttributes { article: aid, span: span.id, attributes: attrs });
        }
        ui.horizontal_wrapped(|ui| {
            named_field(ui, &t!("side-key"), &mut self.attr_key, 70.0);
            named_field(ui, &t!("side-value"), &mut self.attr_value, 90.0);
            if ui.add_enabled(!self.attr_key.trim().is_empty(), egui::Button::new(t!("side-set-attribute"))).clicked() {
                let mut attrs = span.attributes.clone();
                attrs.insert(self.attr_key.trim().to_string(), self.attr_value.trim().to_string());
                cx.push(Command::SetSpanAttributes { article: aid, span: span.id, attributes: attrs });
                self.attr_key.clear();
                self.attr_value.clear();
            }
        });
    }
}

fn relations_of_span_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, aid: ArticleId, sid: SpanId) {
    let doc = cx.doc;
    let Some(article) = doc.project().article(aid) else { return };
    let rels: Vec<_> = article.relations.iter().filter(|r| r.from == sid || r.to == sid).collect();
    if rels.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(t!("side-relations"));
    for r in rels {
        let other = if r.from == sid { r.to } else { r.from };
        let arrow = if r.from == sid { "→" } else { "←" };
        let text = article.span(other).map_or("?".to_string(), |s| ellipsize(&s.quote, 40));
        let name = doc.project().schema.relation_type_name(r.kind);
        let symmetric = doc.project().schema.relation_type(r.kind).is_some_and(|t| t.symmetric);
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{name} {arrow}"));
            if ui.link(text).clicked() {
                cx.act(Action::JumpToSpan(other));
            }
            // A symmetric relation has no direction to swap.
            if !symmetric && ui.small_button(t!("side-reverse")).on_hover_text(t!("side-swap-two-ends")).clicked() {
                cx.push(Command::ReverseRelation { article: aid, relation: r.id });
            }
            if ui.small_button(t!("side-delete")).on_hover_text(t!("side-delete-relation")).clicked() {
                cx.push(Command::RemoveRelation { article: aid, relation: r.id });
            }
        });
    }
}

impl SidePanel {
    fn spans_tab_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        let mut review_only = self.review_only;
        let doc = cx.doc;
        let p = doc.project();
        let Some(article) = cx.nav.current.and_then(|a| p.article(a)) else { return };
        ui.strong(t!("side-article", spans_len = t!("count-spans", n = article.spans.len())));
        let to_review = article.spans.iter().filter(|s| s.attributes.contains_key(REVIEW_ATTRIBUTE)).count();
        if to_review > 0 || review_only {
            ui.checkbox(&mut review_only, t!("side-needs-review-only", to_review = to_review))
                .on_hover_text(t!("side-spans-whose-text-correction-changed"));
        }
        let mut jump = None;
        let rows: Vec<(SpanId, String, egui::Color32, String, String)> = article
            .spans
            .iter()
            .filter(|s| !review_only || s.attributes.contains_key(REVIEW_ATTRIBUTE))
            .map(|s| {
                let l = p.schema.label(s.label);
                let entity = s.entity.and_then(|e| p.entity(e)).map_or(String::new(), |e| e.name.clone());
                (
                    s.id,
                    l.map_or("?".into(), |l| l.name.clone()),
                    l.map_or(egui::Color32::GRAY, |l| color32(l.color)),
                    ellipsize(&s.quote, 48),
                    entity,
                )
            })
            .collect();
        TableBuilder::new(ui)
            .id_salt("spans-table")
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::auto().at_least(60.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::auto().at_least(60.0))
            .max_scroll_height(360.0)
            .header(18.0, |mut h| {
                h.col(|ui| {
                    ui.strong(t!("side-label"));
                });
                h.col(|ui| {
                    ui.strong(t!("side-text"));
                });
                h.col(|ui| {
                    ui.strong(t!("side-actor"));
                });
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let (id, label, color, text, entity) = &rows[row.index()];
                    row.set_selected(cx.nav.rs.selected_span == Some(*id));
                    row.col(|ui| {
                        ui.colored_label(*color, label);
                    });
                    row.col(|ui| {
                        ui.label(text);
                    });
                    row.col(|ui| {
                        ui.label(entity);
                    });
                    if row.response().clicked() {
                        jump = Some(*id);
                    }
                });
            });
        ui.separator();
        ui.strong(t!("count-relations", n = article.relations.len()));
        for r in &article.relations {
            let name = p.schema.relation_type_name(r.kind);
            let q = |id| article.span(id).map_or("?".to_string(), |s| ellipsize(&s.quote, 28));
            if ui.link(format!("{} {name} {}", q(r.from), q(r.to))).clicked() {
                jump = Some(r.from);
            }
        }
        self.review_only = review_only;
        if let Some(id) = jump {
            cx.act(Action::JumpToSpan(id));
        }
    }

    fn actors_tab_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        for (caption, button, kind) in
            [(t!("side-new-actor"), t!("side-add-actor"), ""), (t!("side-new-claim"), t!("side-add-claim"), CLAIM_KIND)]
        {
            let buffer = if kind.is_empty() { &mut self.new_actor } else { &mut self.new_claim };
            ui.horizontal(|ui| {
                let field = named_field(ui, &caption, buffer, 150.0);
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let add = ui.add_enabled(!buffer.trim().is_empty(), egui::Button::new(button)).clicked();
                if (add || enter) && !buffer.trim().is_empty() {
                    let name = buffer.trim().to_string();
                    let entity = Entity { id: EntityId::NEW, name, kind: kind.into(), ..Default::default() };
                    cx.create(Command::AddEntity { entity, index: usize::MAX }, Then::SelectEntity);
                    buffer.clear();
                }
            });
        }
        let counts = cx.counts();
        let mut hovered = None;
        let doc = cx.doc;
        // Canonical actors, then canonical claims (DNA's concepts).
        for claims in [false, true] {
            let mut listed = doc.project().entities.iter().filter(|e| (e.kind == CLAIM_KIND) == claims).peekable();
            if claims && listed.peek().is_some() {
                ui.strong(t!("side-claims"));
            }
            for e in listed {
                let selected = cx.nav.selected_entity == Some(e.id);
                let text = format!("{} ({})", e.name, counts.mentions_per_entity.get(&e.id).copied().unwrap_or(0));
                let r = ui.selectable_label(selected, text).on_hover_text(e.aliases.join(" · "));
                if r.hovered() {
                    hovered = Some(e.id);
                }
                if r.clicked() {
                    cx.nav.selected_entity = Some(e.id);
                    self.proposals = None;
                }
            }
        }
        cx.nav.rs.highlight_entity = hovered.or(cx.nav.selected_entity);
        ui.separator();
        if let Some(e) = cx.nav.selected_entity.and_then(|e| doc.project().entity(e)) {
            self.entity_editor_ui(cx, ui, e);
        }
    }

    fn entity_editor_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui, e: &Entity) {
        ui.strong(t!("side-actor-2", name = e.name));
        let key = |f: &str| format!("entity-{}-{f}", e.id.0);
        let mut changed = e.clone();
        if let Some(v) = commit_edit(ui, &mut self.bufs, &key("name"), &e.name, &t!("side-name"), false) {
            changed.name = v;
        }
        if let Some(v) = commit_edit(ui, &mut self.bufs, &key("kind"), &e.kind, &t!("side-kind"), false) {
            changed.kind = v;
        }
        let ext = e.external_id.clone().unwrap_or_default();
        if let Some(v) = commit_edit(ui, &mut self.bufs, &key("ext"), &ext, &t!("side-external-id"), false) {
            changed.external_id = (!v.trim().is_empty()).then_some(v);
        }
        if let Some(v) = commit_edit(ui, &mut self.bufs, &key("note"), &e.note, &t!("side-actor-note"), true) {
            changed.note = v;
        }
        ui.label(t!("side-aliases-any-language"));
        let mut remove = None;
        for (i, a) in e.aliases.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(a);
                if ui.small_button(t!("side-remove-alias", a = a)).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            changed.aliases.remove(i);
        }
        ui.horizontal(|ui| {
            let r = named_field(ui, &t!("side-alias"), &mut self.new_alias, 140.0);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(t!("side-add-alias")).clicked() || enter) && !self.new_alias.trim().is_empty() {
                changed.aliases.push(self.new_alias.trim().to_string());
                self.new_alias.clear();
            }
        });
        if changed != *e {
            cx.push(Command::SetEntity { entity: changed });
        }
        self.entity_actions_ui(cx, ui, e);
        self.proposals_ui(cx, ui, e.id);
    }

    /// Merge into another actor, find its unlinked mentions, delete it.
    fn entity_actions_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui, e: &Entity) {
        ui.horizontal(|ui| {
            let others: Vec<(EntityId, String)> =
                cx.project().entities.iter().filter(|o| o.id != e.id).map(|o| (o.id, o.name.clone())).collect();
            let target_name = self
                .merge_target
                .and_then(|t| others.iter().find(|o| o.0 == t))
                .map_or(t!("side-choose"), |o| o.1.clone())
                .to_string();
            super::combo(ui, &t!("side-merge-into"), target_name, |ui| {
                for (id, n) in &others {
                    ui.selectable_value(&mut self.merge_target, Some(*id), n);
                }
            });
            if ui.add_enabled(self.merge_target.is_some(), egui::Button::new(t!("side-merge-actors"))).clicked()
                && let Some(into) = self.merge_target.take()
            {
                cx.push(Command::MergeEntities { from: e.id, into });
                cx.nav.selected_entity = Some(into);
            }
        });
        ui.horizontal(|ui| {
            if ui.button(t!("side-find-unlinked-mentions")).clicked()
                && let Some(a) = cx.article()
            {
                self.proposals = Some((e.id, crate::analysis::unlinked_mentions(a, e)));
            }
            if ui.button(t!("side-delete-actor")).clicked() {
                cx.push(Command::RemoveEntity { entity: e.id });
            }
        });
    }

    fn proposals_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui, entity: EntityId) {
        let Some((pe, list)) = self.proposals.clone() else { return };
        if pe != entity {
            return;
        }
        let Some(aid) = cx.nav.current else { return };
        if list.is_empty() {
            ui.weak(t!("side-no-unlinked-mention-article"));
            return;
        }
        let schema = &cx.project().schema;
        let Some(label) = schema.label_by_name(&t!("side-actor")).or(schema.labels.first()).map(|l| l.id) else {
            return;
        };
        let annotator = cx.settings.annotator.clone();
        let make = |m: &crate::analysis::Mention| match m.existing {
            Some(span) => Command::SetSpanEntity { article: aid, span, entity: Some(entity) },
            None => Command::AddSpan {
                article: aid,
                span: Span {
                    id: SpanId::NEW,
                    fragments: vec![Fragment::new(m.start, m.end)],
                    label,
                    entity: Some(entity),
                    annotator: annotator.clone(),
                    ..Default::default()
                },
                relations: vec![],
            },
        };
        ui.strong(t!("count-unlinked-mentions", n = list.len()));
        let mut accepted = Vec::new();
        let doc = cx.doc;
        let text = cx.nav.current.and_then(|a| doc.project().article(a)).map_or("", |a| a.text.as_str());
        for (i, m) in list.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                // Where it is, in words: the sentence around it, not an offset.
                let place = crate::text::context_around(text, m.start, m.end, 28);
                if ui
                    .link(place)
                    .on_hover_text(t!("side-code-points", form = m.name, start = m.start, end = m.end))
                    .clicked()
                {
                    cx.nav.rs.set_selection(m.start, m.end);
                    cx.nav.rs.scroll_to = Some(m.start);
                }
                let what = if m.existing.is_some() { t!("side-link") } else { t!("side-accept") };
                if ui.small_button(t!("side-mention", what = what, i = i + 1)).clicked() {
                    accepted.push(i);
                }
            });
        }
        if ui.button(t!("side-accept-all-mentions")).clicked() {
            let cmds: Vec<Command> = list.iter().map(make).collect();
            cx.push(Command::Batch { label: t!("side-link-mentions"), commands: cmds });
            self.proposals = Some((entity, Vec::new()));
            return;
        }
        if let Some(&i) = accepted.first() {
            cx.push(make(&list[i]));
            let mut rest = list;
            rest.remove(i);
            self.proposals = Some((entity, rest));
        }
    }
}

/// A check box drawn without text whose accessible name is `name`.
fn named_check(ui: &mut egui::Ui, value: &mut bool, name: &str) -> egui::Response {
    let r = ui.add(egui::Checkbox::without_text(value));
    let checked = *value;
    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, name));
    r
}

/// With several coders, whose spans the reader shows (everyone's by default: two coders' spans
/// on the same words stack their underlines).
fn coder_filter_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    let coders = cx.counts().annotators.clone();
    if coders.len() < 2 {
        return;
    }
    let only = &mut cx.nav.rs.only_annotator;
    let shown = only.clone().unwrap_or_else(|| t!("side-everyone"));
    super::combo(ui, &t!("side-spans-2"), shown, |ui| {
        ui.selectable_value(only, None, t!("side-everyone"));
        for c in &coders {
            ui.selectable_value(only, Some(c.clone()), c);
        }
    });
}
