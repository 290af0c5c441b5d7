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
    fs::write(&path, &text[..text.floor_char_boundary(text.len() / 3)]).unwrap();
    let out = glose().args(["validate", path.to_str().unwrap()]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("cut.ron:") && err.lines().count() == 1, "{err}");
    glose().args(["validate", "/nonexistent/p.ron"]).assert().code(2);
}

#[test]
fn stats_prints_counts_as_text_and_json() {
    let out = glose().args(["stats", "projects/example.ron"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("articles   6"), "{text}");
    let out = glose().args(["stats", "projects/example.ron", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"], 6);
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
        .args([
            "export",
            "projects/example.ron",
            "--format",
            "brat",
            "--annotators",
            "glose-team",
            "--out",
            brat.to_str().unwrap(),
        ])
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
    let args = ["agreement", project.to_str().unwrap(), "--annotators", "glose-team,bob", "--json"];
    let out = glose().args(args).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["overall"]["f1_exact"], 1.0);
    assert_eq!(v["unitizing_alpha"]["overall"], 1.0, "identical units: uα = 1");
    assert_eq!(v["unitizing_alpha"]["per_label"]["Actor"], 1.0);
    // The example ships a second coder on two articles: agreement runs on them out of the box.
    let out = glose().args(["agreement", "projects/example.ron"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("glose-team vs camille: 2 articles"), "{text}");
    // One annotator: nothing to compare.
    let single = dir.path().join("single.ron");
    glose()
        .args(["import", "projects/articles/seed-fr-ia-geopolitique.txt", "--into", single.to_str().unwrap()])
        .assert()
        .success();
    glose().args(["agreement", single.to_str().unwrap()]).assert().code(2);
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
        assert!(err.contains("6 articles, 97 spans, 38 relations"), "{format}: {err}");
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

/// `glose import` on press exports, tables and hostile files: a report line per file, a
/// summary, exit 0 / 1 / 2, and nothing written when nothing could be read.
#[test]
fn import_reports_each_file_and_exits_by_what_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("corpus.ron");
    let p = project.to_str().unwrap();
    let fix = |n: &str| format!("tests/fixtures/import/{n}");
    // Everything readable: exit 0, one line per file, then the summary.
    let out = glose()
        .args(["import", &fix("europresse.html"), &fix("factiva.xml"), &fix("corpus-excel-fr.csv"), "--into", p])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0], "tests/fixtures/import/europresse.html: Europresse, 2 articles, 1 duplicate skipped",
        "{stdout}"
    );
    assert_eq!(lines[1], "tests/fixtures/import/factiva.xml: Factiva (XML), 2 articles, 1 near-duplicate marked");
    // The table holds the same three articles: one exact copy, two near ones (other spacing, no subtitle).
    assert_eq!(
        lines[2],
        "tests/fixtures/import/corpus-excel-fr.csv: CSV, 2 articles, 1 duplicate skipped, 2 near-duplicates marked"
    );
    assert_eq!(lines[3], format!("{p}: 6 articles added, 2 duplicates skipped, 3 near-duplicates marked"));
    // Pipelines read the result as JSON.
    let out = glose().args(["articles", p, "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let arts = v.as_array().unwrap();
    assert_eq!(arts.len(), 6);
    let afp = arts.iter().find(|a| a["source"] == "Agence France Presse").unwrap();
    let monde = arts.iter().find(|a| a["source"] == "Le Monde" && a["details"]["database"] == "Europresse").unwrap();
    assert_eq!(afp["near_duplicate_of"], monde["id"]);
    assert_eq!(monde["details"]["document number"], "news·20240206·LM·3412345");
    assert_eq!(monde["published"], "2024-02-06");
    for key in
        ["id", "title", "source", "author", "url", "published", "language", "details", "near_duplicate_of", "text"]
    {
        assert!(monde.get(key).is_some(), "{key}");
    }
    // A ragged row: exit 1, said with file and position; the rest lands.
    let before = std::fs::read(&project).unwrap();
    let out = glose().args(["import", &fix("corpus.csv"), "--into", p]).assert().code(1).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("corpus.csv: line 4: 2 field(s) where the header has 7"), "{stderr}");
    assert_ne!(std::fs::read(&project).unwrap(), before);
    // Nothing readable: exit 2, the project untouched, no new file created.
    let before = std::fs::read(&project).unwrap();
    glose().args(["import", &fix("scan.pdf"), &fix("encrypted.pdf"), "--into", p]).assert().code(2);
    assert_eq!(std::fs::read(&project).unwrap(), before);
    let fresh = dir.path().join("fresh.ron");
    let out = glose()
        .args(["import", &fix("cut.docx"), "--into", fresh.to_str().unwrap()])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(!fresh.exists(), "a failed import leaves no project file behind");
    assert!(String::from_utf8(out.stderr).unwrap().contains("cut.docx: word/document.xml: byte"));
}

#[test]
fn import_takes_a_column_mapping_delimiter_encoding_and_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("t.ron");
    let p = project.to_str().unwrap();
    glose()
        .args([
            "import",
            "tests/fixtures/import/corpus-excel-fr.csv",
            "--into",
            p,
            "--map",
            "text=Texte,title=Titre,published=Date,source=Journal,author=Auteur,url=Lien",
            "--delimiter",
            ";",
            "--encoding",
            "windows-1252",
        ])
        .assert()
        .success();
    let loaded = glose::store::load(&project).unwrap().project;
    assert_eq!(loaded.articles.len(), 3);
    assert_eq!(loaded.articles[0].details.get("Rubrique").map(String::as_str), Some("International"));
    glose()
        .args(["import", "tests/fixtures/import/corpus.xlsx", "--into", p, "--sheet", "Articles"])
        .assert()
        .success();
    let err = glose()
        .args(["import", "tests/fixtures/import/corpus.csv", "--into", p, "--map", "colour=x"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(err).unwrap().contains("unknown field \"colour\""));
    glose().args(["import", "tests/fixtures/import/corpus.csv", "--into", p, "--encoding", "klingon"]).assert().code(2);
}

/// Formats and options are value lists (any case), `--out -` writes a one-file format to
/// standard output, and an error never names our internal types.
#[test]
fn export_options_are_checked_and_out_dash_is_standard_output() {
    let out = glose()
        .args(["export", "projects/example.ron", "--format", "CoNLL", "--out", "-", "--prefer", "OUTER"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("-DOCSTART-"), "{}", &text[..80.min(text.len())]);
    assert!(!std::path::Path::new("-").exists(), "no file named -");
    let err = glose().args(["export", "projects/example.ron", "--format", "brat", "--out", "-"]).assert().code(2);
    assert!(String::from_utf8_lossy(&err.get_output().stderr).contains("writes a folder"));
    let err = glose().args(["export", "projects/example.ron", "--format", "docx", "--out", "x"]).assert().failure();
    assert!(String::from_utf8_lossy(&err.get_output().stderr).contains("possible values"));
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("not-a-project.ron");
    fs::write(&json, "{\"a\": 1}").unwrap();
    let err = glose().args(["validate", json.to_str().unwrap()]).assert().code(2);
    let msg = String::from_utf8_lossy(&err.get_output().stderr).into_owned();
    assert!(msg.contains("not-a-project.ron:1:1") && msg.contains("Glose project") && !msg.contains("Probe"), "{msg}");
}

/// `glose search` shares the window's search rule: any case unless --case, whole words,
/// regular expressions, the label/actor/annotator filters; exit 0 with hits, 1 without, 2 on
/// an error.
#[test]
fn search_finds_what_the_window_finds_and_says_by_its_exit_code() {
    let run = |args: &[&str]| {
        let out = glose().arg("search").arg("projects/example.ron").args(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, out, _) = run(&["poutine"]);
    assert_eq!(code, Some(0));
    assert!(out.lines().count() >= 3 && out.lines().all(|l| l.contains("[Poutine]")), "{out}");
    let (_, exact, _) = run(&["poutine", "--case"]);
    assert!(exact.is_empty(), "--case: the text says Poutine: {exact}");
    // Whole words: "IA" alone (also after an elision, l’IA), not inside "IAs" or "MIAM".
    let (_, whole, _) = run(&["ia", "--whole-words"]);
    let (_, any, _) = run(&["ia"]);
    assert!(whole.lines().count() < any.lines().count(), "{whole}\n---\n{any}");
    assert!(whole.contains("l’[IA]"), "{whole}");
    // Only inside an Actor span linked to Putin, as JSON.
    let (code, json, _) = run(&["poutine", "--label", "Actor", "--actor", "Vladimir Putin", "--json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let hits = v.as_array().unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h["match"] == "Poutine"), "{json}");
    assert_eq!(run(&["no such phrase anywhere"]).0, Some(1));
    let (code, _, err) = run(&["(", "--regex"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("regex"), "{err}");
    let (code, _, err) = run(&["x", "--label", "Nope"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no label named \"Nope\""), "{err}");
}

#[test]
fn validate_lists_relations_whose_type_does_not_accept_their_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = glose::store::load(std::path::Path::new("projects/example.ron")).unwrap().project;
    // Relabel one end of an alliance (Actor ↔ Actor) as a Claim.
    let alliance = p.schema.relation_types.iter().find(|t| t.name == "alliance").unwrap().clone();
    assert!(!alliance.from_labels.is_empty(), "the example's alliance links actors");
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let a = p.articles.iter().position(|a| a.relations.iter().any(|r| r.kind == alliance.id)).unwrap();
    let art = std::sync::Arc::make_mut(&mut p.articles[a]);
    let end = art.relations.iter().find(|r| r.kind == alliance.id).unwrap().from;
    let span = art.spans.iter_mut().find(|s| s.id == end).unwrap();
    span.label = claim;
    assert!(glose::model::validate(&p).is_empty(), "the data itself is sound");
    // And a quote that drifted from its text, in the last article: damage is listed first.
    let last = std::sync::Arc::make_mut(p.articles.last_mut().unwrap());
    last.spans[0].quote.push('!');
    glose::store::save(&p, &path).unwrap();
    let output = glose().args(["validate", path.to_str().unwrap()]).assert().code(1).get_output().clone();
    let out = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.iter().all(|l| l.starts_with(&format!("{}: article a", path.display()))), "{out}");
    assert!(lines[0].contains("differs from the text it covers"), "{out}");
    assert!(lines[1..].iter().all(|l| l.contains("relation does not link")), "{out}");
    assert!(lines[1..].iter().any(|l| l.contains("“alliance” relation does not link")), "{out}");
    let said = format!(": {} problems", lines.len());
    assert!(String::from_utf8(output.stderr).unwrap().contains(&said));
}

#[test]
fn a_truncated_project_is_said_to_end_early() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    let text = fs::read_to_string("projects/example.ron").unwrap();
    fs::write(&path, &text.as_bytes()[..text.floor_char_boundary(text.len() / 2)]).unwrap();
    let err = glose().args(["validate", path.to_str().unwrap()]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("ends early"), "{err}");
}
