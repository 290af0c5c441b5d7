//! The menu bar, keyboard shortcuts, the status bar, and the find and link bars above the reader.

use super::commands::UiCommand;
use super::{Action, GloseApp, SideTab};
use egui::{Key, Modifiers};

/// Global shortcuts. Keys that type text are left alone while a text field has focus.
pub fn shortcuts(app: &mut GloseApp, ctx: &egui::Context) {
    // A dialog or the file dialog has the keyboard (Enter, Esc, Backspace mean other things there).
    if app.dialog.is_some() || app.file_dialog.is_some() {
        return;
    }
    app.command_shortcuts(ctx);
    if ctx.text_edit_focused() {
        return;
    }
    let (alt, shift) = ctx.input(|i| (i.modifiers.alt, i.modifiers.shift));
    if alt {
        for (key, right) in [(Key::ArrowLeft, false), (Key::ArrowRight, true)] {
            if ctx.input(|i| i.key_pressed(key)) {
                // Alt+→ grows the end, Alt+← shrinks it; with Shift the start moves.
                app.act(Action::ResizeSpan { start: shift, grow: if shift { !right } else { right } });
            }
        }
    }
    // Label keys: plain key labels the selection; Ctrl+key makes the label sticky.
    let labels: Vec<(char, crate::model::LabelId)> =
        app.project().schema.labels.iter().filter_map(|l| Some((l.hotkey?, l.id))).collect();
    for (c, id) in labels {
        let Some(key) = Key::from_name(&c.to_uppercase().to_string()) else { continue };
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, key)) {
            app.sticky_label = if app.sticky_label == Some(id) { None } else { Some(id) };
        } else if app.pending_link.is_none() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            app.act(Action::ApplyLabel(id));
        }
    }
    link_keys(app, ctx);
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete) || i.consume_key(Modifiers::NONE, Key::Backspace))
    {
        app.act(Action::DeleteSelectedSpan);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::L)) && app.rs.selected_span.is_some() {
        app.act(Action::StartLink);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        if app.rs.link_from.is_some() || app.pending_link.is_some() {
            app.act(Action::CancelLink);
        } else if app.find_open {
            app.find_open = false;
            app.rs.found.clear();
        } else {
            app.rs.clear_selection();
            app.rs.selected_span = None;
        }
    }
}

/// While linking: Tab walks through the spans, Enter takes one; then a digit picks the type.
fn link_keys(app: &mut GloseApp, ctx: &egui::Context) {
    if let Some(from) = app.rs.link_from {
        let Some(article) = app.current.and_then(|a| app.project().article(a)) else { return };
        let spans: Vec<(crate::model::SpanId, usize)> =
            article.spans.iter().filter(|s| s.id != from).map(|s| (s.id, s.start())).collect();
        let ids: Vec<_> = spans.iter().map(|s| s.0).collect();
        if ids.is_empty() {
            return;
        }
        let back = ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
        if back || ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab)) {
            let pos = app.rs.link_candidate.and_then(|c| ids.iter().position(|&i| i == c));
            let next = match (pos, back) {
                (None, false) => 0,
                (None, true) => ids.len() - 1,
                (Some(p), false) => (p + 1) % ids.len(),
                (Some(p), true) => (p + ids.len() - 1) % ids.len(),
            };
            app.rs.link_candidate = Some(ids[next]);
            app.rs.scroll_to = Some(spans[next].1);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
            && let Some(to) = app.rs.link_candidate
        {
            app.link_target(to);
        }
    } else if let Some((from, to)) = app.pending_link {
        let types = app.fitting_types(from, to);
        for (i, t) in types.iter().enumerate().take(9) {
            let key = Key::from_name(&(i + 1).to_string());
            if key.is_some_and(|k| ctx.input_mut(|inp| inp.consume_key(Modifiers::NONE, k))) {
                app.act(Action::FinishLink(*t));
            }
        }
    }
}

pub const FIND_ID: &str = "find-field";

pub fn menu_bar_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(app, ui));
            ui.menu_button("Edit", |ui| edit_menu_ui(app, ui));
            ui.menu_button("View", |ui| view_menu_ui(app, ui));
        });
    });
}

fn file_menu_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    app.command_button(ui, UiCommand::NewProject, None, true);
    app.command_button(ui, UiCommand::Open, None, true);
    ui.menu_button("Open recent", |ui| {
        if app.settings.recent.is_empty() {
            ui.weak("(none yet)");
        }
        for p in app.settings.recent.clone() {
            if ui.button(p.display().to_string()).clicked() {
                app.act(Action::Open(p));
            }
        }
    });
    ui.separator();
    app.command_button(ui, UiCommand::Save, None, true);
    app.command_button(ui, UiCommand::SaveAs, None, true);
    ui.separator();
    app.command_button(ui, UiCommand::ImportArticles, None, true);
    if ui.button("Import annotations…").clicked() {
        app.import_dialog = Some(Default::default());
    }
    if ui.button("Export dataset…").clicked() {
        app.export_dialog = Some(Default::default());
    }
    if ui.button("Merge project files…").clicked() {
        let d = super::files::FileDialog::open(
            super::files::Purpose::MergeProjects,
            "Merge project files",
            "Merge",
            true,
            false,
            app.start_dir(),
        )
        .with_filter("Glose projects (.ron)", &["ron"]);
        app.file_dialog = Some(d);
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        app.act(Action::Quit);
    }
}

fn edit_menu_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    let undo = app.doc.history().undo_label().map(|l| format!("Undo {l}"));
    let redo = app.doc.history().redo_label().map(|l| format!("Redo {l}"));
    let (can_undo, can_redo) = (app.doc.history().can_undo(), app.doc.history().can_redo());
    app.command_button(ui, UiCommand::Undo, undo, can_undo);
    app.command_button(ui, UiCommand::Redo, redo, can_redo);
    ui.separator();
    app.command_button(ui, UiCommand::Find, None, true);
    app.command_button(ui, UiCommand::ArticleDetails, None, true);
    let has_article = app.current.is_some();
    app.command_button(ui, UiCommand::CorrectText, None, has_article);
    if ui.button("Labels and relation types…").clicked() {
        app.schema_open = true;
    }
}

fn view_menu_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    if ui.button("Corpus overview…").clicked() {
        app.corpus_open = true;
    }
    if ui.button("Compare two articles").clicked() {
        super::compare::open(app);
    }
    if ui.button("Compare annotators…").clicked() {
        app.annotators = Some(Default::default());
    }
    ui.separator();
    let mut dark = app.settings.dark;
    if ui.checkbox(&mut dark, "Dark theme").changed() {
        app.settings.dark = dark;
        ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
    }
    ui.checkbox(&mut app.settings.exact_selection, "Select exact characters (else whole words; Alt inverts)");
    ui.horizontal(|ui| {
        ui.label("Reading size");
        ui.add(egui::Slider::new(&mut app.settings.font_size, 11.0..=28.0).suffix(" pt").text("Reading size"));
    });
    ui.horizontal(|ui| {
        ui.label("Zoom");
        if ui.button("−").on_hover_text("Ctrl+Minus").clicked() {
            egui::gui_zoom::zoom_out(&ctx);
        }
        ui.label(format!("{:.0} %", ctx.zoom_factor() * 100.0));
        if ui.button("+").on_hover_text("Ctrl+Plus").clicked() {
            egui::gui_zoom::zoom_in(&ctx);
        }
    });
    app.settings.zoom = ctx.zoom_factor();
    ui.separator();
    ui.horizontal(|ui| {
        ui.add(
            egui::Slider::new(&mut app.settings.autosave_secs, 0..=600).suffix(" s").text("Autosave after (0: off)"),
        );
    });
    ui.checkbox(&mut app.settings.autosave_on_focus_loss, "Autosave when the window loses focus");
    ui.horizontal(|ui| {
        let label = ui.label("Annotator name");
        ui.add(egui::TextEdit::singleline(&mut app.settings.annotator).desired_width(120.0)).labelled_by(label.id);
    });
}

/// A job's progress bar, what it does, and the button that cancels it.
pub fn progress_row(ui: &mut egui::Ui, progress: &crate::progress::Progress, total: usize, what: &str, cancel: &str) {
    ui.add(egui::ProgressBar::new(progress.fraction(total)).desired_width(200.0).show_percentage());
    ui.label(what);
    if ui.button(cancel).clicked() {
        progress.cancel();
    }
    ui.separator();
}

pub fn status_bar_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            match &app.exchange {
                Some(super::exchange::Exchange::Export { format, progress, total, .. }) => {
                    let what = format!("Exporting {} ({} of {total} articles)…", format.name(), progress.done());
                    progress_row(ui, progress, *total, &what, "Cancel export");
                    ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
                }
                Some(super::exchange::Exchange::Import { .. }) => {
                    super::busy::busy(ui);
                    ui.label("Reading annotations…");
                    if ui.button("Stop waiting").on_hover_text("Nothing is changed").clicked() {
                        app.exchange = None;
                    }
                    ui.separator();
                }
                None => {}
            }
            if let Some(job) = &app.merge_job {
                let what = format!("Reading {} project file(s) to merge…", job.total);
                progress_row(ui, &job.progress, job.total, &what, "Cancel merge");
            }
            if app.doc.is_saving() {
                super::busy::busy(ui);
                ui.label("Saving…");
                ui.separator();
            }
            let p = app.project();
            let spans: usize = p.articles.iter().map(|a| a.spans.len()).sum();
            ui.weak(format!("{} articles · {spans} spans · {} actors", p.articles.len(), p.entities.len()));
            if let Some(l) = app.sticky_label {
                ui.separator();
                ui.label(format!("Sticky label: {}", p.schema.label_name(l)));
            }
            ui.separator();
            if let Some((text, error)) = app.status_text() {
                if error {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                } else {
                    ui.label(text);
                }
            }
        });
    });
}

pub fn find_bar_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    if !app.find_open {
        return;
    }
    ui.horizontal(|ui| {
        ui.label("Find");
        let r = ui.add(
            egui::TextEdit::singleline(&mut app.find_text)
                .id(egui::Id::unique(FIND_ID))
                .hint_text("word or phrase")
                .desired_width(220.0),
        );
        if r.changed() {
            app.run_find();
        }
        if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            app.find_next(back);
            r.request_focus();
        }
        let n = app.rs.found.len();
        ui.label(if n == 0 { "no match".to_string() } else { format!("{} of {n}", app.rs.found_index + 1) });
        if ui.button("Previous").clicked() {
            app.find_next(true);
        }
        if ui.button("Next").clicked() {
            app.find_next(false);
        }
        if ui.button("Close find").clicked() {
            app.find_open = false;
            app.rs.found.clear();
        }
    });
}

pub fn link_bar_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    if app.rs.link_from.is_some() {
        ui.horizontal(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Linking: click the other span, or Tab to it and press Enter.",
            );
            if ui.button("Cancel link").clicked() {
                app.act(Action::CancelLink);
            }
        });
    } else if let Some((from, to)) = app.pending_link {
        let types = app.fitting_types(from, to);
        ui.horizontal_wrapped(|ui| {
            ui.label("Relation type:");
            for (i, t) in types.iter().enumerate() {
                let name = app.project().schema.relation_type_name(*t).to_string();
                if ui.button(format!("{} {name}", i + 1)).clicked() {
                    app.act(Action::FinishLink(*t));
                }
            }
            if ui.button("Cancel link").clicked() {
                app.act(Action::CancelLink);
            }
        });
        app.side_tab = SideTab::Annotate;
    }
}
