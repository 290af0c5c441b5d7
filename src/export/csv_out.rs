//! CSV: `spans.csv` and `relations.csv` in the chosen folder. Cells a spreadsheet would run
//! as a formula (starting with = + - @, a tab or a carriage return) get a leading `'`.

use super::{ExportError, Report, View, io_err, label_name, type_name};
use std::path::Path;

/// Neutralises spreadsheet formulas (OWASP's advice for CSV injection).
pub fn safe_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

fn writer(path: &Path) -> Result<csv::Writer<std::fs::File>, ExportError> {
    let f = std::fs::File::create(path).map_err(io_err(path))?;
    Ok(csv::Writer::from_writer(f))
}

fn csv_err(path: &Path) -> impl Fn(csv::Error) -> ExportError + '_ {
    move |e| ExportError::Invalid(format!("{}: {e}", path.display()))
}

pub fn write(view: &View, dir: &Path, report: &mut Report) -> Result<(), ExportError> {
    let path = dir.join("spans.csv");
    let mut w = writer(&path)?;
    let e = csv_err(&path);
    w.write_record([
        "article_id",
        "article_title",
        "span_id",
        "label",
        "start",
        "end",
        "fragments",
        "text",
        "entity",
        "entity_id",
        "note",
        "annotator",
        "attributes",
    ])
    .map_err(&e)?;
    for av in &view.articles {
        view.tick()?;
        let a = av.article;
        for s in &av.spans {
            let entity = s.entity.and_then(|id| view.project.entity(id));
            let frags: Vec<String> = s.fragments.iter().map(|f| format!("{}-{}", f.start, f.end)).collect();
            let attrs: Vec<String> = s.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
            w.write_record([
                a.id.to_string(),
                safe_cell(&a.title),
                s.id.to_string(),
                safe_cell(&label_name(view, s.label)),
                s.start().to_string(),
                s.end().to_string(),
                frags.join(";"),
                safe_cell(&s.quote),
                safe_cell(entity.map_or("", |e| e.name.as_str())),
                entity.map_or(String::new(), |e| e.id.to_string()),
                safe_cell(&s.note),
                safe_cell(&s.annotator),
                safe_cell(&attrs.join(";")),
            ])
            .map_err(&e)?;
        }
    }
    w.flush().map_err(io_err(&path))?;
    report.files.push(path.clone());

    let path = dir.join("relations.csv");
    let mut w = writer(&path)?;
    let e = csv_err(&path);
    w.write_record([
        "article_id",
        "relation_id",
        "type",
        "from_span",
        "from_text",
        "to_span",
        "to_text",
        "note",
        "annotator",
    ])
    .map_err(&e)?;
    for av in &view.articles {
        let a = av.article;
        for r in &av.relations {
            let q = |id| a.span(id).map_or(String::new(), |s| safe_cell(&s.quote));
            w.write_record([
                a.id.to_string(),
                r.id.to_string(),
                safe_cell(&type_name(view, r.kind)),
                r.from.to_string(),
                q(r.from),
                r.to.to_string(),
                q(r.to),
                safe_cell(&r.note),
                safe_cell(&r.annotator),
            ])
            .map_err(&e)?;
        }
    }
    w.flush().map_err(io_err(&path))?;
    drop(e);
    report.files.push(path);
    Ok(())
}
