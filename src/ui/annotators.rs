//! View → Compare annotators: agreement figures for two annotators, and the diff of the
//! current article (agreements, differences, misses) with adjudication into a gold annotator:
//! accept A's or B's span (it is copied as the gold annotator's, with label, actor, note and
//! attributes), then edit it in the reader like any span. Also File → Merge project files.

use super::{Action, GloseApp};
use crate::analysis::agreement::{self, DiffKind};
use crate::edit::Command;
use crate::model::{Span, SpanId};

pub struct AnnotatorsState {
    pub a: String,
    pub b: String,
    pub gold: String,
    /// The agreement of A and B, computed once per revision and pair (66 ms at 10 000 spans:
    /// it was computed every frame).
    agreement: super::derived::Cached<(String, String), agreement::Agreement>,
}

impl Default for AnnotatorsState {
    fn default() -> Self {
        AnnotatorsState { a: String::new(), b: String::new(), gold: "gold".into(), agreement: Default::default() }
    }
}

pub fn annotators_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    let Some(mut st) = app.annotators.take() else { return };
    let names: Vec<String> = app.project().annotator_names().into_iter().map(str::to_string).collect();
    if st.a.is_empty() || st.b.is_empty() {
        let busy = agreement::busiest_annotators(app.project());
        st.a = busy.first().cloned().unwrap_or_default();
        st.b = busy.get(1).cloned().unwrap_or_default();
    }
    let mut open = true;
    let mut accept: Option<SpanId> = None;
    let mut jump: Option<SpanId> = None;
    let mut accept_agreements = false;
    egui::Window::new("Compare annotators").open(&mut open).default_size([640.0, 520.0]).show(ctx, |ui| {
        ui.horizontal(|ui| {
            for (title, who) in [("Annotator A", &mut st.a), ("Annotator B", &mut st.b)] {
                egui::ComboBox::from_label(title).selected_text(who.clone()).show_ui(ui, |ui| {
                    for n in &names {
                        ui.selectable_value(who, n.clone(), n);
                    }
                });
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Gold annotator");
            ui.add(egui::TextEdit::singleline(&mut st.gold).desired_width(100.0)).labelled_by(label.id);
        });
        if st.a.is_empty() || st.b.is_empty() {
            ui.label("This project has fewer than two annotators.");
            return;
        }
        let rev = app.doc.history().revision();
        let project = app.doc.project();
        let (a, b) = (st.a.clone(), st.b.clone());
        let g = st.agreement.get(rev, (a.clone(), b.clone()), || agreement::agreement(project, &a, &b));
        ui.monospace(g.to_string());
        ui.separator();
        let Some(article) = app.current.and_then(|a| app.project().article(a)) else { return };
        let rows = agreement::diff(article, &st.a, &st.b);
        let gold_has = |s: &Span| {
            article.spans.iter().any(|g| g.annotator == st.gold && g.fragments == s.fragments && g.label == s.label)
        };
        ui.horizontal(|ui| {
            ui.strong(format!("This article: {} row(s)", rows.len()));
            accept_agreements = ui.button("Accept all agreements").clicked();
        });
        egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
            egui::Grid::new("diff").striped(true).num_columns(3).show(ui, |ui| {
                ui.strong("");
                ui.strong(&st.a);
                ui.strong(&st.b);
                ui.end_row();
                for (i, r) in rows.iter().enumerate() {
                    ui.label(match r.kind {
                        DiffKind::Agree => "agree",
                        DiffKind::Differ => "differ",
                        DiffKind::OnlyA => "only A",
                        DiffKind::OnlyB => "only B",
                    });
                    for (side, id) in [("A", r.a), ("B", r.b)] {
                        match id.and_then(|id| article.span(id)) {
                            Some(s) => {
                                ui.horizontal(|ui| {
                                    let text = format!(
                                        "{}: {}",
                                        app.project().schema.label_name(s.label),
                                        crate::text::ellipsize(&s.quote, 36)
                                    );
                                    if ui.link(text).clicked() {
                                        jump = Some(s.id);
                                    }
                                    if gold_has(s) {
                                        ui.weak("in gold");
                                    } else if ui.small_button(format!("Accept {side} {}", i + 1)).clicked() {
                                        accept = Some(s.id);
                                    }
                                });
                            }
                            None => {
                                ui.weak("—");
                            }
                        }
                    }
                    ui.end_row();
                }
            });
        });
    });
    let gold = st.gold.trim().to_string();
    let copy = |app: &mut GloseApp, id: SpanId| -> Option<Command> {
        let aid = app.current?;
        let s = app.project().article(aid)?.span(id)?.clone();
        let new = Span { id: SpanId(app.doc.alloc_id()), annotator: gold.clone(), quote: String::new(), ..s };
        Some(Command::AddSpan { article: aid, span: new, relations: vec![] })
    };
    if let Some(id) = accept
        && let Some(cmd) = copy(app, id)
    {
        let new_id = if let Command::AddSpan { span, .. } = &cmd { Some(span.id) } else { None };
        app.push(cmd);
        if let Some(n) = new_id {
            // Ready to edit in the reader and the inspector.
            app.act(Action::JumpToSpan(n));
        }
    }
    if accept_agreements && let Some(article) = app.current.and_then(|a| app.project().article(a)) {
        let rows = agreement::diff(article, &st.a, &st.b);
        let ids: Vec<SpanId> = rows
            .iter()
            .filter(|r| r.kind == DiffKind::Agree)
            .filter_map(|r| r.a)
            .filter(|id| {
                article.span(*id).is_some_and(|s| {
                    !article
                        .spans
                        .iter()
                        .any(|g| g.annotator == gold && g.fragments == s.fragments && g.label == s.label)
                })
            })
            .collect();
        let cmds: Vec<Command> = ids.into_iter().filter_map(|id| copy(app, id)).collect();
        if !cmds.is_empty() {
            app.push(Command::Batch { label: "accept agreements".into(), commands: cmds });
        }
    }
    if let Some(id) = jump {
        app.act(Action::JumpToSpan(id));
    }
    if open {
        app.annotators = Some(st);
    }
}

/// File → Merge project files…: the other files are read in a thread (progress in the status
/// bar, cancellable); their articles, spans and relations then come in as one undo step
/// (articles matched by text, identical spans kept once).
pub fn merge_files(app: &mut GloseApp, paths: &[std::path::PathBuf]) {
    if let Some(old) = app.merge_job.take() {
        old.progress.cancel();
    }
    app.merge_job = Some(super::jobs::MergeJob::start(paths.to_vec()));
}

/// Takes in a finished merge, if there is one (every frame; `wait` blocks until it lands).
pub fn poll_merge(app: &mut GloseApp, wait: bool) {
    let Some(job) = &app.merge_job else { return };
    let Some(result) = job.result(wait) else { return };
    let files = job.total;
    app.merge_job = None;
    let total = match result {
        Ok(Some(total)) => total,
        Ok(None) => return app.info("Merge cancelled; nothing was changed"),
        Err(e) => {
            app.dialog = Some(super::Dialog::Error(format!("Nothing was merged.\n\n{e}")));
            return;
        }
    };
    let fallback = app.settings.annotator.clone();
    let plan = app.doc.plan_with(|p| crate::import::dataset::plan(p, total, None, &fallback));
    if let Some(cmd) = plan.command {
        app.apply(cmd);
    }
    app.info(format!(
        "Merged {files} file(s): {} spans and {} relations added, {} already there; {} article(s) added, {} matched by text",
        plan.spans, plan.relations, plan.duplicates, plan.new_articles, plan.matched_articles
    ));
}
