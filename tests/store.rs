//! Project files: stable bytes, atomic saves with a backup, migrations, the journal and
//! recovery, and clear errors (never a panic) on broken files.

use glose::edit::{Command, History};
use glose::model::{Fragment, Project, Span, SpanId};
use glose::store::{self, StoreError};
use glose::store::{Journal, fingerprint, journal_path, recover};
use std::fs;
use std::path::Path;

fn example() -> Project {
    store::load(Path::new("projects/example.ron")).unwrap().project
}

#[test]
fn save_load_round_trip_is_byte_stable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let p = example();
    store::save(&p, &path).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.project, p);
    assert_eq!(loaded.migrated_from, None);
    store::save(&loaded.project, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first, "the same project gives the same bytes");
    // The committed example is exactly what the store writes.
    assert_eq!(fs::read("projects/example.ron").unwrap(), first);
}

#[test]
fn a_small_edit_gives_a_small_diff() {
    let mut p = example();
    let before = store::to_string(&p).unwrap();
    let a = p.articles[2].id;
    let s = p.articles[2].spans[3].id;
    History::new().apply(&mut p, Command::SetSpanNote { article: a, span: s, note: "check source".into() }).unwrap();
    let after = store::to_string(&p).unwrap();
    let diff = similar::TextDiff::from_lines(&before, &after);
    let changed: Vec<_> = diff.iter_all_changes().filter(|c| c.tag() != similar::ChangeTag::Equal).collect();
    assert_eq!(changed.len(), 1, "one added line: {changed:?}");
    assert!(changed[0].value().contains("note: \"check source\""));
}

#[test]
fn saving_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = example();
    store::save(&p, &path).unwrap();
    let v1 = fs::read(&path).unwrap();
    p.name = "second".into();
    store::save(&p, &path).unwrap();
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), v1);
    assert_eq!(store::load(&path).unwrap().project.name, "second");
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

fn load_err(text: &[u8]) -> StoreError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(&path, text).unwrap();
    store::load(&path).expect_err("a broken file must not load")
}

#[test]
fn broken_files_give_errors_with_file_line_and_column() {
    let good = fs::read_to_string("projects/example.ron").unwrap();
    // Truncated in the middle.
    let e = load_err(&good.as_bytes()[..good.floor_char_boundary(good.len() / 2)]);
    let msg = e.to_string();
    assert!(matches!(e, StoreError::Syntax { line, .. } if line > 1), "{msg}");
    assert!(msg.contains("bad.ron:"), "{msg}");
    // Binary garbage.
    let e = load_err(&[0xff, 0xfe, 0x00, 0x13, 0x88, 0x01, 0xc3]);
    assert!(matches!(e, StoreError::NotUtf8 { line: 1, col: 1, .. }), "{e}");
    // Not a project at all.
    let e = load_err(b"(name: \"x\")");
    assert!(e.to_string().contains("format_version"), "{e}");
    // A future version.
    let e = load_err(good.replacen("format_version: 3", "format_version: 99", 1).as_bytes());
    assert!(matches!(e, StoreError::FutureVersion { found: 99, .. }), "{e}");
    // Wrong types.
    let next_line = good.lines().find(|l| l.trim_start().starts_with("next_id:")).unwrap();
    let e = load_err(good.replacen(next_line, "  next_id: \"many\",", 1).as_bytes());
    assert!(matches!(e, StoreError::Syntax { line: 5, .. }), "{e}");
    // A bad colour.
    let e = load_err(good.replacen("#4e9af1", "blue", 1).as_bytes());
    assert!(e.to_string().contains("#rrggbb"), "{e}");
    // Missing file.
    assert!(matches!(store::load(Path::new("/nonexistent/x.ron")), Err(StoreError::Io { .. })));
    // Empty file.
    assert!(matches!(load_err(b""), StoreError::Syntax { .. }));
}

#[test]
fn spans_out_of_range_and_dangling_relations_load_but_do_not_validate() {
    let mut p = example();
    std::sync::Arc::make_mut(&mut p.articles[0]).spans[0].fragments = vec![Fragment::new(5, 100_000)];
    let dangling = SpanId(424_242);
    std::sync::Arc::make_mut(&mut p.articles[1]).relations[0].to = dangling;
    std::sync::Arc::make_mut(&mut p.articles[2]).spans[1].quote = "drifted".into();
    let text = store::to_string(&p).unwrap();
    let loaded = store::from_str(&text, Path::new("p.ron")).unwrap();
    let problems: Vec<String> = glose::model::validate(&loaded.project).iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].contains("ends past the text"));
    assert!(problems.iter().any(|p| p.contains("drifted")));
    assert!(problems.iter().any(|p| p.contains("s424242")));
}

#[test]
fn version_1_files_are_migrated() {
    let v1 = r##"(
        format_version: 1,
        name: "old",
        labels: [(name: "Actor", color: "#4e9af1", hotkey: Some('1')), (name: "Claim", color: "#f2a93b")],
        relation_types: [(name: "says", color: "#7d5ba6")],
        entities: [(id: 3, name: "Vladimir Putin", aliases: ["Путин"])],
        articles: [(
            id: 1, title: "t", text: "Путин сказал: ИИ важен.",
            spans: [
                (id: 10, start: 0, end: 5, label: "Actor", entity: Some(3), quote: "Путин"),
                (id: 11, start: 14, end: 22, label: "Claim", quote: "ИИ важен"),
                (id: 12, start: 6, end: 12, label: "Event", quote: "сказал"),
            ],
            relations: [(id: 20, kind: "says", from: 10, to: 11)],
        )],
    )"##;
    let loaded = store::from_str(v1, Path::new("old.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    let p = loaded.project;
    assert_eq!(p.format_version, glose::model::FORMAT_VERSION);
    assert!(glose::model::validate(&p).is_empty(), "{:?}", glose::model::validate(&p));
    let a = &p.articles[0];
    assert_eq!(p.schema.label_name(a.spans[0].label), "Actor");
    assert_eq!(p.schema.label_name(a.spans[1].label), "Event", "undeclared labels are declared");
    assert_eq!(p.schema.relation_type_name(a.relations[0].kind), "says");
    assert!(p.next_id > 20);
}

#[test]
fn journal_replays_unsaved_edits_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = example();
    let saved = store::save(&p, &path).unwrap();
    let mut journal = Journal::start(&path, saved.fingerprint).unwrap();
    let mut h = History::new();
    let a = p.articles[0].id;
    let label = p.schema.labels[1].id;
    let cmds = vec![
        Command::AddSpan {
            article: a,
            span: Span {
                id: SpanId(p.alloc_id()),
                fragments: vec![Fragment::new(0, 2)],
                label,
                annotator: "me".into(),
                ..Default::default()
            },
            relations: vec![],
        },
        Command::SetSpanNote {
            article: a,
            span: p.articles[0].spans[3].id,
            note: "line one\nline \"two\" «\u{a0}»".into(),
        },
        Command::SetProjectName { name: "after crash".into() },
    ];
    for c in cmds {
        journal.append(&c).unwrap();
        h.apply(&mut p, c).unwrap();
    }
    // An undo is journaled as the command it applies.
    let undo = h.undo(&mut p).unwrap().unwrap();
    journal.append(&undo).unwrap();
    drop(journal); // the "crash": nothing saved
    let bytes = fs::read(&path).unwrap();
    let rec = recover(&path, fingerprint(&bytes)).unwrap().expect("unsaved work is found");
    assert!(rec.base_matches && !rec.torn_tail);
    let on_disk = store::load(&path).unwrap().project;
    let mut restored = rec.replay(&on_disk).unwrap();
    restored.next_id = p.next_id;
    assert_eq!(restored, p);
}

#[test]
fn a_torn_last_journal_line_is_left_out_and_the_rest_replays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let p = example();
    let saved = store::save(&p, &path).unwrap();
    let mut journal = Journal::start(&path, saved.fingerprint).unwrap();
    journal.append(&Command::SetProjectName { name: "one".into() }).unwrap();
    drop(journal);
    let jp = journal_path(&path);
    let mut text = fs::read_to_string(&jp).unwrap();
    text.push_str("SetProjectName(name:\"tw");
    fs::write(&jp, text).unwrap();
    let rec = recover(&path, fingerprint(&fs::read(&path).unwrap())).unwrap().unwrap();
    assert!(rec.torn_tail);
    assert_eq!(rec.replay(&p).unwrap().name, "one");
    // A journal written against another version of the file says so.
    let rec = recover(&path, fingerprint(b"other bytes")).unwrap().unwrap();
    assert!(!rec.base_matches);
}

#[test]
fn a_corrupt_journal_line_in_the_middle_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    fs::write(journal_path(&path), "glose-journal 1 base=0000000000000001\ngarbage\nSetProjectName(name:\"x\")\n")
        .unwrap();
    let err = recover(&path, fingerprint(b"")).unwrap_err().to_string();
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn format_version_is_found_wherever_it_stands() {
    let p = store::from_str("/* hand-written */ (name: \"x\", format_version: 2)", Path::new("h.ron")).unwrap();
    assert_eq!(p.project.name, "x");
    assert!(p.project.schema.labels.is_empty(), "a hand-written file keeps what it says");
}

#[test]
fn duplicate_ids_are_reported_once_each() {
    let mut p = example();
    let dup = p.articles[0].spans[0].id;
    std::sync::Arc::make_mut(&mut p.articles[1]).spans[0].id = dup;
    std::sync::Arc::make_mut(&mut p.articles[1]).relations.retain(|r| r.from != dup && r.to != dup);
    let problems: Vec<String> = glose::model::validate(&p).iter().map(ToString::to_string).collect();
    assert!(
        problems.iter().any(|m| m.contains(&format!("id {} is already used by s{}", dup.0, dup.0))),
        "{problems:#?}"
    );
}

#[test]
fn a_multibyte_character_across_the_first_4_kib_does_not_break_loading() {
    // Regression: the quick version probe sliced the text at byte 4096.
    let mut cut_inside = false;
    for pad in 0..3 {
        let mut p = example();
        p.name = format!("{}{}", "x".repeat(pad), "度".repeat(1400));
        let text = store::to_string(&p).unwrap();
        cut_inside |= !text.is_char_boundary(4096);
        let loaded = store::from_str(&text, Path::new("p.ron")).unwrap();
        assert_eq!(loaded.project.name, p.name);
    }
    assert!(cut_inside, "one of the paddings puts byte 4096 inside a character");
}

#[test]
fn a_second_window_is_told_and_a_stale_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&example(), &path).unwrap();
    let (first, other) = store::LockFile::acquire(&path);
    assert!(first.is_some() && other.is_none());
    // Another live process holds it: pretend with our parent's pid (alive, not us).
    let parent = std::os::unix::process::parent_id();
    std::fs::write(store::lock_path(&path), format!("{parent}\n")).unwrap();
    let (second, other) = store::LockFile::acquire(&path);
    assert!(second.is_none());
    assert_eq!(other, Some(parent));
    // A lock from a dead process is taken over.
    std::fs::write(store::lock_path(&path), "999999999\n").unwrap();
    let (third, other) = store::LockFile::acquire(&path);
    assert!(third.is_some() && other.is_none());
    drop(third);
    assert!(!store::lock_path(&path).exists(), "the lock goes with the window");
    drop(first); // its file was replaced: it must not remove someone else's lock
}

#[test]
fn a_file_changed_on_disk_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let saved = store::save(&example(), &path).unwrap();
    let state = store::DiskState::of(&path, saved.fingerprint).unwrap();
    assert!(state.changed(&path).is_none());
    let mut p = example();
    p.name = "changed by git pull".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::save(&p, &path).unwrap();
    let now = state.changed(&path).expect("noticed");
    assert_eq!(now, fingerprint(&fs::read(&path).unwrap()));
    assert_ne!(now, saved.fingerprint);
}

#[test]
fn a_journal_left_by_a_crash_right_after_a_save_is_recognised_as_stale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = example();
    let saved = store::save(&p, &path).unwrap();
    let mut journal = Journal::start(&path, saved.fingerprint).unwrap();
    let cmd = Command::SetProjectName { name: "edited".into() };
    journal.append(&cmd).unwrap();
    History::new().apply(&mut p, cmd).unwrap();
    // The save replaces the file (old one kept as .bak) — and the process dies before the
    // journal is restarted: the file already holds the journaled edit.
    store::save(&p, &path).unwrap();
    drop(journal);
    let bytes = fs::read(&path).unwrap();
    assert!(recover(&path, fingerprint(&bytes)).unwrap().is_none(), "nothing to replay, nothing applied twice");
}

#[test]
fn edits_made_while_a_background_save_was_writing_are_recovered_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = example();
    let saved = store::save(&p, &path).unwrap();
    let mut journal = Journal::start(&path, saved.fingerprint).unwrap();
    let mut history = History::new();
    let before = Command::SetProjectName { name: "before the save".into() };
    journal.append(&before).unwrap();
    history.apply(&mut p, before).unwrap();
    // The save takes its snapshot and marks the journal; editing goes on meanwhile.
    journal.mark_save().unwrap();
    let snapshot = p.clone();
    let during = Command::SetProjectName { name: "typed during the save".into() };
    journal.append(&during).unwrap();
    history.apply(&mut p, during.clone()).unwrap();
    // The snapshot lands on disk; the app dies before restarting the journal.
    store::save(&snapshot, &path).unwrap();
    drop(journal);
    let bytes = fs::read(&path).unwrap();
    let rec = recover(&path, fingerprint(&bytes)).unwrap().expect("the edit made during the save");
    assert_eq!(rec.commands, vec![during]);
    assert!(rec.base_matches);
    let restored = rec.replay(&store::load(&path).unwrap().project).unwrap();
    assert_eq!(restored, p);
}

#[test]
fn a_save_that_failed_after_its_mark_leaves_every_edit_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let p = example();
    let saved = store::save(&p, &path).unwrap();
    let mut journal = Journal::start(&path, saved.fingerprint).unwrap();
    let a = Command::SetProjectName { name: "a".into() };
    let b = Command::SetProjectName { name: "b".into() };
    journal.append(&a).unwrap();
    journal.mark_save().unwrap(); // …and the save never landed (disk full)
    journal.append(&b).unwrap();
    drop(journal);
    let rec = recover(&path, fingerprint(&fs::read(&path).unwrap())).unwrap().expect("both edits");
    assert_eq!(rec.commands, vec![a, b]);
}

/// Big files are written and read by several threads (one chunk of articles each): the bytes
/// are exactly RON's own pretty output, and the project read back is the one written.
#[test]
fn big_projects_written_and_read_in_parallel_match_ron_exactly() {
    let mut p = glose::synth::project(3, 120, 2500, 40, 5);
    p.normalize();
    let text = store::to_string(&p).unwrap();
    assert!(text.len() > 1 << 20, "large enough for the parallel path: {}", text.len());
    let config = ron::ser::PrettyConfig::new().depth_limit(5).indentor("  ").struct_names(false);
    let reference = ron::ser::to_string_pretty(&p, config).unwrap();
    assert_eq!(text.split_once('\n').unwrap().1.trim_end(), reference);
    let loaded = store::from_str(&text, Path::new("big.ron")).unwrap().project;
    assert_eq!(loaded, p);
}

/// An error deep inside a big file is reported at its real line, as with a one-piece parse.
#[test]
fn an_error_deep_in_a_big_file_names_its_line() {
    let mut p = glose::synth::project(3, 120, 2500, 40, 5);
    p.normalize();
    let text = store::to_string(&p).unwrap();
    let mut at = text.len() * 2 / 3;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    // At the start of a field's line (after `(` ron reports the bracket's line instead).
    let line_start = at + text[at..].find("\n          label: ").unwrap() + 1;
    let bad = format!("{}@@@{}", &text[..line_start], &text[line_start..]);
    let expected_line = text[..line_start].matches('\n').count() + 1;
    match store::from_str(&bad, Path::new("big.ron")) {
        Err(StoreError::Syntax { line, .. }) => assert_eq!(line, expected_line),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// A file far larger than any project (sparse: it takes no disk) is refused before it is read.
#[test]
fn a_huge_file_is_refused_with_its_size_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let f = fs::File::create(&path).unwrap();
    f.set_len(1 << 30).unwrap(); // 1 GiB of one line of NULs
    match store::load(&path) {
        Err(e @ StoreError::TooLarge { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("huge.ron") && msg.contains("1073741824 bytes"), "{msg}");
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

/// A version 2 file (before article details) loads through the migration, keeps everything it
/// had, and is written back as version 3; details and near-duplicate marks survive a round trip.
#[test]
fn version_2_files_migrate_and_details_round_trip() {
    let v3 = fs::read_to_string("projects/example.ron").unwrap();
    let v2 = v3.replacen("format_version: 3", "format_version: 2", 1);
    let loaded = store::from_str(&v2, Path::new("old.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    assert_eq!(loaded.project, store::from_str(&v3, Path::new("new.ron")).unwrap().project);
    let mut p = loaded.project;
    std::sync::Arc::make_mut(&mut p.articles[0])
        .details
        .insert("document number".into(), "news·20060315·LM·0q1503".into());
    std::sync::Arc::make_mut(&mut p.articles[0]).details.insert("page".into(), "16".into());
    std::sync::Arc::make_mut(&mut p.articles[1]).near_duplicate_of = Some(p.articles[0].id);
    let text = store::to_string(&p).unwrap();
    assert!(text.contains("details: {"), "{}", &text[..2000.min(text.len())]);
    let back = store::from_str(&text, Path::new("x.ron")).unwrap().project;
    assert_eq!(back, p);
    assert_eq!(store::to_string(&back).unwrap(), text, "byte-stable");
}

/// The session (the lifecycle the window and the kill test share) says what it could not do
/// with a broken journal instead of replacing it: set aside when it can be, left untouched
/// (and nothing journaled) when it cannot.
#[test]
fn a_broken_journal_is_set_aside_or_left_alone_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&example(), &path).unwrap();
    let journal = journal_path(&path);
    std::fs::write(&journal, "not a journal\n(AddEntity)\n").unwrap();
    let (session, report) = store::Session::open(&path).unwrap();
    let e = report.journal_error.expect("said").to_string();
    assert!(e.contains("line 1"), "{e}");
    assert!(journal.with_extension("journal.broken").exists(), "set aside");
    assert!(store::parse_journal(&std::fs::read(&journal).unwrap(), &journal).unwrap().is_some(), "a new journal");
    drop(session);
    // Once more, where it cannot be set aside (a folder is in the way): left as it was.
    std::fs::remove_file(journal.with_extension("journal.broken")).unwrap();
    std::fs::create_dir(journal.with_extension("journal.broken")).unwrap();
    std::fs::write(journal.with_extension("journal.broken").join("x"), "x").unwrap();
    std::fs::write(&journal, "not a journal\n").unwrap();
    let (mut session, report) = store::Session::open(&path).unwrap();
    let e = report.journal_error.expect("said").to_string();
    assert!(e.contains("nor set aside") && e.contains("not journaled"), "{e}");
    assert_eq!(std::fs::read(&journal).unwrap(), b"not a journal\n", "untouched");
    // Editing goes on, without a journal to lose.
    let id = glose::model::EntityId(session.alloc_id());
    let applied = session
        .apply(Command::AddEntity {
            entity: glose::model::Entity { id, name: "x".into(), ..Default::default() },
            index: 0,
        })
        .unwrap();
    assert!(applied.journal_error.is_none());
    assert_eq!(std::fs::read(&journal).unwrap(), b"not a journal\n");
    assert!(session.is_dirty());
}

#[test]
fn a_never_saved_project_is_journaled_in_the_data_folder_and_offered_back_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let mut s = store::Session::new_scratch(Project::new("Untitled"), data.path()).unwrap();
    assert!(s.path().is_none(), "still untitled");
    s.apply(Command::SetProjectName { name: "Terrain 2025".into() }).unwrap();
    s.apply(Command::SetProjectName { name: "Terrain 2026".into() }).unwrap();
    // The window is killed: nothing closes the session.
    std::mem::forget(s);
    let left = store::unsaved_projects(data.path());
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].edits, 2);
    let (mut back, report) = store::Session::reopen_scratch(&left[0].file).unwrap();
    let rec = report.recovery.expect("the edits are offered back");
    assert_eq!(back.restore(&rec).unwrap(), 2);
    assert_eq!(back.project().name, "Terrain 2026");
    assert!(back.path().is_none() && back.is_dirty(), "still untitled and unsaved");
    // Saved somewhere by the user: the scratch file and its journal go.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("terrain.ron");
    back.start_save(&target, false).unwrap();
    back.finish_saving();
    assert_eq!(store::load(&target).unwrap().project.name, "Terrain 2026");
    assert!(!left[0].file.exists() && !journal_path(&left[0].file).exists());
    let (_, error) = back.close(false);
    assert!(error.is_none());
    assert!(store::unsaved_projects(data.path()).is_empty());
}

#[test]
fn a_never_saved_project_closed_without_edits_leaves_nothing_behind() {
    let data = tempfile::tempdir().unwrap();
    let s = store::Session::new_scratch(Project::new("Untitled"), data.path()).unwrap();
    let file = s.scratch_file().unwrap().to_path_buf();
    assert!(file.exists());
    let (_, error) = s.close(true);
    assert!(error.is_none());
    assert!(!file.exists(), "an empty scratch project is not kept");
    assert_eq!(fs::read_dir(data.path()).unwrap().count(), 0);
}

#[test]
fn a_new_relation_must_be_of_a_type_that_accepts_its_labels_but_undo_is_never_refused() {
    use glose::model::{Relation, RelationId};
    let mut s = store::Session::new(example());
    let p = s.project();
    let says = p.schema.relation_type_by_name("says").unwrap().id;
    let alliance = p.schema.relation_type_by_name("alliance").unwrap().id;
    let (actor, claim) = (p.schema.label_by_name("Actor").unwrap().id, p.schema.label_by_name("Claim").unwrap().id);
    let a = p.articles.iter().find(|a| a.language == "en").unwrap();
    let aid = a.id;
    let act = a.spans.iter().find(|s| s.label == actor).unwrap().id;
    let cl = a.spans.iter().find(|s| s.label == claim).unwrap().id;
    let new = |kind, from, to| Command::AddRelation {
        article: aid,
        relation: Relation { id: RelationId::NEW, kind, from, to, note: String::new(), annotator: "t".into() },
    };
    let err = s.apply(new(alliance, act, cl)).unwrap_err();
    assert!(err.to_string().contains("“alliance” relation does not link Actor to Claim"), "{err}");
    let made = s.apply(new(says, act, cl)).unwrap().created[0];
    // The claim is relabelled, the relation deleted, then both undone: never refused.
    s.apply(Command::SetSpanLabel { article: aid, span: cl, label: actor }).unwrap();
    s.apply(Command::RemoveRelation { article: aid, relation: RelationId(made) }).unwrap();
    s.undo().unwrap();
    s.undo().unwrap();
    assert!(s.project().article(aid).unwrap().relation(RelationId(made)).is_some());
}
