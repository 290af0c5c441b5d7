//! Relation arcs, drawn as brat and INCEpTION draw them: in room made above the text row that
//! holds their ends, never across text. A relation whose ends sit on one row is one bracket over
//! that row; one whose ends sit on different rows (or paragraphs) is two halves, each running to
//! its row's edge. Brackets are stacked in lanes, shorter ones lower, so no label covers another
//! and each row gets exactly the height its lanes need.

use crate::model::RelationId;
use egui::{Align2, Color32, FontId, Painter, Rect, Stroke, pos2, vec2};

/// A relation of the article being read, with what drawing it needs.
pub struct Link {
    pub id: RelationId,
    /// First fragment of each end, code points.
    pub from: (usize, usize),
    pub to: (usize, usize),
    pub name: String,
    pub color: Color32,
    pub symmetric: bool,
}

/// The part of a relation drawn above one row: from `x0` to `x1` (row coordinates).
#[derive(Clone, Debug, PartialEq)]
pub struct Seg {
    /// Index into the reader's links.
    pub link: usize,
    pub row: usize,
    pub x0: f32,
    pub x1: f32,
    /// Whether each end comes down onto a span (else it runs on to the row's edge).
    pub left_end: bool,
    pub right_end: bool,
    /// Where the arrowhead goes (`None`: symmetric, or the target is on another row).
    pub arrow_right: Option<bool>,
    pub label_w: f32,
    pub lane: usize,
    /// Top of the text of its row, relative to the paragraph (set when the row is moved down).
    pub text_top: f32,
}

impl Seg {
    fn mid(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    /// What the segment occupies in its lane: its line and its label, with a little air.
    fn extent(&self) -> (f32, f32) {
        let half = self.label_w / 2.0 + 4.0;
        (self.x0.min(self.mid() - half) - 3.0, self.x1.max(self.mid() + half) + 3.0)
    }
}

/// Puts each segment in the lowest lane of its row where neither its line nor its label meets
/// another's; shorter segments first, so nested relations stack inside out. Returns the number of
/// lanes each row needs (`rows` long).
pub fn assign_lanes(segs: &mut [Seg], rows: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..segs.len()).collect();
    order.sort_by(|&a, &b| {
        let (sa, sb) = (&segs[a], &segs[b]);
        (sa.row, sa.x1 - sa.x0, sa.x0).partial_cmp(&(sb.row, sb.x1 - sb.x0, sb.x0)).unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut lanes: Vec<Vec<Vec<(f32, f32)>>> = vec![Vec::new(); rows];
    for i in order {
        let (a, b) = segs[i].extent();
        let row = &mut lanes[segs[i].row.min(rows.saturating_sub(1))];
        let free = |lane: &Vec<(f32, f32)>| lane.iter().all(|&(c, d)| b <= c || d <= a);
        let lane = row.iter().position(free).unwrap_or(row.len());
        if lane == row.len() {
            row.push(Vec::new());
        }
        row[lane].push((a, b));
        segs[i].lane = lane;
    }
    lanes.iter().map(Vec::len).collect()
}

/// Sizes of the arcs' drawing for a text font.
#[derive(Clone, Copy)]
pub struct ArcStyle {
    pub font: f32,
    pub lane: f32,
}

impl ArcStyle {
    pub fn for_text(size: f32) -> Self {
        let font = (size * 0.8).max(10.5);
        ArcStyle { font, lane: (font * 1.45).round() }
    }

    /// Room above a row that carries `lanes` lanes.
    pub fn room(&self, lanes: usize) -> f32 {
        if lanes == 0 { 0.0 } else { lanes as f32 * self.lane + 4.0 }
    }

    /// The middle of a lane, above the text top `text_top`.
    pub fn lane_y(&self, text_top: f32, lane: usize) -> f32 {
        text_top - 3.0 - (lane as f32 + 0.5) * self.lane
    }
}

/// What painting one segment left on screen: its label (clickable) and its horizontal line.
pub struct Drawn {
    pub label: Rect,
    pub line: Rect,
}

/// Paints a segment whose row's text top is at `text_top` (screen) and whose row spans
/// `row_x` (screen) horizontally.
pub fn paint(painter: &Painter, seg: &Seg, link: &Link, style: ArcStyle, origin: egui::Pos2, dark: bool) -> Drawn {
    let top = origin.y + seg.text_top;
    let y = origin.y + style.lane_y(seg.text_top, seg.lane);
    let (x0, x1) = (origin.x + seg.x0, origin.x + seg.x1);
    let color = readable(link.color, dark);
    let stroke = Stroke::new(1.5, color);
    let r = 4.0_f32.min((x1 - x0).abs() / 2.0).min((top - y).max(0.0));
    let mut points = Vec::with_capacity(6);
    if seg.left_end {
        points.extend([pos2(x0, top - 1.0), pos2(x0, y + r), pos2(x0 + r, y)]);
    } else {
        points.push(pos2(x0, y));
    }
    if seg.right_end {
        points.extend([pos2(x1 - r, y), pos2(x1, y + r), pos2(x1, top - 1.0)]);
    } else {
        points.push(pos2(x1, y));
    }
    painter.add(egui::Shape::line(points, stroke));
    if !seg.left_end {
        open_end(painter, pos2(x0, y), false, color);
    }
    if !seg.right_end {
        open_end(painter, pos2(x1, y), true, color);
    }
    if let Some(right) = seg.arrow_right {
        let x = if right { x1 } else { x0 };
        let tip = pos2(x, top - 1.0);
        painter.add(egui::Shape::convex_polygon(
            vec![tip, tip + vec2(-3.5, -6.0), tip + vec2(3.5, -6.0)],
            color,
            Stroke::NONE,
        ));
    }
    let font = FontId::proportional(style.font);
    let galley = painter.layout_no_wrap(link.name.clone(), font, text_color(dark));
    let label = Rect::from_center_size(pos2((x0 + x1) / 2.0, y), galley.size() + vec2(8.0, 2.0));
    let fill = if dark { Color32::from_gray(32) } else { Color32::from_gray(250) };
    painter.rect(label, 4.0, fill, Stroke::new(1.2, color), egui::StrokeKind::Inside);
    painter.galley(label.center() - galley.size() / 2.0, galley, text_color(dark));
    let line = Rect::from_min_max(pos2(x0.min(x1), y - 1.0), pos2(x0.max(x1), y + 1.0));
    Drawn { label, line }
}

/// A relation's end that goes on on another row: a small chevron at the row's edge.
fn open_end(painter: &Painter, at: egui::Pos2, right: bool, color: Color32) {
    let d = if right { 1.0 } else { -1.0 };
    painter.text(
        at + vec2(d * 2.0, 0.0),
        if right { Align2::LEFT_CENTER } else { Align2::RIGHT_CENTER },
        "›",
        FontId::proportional(11.0),
        color,
    );
}

fn text_color(dark: bool) -> Color32 {
    if dark { Color32::from_gray(235) } else { Color32::from_gray(20) }
}

/// The relation's colour, lightened on a dark background and darkened on a light one until it
/// stands out from it.
pub fn readable(c: Color32, dark: bool) -> Color32 {
    let lum = 0.2126 * c.r() as f32 + 0.7152 * c.g() as f32 + 0.0722 * c.b() as f32;
    if dark && lum < 140.0 {
        let t = (140.0 - lum) / 255.0 + 0.25;
        c.lerp_to_gamma(Color32::WHITE, t.min(0.7))
    } else if !dark && lum > 150.0 {
        c.lerp_to_gamma(Color32::BLACK, ((lum - 150.0) / 255.0 + 0.2).min(0.6))
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(row: usize, x0: f32, x1: f32) -> Seg {
        Seg {
            link: 0,
            row,
            x0,
            x1,
            left_end: true,
            right_end: true,
            arrow_right: None,
            label_w: 40.0,
            lane: 0,
            text_top: 0.0,
        }
    }

    #[test]
    fn nested_and_crossing_relations_get_lanes_of_their_own() {
        // Two short arcs side by side share lane 0; one over both goes above; one on another row
        // starts at lane 0 there.
        let mut s = vec![seg(0, 0.0, 300.0), seg(0, 0.0, 100.0), seg(0, 160.0, 260.0), seg(1, 0.0, 300.0)];
        let lanes = assign_lanes(&mut s, 2);
        assert_eq!(lanes, vec![2, 1]);
        assert_eq!([s[0].lane, s[1].lane, s[2].lane, s[3].lane], [1, 0, 0, 0]);
    }

    #[test]
    fn labels_that_would_touch_go_to_another_lane() {
        // Two short arcs 30 px apart: their 40 px labels would overlap.
        let mut s = vec![seg(0, 0.0, 20.0), seg(0, 30.0, 50.0)];
        assert_eq!(assign_lanes(&mut s, 1), vec![2]);
    }

    #[test]
    fn colours_stand_out_in_both_themes() {
        let red = Color32::from_rgb(200, 40, 40);
        let on_dark = readable(red, true);
        assert!(on_dark.r() > red.r() && on_dark.g() > red.g());
        let yellow = Color32::from_rgb(240, 220, 60);
        assert!(readable(yellow, false).g() < yellow.g());
    }
}
