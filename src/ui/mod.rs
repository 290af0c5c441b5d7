//! The window (eframe/egui). Reads the project, changes it only through `edit::Command`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the window on `project` (or on an empty project).
pub fn run(project: Option<PathBuf>) -> ExitCode {
    let _ = project;
    eprintln!("glose: the window is not built yet; see `glose --help` for the commands");
    ExitCode::from(2)
}
