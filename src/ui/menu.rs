//! The menu bar, keyboard shortcuts, the status bar, and the find and link bars above the reader.

use super::app::{Action, Running, fitting_types};
use super::commands::{UiCommand, command_button, command_shortcuts};
use super::view::{ViewCx, Window};
use egui::{Key, Modifiers};

/// Global shortcuts (not called while a dialog has the keyboard: Enter, Esc, Backspace mean
/// other things there). Keys that type text are left alone while a text field has focus.
pub fn shortcuts(cx: &mut ViewCx<'_>, ctx: &egui::Context) {
    command_shortcuts(cx, ctx);
    if ctx.text_edit_focused() {
        return;
    }
    let (alt, shift) = ctx.input(|i| (i.modifiers.alt, i.modifiers.shift));
    if alt {
        for (key, right) in [(Key::ArrowLeft, false), (Key::ArrowRight, true)] {
            if ctx.input(|i| i.key_pressed(key)) {
                // Alt+→ grows the end, Alt+← shrinks it; with Shift the start moves.
                cx.act(Action::ResizeSpan { start: shift, grow: if shift { !right } else { right } });
            }
        }
    }
    let linking = cx.nav.rs.link_from.is_some() || cx.nav.pending_link.is_some();
    if !linking {
        suggestion_keys(cx, ctx);
    }
    // Label keys: plain key labels the selection; Ctrl+key makes the label sticky.
    let labels: Vec<(char, crate::model::LabelId)> =
        cx.project().schema.labels.iter().filter_map(|l| Some((l.hotkey?, l.id))).collect();
    for (c, id) in labels {
        let Some(key) = Key::from_name(&c.to_uppercase().to_string()) else { continue };
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, key)) {
            cx.nav.sticky_label = if cx.nav.sticky_label == Some(id) { None } else { Some(id) };
        } else if cx.nav.pending_link.is_none() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            cx.act(Action::ApplyLabel(id));
        }
    }
    link_keys(cx, ctx);
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete) || i.consume_key(Modifiers::NONE, Key::Backspace))
    {
        cx.act(Action::DeleteSelectedSpan);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::L)) && cx.nav.rs.selected_span.is_some() {
        cx.act(Action::StartLink);
    }
    // A statement's stance: + agrees, − disagrees (again: no stance); up and down a scale.
    if cx.nav.rs.selected_span.is_some() {
        let plus =
            ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Plus) || i.consume_key(Modifiers::NONE, Key::Equals));
        let minus = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Minus));
        if plus || minus {
            super::side::stance_key(cx, plus);
        }
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        let rs = &mut cx.nav.rs;
        if rs.link_from.is_some() || cx.nav.pending_link.is_some() {
            cx.act(Action::CancelLink);
        } else if cx.nav.find.open {
            cx.act(Action::CloseFind);
        } else {
            rs.clear_selection();
            rs.selected_span = None;
            rs.current_suggestion = None;
        }
    }
}

/// Suggestions: Tab / Shift+Tab make the next / previous one current (from the caret when none
/// is), Enter accepts it, X or Backspace rejects it (when no span is selected: Backspace then
/// deletes the span). Tab is left to the widgets when another one has the keyboard.
fn suggestion_keys(cx: &mut ViewCx<'_>, ctx: &egui::Context) {
    let list = cx.suggestions(ctx);
    cx.nav.rs.suggestions = list.clone();
    let rs = &mut cx.nav.rs;
    rs.current_suggestion = rs.current_suggestion.filter(|c| list.iter().any(|s| s.same_place(c)));
    if list.is_empty() {
        return;
    }
    let free = rs.focused || ctx.memory(|m| m.focused().is_none());
    let back = free && ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
    if back || (free && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab))) {
        let pos = rs.current_suggestion.and_then(|c| list.iter().position(|s| s.same_place(&c)));
        let n = list.len();
        let next = match (pos, back) {
            (None, false) => list.iter().position(|s| s.start >= rs.caret).unwrap_or(0),
            (None, true) => list.iter().rposition(|s| s.start < rs.caret).unwrap_or(n - 1),
            (Some(p), false) => (p + 1) % n,
            (Some(p), true) => (p + n - 1) % n,
        };
        rs.current_suggestion = Some(list[next]);
        rs.scroll_to = Some(list[next].start);
        // The key moved through suggestions, not the keyboard focus through widgets: the
        // reader takes the keyboard (and keeps Tab while it shows suggestions).
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        rs.take_focus = true;
    }
    let Some(current) = rs.current_suggestion else { return };
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
        cx.act(Action::AcceptSuggestions(vec![current]));
    } else if rs.selected_span.is_none()
        && !rs.has_selection()
        && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::X) || i.consume_key(Modifiers::NONE, Key::Backspace))
    {
        cx.act(Action::RejectSuggestion(current));
    }
}

/// While linking: Tab walks through the spans, Enter takes one; then a digit picks the type.
fn link_keys(cx: &mut ViewCx<'_>, ctx: &egui::Context) {
    if let Some(from) = cx.nav.rs.link_from {
        let Some(article) = cx.article() else { return };
        let spans: Vec<(crate::model::SpanId, usize)> =
            article.spans.iter().filter(|s| s.id != from).map(|s| (s.id, s.start())).collect();
        let ids: Vec<_> = spans.iter().map(|s| s.0).collect();
        if ids.is_empty() {
            return;
        }
        let back = ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
        if back || ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab)) {
            let pos = cx.nav.rs.link_candidate.and_then(|c| ids.iter().position(|&i| i == c));
            let next = match (pos, back) {
                (None, false) => 0,
                (None, true) => ids.len() - 1,
                (Some(p), false) => (p + 1) % ids.len(),
                (Some(p), true) => (p + ids.len() - 1) % ids.len(),
            };
            cx.nav.rs.link_candidate = Some(ids[next]);
            cx.nav.rs.scroll_to = Some(spans[next].1);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
            && let Some(to) = cx.nav.rs.link_candidate
        {
            cx.act(Action::LinkTo(to));
        }
    } else if let Some((from, to)) = cx.nav.pending_link {
        let types = fitting_types(cx.project(), cx.nav.current, from, to);
        for (i, t) in types.iter().enumerate().take(9) {
            let key = Key::from_name(&(i + 1).to_string());
            if key.is_some_and(|k| ctx.input_mut(|inp| inp.consume_key(Modifiers::NONE, k))) {
                cx.act(Action::FinishLink(*t));
            }
        }
    }
}

pub const FIND_ID: &str = "find-field";

pub fn menu_bar_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t!("menu-file"), |ui| file_menu_ui(cx, ui));
            ui.menu_button(t!("menu-edit"), |ui| edit_menu_ui(cx, ui));
            ui.menu_button(t!("menu-view"), |ui| view_menu_ui(cx, ui));
            ui.menu_button(t!("menu-help"), |ui| {
                window_button(ui, cx, &t!("menu-keyboard-shortcuts"), Window::Shortcuts);
                window_button(ui, cx, &t!("menu-about-glose"), Window::About);
            });
        });
    });
}

fn file_menu_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    command_button(ui, cx, UiCommand::NewProject, None, true);
    command_button(ui, cx, UiCommand::Open, None, true);
    ui.menu_button(t!("menu-open-recent"), |ui| {
        if cx.settings.recent.is_empty() {
            ui.weak(t!("menu-none-yet"));
        }
        for p in cx.settings.recent.clone() {
            if ui.button(p.display().to_string()).clicked() {
                cx.act(Action::Open(p));
            }
        }
    });
    if ui.button(t!("menu-recover-unsaved-project")).on_hover_text(t!("menu-never-saved-project-left-crash")).clicked()
    {
        cx.act(Action::RecoverUnsaved);
    }
    ui.separator();
    command_button(ui, cx, UiCommand::Save, None, true);
    command_button(ui, cx, UiCommand::SaveAs, None, true);
    ui.separator();
    command_button(ui, cx, UiCommand::ImportArticles, None, true);
    window_button(ui, cx, &t!("menu-import-annotations"), Window::ImportAnnotations);
    window_button(ui, cx, &t!("menu-export-dataset"), Window::ExportDataset);
    if ui.button(t!("menu-merge-project-files")).clicked() {
        let d = super::files::FileDialog::open(
            super::files::Purpose::MergeProjects,
            &t!("menu-merge-project-files-2"),
            &t!("menu-merge"),
            true,
            false,
            cx.start_dir(),
        )
        .with_filter(&t!("menu-glose-projects-ron"), &["ron"]);
        cx.show(Window::Files(Box::new(d)));
    }
    ui.separator();
    if ui.button(t!("menu-quit")).clicked() {
        cx.act(Action::Quit);
    }
}

/// A menu entry that opens a window.
fn window_button(ui: &mut egui::Ui, cx: &mut ViewCx<'_>, text: &str, window: Window) {
    if ui.button(text).clicked() {
        cx.show(window);
    }
}

fn edit_menu_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    let history = cx.doc.history();
    let undo = history.undo_label().map(|l| t!("menu-undo", l = super::i18n::change_name(l)));
    let redo = history.redo_label().map(|l| t!("menu-redo", l = super::i18n::change_name(l)));
    let (can_undo, can_redo) = (history.can_undo(), history.can_redo());
    command_button(ui, cx, UiCommand::Undo, undo, can_undo);
    command_button(ui, cx, UiCommand::Redo, redo, can_redo);
    ui.separator();
    command_button(ui, cx, UiCommand::Find, None, true);
    command_button(ui, cx, UiCommand::ArticleDetails, None, true);
    let has_article = cx.nav.current.is_some();
    command_button(ui, cx, UiCommand::CorrectText, None, has_article);
    window_button(ui, cx, &t!("menu-labels-relation-types"), Window::Schema);
}

/// View → Language: the system's (named), or one of the window's languages, each in its own
/// words; the next frame is drawn in it.
fn language_menu_ui(settings: &mut super::Settings, ui: &mut egui::Ui) {
    use super::i18n::Lang;
    let now = settings.language().native_name();
    ui.menu_button(t!("menu-language", lang = now), |ui| {
        let system = *super::SYSTEM_LANGUAGE.get().unwrap_or(&Lang::En);
        ui.radio_value(&mut settings.language, None, t!("menu-language-system", lang = system.native_name()));
        for lang in Lang::ALL {
            ui.radio_value(&mut settings.language, Some(lang), lang.native_name());
        }
    });
}

fn view_menu_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    window_button(ui, cx, &t!("menu-corpus-overview"), Window::Corpus);
    window_button(ui, cx, &t!("menu-compare-two-articles"), Window::Compare);
    window_button(ui, cx, &t!("menu-compare-annotators"), Window::Annotators);
    ui.separator();
    let settings = &mut *cx.settings;
    let mut dark = settings.dark;
    if ui.checkbox(&mut dark, t!("menu-dark-theme")).changed() {
        settings.dark = dark;
        ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
    }
    ui.checkbox(&mut settings.exact_selection, t!("menu-select-exact-characters-else-whole"));
    ui.checkbox(&mut settings.suggestions, t!("menu-show-suggestions-learned-from-your"));
    language_menu_ui(settings, ui);
    ui.menu_button(t!("menu-file-dialogs", kind = settings.file_dialogs.label()), |ui| {
        for kind in super::files::DialogKind::ALL {
            ui.radio_value(&mut settings.file_dialogs, kind, kind.label());
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(t!("menu-reading-size"));
        ui.add(super::i18n::slider(egui::Slider::new(&mut settings.font_size, 11.0..=28.0), 1).suffix(t!("menu-pt")))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.label(t!("menu-zoom"));
        if ui.button("−").on_hover_text(t!("menu-ctrl-minus")).clicked() {
            egui::gui_zoom::zoom_out(&ctx);
        }
        ui.label(super::i18n::percent(f64::from(ctx.zoom_factor())));
        if ui.button("+").on_hover_text(t!("menu-ctrl-plus")).clicked() {
            egui::gui_zoom::zoom_in(&ctx);
        }
    });
    settings.zoom = ctx.zoom_factor();
    ui.separator();
    ui.horizontal(|ui| {
        ui.add(
            egui::Slider::new(&mut settings.autosave_secs, 0..=600).suffix(" s").text(t!("menu-autosave-after-0-off")),
        );
    });
    ui.checkbox(&mut settings.autosave_on_focus_loss, t!("menu-autosave-when-window-loses-focus"));
    let who = t!("menu-annotator", annotator = settings.annotator);
    let name = super::Dialog::AnnotatorName(settings.annotator.clone());
    window_button(ui, cx, &who, Window::Dialog(name));
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

pub fn status_bar_ui(cx: &mut ViewCx<'_>, jobs: &[Running], ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            for job in jobs {
                let (what, progress, total, cancel) = job.describe();
                if total == 0 {
                    super::busy::busy(ui);
                    ui.label(what);
                    if ui.button(cancel).clicked() {
                        progress.cancel();
                    }
                    ui.separator();
                } else {
                    progress_row(ui, progress, total, &what, &cancel);
                }
            }
            if cx.doc.is_saving() {
                super::busy::busy(ui);
                ui.label(t!("menu-saving"));
                ui.separator();
            }
            let p = cx.project();
            let spans: usize = p.articles.iter().map(|a| a.spans.len()).sum();
            let (a, s, e) = (
                t!("count-articles", n = p.articles.len()),
                t!("count-spans", n = spans),
                t!("count-actors", n = p.entities.len()),
            );
            ui.weak(format!("{a} · {s} · {e}"));
            if let Some(l) = cx.nav.sticky_label {
                ui.separator();
                ui.label(t!("menu-sticky-label", label = p.schema.label_name(l)));
            }
            ui.separator();
            match cx.out.status_text() {
                Some((text, true)) => {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                }
                Some((text, false)) => {
                    ui.label(text);
                }
                None => {}
            }
        });
    });
}

pub fn find_bar_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    if !cx.nav.find.open {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(t!("menu-find"));
        let r = ui.add(
            egui::TextEdit::singleline(&mut cx.nav.find.text)
                .id(egui::Id::unique(FIND_ID))
                .hint_text(t!("menu-word-phrase"))
                .desired_width(220.0),
        );
        let find = &mut cx.nav.find;
        let options = ui.checkbox(&mut find.whole_words, t!("menu-whole-words")).changed()
            | ui.checkbox(&mut find.case_sensitive, t!("menu-match-case")).changed();
        if r.changed() || options {
            cx.act(Action::RunFind);
        }
        if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            cx.act(Action::FindNext { back });
            r.request_focus();
        }
        let (n, at) = (cx.nav.rs.found.len(), cx.nav.rs.found_index);
        ui.label(if n == 0 { t!("menu-no-match") } else { t!("menu-of", at = at + 1, n = n) });
        if ui.button(t!("menu-previous")).clicked() {
            cx.act(Action::FindNext { back: true });
        }
        if ui.button(t!("menu-next")).clicked() {
            cx.act(Action::FindNext { back: false });
        }
        if ui.button(t!("menu-close-find")).clicked() {
            cx.act(Action::CloseFind);
        }
    });
}

/// While linking: a bar floating over the top of the reader (laid out above the text it pushed
/// the text down under the pointer just as the user was aiming at the other span).
pub fn link_bar_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    if cx.nav.rs.link_from.is_none() && cx.nav.pending_link.is_none() {
        return;
    }
    let at = ui.max_rect().right_top() + egui::vec2(-12.0, 4.0);
    egui::Area::new(egui::Id::unique("glose-link-bar"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::RIGHT_TOP)
        .fixed_pos(at)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(460.0);
                link_bar_contents_ui(cx, ui);
            });
        });
}

fn link_bar_contents_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    if cx.nav.rs.link_from.is_some() {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, t!("menu-linking-click-other-span-tab"));
            if ui.button(t!("menu-cancel-link")).clicked() {
                cx.act(Action::CancelLink);
            }
        });
    } else if let Some((from, to)) = cx.nav.pending_link {
        let types = fitting_types(cx.project(), cx.nav.current, from, to);
        ui.horizontal_wrapped(|ui| {
            if types.is_empty() {
                ui.colored_label(ui.visuals().warn_fg_color, t!("menu-no-relation-type-links-these"));
            } else {
                ui.label(t!("menu-relation-type"));
            }
            for (i, t) in types.iter().enumerate() {
                let name = cx.project().schema.relation_type_name(*t).to_string();
                if ui.button(format!("{} {name}", i + 1)).clicked() {
                    cx.act(Action::FinishLink(*t));
                }
            }
            if ui.button(t!("menu-cancel-link")).clicked() {
                cx.act(Action::CancelLink);
            }
        });
        cx.nav.side_tab = super::SideTab::Annotate;
    }
}
