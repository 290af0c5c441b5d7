//! Crash safety: the app's edit-and-save path runs in a child process (`glose __edit-loop`)
//! that is killed with SIGKILL at random moments, 200 times. After every kill the project file
//! is a whole saved version (never torn), and the journal gives back every edit the child had
//! reported done.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A small deterministic generator for the kill delays.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn names(p: &glose::model::Project) -> HashSet<String> {
    p.entities.iter().map(|e| e.name.clone()).collect()
}

/// The notes of the spans the edit loop added (each names its actor, in another file of a
/// project folder).
fn span_notes(p: &glose::model::Project) -> HashSet<String> {
    p.all_spans().map(|(_, s)| s.note.clone()).filter(|n| from_loop(n)).collect()
}

/// `r12-3`: a name the edit loop gives.
fn from_loop(name: &str) -> bool {
    name.strip_prefix('r')
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()))
}

#[test]
fn killed_at_random_moments_the_project_is_never_torn_and_no_reported_edit_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::copy("projects/example.ron", &path).unwrap();
    kill_200_times(&path);
}

/// The same on a project folder: each edit changes the index and an article file, and a save
/// replaces several files; after every kill the folder is one saved version, never a mix.
#[test]
fn killed_at_random_moments_a_project_folder_is_never_a_mix_of_two_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.glose");
    let example = glose::store::load(std::path::Path::new("projects/example.ron")).unwrap().project;
    glose::store::save(&example, &path).unwrap();
    assert!(path.join("project.ron").is_file());
    kill_200_times(&path);
}

fn kill_200_times(path: &std::path::Path) {
    let path = path.to_path_buf();
    let mut rng = Rng(42);
    let mut reported: HashSet<String> = HashSet::new();
    let (mut torn_checks, mut recovered_edits, mut killed_mid_run) = (0, 0, 0);
    // Kills after a background save replaced the file but before the journal restarted.
    let mut between_save_and_journal = 0;
    let mut commits_completed = 0;
    for run in 0..200 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(["__edit-loop", path.to_str().unwrap(), &format!("r{run}"), "40", "7"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => lines.push(l),
                    Err(_) => break,
                }
            }
            lines
        });
        std::thread::sleep(Duration::from_micros(rng.below(25_000)));
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let lines = reader.join().unwrap();
        let saved: HashSet<String> =
            lines.iter().filter_map(|l| l.strip_prefix("saved ").map(str::to_string)).collect();
        reported.extend(lines.iter().filter_map(|l| l.strip_prefix("applied ").map(str::to_string)));

        // A folder killed between its commit record and the last rename: the load completes it.
        if path.join(".glose-commit").exists() {
            commits_completed += 1;
        }
        // Never torn: the file loads, and is the version before the run or one the child saved.
        let loaded = glose::store::load(&path).expect("the project file is whole");
        assert!(loaded.skipped.is_empty(), "run {run}: {:?}", loaded.skipped);
        let fp = format!("{:016x}", loaded.fingerprint);
        let on_disk = names(&loaded.project);
        // Actors and the spans naming them are in different files of a folder: saved together.
        assert_eq!(span_notes(&loaded.project), on_disk.iter().filter(|n| from_loop(n)).cloned().collect());
        // This run's edits on disk are exactly a saved prefix: none (the old version) or the first
        // 7·m of them (a version the child saved, reported or killed before it could say so).
        let prefix = (0..40).take_while(|i| on_disk.contains(&format!("r{run}-{i}"))).count();
        let of_run = on_disk.iter().filter(|n| n.starts_with(&format!("r{run}-"))).count();
        assert_eq!(prefix, of_run, "run {run}: holes in the saved edits");
        assert_eq!(prefix % 7, 0, "run {run}: {prefix} edits on disk is not a saved version");
        assert!(prefix == 0 || saved.contains(&fp) || saved.len() < prefix / 7, "run {run}: unknown version");
        torn_checks += 1;

        // Recovery gives back every edit reported before the kill.
        let journal = std::fs::read(glose::store::journal_path(&path)).unwrap_or_default();
        if let Ok(Some(j)) = glose::store::parse_journal(&journal, &path)
            && j.base != loaded.fingerprint
        {
            between_save_and_journal += 1;
        }
        let project = match glose::store::recover(&path, loaded.fingerprint).unwrap() {
            Some(rec) => {
                assert!(rec.base_matches, "run {run}: the journal belongs to the file on disk");
                let p = rec.replay(&loaded.project).unwrap();
                recovered_edits += names(&p).len() - on_disk.len();
                p
            }
            None => loaded.project,
        };
        let have = names(&project);
        let missing: Vec<&String> = reported.iter().filter(|n| !have.contains(*n)).collect();
        assert!(missing.is_empty(), "run {run}: lost {missing:?}");
        // The user accepts the restore and saves: the next run starts from there.
        glose::store::save(&project, &path).unwrap();
        let _ = std::fs::remove_file(glose::store::journal_path(&path));
        assert!(glose::model::validate(&project).is_empty());
    }
    assert_eq!(torn_checks, 200);
    // The delays must actually interrupt work, and recovery must have had work to do.
    assert!(killed_mid_run > 100, "only {killed_mid_run} runs were killed mid-way");
    assert!(recovered_edits > 0, "no run needed the journal");
    eprintln!(
        "200 kills: {killed_mid_run} mid-run, {} edits reported, {recovered_edits} recovered from journals, \
         {between_save_and_journal} between a save landing and its journal restarting, \
         {commits_completed} in the middle of a folder's commit",
        reported.len()
    );
}

/// A new project folder (Save As, `glose convert`) is staged in a hidden folder and renamed
/// into place whole: killed at any moment, the target is absent or the whole project.
#[test]
fn killed_while_writing_a_new_folder_the_folder_is_absent_or_whole() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.ron");
    let project = glose::synth::project(3, 300, 1500, 30, 3);
    glose::store::save(&project, &source).unwrap();
    let expected = glose::store::load(&source).unwrap().project;
    // How long a whole conversion lasts here, to spread the kills over it (coverage only: any
    // moment must pass).
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["convert", source.to_str().unwrap(), dir.path().join("copy-timed.glose").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let span = (started.elapsed().as_micros() as u64 * 5 / 4).max(1000);
    let mut rng = Rng(7);
    let (mut absent, mut whole) = (0, 0);
    for run in 0..40 {
        let target = dir.path().join(format!("copy-{run}.glose"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(["convert", source.to_str().unwrap(), target.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if target.exists() {
            let loaded = glose::store::load(&target).expect("a folder in place loads");
            assert!(loaded.skipped.is_empty(), "run {run}: {:?}", loaded.skipped);
            assert_eq!(loaded.project.articles, expected.articles, "run {run}: the whole project");
            whole += 1;
        } else {
            absent += 1;
        }
    }
    eprintln!("40 kills: {absent} before the folder was in place, {whole} after");
    // A folder left half-written by a kill is hidden beside the target and never in its place.
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(name.starts_with("copy-") || name.starts_with('.') || name == "source.ron", "{name}");
    }
}
