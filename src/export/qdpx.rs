//! REFI-QDA project exchange (`.qdpx`): a zip holding `project.qde` (namespace
//! `urn:QDA-XML:project:1.0`) and each article as `sources/<guid>.txt`. Labels become codes
//! (nested by parent), spans coded plain-text selections (positions in code points), notes
//! their descriptions, relations links between selections. MAXQDA, ATLAS.ti, NVivo and
//! QualCoder import this file.

use super::{ExportError, Report, View, io_err, uuid_for, w3c::project_seed};
use crate::model::LabelId;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even as references.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

pub fn write(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let seed = project_seed(view);
    let guid = |id: u64| uuid_for(seed, id).to_uppercase();
    // Users: every annotator seen (and a project user for unattributed work).
    let mut users: BTreeSet<String> = view.project.annotators.iter().cloned().collect();
    for av in &view.articles {
        users.extend(av.spans.iter().map(|s| s.annotator.clone()));
        users.extend(av.relations.iter().map(|r| r.annotator.clone()));
    }
    users.insert(String::new());
    let user_guid = |name: &str| uuid_for(seed ^ crate::hash::fnv1a64(name.as_bytes()), u64::MAX).to_uppercase();

    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd\" name=\"{}\" origin=\"Glose {}\">\n",
        esc(if view.project.name.is_empty() { "Glose project" } else { &view.project.name }),
        env!("CARGO_PKG_VERSION")
    ));
    x.push_str("  <Users>\n");
    for u in &users {
        let name = if u.is_empty() { "unknown" } else { u.as_str() };
        x.push_str(&format!("    <User guid=\"{}\" name=\"{}\"/>\n", user_guid(u), esc(name)));
    }
    x.push_str("  </Users>\n  <CodeBook>\n    <Codes>\n");
    codes(&mut x, view, &guid, None, 0);
    orphan_codes(&mut x, view, &guid);
    x.push_str("    </Codes>\n  </CodeBook>\n  <Sources>\n");

    // Streamed: the project's XML goes into the archive an article at a time (built whole, it
    // took 6.6 GB for 5 M spans), then each text from the project itself.
    let file = std::fs::File::create(out).map_err(io_err(out))?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::with_capacity(1 << 20, file));
    // Fast deflate: the XML compresses well at level 1, and level 6 triples the export time.
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let zerr = |e: zip::result::ZipError| ExportError::Invalid(format!("{}: {e}", out.display()));
    // ZIP64 only where the XML may pass 4 GB (some readers of the format know no ZIP64).
    let spans: usize = view.articles.iter().map(|av| av.spans.len()).sum();
    let big = spans.saturating_mul(600).saturating_add(view.articles.len() * 2000) > 3_500_000_000;
    zip.start_file("project.qde", opts.large_file(big)).map_err(zerr)?;
    let mut links = String::new();
    for av in &view.articles {
        view.tick()?;
        zip.write_all(x.as_bytes()).map_err(io_err(out))?;
        x.clear();
        let a = av.article;
        let src = guid(a.id.0);
        let title = if a.title.is_empty() { a.id.to_string() } else { a.title.clone() };
        x.push_str(&format!(
            "    <TextSource guid=\"{src}\" name=\"{}\" plainTextPath=\"internal://{src}.txt\">\n",
            esc(&title)
        ));
        let mut meta: Vec<String> = Vec::new();
        for (k, v) in [
            ("Source", &a.source),
            ("Author", &a.author),
            ("Published", &a.published),
            ("Language", &a.language),
            ("URL", &a.url),
        ]
        .into_iter()
        .chain(a.details.iter().map(|(k, v)| (k.as_str(), v)))
        {
            if !v.is_empty() {
                meta.push(format!("{k}: {v}"));
            }
        }
        if !meta.is_empty() {
            x.push_str(&format!("      <Description>{}</Description>\n", esc(&meta.join("\n"))));
        }
        for s in &av.spans {
            if s.fragments.len() > 1 {
                report.warnings.push(format!(
                    "{} {}: discontinuous span written as {} selections",
                    a.id,
                    s.id,
                    s.fragments.len()
                ));
            }
            for (k, f) in s.fragments.iter().enumerate() {
                let sel = if k == 0 { guid(s.id.0) } else { uuid_for(seed ^ (k as u64), s.id.0).to_uppercase() };
                let user = user_guid(&s.annotator);
                x.push_str(&format!(
                    "      <PlainTextSelection guid=\"{sel}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user}\">\n",
                    esc(&crate::text::ellipsize(&s.quote, 80)),
                    f.start,
                    f.end
                ));
                let mut desc = s.note.clone();
                if let Some(e) = s.entity.and_then(|e| view.project.entity(e)) {
                    let line = format!(
                        "Actor: {}{}",
                        e.name,
                        e.external_id.as_deref().map_or(String::new(), |x| format!(" ({x})"))
                    );
                    desc = if desc.is_empty() { line } else { format!("{desc}\n{line}") };
                }
                if !desc.is_empty() {
                    x.push_str(&format!("        <Description>{}</Description>\n", esc(&desc)));
                }
                x.push_str(&format!(
                    "        <Coding guid=\"{}\" creatingUser=\"{user}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
                    uuid_for(seed ^ 0xC0DE ^ (k as u64), s.id.0).to_uppercase(),
                    guid(s.label.0)
                ));
                x.push_str("      </PlainTextSelection>\n");
            }
        }
        x.push_str("    </TextSource>\n");
        for r in &av.relations {
            let t = view.project.schema.relation_type(r.kind);
            let direction = if t.is_some_and(|t| t.symmetric) { "Bidirectional" } else { "OneWay" };
            links.push_str(&format!(
                "    <Link guid=\"{}\" name=\"{}\" direction=\"{direction}\" color=\"{}\" originGUID=\"{}\" targetGUID=\"{}\"/>\n",
                guid(r.id.0),
                esc(t.map_or("relation", |t| t.name.as_str())),
                t.map_or("#888888".to_string(), |t| t.color.to_string()),
                guid(r.from.0),
                guid(r.to.0)
            ));
        }
    }
    x.push_str("  </Sources>\n");
    if !links.is_empty() {
        x.push_str("  <Links>\n");
        x.push_str(&links);
        x.push_str("  </Links>\n");
    }
    x.push_str("</Project>\n");
    zip.write_all(x.as_bytes()).map_err(io_err(out))?;
    for av in &view.articles {
        view.tick()?;
        zip.start_file(format!("sources/{}.txt", guid(av.article.id.0)), opts).map_err(zerr)?;
        zip.write_all(av.article.text.as_bytes()).map_err(io_err(out))?;
    }
    let mut file = zip.finish().map_err(zerr)?;
    file.flush().map_err(io_err(out))?;
    report.files.push(out.to_path_buf());
    Ok(())
}

/// The labels under `parent` as REFI-QDA codes, nested by parent.
pub(super) fn codes(x: &mut String, view: &View, guid: &dyn Fn(u64) -> String, parent: Option<LabelId>, depth: usize) {
    for l in view.project.schema.labels.iter().filter(|l| l.parent == parent) {
        let pad = "  ".repeat(depth + 3);
        x.push_str(&format!(
            "{pad}<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\"",
            guid(l.id.0),
            esc(&l.name),
            l.color
        ));
        let has_children = view.project.schema.labels.iter().any(|c| c.parent == Some(l.id));
        if l.description.is_empty() && !has_children {
            x.push_str("/>\n");
            continue;
        }
        x.push_str(">\n");
        if !l.description.is_empty() {
            x.push_str(&format!("{pad}  <Description>{}</Description>\n", esc(&l.description)));
        }
        if depth < 16 {
            codes(x, view, guid, Some(l.id), depth + 1);
        }
        x.push_str(&format!("{pad}</Code>\n"));
    }
}

/// Labels whose parent is missing, as top-level codes.
pub(super) fn orphan_codes(x: &mut String, view: &View, guid: &dyn Fn(u64) -> String) {
    let schema = &view.project.schema;
    for l in schema.labels.iter().filter(|l| l.parent.is_some_and(|p| schema.label(p).is_none())) {
        x.push_str(&format!(
            "      <Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\"/>\n",
            guid(l.id.0),
            esc(&l.name),
            l.color
        ));
    }
}
