//! The properties the fuzz targets (`fuzz/`) check on arbitrary input, shared with the tests
//! that replay every input the fuzzers once crashed on (`tests/fuzz-regressions/`). Each
//! function panics only when Glose breaks a promise; bad input must give an error, not a panic.

use crate::import::{DatasetFormat, Kind, article_from_bytes, brat_from_text, dataset, read_dataset_text};
use crate::model::{Project, validate};
use crate::store;
use crate::store::parse_journal;
use std::path::Path;
use std::sync::OnceLock;

/// The RON loader: bytes give a project or a located error; a project that loads saves to text
/// that loads back to the same project.
pub fn project_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(loaded) = store::from_str(text, Path::new("fuzz.ron")) else { return };
    let _ = validate(&loaded.project);
    let saved = store::to_string(&loaded.project).expect("a loaded project serialises");
    let again = store::from_str(&saved, Path::new("saved.ron")).expect("what Glose writes, Glose reads");
    let mut normal = loaded.project.clone();
    normal.normalize();
    assert_eq!(again.project, normal, "a round trip keeps the project");
}

fn example() -> &'static Project {
    static P: OnceLock<Project> = OnceLock::new();
    P.get_or_init(|| {
        let text = include_str!("../projects/example.ron");
        store::from_str(text, Path::new("example.ron")).expect("the example project loads").project
    })
}

/// Journal replay: bytes give commands or a located error; replaying them on the example
/// project never panics, and a refused command changes nothing.
pub fn journal(data: &[u8]) {
    let Ok(Some(parsed)) = parse_journal(data, Path::new("fuzz.journal")) else { return };
    let mut p = example().clone();
    for cmd in parsed.commands {
        let before = p.clone();
        if cmd.apply(&mut p).is_err() {
            assert_eq!(p, before, "a refused command leaves the project as it was");
        }
    }
}

/// Article import: bytes give an article with some text, or an error.
pub fn article(kind: Kind, data: &[u8]) {
    if let Ok(a) = article_from_bytes(kind, data, "fuzz") {
        assert!(!a.text.trim().is_empty(), "an imported article has text");
    }
}

/// What an importer read, planned into a project: the command applies and the project is valid.
fn planned_is_valid(data: dataset::Dataset) {
    let mut project = Project::new("fuzz");
    let plan = dataset::plan(&mut project, data, None, "fuzzer");
    if let Some(cmd) = plan.command {
        cmd.apply(&mut project).expect("a planned import applies");
        let problems = validate(&project);
        assert!(problems.is_empty(), "{problems:?}");
    }
}

/// doccano JSONL, Label Studio JSON, CoNLL: any text gives a dataset or an error.
pub fn dataset_text(format: DatasetFormat, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(d) = read_dataset_text(format, text, "fuzz") {
        planned_is_valid(d);
    }
}

/// brat: the document's text, a NUL, its standoff, a NUL, annotation.conf.
pub fn brat(data: &[u8]) {
    let Ok(all) = std::str::from_utf8(data) else { return };
    let mut parts = all.splitn(3, '\0');
    let (text, standoff, conf) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    planned_is_valid(brat_from_text(text, standoff, conf, "fuzz"));
}

/// Article import of any format (the name's extension is only a hint: content decides):
/// every record has text, and the planned import applies to a project that validates. A
/// reader's panic is caught by the importer and reported as an error for the file.
pub fn import_file(name: &str, data: &[u8]) {
    use crate::import::{ReadOptions, plan_files, read::read_bytes};
    let files = read_bytes(name, Path::new(name), data.to_vec(), &ReadOptions::default(), 0);
    for f in &files {
        assert!(f.error.is_some() || !f.records.is_empty() || !f.skipped.is_empty(), "{}: nothing said", f.name);
        for r in &f.records {
            assert!(!r.text.trim().is_empty(), "an imported article has text");
        }
    }
    let mut project = Project::new("fuzz");
    let plan = plan_files(&mut project, &files);
    if let Some(cmd) = plan.command {
        cmd.apply(&mut project).expect("a planned import applies");
        let problems = validate(&project);
        assert!(problems.is_empty(), "{problems:?}");
    }
}

/// Runs the check of fuzz target `target` on `data`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "project_file" => project_file(data),
        "journal" => journal(data),
        "article_text" => article(Kind::Text, data),
        "article_markdown" => article(Kind::Markdown, data),
        "article_html" => article(Kind::Html, data),
        "doccano" => dataset_text(DatasetFormat::Doccano, data),
        "label_studio" => dataset_text(DatasetFormat::LabelStudio, data),
        "conll" => dataset_text(DatasetFormat::Conll, data),
        "brat" => brat(data),
        "import_press" => import_file("fuzz.html", data),
        "import_office" => import_file("fuzz.docx", data),
        "import_rtf" => import_file("fuzz.rtf", data),
        "import_pdf" => import_file("fuzz.pdf", data),
        "import_table" => import_file("fuzz.csv", data),
        other => panic!("no fuzz target {other}"),
    }
}
