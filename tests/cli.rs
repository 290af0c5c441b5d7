//! The `glose` command as a pipeline sees it: exit codes, one line per problem, JSON.

use assert_cmd::Command;
use std::fs;

fn glose() -> Command {
    Command::cargo_bin("glose").unwrap()
}

#[test]
fn validate_accepts_the_example_project() {
    glose().args(["validate", "projects/example.ron"]).assert().success().stdout("");
}

#[test]
fn validate_lists_each_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = fs::read_to_string("projects/example.ron").unwrap();
    // Two problems: a quote that no longer matches, and a span pointing at a missing label.
    let text = text.replacen("quote: \"Emmanuel Macron\"", "quote: \"Emmanuel Macro\"", 1).replacen(
        "label: 3,",
        "label: 777,",
        1,
    );
    fs::write(&path, text).unwrap();
    let out = glose().args(["validate", path.to_str().unwrap()]).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines.iter().any(|l| l.contains("article a") && l.contains(": s") && l.contains("\"Emmanuel Macro\"")),
        "{out}"
    );
    assert!(lines.iter().any(|l| l.contains("label l777 does not exist")), "{out}");
}

#[test]
fn validate_exits_2_with_the_position_when_the_file_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    let text = fs::read_to_string("projects/example.ron").unwrap();
    fs::write(&path, &text[..text.len() / 3]).unwrap();
    let out = glose().args(["validate", path.to_str().unwrap()]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("cut.ron:") && err.lines().count() == 1, "{err}");
    glose().args(["validate", "/nonexistent/p.ron"]).assert().code(2);
}

#[test]
fn stats_prints_counts_as_text_and_json() {
    let out = glose().args(["stats", "projects/example.ron"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("articles   5"), "{text}");
    let out = glose().args(["stats", "projects/example.ron", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"], 5);
    assert_eq!(v["languages"]["ru"], 1);
    let per_label = v["spans_per_label"].as_array().unwrap();
    let total: u64 = per_label.iter().map(|p| p[1].as_u64().unwrap()).sum();
    assert_eq!(v["spans"].as_u64().unwrap(), total);
    assert!(v["annotators"]["glose-team"][0].as_u64().unwrap() > 0);
}

#[test]
fn import_creates_then_extends_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("new.ron");
    let p = project.to_str().unwrap();
    glose().args(["import", "projects/articles/seed-fr-ia-geopolitique.txt", "--into", p]).assert().success();
    glose().args(["validate", p]).assert().success();
    // Again with the same file and a page: the seed is matched, the page added.
    let out = glose()
        .args([
            "import",
            "projects/articles/seed-fr-ia-geopolitique.txt",
            "tests/fixtures/saved-page-fr.html",
            "--into",
            p,
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("new.ron: 1 article added, 1 duplicate skipped"), "{out}");
    let loaded = glose::store::load(&project).unwrap().project;
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(loaded.articles[1].source, "Le Quotidien du Numérique");
    // A file that fails is reported, exit 1, and the good ones still land.
    fs::write(dir.path().join("bad.txt"), b"").unwrap();
    fs::write(dir.path().join("good.txt"), b"India and France on AI.\n").unwrap();
    glose()
        .args([
            "import",
            dir.path().join("bad.txt").to_str().unwrap(),
            dir.path().join("good.txt").to_str().unwrap(),
            "--into",
            p,
        ])
        .assert()
        .code(1);
    assert_eq!(glose::store::load(&project).unwrap().project.articles.len(), 3);
}

#[test]
fn import_into_an_unreadable_project_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    fs::write(&project, "(format_version: 2, articles: [").unwrap();
    glose().args(["import", "tests/fixtures/saved-page-fr.html", "--into", project.to_str().unwrap()]).assert().code(2);
    assert_eq!(fs::read_to_string(&project).unwrap(), "(format_version: 2, articles: [");
}

#[test]
fn agreement_prints_a_table_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    let project = dir.path().join("p.ron");
    std::fs::copy("projects/example.ron", &project).unwrap();
    glose()
        .args(["export", "projects/example.ron", "--format", "brat", "--out", brat.to_str().unwrap()])
        .assert()
        .success();
    glose()
        .args([
            "import",
            "--format",
            "brat",
            brat.to_str().unwrap(),
            "--into",
            project.to_str().unwrap(),
            "--annotator",
            "bob",
        ])
        .assert()
        .success();
    let out = glose()
        .args(["agreement", project.to_str().unwrap(), "--annotators", "glose-team,bob"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("(all labels)") && text.contains("1.000"), "{text}");
    let out =
        glose().args(["agreement", project.to_str().unwrap(), "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["overall"]["f1_exact"], 1.0);
    glose().args(["agreement", "projects/example.ron"]).assert().code(2);
}

#[test]
fn export_writes_every_format_and_reports_what_it_cannot_hold() {
    let dir = tempfile::tempdir().unwrap();
    for (format, out) in [
        ("doccano", "d.jsonl"),
        ("doccano-rel", "r.jsonl"),
        ("label-studio", "ls.json"),
        ("brat", "brat"),
        ("conll", "c.conll"),
        ("csv", "csv"),
        ("w3c", "w.jsonld"),
        ("refi-qda", "p.qdpx"),
    ] {
        let out = dir.path().join(out);
        let res = glose()
            .args(["export", "projects/example.ron", "--format", format, "--out", out.to_str().unwrap()])
            .assert()
            .success();
        let err = String::from_utf8(res.get_output().stderr.clone()).unwrap();
        assert!(err.contains("5 articles, 63 spans, 29 relations"), "{format}: {err}");
        assert!(out.exists(), "{format}");
    }
    let res = glose()
        .args([
            "export",
            "projects/example.ron",
            "--format",
            "conll",
            "--out",
            dir.path().join("x.conll").to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(String::from_utf8(res.get_output().stderr.clone()).unwrap().contains("dropped"));
    glose().args(["export", "projects/example.ron", "--format", "nope", "--out", "/tmp/x"]).assert().code(2);
}
