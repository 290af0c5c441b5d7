//! The shape the window's code keeps (issue 12): no function in `src/ui` over 80 lines, so a
//! newcomer reads any of them at once. Counted from the `fn` line to its closing brace at the
//! same indentation, as rustfmt writes them.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// (file, function, lines) of every function longer than `max`.
fn long_functions(dir: &Path, max: usize) -> Vec<(String, String, usize)> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    let mut long = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            let rest =
                trimmed.trim_start_matches("pub ").trim_start_matches("pub(super) ").trim_start_matches("pub(crate) ");
            let Some(sig) = rest.strip_prefix("fn ") else { continue };
            if line.trim_end().ends_with(';') {
                continue;
            }
            let name: String = sig.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let close = format!("{indent}}}");
            let end = lines[i + 1..].iter().position(|l| l.trim_end() == close).map_or(lines.len(), |p| i + 1 + p);
            let n = end - i + 1;
            if n > max {
                long.push((file.display().to_string(), name, n));
            }
        }
    }
    long
}

#[test]
fn no_function_in_the_window_code_is_over_80_lines() {
    let long = long_functions(Path::new("src/ui"), 80);
    assert!(long.is_empty(), "split these: {long:?}");
}
