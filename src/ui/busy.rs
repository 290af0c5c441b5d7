//! A small "working…" mark for background work. egui's own spinner asks for a repaint every
//! frame, which keeps an idle window (and every UI test's `run`) busy as long as the work
//! lasts; this one asks for the next frame 80 ms later, enough to turn smoothly.

/// Paints a turning arc and schedules the next frame.
pub fn busy(ui: &mut egui::Ui) {
    let size = ui.spacing().interact_size.y * 0.8;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let t = ui.input(|i| i.time) as f32;
    let start = t * 4.0;
    let points: Vec<egui::Pos2> = (0..=16)
        .map(|i| {
            let a = start + i as f32 / 16.0 * std::f32::consts::PI * 1.5;
            rect.center() + egui::vec2(a.cos(), a.sin()) * (size * 0.4)
        })
        .collect();
    let stroke = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
    ui.painter().add(egui::Shape::line(points, stroke));
    ui.ctx().request_repaint_after(std::time::Duration::from_millis(80));
}
