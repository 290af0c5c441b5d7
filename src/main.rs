//! The `glose` command: opens the window, or runs a job without one (import, validate, stats).

use clap::{Parser, Subcommand};
use glose::{analysis, import, model, store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "glose", version, about = "Close reading and annotation of news articles")]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    /// Project file to open in the window.
    project: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Add articles (.txt, .md, .html, or folders of them) to a project, creating it if needed.
    Import {
        /// Article files or folders.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The project file to create or extend.
        #[arg(long)]
        into: PathBuf,
    },
    /// Check a project: ids, references, offsets and quotes. Exit 0 when sound, 1 with one
    /// line per problem, 2 when the file cannot be read.
    Validate { project: PathBuf },
    /// Count articles, spans per label, relations per type, entities and annotators.
    Stats {
        project: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Cmd::Import { inputs, into }) => import_cmd(&inputs, &into),
        Some(Cmd::Validate { project }) => validate_cmd(&project),
        Some(Cmd::Stats { project, json }) => stats_cmd(&project, json),
        None => open_window(cli.project),
    }
}

#[cfg(feature = "gui")]
fn open_window(project: Option<PathBuf>) -> ExitCode {
    glose::ui::run(project)
}

#[cfg(not(feature = "gui"))]
fn open_window(_project: Option<PathBuf>) -> ExitCode {
    eprintln!("glose: this build has no window (built without the `gui` feature); see `glose --help`");
    ExitCode::from(2)
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("glose: {message}");
    ExitCode::from(2)
}

fn load(path: &Path) -> Result<model::Project, ExitCode> {
    store::load(path).map(|l| l.project).map_err(fail)
}

fn validate_cmd(path: &Path) -> ExitCode {
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let problems = model::validate(&project);
    for p in &problems {
        println!("{}: {p}", path.display());
    }
    if problems.is_empty() {
        let spans: usize = project.articles.iter().map(|a| a.spans.len()).sum();
        eprintln!("{}: sound ({} articles, {spans} spans)", path.display(), project.articles.len());
        ExitCode::SUCCESS
    } else {
        eprintln!("{}: {} problem{}", path.display(), problems.len(), if problems.len() == 1 { "" } else { "s" });
        ExitCode::from(1)
    }
}

fn stats_cmd(path: &Path, json: bool) -> ExitCode {
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let s = analysis::stats(&project);
    if json {
        match serde_json::to_string_pretty(&s) {
            Ok(text) => println!("{text}"),
            Err(e) => return fail(e),
        }
    } else {
        print!("{s}");
    }
    ExitCode::SUCCESS
}

fn import_cmd(inputs: &[PathBuf], into: &Path) -> ExitCode {
    let mut project = if into.exists() {
        match load(into) {
            Ok(p) => p,
            Err(code) => return code,
        }
    } else {
        let name = into.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        model::Project::new(&name)
    };
    if glose::edit::journal_path(into).exists() {
        eprintln!(
            "glose: warning: {} has unsaved edits from the window in its journal; they apply to the file as it was",
            into.display()
        );
    }
    let paths = match import::collect_paths(inputs) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let report = import::plan_import(&mut project, &paths);
    for e in &report.errors {
        eprintln!("glose: {e}");
    }
    for (path, id) in &report.duplicates {
        eprintln!("{}: skipped, same text as article {id}", path.display());
    }
    if let Some(cmd) = report.command
        && let Err(e) = cmd.apply(&mut project)
    {
        return fail(format!("{}: {e}", into.display()));
    }
    if (!report.added.is_empty() || !into.exists())
        && let Err(e) = store::save(&project, into)
    {
        return fail(e);
    }
    for (path, title) in &report.added {
        println!("{}: added {title:?}", path.display());
    }
    println!(
        "{}: {} added, {} already there, {} failed",
        into.display(),
        report.added.len(),
        report.duplicates.len(),
        report.errors.len()
    );
    if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
