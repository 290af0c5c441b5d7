//! Discourse networks end to end: DNA's sample database (`../shared/data/dna/sample.dna`, GPL-3:
//! read from there, skipped with a message when absent) imported and exported as rDNA's tests
//! expect; the CLI's options and errors.

use assert_cmd::Command;
use glose::analysis::discourse::{self, Aggregation, NetworkOptions, NetworkType, Normalization};
use glose::import;
use glose::model::Project;
use std::path::{Path, PathBuf};

const SAMPLE: &str = "../shared/data/dna/sample.dna";

fn sample() -> Option<PathBuf> {
    let p = PathBuf::from(SAMPLE);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {SAMPLE} is not beside the repository (the team's shared data)");
        None
    }
}

fn glose() -> Command {
    Command::cargo_bin("glose").unwrap()
}

fn imported(path: &Path) -> Project {
    let mut p = Project::new("dna");
    let data = import::dna::read(&[path.to_path_buf()], "concept").unwrap();
    assert!(data.warnings.is_empty(), "{:?}", data.warnings);
    let plan = import::dataset::plan(&mut p, data, None, "nobody");
    plan.command.unwrap().apply(&mut p).unwrap();
    p
}

fn dna_options(kind: NetworkType) -> NetworkOptions {
    NetworkOptions {
        kind,
        variable1: "organization".into(),
        variable2: "concept".into(),
        qualifier: Some("agreement".into()),
        ..Default::default()
    }
}

#[test]
fn sample_database_gives_rdna_networks() {
    let Some(path) = sample() else { return };
    let p = imported(&path);
    assert_eq!(p.articles.len(), 7);
    let a = &p.articles[0];
    assert_eq!(a.title, "109-876: Bluestein, Joel-BUS-Y");
    assert_eq!(a.published, "2005-01-26");
    assert_eq!(a.author, "Bluestein, Joel");
    assert_eq!(a.details.get("section").map(String::as_str), Some("876"));
    // Spans sit on the statement's text, annotated by its coder, with DNA's variables.
    // DNA's statement 1 (UTF-16 offsets 6351–7213 of a text without surrogates).
    let s = a.spans.iter().find(|s| (s.start(), s.end()) == (6351, 7213)).unwrap();
    assert_eq!(s.annotator, "Coder 1");
    assert!(s.attributes.contains_key("organization") && s.attributes.contains_key("concept"));
    assert_eq!(s.attributes["agreement"], "0");
    assert_eq!(s.attributes["organization"], "Energy and Environmental Analysis, Inc.");
    let claim = p.entity(s.entity.unwrap()).unwrap();
    assert_eq!((claim.kind.as_str(), claim.name.as_str()), ("claim", s.attributes["concept"].as_str()));
    let org = p.entities.iter().find(|e| e.name == "Alliance to Save Energy").unwrap();
    assert_eq!(org.kind, "organization");
    assert_eq!(org.color.map(|c| c.to_string()).as_deref(), Some("#00cc00"));
    assert_eq!(p.schema.label_by_name("DNA Statement").unwrap().color.to_string(), "#efd033");

    let table = discourse::statements(&p, "DNA Statement").unwrap();
    assert_eq!(table.len(), 40);
    let two = discourse::network(&table, &dna_options(NetworkType::Twomode)).unwrap();
    let m = &two.matrices[0];
    assert_eq!((m.rows.len(), m.columns.len(), m.sum()), (7, 6, 40.0));
    assert_eq!(m.rows[0], "Alliance to Save Energy");
    assert_eq!(m.columns[0], "CO2 legislation will not hurt the economy.");
    assert_eq!(m.start.map(discourse::day::format).as_deref(), Some("2005-01-26"));
    assert_eq!(m.stop.map(discourse::day::format).as_deref(), Some("2005-02-16"));
    let ener = m.rows.iter().position(|r| r.starts_with("Ener")).unwrap();
    assert_eq!(&m.row(ener)[..2], [2.0, 0.0], "rDNA prints `Ener*     2     0`");
    let one = discourse::network(&table, &dna_options(NetworkType::Onemode)).unwrap();
    let m = &one.matrices[0];
    assert_eq!((m.rows.len(), m.columns.len(), m.sum()), (7, 7, 276.0));
    let envi = m.rows.iter().position(|r| r.starts_with("Envi")).unwrap();
    assert_eq!(&m.row(envi)[..2], [10.0, 2.0], "rDNA prints `Envi*    10     2`");
    // Congruence and conflict split what ignore counts when the qualifier is boolean.
    let part = |aggregation| {
        let o = NetworkOptions { aggregation, ..dna_options(NetworkType::Onemode) };
        discourse::network(&table, &o).unwrap().matrices[0].sum()
    };
    assert_eq!(part(Aggregation::Congruence) + part(Aggregation::Conflict), 276.0);
    // Jaccard of congruence: shared (claim, stance) uses over all uses of the two, within 0…1.
    let o = NetworkOptions {
        aggregation: Aggregation::Congruence,
        normalization: Normalization::Jaccard,
        ..dna_options(NetworkType::Onemode)
    };
    assert!(discourse::network(&table, &o).unwrap().matrices[0].values.iter().all(|v| (0.0..=1.0).contains(v)));
}

#[test]
fn cli_imports_dna_and_prints_networks() {
    let Some(path) = sample() else { return };
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("dna.ron");
    glose().args(["import", "--format", "dna"]).arg(&path).arg("--into").arg(&project).assert().success();
    let net = |extra: &[&str]| {
        let out = glose()
            .arg("network")
            .arg(&project)
            .args(["--variable1", "organization", "--variable2", "concept", "--qualifier", "agreement"])
            .args(["--label", "DNA Statement"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let sum = |v: &serde_json::Value| -> f64 {
        v["matrix"].as_array().unwrap().iter().flat_map(|r| r.as_array().unwrap()).map(|x| x.as_f64().unwrap()).sum()
    };
    let two = net(&[]);
    assert_eq!((two["rows"].as_array().unwrap().len(), two["columns"].as_array().unwrap().len()), (7, 6));
    assert_eq!((sum(&two), two["statements"].as_u64()), (40.0, Some(40)));
    let one = net(&["--type", "onemode"]);
    assert_eq!(sum(&one), 276.0);
    // Weekly windows over the three weeks of hearings: a list with start and stop dates.
    let windows = net(&["--window-days", "7", "--window-step", "7"]);
    let list = windows.as_array().unwrap();
    assert!(!list.is_empty());
    assert_eq!(list[0]["start"], "2005-01-26");
    assert_eq!(list[0]["stop"], "2005-02-01");
    // GraphML for networkx and Gephi: every node and weighted edge.
    let graph = dir.path().join("one.graphml");
    glose()
        .arg("network")
        .arg(&project)
        .args(["--type", "onemode", "--variable1", "organization", "--variable2", "concept"])
        .args(["--label", "DNA Statement", "--format", "graphml", "--out"])
        .arg(&graph)
        .assert()
        .success();
    let xml = std::fs::read_to_string(&graph).unwrap();
    assert_eq!(xml.matches("<node ").count(), 7);
    assert!(xml.contains("<data key=\"color\">#00cc00</data>"), "entity colours kept");
    assert!(xml.contains("attr.name=\"weight\" attr.type=\"double\""));
    // The statements table, as CSV.
    let out = glose().arg("statements").arg(&project).args(["--label", "DNA Statement"]).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 41);
    assert!(csv.lines().next().unwrap().contains("agreement"));
}

#[test]
fn cli_network_of_glose_annotations_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let project = Path::new("projects/example.ron");
    let out = glose().arg("network").arg(project).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["rows"].is_array() && v["matrix"].is_array() && v["statements"].is_u64());
    // Options that do not fit are refused with a message, exit 2.
    let bad = glose().arg("network").arg(project).args(["--aggregation", "congruence"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("one-mode"));
    let bad = glose().arg("network").arg(project).args(["--from", "26/01/2005"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let bad = glose().arg("network").arg(project).args(["--label", "Nope"]).output().unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no label named"));
    // A file that is not a DNA database.
    let not_dna = dir.path().join("x.dna");
    std::fs::write(&not_dna, b"SQLite format 3\0 but not really").unwrap();
    let out = glose()
        .args(["import", "--format", "dna"])
        .arg(&not_dna)
        .arg("--into")
        .arg(dir.path().join("p.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.dna"));
    assert!(!dir.path().join("p.ron").exists(), "nothing written");
    // An SQLite database of something else.
    let foreign = dir.path().join("other.sqlite");
    let db = rusqlite::Connection::open(&foreign).unwrap();
    db.execute_batch("CREATE TABLE DOCUMENTS(ID INTEGER); CREATE TABLE birds(name TEXT);").unwrap();
    drop(db);
    let err = import::dna::read(&[foreign], "concept").unwrap_err().to_string();
    assert!(err.contains("other.sqlite") && err.contains("not a DNA 3 database"), "{err}");
}

/// The codebook a paper reports, as Markdown, HTML and REFI-QDA's `.qdc`: every label with its
/// key, colour, count and examples; relation types; canonical actors and claims.
#[test]
fn codebook_exports() {
    use glose::export::{Format, export};
    let mut p = glose::store::load(Path::new("projects/example.ron")).unwrap().project;
    let id = glose::model::EntityId(p.alloc_id());
    p.entities.push(glose::model::Entity {
        id,
        name: "AI must be governed <globally>".into(),
        kind: "claim".into(),
        aliases: vec!["L'IA doit être gouvernée".into()],
        ..Default::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name);
    export(&p, Format::CodebookMd, &Default::default(), &out("c.md")).unwrap();
    let md = std::fs::read_to_string(out("c.md")).unwrap();
    let claims = p.all_spans().filter(|(_, s)| p.schema.label_name(s.label) == "Claim").count();
    assert!(
        md.contains(&format!("| Claim | 2 | `{}` |  | {claims} |", p.schema.label_by_name("Claim").unwrap().color)),
        "{md}"
    );
    assert!(md.contains("**Claim**, for example:"));
    assert!(md.contains("## Relation types") && md.contains("| says |"));
    assert!(md.contains("## Canonical actors") && md.contains("| Vladimir Putin |"));
    assert!(md.contains("## Canonical claims") && md.contains("L'IA doit être gouvernée"));
    export(&p, Format::CodebookHtml, &Default::default(), &out("c.html")).unwrap();
    let html = std::fs::read_to_string(out("c.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("AI must be governed &lt;globally&gt;"));
    export(&p, Format::Qdc, &Default::default(), &out("c.qdc")).unwrap();
    let qdc = std::fs::read_to_string(out("c.qdc")).unwrap();
    assert!(qdc.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
    // Well-formed XML: every element closed, names escaped.
    let mut reader = quick_xml::Reader::from_str(&qdc);
    let (mut depth, mut codes) = (0i32, 0);
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => {
                depth += 1;
                codes += usize::from(e.name().as_ref() == "Code");
            }
            quick_xml::events::Event::Empty(e) => codes += usize::from(e.name().as_ref() == "Code"),
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert_eq!(codes, p.schema.labels.len() + p.entities.len() + 2, "labels, actors, claims and their two groups");
}
