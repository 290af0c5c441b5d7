//! Projects as folders of RON files: conversion both ways, saves that write only what changed,
//! damaged folders that still open, and git merging two annotators' work without a conflict.
//! (Crashes in the middle of a folder's save: `tests/crash.rs`.)

use glose::edit::Command;
use glose::model::{Fragment, Project, Span, SpanId};
use glose::store::{self, SaveOutcome, Session};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

fn glose(args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_glose")).args(args).output().unwrap()
}

fn example() -> Project {
    store::load(Path::new("projects/example.ron")).unwrap().project
}

/// Every file of a folder (relative name → bytes), the hidden ones of Glose left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["", "articles"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_file() && !name.starts_with(".glose") {
                out.insert(
                    format!("{sub}/{name}").trim_start_matches('/').to_string(),
                    std::fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn convert_round_trips_the_example_and_a_synthetic_project_byte_identically() {
    let dir = tempfile::tempdir().unwrap();
    let synth = dir.path().join("synth.ron");
    store::save(&glose::synth::project(7, 40, 1500, 30, 4), &synth).unwrap();
    for (name, original) in [("example", Path::new("projects/example.ron")), ("synth", synth.as_path())] {
        let folder = dir.path().join(format!("{name}.glose"));
        let back = dir.path().join(format!("{name}-back.ron"));
        let again = dir.path().join(format!("{name}-again"));
        for (from, to) in [(original, &folder), (&folder, &back), (&back, &again)] {
            let out = glose(&["convert", from.to_str().unwrap(), to.to_str().unwrap()]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        assert!(folder.join("project.ron").is_file() && folder.join("articles").is_dir());
        assert_eq!(std::fs::read(original).unwrap(), std::fs::read(&back).unwrap(), "{name}: file → folder → file");
        assert_eq!(files(&folder), files(&again), "{name}: folder → file → folder");
        // Every command reads either layout.
        let out = glose(&["validate", folder.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let out = glose(&["stats", folder.join("project.ron").to_str().unwrap()]);
        assert!(out.status.success());
    }
    // An article's text is its own file, the exact bytes.
    let p = example();
    let folder = dir.path().join("example.glose");
    let first = &p.articles[0];
    let txt =
        files(&folder).into_iter().find(|(n, _)| n.ends_with(".txt") && n.contains(&format!("{:06}", first.id.0)));
    assert_eq!(txt.unwrap().1, first.text.as_bytes());
    // Converting over an existing path is refused.
    let out = glose(&["convert", "projects/example.ron", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

fn save_and_wait(session: &mut Session, path: &Path) -> usize {
    session.start_save(path, false).unwrap();
    match session.finish_saving().pop() {
        Some(SaveOutcome::Saved { bytes, journal_error: None, .. }) => bytes,
        other => panic!("the save failed: {other:?}"),
    }
}

#[test]
fn a_save_after_one_edit_writes_only_that_articles_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("p.glose");
    store::save(&glose::synth::project(3, 60, 2000, 40, 4), &folder).unwrap();
    let (mut session, report) = Session::open(&folder).unwrap();
    assert!(report.skipped.is_empty() && report.recovery.is_none());
    let names: Vec<PathBuf> = std::fs::read_dir(folder.join("articles")).unwrap().flatten().map(|e| e.path()).collect();
    let before: Vec<u64> = names.iter().map(|p| inode(p)).collect();
    let index_before = inode(&folder.join("project.ron"));

    let article = session.project().articles[17].clone();
    let span = &article.spans[3];
    let cmd = Command::SetSpanNote { article: article.id, span: span.id, note: "checked".into() };
    session.apply(cmd).unwrap();
    let bytes = save_and_wait(&mut session, &folder);

    let stem = format!("{:06}", article.id.0);
    let replaced: Vec<&PathBuf> =
        names.iter().zip(&before).filter(|(p, ino)| inode(p) != **ino).map(|(p, _)| p).collect();
    assert_eq!(replaced.len(), 2, "only the article's two files are written: {replaced:?}");
    assert!(replaced.iter().all(|p| p.file_name().unwrap().to_string_lossy().starts_with(&stem)));
    assert_eq!(inode(&folder.join("project.ron")), index_before, "the index did not change");
    let sizes: u64 = replaced.iter().map(|p| std::fs::metadata(p).unwrap().len()).sum();
    assert_eq!(bytes as u64, sizes);
    // What was written is what is read back.
    let again = store::load(&folder).unwrap();
    assert_eq!(again.project.article(article.id).unwrap().span(span.id).unwrap().note, "checked");
    assert_eq!(again.fingerprint, session_fingerprint(&folder));

    // An actor added: the index only.
    let entity = glose::model::Entity { name: "Ursula von der Leyen".into(), ..Default::default() };
    session.apply(Command::AddEntity { entity, index: usize::MAX }).unwrap();
    let before: Vec<u64> = names.iter().map(|p| inode(p)).collect();
    save_and_wait(&mut session, &folder);
    assert_ne!(inode(&folder.join("project.ron")), index_before);
    assert!(names.iter().zip(&before).all(|(p, ino)| inode(p) == *ino), "no article file is written");
    // A deleted article's files go; nothing else is left behind.
    let gone = session.project().articles[5].clone();
    session.apply(Command::RemoveArticle { article: gone.id }).unwrap();
    save_and_wait(&mut session, &folder);
    let left = files(&folder);
    assert!(!left.keys().any(|n| n.contains(&format!("{:06}", gone.id.0))));
    assert_eq!(left.keys().filter(|n| n.starts_with("articles/")).count(), 2 * 59);
    assert!(!left.keys().any(|n| n.ends_with(".tmp")));
    assert_eq!(store::load(&folder).unwrap().project, *session.project());
    // A folder removed behind the window's back is written whole again at the next save.
    std::fs::remove_dir_all(&folder).unwrap();
    save_and_wait(&mut session, &folder);
    assert_eq!(store::load(&folder).unwrap().project, *session.project());
}

fn session_fingerprint(folder: &Path) -> u64 {
    store::folder::fingerprint_on_disk(folder).unwrap()
}

#[test]
fn a_folder_with_a_missing_extra_or_broken_article_file_opens_the_rest_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("p.glose");
    store::save(&example(), &folder).unwrap();
    let articles = folder.join("articles");
    let mut stems: Vec<String> = std::fs::read_dir(&articles)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_string_lossy().strip_suffix(".txt").map(str::to_string))
        .collect();
    stems.sort();
    // Missing: a text file removed. Broken: an article file cut off. Extra: a stray file.
    std::fs::remove_file(articles.join(format!("{}.txt", stems[0]))).unwrap();
    let broken = articles.join(format!("{}.ron", stems[1]));
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
    std::fs::write(articles.join("notes.md"), "my notes").unwrap();
    let before = files(&folder);

    let (mut session, report) = Session::open(&folder).unwrap();
    let said: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        said.iter().any(|e| e.contains(&format!("{}.ron", stems[0])) && e.contains(".txt is missing")),
        "{said:#?}"
    );
    assert!(said.iter().any(|e| e.contains(&format!("{}.ron:", stems[1])) && e.contains("cut off")), "{said:#?}");
    assert!(said.iter().any(|e| e.contains("notes.md") && e.contains("left alone")), "{said:#?}");
    assert_eq!(session.project().articles.len(), example().articles.len() - 2);

    // Edit and save: the damaged and foreign files are exactly as they were.
    let a = session.project().articles[0].clone();
    session.apply(Command::SetSpanNote { article: a.id, span: a.spans[0].id, note: "seen".into() }).unwrap();
    save_and_wait(&mut session, &folder);
    let after = files(&folder);
    for name in [format!("articles/{}.ron", stems[0]), format!("articles/{}.ron", stems[1]), "articles/notes.md".into()]
    {
        assert_eq!(before.get(&name), after.get(&name), "{name} is untouched");
    }
    assert!(!after.contains_key(&format!("articles/{}.txt", stems[0])), "nothing is made up for the missing file");
    // New records never take the id of an article that could not be read.
    let broken_id: u64 = stems[1][..6].parse().unwrap();
    assert!(session.project().next_id > broken_id);
    // The command line says the same and exits 1.
    let out = glose(&["validate", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("notes.md") && stdout.contains(&stems[1]), "{stdout}");
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// A git repository holding the example as a project folder (`None`, said, without git).
fn corpus_repo() -> Option<(tempfile::TempDir, PathBuf)> {
    if Process::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("corpus.glose");
    store::save(&example(), &folder).unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    Some((dir, folder))
}

fn git_merge(repo: &Path, branch: &str) -> std::process::Output {
    Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "merge", "-q", "--no-edit", branch])
        .current_dir(repo)
        .output()
        .unwrap()
}

fn add_span(folder: &Path, article: usize, annotator: &str) -> SpanId {
    let (mut session, _) = Session::open(folder).unwrap();
    let a = session.project().articles[article].clone();
    let span = Span {
        fragments: vec![Fragment::new(0, 4)],
        label: session.project().schema.labels[0].id,
        annotator: annotator.into(),
        ..Default::default()
    };
    let applied = session.apply(Command::AddSpan { article: a.id, span, relations: Vec::new() }).unwrap();
    save_and_wait(&mut session, folder);
    session.close(false);
    SpanId(applied.created[0])
}

#[test]
fn git_merges_two_annotators_editing_different_articles_of_a_folder_without_a_conflict() {
    let Some((dir, folder)) = corpus_repo() else { return };
    let repo = dir.path();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", "corpus"]);
    git(repo, &["checkout", "-qb", "camille"]);
    let c = add_span(&folder, 1, "ben");
    git(repo, &["commit", "-qam", "camille codes article 2"]);
    git(repo, &["checkout", "-q", "main"]);
    let a = add_span(&folder, 3, "ana");
    git(repo, &["commit", "-qam", "alex codes article 4"]);
    // The journals and locks of the sessions are beside the folder, outside what git tracks.
    assert!(String::from_utf8_lossy(&git(repo, &["status", "--porcelain"]).stdout).trim().is_empty());

    let merge = git_merge(repo, "camille");
    assert!(merge.status.success(), "conflict: {}", String::from_utf8_lossy(&merge.stdout));
    let merged = store::load(&folder).unwrap();
    let p = &merged.project;
    let by = |who: &str| p.all_spans().filter(|(_, s)| s.annotator == who).count();
    assert_eq!((by("ana"), by("ben")), (1, 1));
    // Both sides gave the same new id to different spans: mended on load, nothing lost.
    assert_eq!(c, a);
    assert_eq!(merged.renumbered, 1);
    assert!(glose::model::validate(p).is_empty(), "{:?}", glose::model::validate(p));
    assert_eq!(p.annotators, ["ana", "ben", "camille", "glose-team"].map(String::from));
}

#[test]
fn with_glose_as_git_merge_driver_two_annotators_of_the_same_article_merge_per_file() {
    let Some((dir, folder)) = corpus_repo() else { return };
    let repo = dir.path();
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_glose"));
    git(repo, &["config", "merge.glose.driver", &driver]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", "corpus"]);
    git(repo, &["checkout", "-qb", "ben"]);
    add_span(&folder, 2, "ben");
    git(repo, &["commit", "-qam", "ben"]);
    git(repo, &["checkout", "-q", "main"]);
    add_span(&folder, 2, "ana");
    git(repo, &["commit", "-qam", "ana"]);
    let merge = git_merge(repo, "ben");
    assert!(merge.status.success(), "conflict: {}", String::from_utf8_lossy(&merge.stderr));
    let merged = store::load(&folder).unwrap();
    let a = &merged.project.articles[2];
    assert_eq!(a.spans.iter().filter(|s| s.annotator == "ana" || s.annotator == "ben").count(), 2);
    assert_eq!(merged.renumbered, 0, "the driver gave the second span a new id");
    assert!(glose::model::validate(&merged.project).is_empty());
}

/// Save As into a folder made beforehand (empty) writes the project there, as into a new path,
/// and leaves nothing beside it.
#[test]
fn a_new_folder_is_written_into_an_empty_folder_made_beforehand() {
    let dir = tempfile::tempdir().unwrap();
    let (made, fresh) = (dir.path().join("made.glose"), dir.path().join("fresh.glose"));
    std::fs::create_dir(&made).unwrap();
    let p = example();
    store::save(&p, &made).unwrap();
    store::save(&p, &fresh).unwrap();
    assert_eq!(files(&made), files(&fresh));
    assert_eq!(store::load(&made).unwrap().project.articles, p.articles);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["fresh.glose", "made.glose"]);
}
