//! The reader: an article's text laid out paragraph by paragraph, spans painted as colour
//! bands with stacked underlines (so nested and overlapping spans stay apart), relation arcs
//! between spans on screen, and a selection driven by mouse or keyboard in code points.
//!
//! Galleys are cached per paragraph and depend only on the text, width and font, so adding
//! or removing a span repaints without laying anything out again.

use super::arcs::{ArcStyle, Link, Seg};
use crate::model::{Article, ArticleId, EntityId, Project, RelationId, SpanId};
use crate::suggest::Suggestion;
use crate::text::{CharMap, snap_to_graphemes, snap_to_words, word_step};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};
use std::sync::Arc;

/// A paragraph: one line of the text (split at '\n', a trailing '\r' left out). Laid out only
/// once it comes near the screen; until then its height is an estimate.
struct Para {
    chars: std::ops::Range<usize>,
    bytes: std::ops::Range<usize>,
    galley: Option<Arc<Galley>>,
    height: f32,
    /// Top of the paragraph relative to the top of the text.
    top: f32,
    /// The relations drawn above its rows (its rows are moved down to make room for them).
    arcs: Vec<Seg>,
}

/// What the layout was made for; any change means laying out again.
#[derive(Clone, PartialEq)]
struct LayoutKey {
    article: ArticleId,
    text_len: usize,
    text_revision: u64,
    width_bits: u32,
    font_bits: u32,
    dark: bool,
}

/// One painted fragment of a span.
struct Mark {
    span: SpanId,
    start: usize,
    end: usize,
    color: Color32,
    level: usize,
    entity: Option<EntityId>,
}

/// The reader's view state that the rest of the window reads and changes.
#[derive(Default)]
pub struct ReaderState {
    /// Where a selection began (code points); the caret is the other end.
    pub anchor: usize,
    pub caret: usize,
    pub selected_span: Option<SpanId>,
    /// Set while the user picks the other end of a new relation.
    pub link_from: Option<SpanId>,
    /// Keyboard candidate for the other end while linking.
    pub link_candidate: Option<SpanId>,
    /// Labels shown (empty = all).
    pub hidden_labels: Vec<crate::model::LabelId>,
    /// Only this coder's spans are shown (None: everyone's).
    pub only_annotator: Option<String>,
    /// Scroll so that this code point is visible, next frame.
    pub scroll_to: Option<usize>,
    /// Ranges found by Ctrl+F, and the current one.
    pub found: Vec<(usize, usize)>,
    pub found_index: usize,
    /// Entity whose mentions are emphasised (hovered elsewhere).
    pub highlight_entity: Option<EntityId>,
    /// Passages shared with the article in the other pane (compare view).
    pub passages: Vec<(usize, usize)>,
    /// Scroll to this fraction of the text's height, next frame (synchronised scrolling).
    pub scroll_fraction: Option<f32>,
    /// Suggested spans shown outlined (set by the view each frame), and the one Enter accepts.
    pub suggestions: Arc<Vec<Suggestion>>,
    pub current_suggestion: Option<Suggestion>,
    /// The reader had the keyboard last frame.
    pub focused: bool,
    /// The reader takes the keyboard this frame.
    pub take_focus: bool,
}

impl ReaderState {
    /// The selected range, ordered; empty when nothing is selected.
    pub fn selection(&self) -> (usize, usize) {
        (self.anchor.min(self.caret), self.anchor.max(self.caret))
    }

    pub fn has_selection(&self) -> bool {
        self.anchor != self.caret
    }

    pub fn set_selection(&mut self, start: usize, end: usize) {
        self.anchor = start;
        self.caret = end;
    }

    pub fn clear_selection(&mut self) {
        self.anchor = self.caret;
    }

    /// Forgets everything tied to the previous article.
    pub fn reset(&mut self) {
        let hidden = std::mem::take(&mut self.hidden_labels);
        let only = self.only_annotator.take();
        *self = ReaderState { hidden_labels: hidden, only_annotator: only, ..Default::default() };
    }
}

/// What happened in the reader this frame, for the app to act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ReaderEvent {
    /// A mouse selection was completed (for sticky-label mode).
    SelectionMade,
    /// A span was clicked while linking: it is the other end.
    LinkTarget(SpanId),
    /// A relation arc label was clicked.
    RelationClicked(RelationId),
    /// The user pressed, dragged or focused the reader (the compare view activates its pane).
    Interacted,
    /// The pointer is over a span linked to this actor (or over none).
    HoveredEntity(Option<EntityId>),
    /// A suggestion was clicked: accept it.
    AcceptSuggestion(Suggestion),
}

/// Layout cache and geometry of the last frame.
#[derive(Default)]
pub struct Reader {
    key: Option<LayoutKey>,
    paras: Vec<Para>,
    height: f32,
    marks: Vec<Mark>,
    marks_key: Option<(ArticleId, u64)>,
    /// The relations between shown spans, and what they were when the paragraphs made room.
    links: Vec<Link>,
    links_hash: u64,
    arc_style: Option<ArcStyle>,
    /// Relation labels and lines painted last frame (screen), for clicks and tests.
    drawn_arcs: Vec<(RelationId, super::arcs::Drawn)>,
    /// Suggestions outlined last frame: where, and whether it was the current one.
    drawn_suggestions: Vec<(usize, usize, bool)>,
    /// Screen position of the text's top-left in the last frame.
    origin: Pos2,
    font_height: f32,
    drag_origin: Option<usize>,
    /// Preferred x for up/down caret moves.
    goal_x: Option<f32>,
    /// Text rect on screen last frame (for tests and scrolling).
    pub last_rect: Option<Rect>,
    /// How far down the text the view was last frame (0 = top, 1 = bottom).
    pub fraction: f32,
    line_height: f32,
    font: FontId,
    width: f32,
}

/// Room above the first line (relation arcs make their own room above their rows).
const TOP_PAD: f32 = 8.0;

impl Reader {
    /// Forgets the layout: the article's text changed (its length and ends may not have).
    pub fn invalidate(&mut self) {
        self.key = None;
        self.marks_key = None;
    }

    /// The colours painted under code point `ch` last frame, innermost last (what the reader
    /// draws, for tests).
    pub fn drawn_colors_at(&self, ch: usize) -> Vec<Color32> {
        let mut marks: Vec<&Mark> = self.marks.iter().filter(|m| m.start <= ch && ch < m.end).collect();
        marks.sort_by_key(|m| m.level);
        marks.iter().map(|m| m.color).collect()
    }

    /// Relation labels painted last frame (screen rectangles).
    pub fn drawn_relation_labels(&self) -> Vec<(RelationId, Rect)> {
        self.drawn_arcs.iter().map(|(id, d)| (*id, d.label)).collect()
    }

    /// The horizontal lines of the relation arcs painted last frame (screen rectangles).
    pub fn drawn_relation_lines(&self) -> Vec<Rect> {
        self.drawn_arcs.iter().map(|(_, d)| d.line).collect()
    }

    /// The rectangles of the text rows on screen last frame (glyph height), for tests.
    /// The suggestions outlined last frame (code points) and whether each was the current one.
    pub fn drawn_suggestions(&self) -> &[(usize, usize, bool)] {
        &self.drawn_suggestions
    }

    pub fn drawn_text_rows(&self) -> Vec<Rect> {
        let mut out = Vec::new();
        for p in &self.paras {
            let Some(g) = &p.galley else { continue };
            for row in g.rows.iter().filter(|r| r.row.char_count_excluding_newline().0 > 0) {
                let mid = p.top + row.pos.y + row.row.size.y / 2.0;
                let h = self.font_height / 2.0;
                let r = Rect::from_min_max(pos2(row.pos.x, mid - h), pos2(row.pos.x + row.row.size.x, mid + h));
                out.push(r.translate(self.origin.to_vec2()));
            }
        }
        out
    }

    /// The text of the paragraphs laid out last frame, in order (what the reader draws).
    pub fn drawn_text(&self) -> String {
        self.paras.iter().filter_map(|p| p.galley.as_ref().map(|g| g.text().to_string())).collect::<Vec<_>>().join("\n")
    }

    /// Screen position of code point `ch` (its left edge, vertical middle), after a frame.
    pub fn screen_pos_of(&self, ch: usize) -> Option<Pos2> {
        let r = self.char_rect(ch)?;
        Some(pos2(r.left(), r.center().y) + self.origin.to_vec2())
    }

    fn para_of(&self, ch: usize) -> usize {
        self.paras.partition_point(|p| p.chars.start <= ch).saturating_sub(1)
    }

    /// Rect of the caret before `ch`, relative to the text's top-left.
    fn char_rect(&self, ch: usize) -> Option<Rect> {
        let p = self.paras.get(self.para_of(ch))?;
        let local = ch.clamp(p.chars.start, p.chars.end) - p.chars.start;
        let r = p.galley.as_ref()?.pos_from_cursor(CCursor::new(local));
        Some(r.translate(vec2(0.0, p.top)))
    }

    /// The code point nearest to a position relative to the text's top-left.
    fn char_at(&self, pos: Pos2) -> usize {
        if self.paras.is_empty() {
            return 0;
        }
        let i = self.paras.partition_point(|p| p.top <= pos.y).saturating_sub(1);
        let p = &self.paras[i];
        let Some(galley) = &p.galley else { return p.chars.start };
        let c = galley.cursor_from_pos(vec2(pos.x, pos.y - p.top));
        p.chars.start + c.index.0.min(p.chars.len())
    }

    /// Rects (relative to the text) covering `[start, end)`, one per row.
    fn range_rects(&self, start: usize, end: usize, out: &mut Vec<Rect>) {
        if start >= end || self.paras.is_empty() {
            return;
        }
        let first = self.para_of(start);
        for p in &self.paras[first..] {
            if p.chars.start >= end {
                break;
            }
            let Some(galley) = &p.galley else { continue };
            let (a, b) = (start.max(p.chars.start) - p.chars.start, end.min(p.chars.end) - p.chars.start);
            let mut row_start = 0;
            for row in &galley.rows {
                let n = row.row.char_count_excluding_newline().0;
                let (ra, rb) = (a.max(row_start), b.min(row_start + n));
                if ra < rb {
                    let x0 = row.pos.x + row.row.x_offset(egui::text::CharIndex(ra - row_start));
                    let x1 = row.pos.x + row.row.x_offset(egui::text::CharIndex(rb - row_start));
                    let mid = row.pos.y + row.row.size.y / 2.0;
                    let h = self.font_height / 2.0 + 1.0;
                    out.push(Rect::from_min_max(pos2(x0, p.top + mid - h), pos2(x1, p.top + mid + h)));
                }
                row_start += n;
            }
        }
    }

    fn layout(&mut self, ui: &Ui, article: &Article, text_revision: u64, width: f32, font: &FontId, dark: bool) {
        let key = LayoutKey {
            article: article.id,
            text_len: article.text.len(),
            // The text's revision: renewed by every text correction (done, undone, redone) and
            // by every document opened or reloaded, never by a span edit.
            text_revision,
            width_bits: width.to_bits(),
            font_bits: font.size.to_bits(),
            dark,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let line_height = (font.size * 2.0).round();
        self.font_height = ui.fonts_mut(|f| f.row_height(font));
        self.line_height = line_height;
        self.font = font.clone();
        self.width = width;
        self.arc_style = Some(ArcStyle::for_text(font.size));
        self.paras.clear();
        let mut top = 0.0;
        let (mut ch, mut byte) = (0, 0);
        for line in article.text.split('\n') {
            let n = line.chars().count();
            let shown = line.strip_suffix('\r').unwrap_or(line);
            let shown_n = if shown.len() < line.len() { n - 1 } else { n };
            // Until it is laid out: rows from the characters' rough widths (CJK count double).
            let units: f32 = shown.chars().map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.52 }).sum();
            let rows = (units * font.size / width).ceil().max(1.0);
            let height = rows * line_height;
            self.paras.push(Para {
                chars: ch..ch + shown_n,
                bytes: byte..byte + shown.len(),
                galley: None,
                height,
                top,
                arcs: Vec::new(),
            });
            top += height;
            ch += n + 1;
            byte += line.len() + 1;
        }
        self.height = top;
        self.key = Some(key);
    }

    /// Lays out the paragraphs that meet `[y0, y1)` (text coordinates) and any paragraph holding
    /// code point `ch`; heights learnt move the paragraphs below.
    fn ensure(&mut self, ui: &Ui, article: &Article, y0: f32, y1: f32, ch: Option<usize>) {
        let first = self.paras.partition_point(|p| p.top + p.height < y0);
        let mut todo: Vec<usize> = (first..self.paras.len()).take_while(|&i| self.paras[i].top < y1).collect();
        if let Some(c) = ch {
            todo.push(self.para_of(c));
        }
        let color = ui.visuals().text_color();
        let mut moved_from = None;
        for i in todo {
            let Some(p) = self.paras.get(i) else { continue };
            if p.galley.is_some() {
                continue;
            }
            let shown = &article.text[p.bytes.clone()];
            let format = TextFormat {
                font_id: self.font.clone(),
                color,
                line_height: Some(self.line_height),
                ..Default::default()
            };
            let mut job = LayoutJob::single_section(shown.to_string(), format);
            job.wrap.max_width = self.width;
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            let (galley, arcs) = self.make_room_for_arcs(ui, p.chars.clone(), galley);
            let h = galley.rect.height().max(self.line_height);
            let p = &mut self.paras[i];
            p.arcs = arcs;
            if (h - p.height).abs() > 0.01 {
                moved_from = Some(moved_from.map_or(i, |m: usize| m.min(i)));
                p.height = h;
            }
            p.galley = Some(galley);
        }
        if let Some(from) = moved_from {
            let mut top = self.paras[from].top;
            for p in &mut self.paras[from..] {
                p.top = top;
                top += p.height;
            }
            self.height = top;
        }
    }

    fn update_marks(
        &mut self,
        project: &Project,
        article: &Article,
        revision: u64,
        hidden: &[crate::model::LabelId],
        only: Option<&str>,
    ) {
        let hidden_key = hidden.iter().fold(hidden.len() as u64, |h, l| h.wrapping_mul(1_000_003).wrapping_add(l.0))
            ^ only.map_or(0, |o| crate::hash::fnv1a64(o.as_bytes()));
        let key = (article.id, revision ^ hidden_key.rotate_left(40));
        if self.marks_key == Some(key) {
            return;
        }
        self.marks.clear();
        let mut spans: Vec<_> = article
            .spans
            .iter()
            .filter(|s| !hidden.contains(&s.label) && only.is_none_or(|o| s.annotator == o))
            .collect();
        // Longer spans first at each start, so nested spans get deeper underlines.
        spans.sort_by_key(|s| (s.start(), std::cmp::Reverse(s.end())));
        let mut level_ends: Vec<usize> = Vec::new();
        // Where each shown span starts and its first fragment ends: the relations' anchors.
        let mut ends: std::collections::HashMap<SpanId, (usize, usize)> = std::collections::HashMap::new();
        for s in spans {
            ends.insert(s.id, (s.start(), s.fragments[0].end));
            let level = level_ends.iter().position(|&e| e <= s.start()).unwrap_or(level_ends.len());
            if level == level_ends.len() {
                level_ends.push(s.end());
            } else {
                level_ends[level] = s.end();
            }
            let color = project.schema.label(s.label).map_or(Color32::GRAY, |l| super::color32(l.color));
            for f in &s.fragments {
                self.marks.push(Mark { span: s.id, start: f.start, end: f.end, color, level, entity: s.entity });
            }
        }
        self.marks_key = Some(key);
        self.update_links(project, article, &ends);
    }

    /// The relations between shown spans; when they changed, the paragraphs are laid out again
    /// (from the font's cache) to make the room their arcs need.
    fn update_links(
        &mut self,
        project: &Project,
        article: &Article,
        ends: &std::collections::HashMap<SpanId, (usize, usize)>,
    ) {
        let end = |id: SpanId| ends.get(&id).copied();
        self.links.clear();
        let mut h = crate::hash::Fnv1a64::new();
        for r in &article.relations {
            let (Some(from), Some(to), Some(t)) = (end(r.from), end(r.to), project.schema.relation_type(r.kind)) else {
                continue;
            };
            let link = Link {
                id: r.id,
                from,
                to,
                name: t.name.clone(),
                color: super::color32(t.color),
                symmetric: t.symmetric,
            };
            for n in [r.id.0 as usize, from.0, from.1, to.0, to.1, usize::from(t.symmetric)] {
                h.write(&n.to_le_bytes());
            }
            h.write(t.name.as_bytes());
            h.write(&super::color32(t.color).to_array());
            self.links.push(link);
        }
        let hash = h.finish();
        if hash != self.links_hash {
            self.links_hash = hash;
            for p in &mut self.paras {
                p.galley = None;
                p.arcs.clear();
            }
        }
    }

    /// The arcs of the relations with an end in this paragraph, placed in lanes above its rows,
    /// and the paragraph's rows moved down to make that room.
    fn make_room_for_arcs(
        &self,
        ui: &Ui,
        chars: std::ops::Range<usize>,
        galley: Arc<Galley>,
    ) -> (Arc<Galley>, Vec<Seg>) {
        let Some(style) = self.arc_style else { return (galley, Vec::new()) };
        let inside = |c: usize| chars.contains(&c) || (chars.is_empty() && c == chars.start);
        let mut segs = Vec::new();
        for (i, l) in self.links.iter().enumerate().filter(|(_, l)| inside(l.from.0) || inside(l.to.0)) {
            let font = FontId::proportional(style.font);
            let label_w = ui.fonts_mut(|f| f.layout_no_wrap(l.name.clone(), font, Color32::WHITE).size().x) + 8.0;
            let at =
                |(s, e): (usize, usize)| inside(s).then(|| anchor(&galley, s - chars.start, e.max(s) - chars.start));
            let (from, to) = (at(l.from), at(l.to));
            let seg = |row, x0, x1, left_end, right_end, arrow_right| Seg {
                link: i,
                row,
                x0,
                x1,
                left_end,
                right_end,
                arrow_right: if l.symmetric { None } else { arrow_right },
                label_w,
                lane: 0,
                text_top: 0.0,
            };
            match (from, to) {
                (Some((ra, xa)), Some((rb, xb))) if ra == rb => {
                    segs.push(seg(ra, xa.min(xb), xa.max(xb), true, true, Some(xb >= xa)))
                }
                _ => {
                    // Two halves: the earlier end runs to the right edge, the later from the left.
                    let to_later = l.to.0 >= l.from.0;
                    for (end, is_to) in [(from, false), (to, true)] {
                        let Some((row, x)) = end else { continue };
                        let later = is_to == to_later;
                        let arrow = is_to.then_some(later);
                        segs.push(if later {
                            seg(row, 0.0, x, false, true, arrow)
                        } else {
                            seg(row, x, self.width, true, false, arrow)
                        });
                    }
                }
            }
        }
        if segs.is_empty() {
            return (galley, segs);
        }
        let lanes = super::arcs::assign_lanes(&mut segs, galley.rows.len());
        let mut g = (*galley).clone();
        let (mut offset, mut tops) = (0.0, Vec::with_capacity(lanes.len()));
        for (row, &n) in g.rows.iter_mut().zip(&lanes) {
            offset += style.room(n);
            row.pos.y += offset;
            tops.push(row.pos.y + row.row.size.y / 2.0 - self.font_height / 2.0 - 1.0);
        }
        g.rect.max.y += offset;
        g.mesh_bounds.max.y += offset;
        for s in &mut segs {
            s.text_top = tops.get(s.row).copied().unwrap_or(0.0);
        }
        (Arc::new(g), segs)
    }

    /// Shows the article; returns what the app must act on.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        article: &Article,
        revision: crate::edit::Revision,
        state: &mut ReaderState,
        font: &FontId,
        exact: bool,
    ) -> Vec<ReaderEvent> {
        let mut events = Vec::new();
        let dark = ui.visuals().dark_mode;
        let width = (ui.available_width() - 24.0).max(120.0);
        self.layout(ui, article, revision.text, width, font, dark);
        self.update_marks(project, article, revision.change, &state.hidden_labels, state.only_annotator.as_deref());
        let text_len = self.paras.last().map_or(0, |p| p.chars.end);
        state.caret = state.caret.min(text_len);
        state.anchor = state.anchor.min(text_len);

        if let Some(ch) = state.scroll_to {
            self.ensure(ui, article, 0.0, 0.0, Some(ch));
        }
        // The caret's paragraph too: keyboard moves start from it.
        self.ensure(ui, article, 0.0, 0.0, Some(state.caret));
        let scroll_target = state.scroll_to.take().and_then(|ch| self.char_rect(ch));
        let mut area = egui::ScrollArea::vertical().id_salt(("reader", article.id.0)).auto_shrink([false, false]);
        if let Some(r) = scroll_target {
            area = area.vertical_scroll_offset((r.top() - 80.0).max(0.0));
        } else if let Some(f) = state.scroll_fraction.take() {
            area = area.vertical_scroll_offset(f.clamp(0.0, 1.0) * self.height);
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            // Lay out what is on screen, with a screen's margin above and below.
            let margin = viewport.height().max(200.0);
            self.ensure(ui, article, viewport.top() - TOP_PAD - margin, viewport.bottom() + margin, None);
            let (rect, response) =
                ui.allocate_exact_size(vec2(width + 16.0, self.height + TOP_PAD + 24.0), Sense::click_and_drag());
            let origin = rect.min + vec2(8.0, TOP_PAD);
            self.origin = origin;
            self.last_rect = Some(rect);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, t!("reader-article-text")));
            self.interact(ui, &response, article, state, exact, &mut events);
            self.paint(ui, project, article, state, viewport, origin, &response, &mut events);
            if response.drag_started() || response.clicked() || response.gained_focus() {
                events.push(ReaderEvent::Interacted);
            }
            if let Some(p) = response.hover_pos() {
                let ch = self.char_at(p - origin.to_vec2());
                let e = self.marks.iter().filter(|m| m.start <= ch && ch < m.end).find_map(|m| m.entity);
                events.push(ReaderEvent::HoveredEntity(e));
            }
        });
        let scrollable = (self.height - out.inner_rect.height()).max(1.0);
        self.fraction = (out.state.clamped_offset().y / scrollable).clamp(0.0, 1.0);
        events
    }

    fn interact(
        &mut self,
        ui: &mut Ui,
        response: &egui::Response,
        article: &Article,
        state: &mut ReaderState,
        exact: bool,
        events: &mut Vec<ReaderEvent>,
    ) {
        let to_local = |p: Pos2| p - self.origin.to_vec2();
        // From where the button went down, not where the drag was recognised (a quick flick
        // moves several letters before that).
        let press = ui.input(|i| i.pointer.press_origin());
        if response.drag_started()
            && let Some(p) = press.or(response.interact_pointer_pos())
        {
            let ch = self.char_at(to_local(p));
            self.drag_origin = Some(ch);
            state.set_selection(ch, ch);
            response.request_focus();
        }
        if response.dragged()
            && let (Some(o), Some(p)) = (self.drag_origin, response.interact_pointer_pos())
        {
            state.set_selection(o, self.char_at(to_local(p)));
        }
        if response.drag_stopped() && self.drag_origin.take().is_some() {
            let alt = ui.input(|i| i.modifiers.alt);
            let (s, e) = state.selection();
            // A press and release on the same place is a click, not a selection.
            if s != e {
                let (s, e) = if exact || alt {
                    snap_to_graphemes(&article.text, s, e)
                } else {
                    snap_to_words(&article.text, s, e)
                };
                if s < e {
                    state.set_selection(s, e);
                    state.selected_span = None;
                    events.push(ReaderEvent::SelectionMade);
                } else {
                    state.clear_selection();
                }
            }
        }
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            response.request_focus();
            self.clicked(self.char_at(to_local(p)), state, events);
        }
        if response.double_clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            let ch = self.char_at(to_local(p));
            if let Some((s, e)) = crate::text::word_at(&article.text, ch) {
                state.set_selection(s, e);
                state.selected_span = None;
                events.push(ReaderEvent::SelectionMade);
            }
        }
        if std::mem::take(&mut state.take_focus) {
            response.request_focus();
        }
        state.focused = response.has_focus();
        if response.has_focus() {
            // Tab stays in the reader while it goes through suggestions or link ends.
            let tab = !state.suggestions.is_empty() || state.link_from.is_some();
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, tab, escape: false },
                )
            });
            self.keyboard(ui, article, state);
        }
    }

    /// Arrow keys move the caret; with Shift they extend the selection; Ctrl moves by word.
    /// A click on code point `ch`: the other end of a link, a span (again: the next one under
    /// it), or the caret.
    fn clicked(&self, ch: usize, state: &mut ReaderState, events: &mut Vec<ReaderEvent>) {
        let under: Vec<&Mark> = self.marks.iter().filter(|m| m.start <= ch && ch < m.end).collect();
        if let Some(from) = state.link_from {
            if let Some(target) = pick_span(&under, None).filter(|t| *t != from) {
                events.push(ReaderEvent::LinkTarget(target));
            }
        } else if let Some(span) = pick_span(&under, state.selected_span) {
            state.selected_span = Some(span);
            state.set_selection(ch, ch);
        } else if let Some(s) = self.suggestion_at(ch, state) {
            events.push(ReaderEvent::AcceptSuggestion(*s));
        } else {
            state.selected_span = None;
            state.set_selection(ch, ch);
        }
    }

    /// The suggestion shown under code point `ch` (suggestions never overlap).
    fn suggestion_at<'s>(&self, ch: usize, state: &'s ReaderState) -> Option<&'s Suggestion> {
        state.suggestions.iter().find(|s| s.start <= ch && ch < s.end && !state.hidden_labels.contains(&s.label))
    }

    fn keyboard(&mut self, ui: &mut Ui, article: &Article, state: &mut ReaderState) {
        use egui::Key;
        let text = &article.text;
        let len = self.paras.last().map_or(0, |p| p.chars.end);
        let (mods, keys) = ui.input(|i| {
            let keys: Vec<Key> = [Key::ArrowLeft, Key::ArrowRight, Key::ArrowUp, Key::ArrowDown, Key::Home, Key::End]
                .into_iter()
                .filter(|k| i.key_pressed(*k))
                .collect();
            (i.modifiers, keys)
        });
        if mods.alt || keys.is_empty() {
            return; // Alt+arrows resize the selected span (handled by the app).
        }
        // Only when a key moves the caret: the map of a long text is not built every frame.
        let map = CharMap::new(text);
        for key in keys {
            let c = state.caret;
            let next = match key {
                Key::ArrowLeft if mods.command => word_step(text, &map, c, false),
                Key::ArrowRight if mods.command => word_step(text, &map, c, true),
                Key::ArrowLeft => grapheme_step(text, c, false),
                Key::ArrowRight => grapheme_step(text, c, true).min(len),
                Key::ArrowUp | Key::ArrowDown => self.vertical_step(c, key == Key::ArrowDown),
                Key::Home => self.paras[self.para_of(c)].chars.start,
                Key::End => self.paras[self.para_of(c)].chars.end,
                _ => c,
            };
            if !matches!(key, Key::ArrowUp | Key::ArrowDown) {
                self.goal_x = None;
            }
            state.caret = next.min(len);
            if !mods.shift {
                state.anchor = state.caret;
            }
            state.scroll_to = Some(state.caret);
        }
    }

    fn vertical_step(&mut self, c: usize, down: bool) -> usize {
        let Some(r) = self.char_rect(c) else { return c };
        let x = *self.goal_x.get_or_insert(r.left());
        // The middle of the nearest row above or below (rows may have room for arcs between them).
        let y0 = r.center().y;
        let i = self.para_of(c);
        let lo = i.saturating_sub(1);
        let mut best: Option<f32> = None;
        for p in &self.paras[lo..(i + 2).min(self.paras.len())] {
            let mids: Vec<f32> = match &p.galley {
                Some(g) => g.rows.iter().map(|row| p.top + row.pos.y + row.row.size.y / 2.0).collect(),
                None => vec![if down { p.top + 1.0 } else { p.top + p.height - 1.0 }],
            };
            for m in mids.into_iter().filter(|&m| if down { m > y0 + 1.0 } else { m < y0 - 1.0 }) {
                if best.is_none_or(|b| (m - y0).abs() < (b - y0).abs()) {
                    best = Some(m);
                }
            }
        }
        match best {
            Some(y) => self.char_at(pos2(x, y)),
            None if down => c,
            None => 0,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn paint(
        &mut self,
        ui: &Ui,
        project: &Project,
        article: &Article,
        state: &ReaderState,
        viewport: Rect,
        origin: Pos2,
        response: &egui::Response,
        events: &mut Vec<ReaderEvent>,
    ) {
        let painter = ui.painter();
        let visible = viewport.translate(-vec2(8.0, TOP_PAD));
        let first = self.paras.partition_point(|p| p.top + p.height < visible.top()).saturating_sub(1);
        let last = self.paras.partition_point(|p| p.top <= visible.bottom());
        let vis_chars = self.paras.get(first).map_or(0, |p| p.chars.start)
            ..self.paras.get(last.saturating_sub(1)).map_or(0, |p| p.chars.end + 1);
        self.paint_backgrounds(ui, state, vis_chars.clone(), origin);
        // Text.
        for p in &self.paras[first..last.min(self.paras.len())] {
            let Some(galley) = &p.galley else { continue };
            painter.galley(origin + vec2(0.0, p.top), galley.clone(), ui.visuals().text_color());
        }
        self.paint_underlines(ui, state, vis_chars.clone(), origin);
        self.paint_suggestions(ui, project, state, vis_chars.clone(), origin);
        // Caret.
        if response.has_focus()
            && let Some(r) = self.char_rect(state.caret)
        {
            let r = r.translate(origin.to_vec2());
            painter.line_segment([r.left_top(), r.left_bottom()], Stroke::new(1.5, ui.visuals().strong_text_color()));
        }
        self.paint_relations(ui, first..last.min(self.paras.len()), origin, events);
        self.hover_tooltip(project, article, state, response, origin);
    }

    /// Calls `each` with the on-screen rectangles of code points `s..e`.
    fn each_rect<R>(&self, (s, e): (usize, usize), origin: Pos2, mut each: impl FnMut(Rect) -> R) {
        let mut rects = Vec::new();
        self.range_rects(s, e, &mut rects);
        for r in rects {
            each(r.translate(origin.to_vec2()));
        }
    }

    /// Behind the text: the label bands (overlaps blend darker), passages shared with the
    /// other article, find results, the selection.
    fn paint_backgrounds(&self, ui: &Ui, state: &ReaderState, vis: std::ops::Range<usize>, origin: Pos2) {
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        let shown = |&(s, e): &(usize, usize)| e > vis.start && s < vis.end;
        for m in self.marks.iter().filter(|m| shown(&(m.start, m.end))) {
            let fill = m.color.gamma_multiply_u8(if dark { 70 } else { 60 });
            self.each_rect((m.start, m.end), origin, |r| painter.rect_filled(r, 2.0, fill));
        }
        let passage = Color32::from_rgba_unmultiplied(250, 220, 80, if dark { 40 } else { 70 });
        for &range in state.passages.iter().filter(|r| shown(r)) {
            self.each_rect(range, origin, |r| painter.rect_filled(r.expand(2.0), 0.0, passage));
        }
        for (i, &range) in state.found.iter().enumerate().filter(|(_, r)| shown(r)) {
            let current = i == state.found_index;
            let c = if current { Color32::from_rgb(255, 170, 0) } else { Color32::from_rgb(230, 200, 60) };
            let stroke = Stroke::new(1.5, c);
            self.each_rect(range, origin, |r| painter.rect_stroke(r, 2.0, stroke, egui::StrokeKind::Outside));
        }
        if state.has_selection() {
            let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
            self.each_rect(state.selection(), origin, |r| painter.rect_filled(r, 0.0, fill));
        }
    }

    /// Underlines, stacked by nesting level, under each band; a frame around the selected
    /// span (or the link candidate) and the mentions of the actor hovered elsewhere.
    fn paint_underlines(&self, ui: &Ui, state: &ReaderState, vis: std::ops::Range<usize>, origin: Pos2) {
        let painter = ui.painter();
        for m in self.marks.iter().filter(|m| m.end > vis.start && m.start < vis.end) {
            let emphasised = state.highlight_entity.is_some() && m.entity == state.highlight_entity;
            let selected = state.selected_span == Some(m.span) || state.link_candidate == Some(m.span);
            self.each_rect((m.start, m.end), origin, |r| {
                let y = r.bottom() + 1.5 + 3.0 * m.level.min(3) as f32;
                painter.line_segment([pos2(r.left(), y), pos2(r.right(), y)], Stroke::new(2.0, m.color));
                if selected || emphasised {
                    let c = if selected { ui.visuals().strong_text_color() } else { m.color };
                    painter.rect_stroke(r.expand(1.0), 3.0, Stroke::new(2.0, c), egui::StrokeKind::Outside);
                }
            });
        }
    }

    /// Suggestions: a dashed outline in their label's colour; the current one framed solid,
    /// its label written under its end.
    fn paint_suggestions(
        &mut self,
        ui: &Ui,
        project: &Project,
        state: &ReaderState,
        vis: std::ops::Range<usize>,
        origin: Pos2,
    ) {
        let painter = ui.painter();
        self.drawn_suggestions.clear();
        let shown = state
            .suggestions
            .iter()
            .filter(|s| s.end > vis.start && s.start < vis.end && !state.hidden_labels.contains(&s.label));
        for s in shown {
            let color = project.schema.label(s.label).map_or(Color32::GRAY, |l| super::color32(l.color));
            let current = state.current_suggestion.is_some_and(|c| c.same_place(s));
            let mut last = None;
            self.each_rect((s.start, s.end), origin, |r| {
                let r = r.expand(1.0);
                if current {
                    painter.rect_filled(r, 2.0, color.gamma_multiply_u8(40));
                    painter.rect_stroke(r, 2.0, Stroke::new(2.0, color), egui::StrokeKind::Outside);
                } else {
                    let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
                    painter.extend(egui::Shape::dashed_line(&corners, Stroke::new(1.5, color), 4.0, 3.0));
                }
                last = Some(r);
            });
            if last.is_some() {
                self.drawn_suggestions.push((s.start, s.end, current));
            }
            if let (true, Some(r)) = (current, last) {
                let name = project.schema.label_name(s.label);
                let font = FontId::proportional(11.0);
                let galley = painter.layout_no_wrap(format!("{name}?"), font, Color32::WHITE);
                let tag = Rect::from_min_size(
                    pos2(r.right() - galley.size().x - 6.0, r.bottom() + 2.0),
                    galley.size() + vec2(6.0, 2.0),
                );
                painter.rect_filled(tag, 3.0, color);
                painter.galley(tag.min + vec2(3.0, 1.0), galley, Color32::WHITE);
            }
        }
    }

    /// The relation arcs of the paragraphs on screen, in the room above their rows; a click on
    /// a label selects the relation.
    fn paint_relations(&mut self, ui: &Ui, paras: std::ops::Range<usize>, origin: Pos2, events: &mut Vec<ReaderEvent>) {
        self.drawn_arcs.clear();
        let Some(style) = self.arc_style else { return };
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        for p in &self.paras[paras] {
            for seg in &p.arcs {
                let Some(link) = self.links.get(seg.link) else { continue };
                let drawn = super::arcs::paint(painter, seg, link, style, origin + vec2(0.0, p.top), dark);
                let resp = ui.interact(
                    drawn.label.expand(1.0),
                    ui.scope_id().with(("rel", link.id.0, seg.row, p.top as i64)),
                    Sense::click(),
                );
                resp.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        t!("reader-relation", kind = link.name, id = link.id),
                    )
                });
                if resp.clicked() {
                    events.push(ReaderEvent::RelationClicked(link.id));
                }
                self.drawn_arcs.push((link.id, drawn));
            }
        }
    }

    /// Hovering a highlight lists every label on that character.
    fn hover_tooltip(
        &self,
        project: &Project,
        article: &Article,
        state: &ReaderState,
        response: &egui::Response,
        origin: Pos2,
    ) {
        let Some(p) = response.hover_pos() else { return };
        let ch = self.char_at(p - origin.to_vec2());
        let under: Vec<&Mark> = self.marks.iter().filter(|m| m.start <= ch && ch < m.end).collect();
        if under.is_empty() {
            if let Some(s) = self.suggestion_at(ch, state) {
                let line = super::suggest::describe(project, &article.text, s);
                response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.label(t!("reader-suggested", line = line));
                    ui.weak(t!("reader-click-enter-accepts-x-backspace"));
                });
            }
            return;
        }
        response.clone().on_hover_ui_at_pointer(|ui| {
            for m in under {
                let Some(s) = article.span(m.span) else { continue };
                let label = project.schema.label_name(s.label);
                let mut line = format!("{label}: {}", ellipsize(&s.quote, 60));
                if let Some(e) = s.entity.and_then(|e| project.entity(e)) {
                    line.push_str(&format!("  → {}", e.name));
                }
                ui.colored_label(m.color, line);
            }
        });
    }
}

/// The innermost span under the pointer; clicking again cycles through the others.
fn pick_span(under: &[&Mark], current: Option<SpanId>) -> Option<SpanId> {
    let mut by_len: Vec<(usize, SpanId)> = under.iter().map(|m| (m.end - m.start, m.span)).collect();
    by_len.sort();
    by_len.dedup_by_key(|(_, id)| *id);
    let ids: Vec<SpanId> = by_len.into_iter().map(|(_, id)| id).collect();
    match current.and_then(|c| ids.iter().position(|&i| i == c)) {
        Some(i) => ids.get((i + 1) % ids.len()).copied(),
        None => ids.first().copied(),
    }
}

/// The row holding local code point `s` of a paragraph's galley, and the middle of `s..e` on
/// that row (row coordinates).
fn anchor(galley: &Galley, s: usize, e: usize) -> (usize, f32) {
    let mut row_start = 0;
    let last = galley.rows.len().saturating_sub(1);
    for (i, row) in galley.rows.iter().enumerate() {
        let n = row.row.char_count_excluding_newline().0;
        if s < row_start + n || i == last {
            let x = |c: usize| {
                row.pos.x + row.row.x_offset(egui::text::CharIndex(c.clamp(row_start, row_start + n) - row_start))
            };
            return (i, (x(s) + x(e.min(row_start + n))) / 2.0);
        }
        row_start += n;
    }
    (0, 0.0)
}

fn grapheme_step(text: &str, c: usize, forward: bool) -> usize {
    if forward {
        snap_to_graphemes(text, c, c + 1).1.max(c + 1)
    } else if c == 0 {
        0
    } else {
        snap_to_graphemes(text, c - 1, c).0
    }
}

pub use crate::text::ellipsize;
