//! The actor network (alliance and opposes relations between canonical actors, weighted by how
//! many articles assert them) as GraphML for Gephi, Cytoscape, networkx, and as a CSV edge list.

use super::{ExportError, Report, View, csv_out::safe_cell, io_err, write_file};
use crate::analysis::corpus::{Edge, network, network_types};
use std::collections::BTreeSet;
use std::path::Path;

fn edges(view: &View) -> Vec<Edge> {
    let wanted: BTreeSet<_> = view.articles.iter().map(|a| a.article.id).collect();
    let mut es = network(view.project, &network_types(view.project));
    for e in &mut es {
        e.articles.retain(|a| wanted.contains(a));
        e.passages.retain(|(a, _, _)| wanted.contains(a));
    }
    es.retain(|e| !e.articles.is_empty());
    es
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn write_graphml(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let es = edges(view);
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (id, for_, name, ty) in [
        ("name", "node", "name", "string"),
        ("kind", "node", "kind", "string"),
        ("external_id", "node", "external_id", "string"),
        ("type", "edge", "type", "string"),
        ("weight", "edge", "weight", "int"),
        ("articles", "edge", "articles", "string"),
    ] {
        x.push_str(&format!("  <key id=\"{id}\" for=\"{for_}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"));
    }
    x.push_str("  <graph id=\"actors\" edgedefault=\"undirected\">\n");
    let used: BTreeSet<_> = es.iter().flat_map(|e| [e.a, e.b]).collect();
    for e in view.project.entities.iter().filter(|e| used.contains(&e.id)) {
        x.push_str(&format!("    <node id=\"{}\">\n      <data key=\"name\">{}</data>\n", e.id, esc(&e.name)));
        if !e.kind.is_empty() {
            x.push_str(&format!("      <data key=\"kind\">{}</data>\n", esc(&e.kind)));
        }
        if let Some(ext) = &e.external_id {
            x.push_str(&format!("      <data key=\"external_id\">{}</data>\n", esc(ext)));
        }
        x.push_str("    </node>\n");
    }
    for (i, e) in es.iter().enumerate() {
        view.tick()?;
        let symmetric = view.project.schema.relation_type(e.kind).is_some_and(|t| t.symmetric);
        let arts: Vec<String> = e.articles.iter().map(|a| a.to_string()).collect();
        x.push_str(&format!(
            "    <edge id=\"x{i}\" source=\"{}\" target=\"{}\" directed=\"{}\">\n      <data key=\"type\">{}</data>\n      <data key=\"weight\">{}</data>\n      <data key=\"articles\">{}</data>\n    </edge>\n",
            e.a,
            e.b,
            !symmetric,
            esc(view.project.schema.relation_type_name(e.kind)),
            e.articles.len(),
            arts.join(" ")
        ));
    }
    x.push_str("  </graph>\n</graphml>\n");
    write_file(out, x.as_bytes(), report)
}

pub fn write_edges_csv(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let f = std::fs::File::create(out).map_err(io_err(out))?;
    let mut w = csv::Writer::from_writer(f);
    let err = |e: csv::Error| ExportError::Invalid(format!("{}: {e}", out.display()));
    w.write_record(["source", "source_name", "target", "target_name", "type", "weight", "articles"]).map_err(err)?;
    let name = |id| view.project.entity(id).map_or(String::new(), |e| safe_cell(&e.name));
    for e in edges(view) {
        let arts: Vec<String> = e.articles.iter().map(|a| a.to_string()).collect();
        w.write_record([
            e.a.to_string(),
            name(e.a),
            e.b.to_string(),
            name(e.b),
            safe_cell(view.project.schema.relation_type_name(e.kind)),
            e.articles.len().to_string(),
            arts.join(" "),
        ])
        .map_err(err)?;
    }
    w.flush().map_err(io_err(out))?;
    report.files.push(out.to_path_buf());
    Ok(())
}
