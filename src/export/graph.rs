//! The actor network (alliance and opposes relations between canonical actors, weighted by how
//! many articles assert them) as GraphML for Gephi, Cytoscape, networkx, and as a CSV edge list.

use super::{ExportError, Report, View, csv_out::safe_cell, io_err, write_file};
use crate::analysis::corpus::{Edge, Node, network, network_types};
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

/// A node's GraphML id: the actor's own id (`e12`), or `m` and the mention's place among the nodes.
fn node_id(n: &Node, nodes: &[&Node]) -> String {
    match n {
        Node::Actor(id) => id.to_string(),
        Node::Mention(_) => format!("m{}", nodes.binary_search(&n).unwrap_or_default()),
    }
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
    let mut used: Vec<&Node> = es.iter().flat_map(|e| [&e.a, &e.b]).collect();
    used.sort();
    used.dedup();
    for n in &used {
        let id = node_id(n, &used);
        x.push_str(&format!("    <node id=\"{id}\">\n      <data key=\"name\">{}</data>\n", esc(n.name(view.project))));
        let (kind, external) = match n {
            Node::Actor(a) => {
                view.project.entity(*a).map_or((String::new(), None), |e| (e.kind.clone(), e.external_id.clone()))
            }
            Node::Mention(_) => ("mention".to_string(), None),
        };
        if !kind.is_empty() {
            x.push_str(&format!("      <data key=\"kind\">{}</data>\n", esc(&kind)));
        }
        if let Some(ext) = external {
            x.push_str(&format!("      <data key=\"external_id\">{}</data>\n", esc(&ext)));
        }
        x.push_str("    </node>\n");
    }
    for (i, e) in es.iter().enumerate() {
        view.tick()?;
        let symmetric = view.project.schema.relation_type(e.kind).is_some_and(|t| t.symmetric);
        let arts: Vec<String> = e.articles.iter().map(|a| a.to_string()).collect();
        x.push_str(&format!(
            "    <edge id=\"x{i}\" source=\"{}\" target=\"{}\" directed=\"{}\">\n      <data key=\"type\">{}</data>\n      <data key=\"weight\">{}</data>\n      <data key=\"articles\">{}</data>\n    </edge>\n",
            node_id(&e.a, &used),
            node_id(&e.b, &used),
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
    let edges = edges(view);
    let mut used: Vec<&Node> = edges.iter().flat_map(|e| [&e.a, &e.b]).collect();
    used.sort();
    used.dedup();
    let name = |n: &Node| safe_cell(n.name(view.project));
    for e in &edges {
        let arts: Vec<String> = e.articles.iter().map(|a| a.to_string()).collect();
        w.write_record([
            node_id(&e.a, &used),
            name(&e.a),
            node_id(&e.b, &used),
            name(&e.b),
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
