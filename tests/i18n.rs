//! The window's catalogues: every language has every message (with the same arguments), every
//! message the code asks for exists and every message is asked for, and no word of the window
//! in `src/ui` bypasses the catalogues.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const CATALOGUES: [&str; 2] = ["en", "fr"];

/// id → the `$variables` its text uses, from a Fluent file (messages start at column 0;
/// their continuation lines are indented; `#` lines are comments).
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/i18n/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_bundle::FluentResource::try_new(text.clone());
    if let Err((_, errors)) = &resource {
        panic!("{lang}.ftl does not parse: {errors:?}");
    }
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            let (id, _) = line.split_once(" =").unwrap_or_else(|| panic!("{lang}.ftl:{}: not a message", n + 1));
            assert!(out.insert(id.to_string(), BTreeSet::new()).is_none(), "{lang}.ftl:{}: {id} twice", n + 1);
            current = Some(id.to_string());
        }
        let id = current.clone().expect("a message first");
        let vars = out.get_mut(&id).expect("inserted");
        for part in line.split('$').skip(1) {
            let name: String =
                part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
            vars.insert(name);
        }
    }
    out
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let en = messages("en");
    assert!(en.len() > 100, "the English catalogue has {} messages", en.len());
    for lang in &CATALOGUES[1..] {
        let other = messages(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        assert!(extra.is_empty(), "{lang}.ftl has messages en.ftl lacks: {extra:?}");
        for (id, vars) in &en {
            assert_eq!(vars, &other[id], "{id}: en.ftl and {lang}.ftl use different arguments");
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ui") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A string literal of the code: where it is, its text, the code before it on its line (the
/// line above too when it starts the line), and whether its line or the line above says `i18n-ok`.
struct Literal {
    line: usize,
    text: String,
    before: String,
    marked: bool,
}

/// The string literals of a Rust file, outside comments and its `#[cfg(test)]` module.
fn literals(source: &str) -> Vec<Literal> {
    let source = source.split("#[cfg(test)]\nmod tests").next().unwrap_or(source);
    let chars: Vec<char> = source.chars().collect();
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let mut line_start = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            line_start = i + 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{a0}'), or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#')) && !is_ident(chars.get(i.wrapping_sub(1)))) {
            let raw = c == 'r';
            let mut hashes = 0;
            let mut j = i + 1;
            if raw {
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
            } else {
                j = i;
            }
            let start_line = line;
            let before: String = chars[line_start..i].iter().collect();
            let before = if before.trim().is_empty() && start_line >= 2 {
                format!("{}{before}", lines[start_line - 2])
            } else {
                before
            };
            j += 1;
            let mut text = String::new();
            while let Some(&d) = chars.get(j) {
                if d == '\\' && !raw {
                    text.push(d);
                    text.push(chars.get(j + 1).copied().unwrap_or(' '));
                    j += 2;
                    continue;
                }
                if d == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if d == '\n' {
                    line += 1;
                    line_start = j + 1;
                }
                text.push(d);
                j += 1;
            }
            let marked =
                (start_line.saturating_sub(2)..start_line).any(|l| lines.get(l).is_some_and(|l| l.contains("i18n-ok")));
            out.push(Literal { line: start_line, text, before, marked });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether a literal holds words a user reads: a word of two letters or more with a lower-case
/// letter, outside `{placeholders}`, and not an identifier (`side-scroll`, `stance`, `ron`).
fn has_words(text: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = (depth - 1).max(0),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let id_like = plain.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_./:#*".contains(c));
    if id_like {
        return false;
    }
    plain.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2 && w.chars().any(char::is_lowercase))
}

/// Code that takes a literal which is not a word of the window: ids, keys, messages for
/// programmers.
const NOT_SHOWN: &[&str] = &[
    "t!(",
    "Id::new(",
    "id_salt(",
    "Grid::new(",
    "Panel::top(",
    "Panel::bottom(",
    "Panel::left(",
    "Panel::right(",
    "expect(",
    "panic!(",
    "unreachable!(",
    "eprintln!(",
    "println!(",
    "get_value(s, ",
    "include_bytes!(",
    "include_str!(",
    "env!(",
    "var(",
    "var_os(",
];

/// Whether the code before a literal is one of `NOT_SHOWN` (a whole name: `t!(` is not the end
/// of `format!(`).
fn not_shown(before: &str) -> bool {
    NOT_SHOWN.iter().any(|m| {
        before
            .strip_suffix(m)
            .is_some_and(|rest| !is_ident(rest.chars().last().as_ref()) || !is_ident(m.chars().next().as_ref()))
    })
}

/// Widgets whose text a user reads: a literal given to one of them is a word of the window even
/// when it is one lower-case word ("all", "everyone").
const SHOWN: &[&str] = &[
    ".label(",
    ".weak(",
    ".strong(",
    ".heading(",
    ".button(",
    ".small_button(",
    ".link(",
    ".hint_text(",
    ".on_hover_text(",
    ".checkbox(",
    ".radio_value(",
    ".selectable_value(",
    ".selectable_label(",
    ".menu_button(",
    ".colored_label(",
    "Button::new(",
    "RichText::new(",
    "Window::new(",
    "combo(ui,",
    "named_field(ui,",
    "named_check(ui,",
];

/// Whether a literal is an argument of a `SHOWN` call (the call's still open on its line).
fn given_to_a_widget(before: &str) -> bool {
    SHOWN.iter().any(|w| {
        before.rfind(w).is_some_and(|at| {
            let args = &before[at + w.len()..];
            let depth = args.chars().fold(0i32, |d, c| d + i32::from(c == '(') - i32::from(c == ')'));
            depth == 0 && !args.contains(';')
        })
    })
}

fn letters(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2)
}

#[test]
fn no_word_of_the_window_bypasses_the_catalogues() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut files);
    files.sort();
    let mut bypassing = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("source");
        for lit in literals(&source) {
            let before = lit.before.trim_end();
            let words = has_words(&lit.text) || (letters(&lit.text) && given_to_a_widget(before));
            if lit.marked || !words || not_shown(before) {
                continue;
            }
            let name = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(file).display().to_string();
            bypassing.push(format!("{name}:{}: {:?}", lit.line, lit.text));
        }
    }
    assert!(
        bypassing.is_empty(),
        "{} strings of the window are not in the catalogues (t!(\"id\") and assets/i18n/*.ftl; or \
         `// i18n-ok` on the line when it is not a word of the window):\n{}",
        bypassing.len(),
        bypassing.join("\n")
    );
}

#[test]
fn every_message_asked_for_exists_and_every_message_is_asked_for() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let (mut asked, mut named, mut given) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    for file in &files {
        let source = std::fs::read_to_string(file).expect("source");
        for (at, _) in source.match_indices("t!(\"") {
            let line = source[..at].rsplit('\n').next().unwrap_or("");
            if is_ident(source[..at].chars().last().as_ref()) || line.trim_start().starts_with("//") {
                continue; // format!(", print!(", comments
            }
            let id: String = source[at + 4..].chars().take_while(|c| *c != '"').collect();
            given.push((file.display().to_string(), id.clone(), arguments(&source[at + 2..])));
            asked.insert(id);
        }
        // Ids kept in tables and looked up with `i18n::message` (`READER_KEYS`).
        for lit in literals(&source) {
            named.insert(lit.text);
        }
    }
    let en = messages("en");
    let unknown: Vec<_> = asked.iter().filter(|id| !en.contains_key(*id)).collect();
    // `undo-add-span` names the change `edit::Command::describe` calls "add span".
    let change = |id: &str| id.strip_prefix("undo-").is_some_and(|w| named.contains(&w.replace('-', " ")));
    let unused: Vec<_> = en.keys().filter(|id| !asked.contains(*id) && !named.contains(*id) && !change(id)).collect();
    assert!(unknown.is_empty(), "the code asks for messages en.ftl lacks: {unknown:?}");
    for (file, id, args) in &given {
        assert_eq!(args, &en[id], "{file}: t!(\"{id}\") gives other arguments than the message uses");
    }
    assert!(unused.is_empty(), "en.ftl has messages the code never asks for: {unused:?}");
}

/// The argument names of a `t!(…)` call (`call` starts at its parenthesis): `name = ` at its
/// top level, outside strings.
fn arguments(call: &str) -> BTreeSet<String> {
    let (mut depth, mut in_string, mut escaped) = (0, false, false);
    let mut top = String::new();
    for c in call.chars() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ if depth == 1 => top.push(c),
            _ => {}
        }
    }
    top.split(',')
        .filter_map(|part| {
            let (name, _) = part.split_once('=')?;
            let name = name.trim();
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')).then(|| name.to_string())
        })
        .collect()
}

/// Every change Edit → Undo can name has its words in the catalogues.
#[test]
fn every_change_has_a_name_in_the_catalogues() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/edit/mod.rs");
    let source = std::fs::read_to_string(path).expect("src/edit/mod.rs");
    let describe = source.split("pub fn describe(&self)").nth(1).expect("Command::describe");
    let describe = describe.split("Batch {").next().unwrap_or_default();
    let en = messages("en");
    let words: Vec<String> = literals(describe).into_iter().map(|l| l.text).collect();
    assert!(words.len() > 30, "{} changes", words.len());
    for w in words {
        assert!(en.contains_key(&format!("undo-{}", w.replace(' ', "-"))), "no undo-… message for {w:?}");
    }
}

#[test]
fn the_check_sees_the_words_of_the_window() {
    let args = arguments("(\"id\", a = f(b = 1), c = \"d = e, f = g\", n = if x == 1 { 2 } else { 3 }) + 1");
    assert_eq!(args, ["a", "c", "n"].map(String::from).into());
    let code = "ui.label(\"Open recent\");\nlet id = egui::Id::new(\"side-scroll\");\nui.label(t!(\"menu-file\"));\n\
                ui.weak(format!(\"{n} spans\"));\nui.label(\"all\"); let c = '\"'; ui.label(r#\"Edit \"labels\"\"#);\n";
    let found: Vec<(usize, String)> = literals(code)
        .into_iter()
        .filter(|l| {
            let words = has_words(&l.text) || (letters(&l.text) && given_to_a_widget(l.before.trim_end()));
            words && !not_shown(l.before.trim_end())
        })
        .map(|l| (l.line, l.text))
        .collect();
    assert_eq!(
        found,
        vec![
            (1, "Open recent".to_string()),
            (4, "{n} spans".to_string()),
            (5, "all".to_string()),
            (5, "Edit \"labels\"".to_string())
        ]
    );
}
