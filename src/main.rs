//! The `glose` command: opens the window, or runs a job without one (import, validate, stats).

mod cli;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use glose::{analysis, edit, export, import, model, store};
use std::fmt::Write as _;
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
    /// Add articles to a project, creating it if needed: text, Markdown, web pages, press-database
    /// exports (Europresse, Factiva, Nexis Uni), DOCX, ODT, RTF, EPUB, PDF, tables (CSV, TSV,
    /// JSON, JSONL, XLSX, ODS: one article per row), folders and ZIP archives of them, each
    /// recognised by its content. With --format, annotated datasets (doccano, label-studio,
    /// brat, conll). Exit 0 when everything readable was imported, 1 when a file or record was
    /// skipped (each said, with its position), 2 when nothing could be read.
    Import {
        /// Files, folders or archives (a brat folder with --format brat).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The project file to create or extend.
        #[arg(long)]
        into: PathBuf,
        /// An annotated dataset instead of articles (conll reads IOB1, IOB2 and BIOES).
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<import::DatasetFormat>,
        /// Whose annotations these are (default: what the file says, else your user name).
        #[arg(long)]
        annotator: Option<String>,
        /// doccano offsets: utf16 (doccano's default) or codepoint (its grapheme mode).
        #[arg(long, value_enum, ignore_case = true, default_value = "utf16")]
        offsets: export::OffsetUnit,
        /// Tables: which column is which field, e.g. text=body,title=headline,published=date
        /// (fields: text, title, source, author, published, url, language, id). Unmapped fields
        /// are guessed from the column names; other columns become article details.
        #[arg(long)]
        map: Option<String>,
        /// CSV: the field delimiter (`,` `;` `|` or `tab`); guessed when not given.
        #[arg(long)]
        delimiter: Option<String>,
        /// CSV: the text encoding (e.g. windows-1252, utf-8); guessed when not given.
        #[arg(long)]
        encoding: Option<String>,
        /// Workbooks (XLSX, ODS): the sheet to read; the first one when not given.
        #[arg(long)]
        sheet: Option<String>,
        /// DNA databases: the variable whose entities become canonical claims.
        #[arg(long, default_value = "concept")]
        concept: String,
    },
    /// Search every article, the way the window's corpus search does (any case unless --case;
    /// --whole-words; --regex): one line per hit, keyword in context. Exit 0 with hits, 1
    /// with none, 2 on an error (a bad regular expression, an unknown label).
    Search {
        project: PathBuf,
        pattern: String,
        #[arg(long)]
        regex: bool,
        /// Match case exactly.
        #[arg(long = "case")]
        case_sensitive: bool,
        #[arg(long, alias = "whole-word")]
        whole_words: bool,
        /// Only hits inside a span of this label.
        #[arg(long)]
        label: Option<String>,
        /// Only hits inside a span linked to this actor (name or alias).
        #[arg(long)]
        actor: Option<String>,
        /// Only hits inside a span by this annotator.
        #[arg(long)]
        by: Option<String>,
        /// At most this many hits.
        #[arg(long, default_value_t = 2000)]
        limit: usize,
        /// One JSON array: article, start, end (code points), left, match, right.
        #[arg(long)]
        json: bool,
    },
    /// List a project's articles with their details (for pipelines: --json).
    Articles {
        project: PathBuf,
        /// One JSON array: id, title, source, author, url, published, language, details,
        /// near_duplicate_of, text.
        #[arg(long)]
        json: bool,
    },
    /// Write a project as one file or as a folder (one file per article, for big corpora and
    /// git): by OUT's form, a path ending in .ron is one file, any other a folder. Exit 1 when
    /// an article file of IN could not be read (it is left out, and said).
    Convert { input: PathBuf, out: PathBuf },
    /// Check a project: ids, references, offsets and quotes. Exit 0 when sound, 1 with one
    /// line per problem, 2 when the file cannot be read.
    Validate { project: PathBuf },
    /// Write a labelled dataset (doccano, doccano-rel, label-studio, brat, conll, csv, w3c, refi-qda),
    /// the actor network (graphml, network-csv) or the codebook (codebook-md, codebook-html, qdc).
    Export {
        project: PathBuf,
        #[arg(long, value_enum, ignore_case = true)]
        format: export::Format,
        /// A file (`-`: standard output), or a folder for brat and csv.
        #[arg(long)]
        out: PathBuf,
        /// doccano offsets: utf16 (doccano's default) or codepoint (its grapheme mode).
        #[arg(long, value_enum, ignore_case = true, default_value = "utf16")]
        offsets: export::OffsetUnit,
        /// Only these articles (ids like a23, or parts of titles), comma-separated.
        #[arg(long, value_delimiter = ',')]
        articles: Vec<String>,
        /// Only these labels, comma-separated.
        #[arg(long, value_delimiter = ',')]
        labels: Vec<String>,
        /// Only these annotators' spans and relations, comma-separated.
        #[arg(long, value_delimiter = ',')]
        annotators: Vec<String>,
        /// CoNLL: of two overlapping spans keep the inner (shorter) or the outer one.
        #[arg(long, value_enum, ignore_case = true, default_value = "inner")]
        prefer: export::Prefer,
    },
    /// The statements table discourse networks are computed from: one row per span of the
    /// label (Claim) and per actor that says it, with its article, date, annotator and
    /// variables (actor, claim, stance and every attribute of the span).
    Statements(cli::discourse::StatementsArgs),
    /// Suggested spans learned from the project's own labels (string matcher, actors' names),
    /// where no span of their label is yet; with --json, for pipelines and evaluation.
    Suggest(cli::suggest::SuggestArgs),
    /// A discourse network as the Discourse Network Analyzer (DNA) computes it: two-mode
    /// (actors × claims) or one-mode (actors tied by the claims they share: congruence,
    /// conflict), normalised, without duplicates, in a date range or moving windows.
    Network(cli::discourse::NetworkArgs),
    /// Agreement of two annotators: span F1 (exact, overlap), Cohen's kappa and Krippendorff's
    /// alpha on tokens, per label and overall.
    Agreement {
        project: PathBuf,
        /// The two annotators (default: the two with the most spans).
        #[arg(long, value_delimiter = ',')]
        annotators: Vec<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Bring several annotators' project files of the same articles together (articles matched
    /// by text); never drops an annotation; reports conflicts.
    Merge {
        /// Two or more project files; the first one's schema and details win where they differ.
        #[arg(required = true, num_args = 2..)]
        projects: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Three-way merge driver for git: `glose merge-driver %O %A %B` (result written to %A;
    /// exit 1 when both sides changed the same thing, with both versions kept in the file).
    /// Merges project files and each file of a project folder (its project.ron, an article).
    MergeDriver { base: PathBuf, ours: PathBuf, theirs: PathBuf },
    /// (For the crash test.) Applies `count` edits to a project, journaling each and saving
    /// every `every` edits, printing `applied N` and `saved FINGERPRINT` as it goes.
    #[command(hide = true, name = "__edit-loop")]
    EditLoop { project: PathBuf, tag: String, count: usize, every: usize },
    /// Count articles, spans per label, relations per type, entities and annotators.
    Stats {
        project: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    #[cfg(feature = "gui")]
    glose::ui::STARTED.get_or_init(std::time::Instant::now);
    let cli = Cli::parse();
    match cli.command {
        Some(Cmd::Import { inputs, into, format: None, map, delimiter, encoding, sheet, .. }) => {
            match table_options(map.as_deref(), delimiter.as_deref(), encoding.as_deref(), sheet) {
                Ok(table) => import_cmd(&inputs, &into, import::ReadOptions { table, ..Default::default() }),
                Err(e) => fail(e),
            }
        }
        Some(Cmd::Import { inputs, into, format: Some(format), annotator, offsets, concept, .. }) => {
            let data = match format {
                import::DatasetFormat::Dna => import::dna::read(&inputs, &concept),
                _ => import::read_dataset(format, &inputs, offsets == export::OffsetUnit::Utf16),
            };
            import_dataset_cmd(data, &into, format, annotator.as_deref())
        }
        Some(Cmd::Articles { project, json }) => articles_cmd(&project, json),
        Some(Cmd::Search { project, pattern, regex, case_sensitive, whole_words, label, actor, by, limit, json }) => {
            let pattern = glose::text::Pattern { text: pattern, regex, case_sensitive, whole_words };
            search_cmd(&project, pattern, (label, actor, by), limit, json)
        }
        Some(Cmd::Validate { project }) => validate_cmd(&project),
        Some(Cmd::Convert { input, out }) => convert_cmd(&input, &out),
        Some(Cmd::Stats { project, json }) => stats_cmd(&project, json),
        Some(Cmd::Statements(a)) => cli::discourse::statements_cmd(&a),
        Some(Cmd::Suggest(a)) => cli::suggest::suggest_cmd(&a),
        Some(Cmd::Network(a)) => cli::discourse::network_cmd(&a),
        Some(Cmd::Agreement { project, annotators, json }) => agreement_cmd(&project, &annotators, json),
        Some(Cmd::Merge { projects, out }) => merge_cmd(&projects, &out),
        Some(Cmd::EditLoop { project, tag, count, every }) => edit_loop_cmd(&project, &tag, count, every),
        Some(Cmd::MergeDriver { base, ours, theirs }) => merge_driver_cmd(&base, &ours, &theirs),
        Some(Cmd::Export { project, format, out, offsets, articles, labels, annotators, prefer }) => {
            let filter = export::Filter { articles, labels, annotators };
            export_cmd(&project, format, &out, offsets, filter, prefer)
        }
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

/// Prints to stdout; a closed pipe (`glose stats … | head`) ends the program quietly.
fn emit(text: &str) {
    emit_bytes(text.as_bytes());
}

fn emit_bytes(bytes: &[u8]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("glose: cannot write to standard output: {e}");
        std::process::exit(2);
    }
}

/// Runs `work`, saying on standard error how far it is (`done` of `total` `what`) while it lasts
/// more than a second: on a terminal one line kept up to date, else a line every ten seconds.
fn with_progress<T>(progress: &export::Progress, total: usize, what: &str, work: impl FnOnce() -> T) -> T {
    use std::io::IsTerminal;
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let tty = std::io::stderr().is_terminal();
    let every = std::time::Duration::from_secs(if tty { 1 } else { 10 });
    let shown = progress.clone();
    let what = what.to_string();
    let reporter = std::thread::spawn(move || {
        let mut said = false;
        while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(every) {
            let done = shown.done().min(total);
            let line = format!("glose: {done} / {total} {what} ({:.0} %)", 100.0 * shown.fraction(total.max(1)));
            if tty {
                eprint!("\r{line}");
            } else {
                eprintln!("{line}");
            }
            said = true;
        }
        if said && tty {
            eprintln!();
        }
    });
    let out = work();
    drop(tx);
    let _ = reporter.join();
    out
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("glose: {message}");
    ExitCode::from(2)
}

fn load(path: &Path) -> Result<model::Project, ExitCode> {
    load_full(path).map(|l| l.project)
}

/// A project with what it knows of its files; the article files of a folder that could not be
/// read are said (the rest of the project is there).
fn load_full(path: &Path) -> Result<store::Loaded, ExitCode> {
    let loaded = store::load(path).map_err(fail)?;
    for e in &loaded.skipped {
        eprintln!("glose: skipped {e}");
    }
    Ok(loaded)
}

/// `glose convert`: one file ↔ a folder of files, by the form of `out`.
fn convert_cmd(input: &Path, out: &Path) -> ExitCode {
    if out.exists() {
        return fail(format!("{} exists: give a path that does not", out.display()));
    }
    let started = std::time::Instant::now();
    let loaded = match load_full(input) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let p = &loaded.project;
    let read = started.elapsed();
    let saved = match store::save(p, out) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let form = if store::folder::is_folder(out) { "a project folder" } else { "one file" };
    let spans: usize = p.articles.iter().map(|a| a.spans.len()).sum();
    emit(&format!(
        "{}: {} articles, {spans} spans, read in {:.2} s, written as {form} ({:.1} MB) in {:.2} s\n",
        out.display(),
        p.articles.len(),
        read.as_secs_f64(),
        saved.bytes as f64 / 1e6,
        (started.elapsed() - read).as_secs_f64()
    ));
    if loaded.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("glose: {} file(s) of {} were left out", loaded.skipped.len(), input.display());
        ExitCode::from(1)
    }
}

/// The project at `into`, or a new one named after the file.
fn load_or_new(into: &Path) -> Result<model::Project, ExitCode> {
    if let Ok(pid) = std::fs::read_to_string(store::lock_path(into))
        && std::path::Path::new(&format!("/proc/{}", pid.trim())).exists()
    {
        eprintln!(
            "glose: warning: {} is open in a Glose window (process {}); saving there will overwrite this import",
            into.display(),
            pid.trim()
        );
    }
    if into.exists() {
        load(into)
    } else {
        let name = into.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(model::Project::new(&name))
    }
}

fn validate_cmd(path: &Path) -> ExitCode {
    let loaded = match load_full(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let project = loaded.project;
    let skipped: Vec<String> = loaded.skipped.iter().map(|e| format!("skipped {e}")).collect();
    let (problems, mismatched) = model::validate_with_mismatches(&project);
    // Lines formatted on every core and written in one write (445 000 lines for a synthetic
    // year: formatting them one by one, then a write per line, cost 0.5 s).
    let shown = path.display().to_string();
    let found: Vec<&(dyn std::fmt::Display + Sync)> = skipped
        .iter()
        .map(|s| s as &(dyn std::fmt::Display + Sync))
        .chain(problems.iter().chain(&mismatched).map(|p| p as &(dyn std::fmt::Display + Sync)))
        .collect();
    let parts: Vec<&[&(dyn std::fmt::Display + Sync)]> = found.chunks(4096).collect();
    let lines = glose::par::map(&parts, |part| {
        let mut text = String::new();
        for p in *part {
            let _ = writeln!(text, "{shown}: {p}");
        }
        text
    });
    emit(&lines.concat());
    let count = found.len();
    let spans: usize = project.articles.iter().map(|a| a.spans.len()).sum();
    let articles = project.articles.len();
    drop(found);
    exiting(project);
    std::mem::forget((problems, mismatched));
    if count == 0 {
        eprintln!("{}: sound ({articles} articles, {spans} spans)", path.display());
        ExitCode::SUCCESS
    } else {
        eprintln!("{}: {count} problem{}", path.display(), if count == 1 { "" } else { "s" });
        ExitCode::from(1)
    }
}

/// Leaves a project the process is done with to the system: the process ends next, and freeing
/// a newspaper's year (5 M spans) one allocation at a time took a tenth of `glose validate`.
fn exiting(project: model::Project) {
    std::mem::forget(project);
}

fn stats_cmd(path: &Path, json: bool) -> ExitCode {
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let s = analysis::stats(&project);
    exiting(project);
    if json {
        match serde_json::to_string_pretty(&s) {
            Ok(text) => emit(&format!("{text}\n")),
            Err(e) => return fail(e),
        }
    } else {
        emit(&s.to_string());
    }
    ExitCode::SUCCESS
}

/// `--map`, `--delimiter`, `--encoding`, `--sheet` as table options.
fn table_options(
    map: Option<&str>,
    delimiter: Option<&str>,
    encoding: Option<&str>,
    sheet: Option<String>,
) -> Result<import::TableOptions, String> {
    let map = map.map(import::ColumnMap::parse).transpose()?.unwrap_or_default();
    let delimiter = match delimiter {
        None => None,
        Some("tab" | "\\t" | "\t") => Some(b'\t'),
        Some(d) if d.len() == 1 && d.is_ascii() => Some(d.as_bytes()[0]),
        Some(d) => return Err(format!("--delimiter {d:?}: one ASCII character, or `tab`")),
    };
    let encoding = match encoding {
        None => None,
        Some(name) => Some(encoding_rs::Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
            format!("--encoding {name:?}: not an encoding name (e.g. utf-8, windows-1252, iso-8859-1)")
        })?),
    };
    Ok(import::TableOptions { map, delimiter, encoding, sheet })
}

fn import_cmd(inputs: &[PathBuf], into: &Path, options: import::ReadOptions) -> ExitCode {
    let existed = into.exists();
    let mut project = match load_or_new(into) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if glose::store::journal_path(into).exists() {
        eprintln!(
            "glose: warning: {} has unsaved edits from the window in its journal; they apply to the file as it was",
            into.display()
        );
    }
    let files = import::read_inputs(inputs, &options, None);
    let plan = import::plan_files(&mut project, &files);
    for f in &plan.files {
        emit(&format!("{}\n", f.summary()));
        if let Some(e) = &f.error {
            eprintln!("glose: {}: {e}", f.name);
        }
        for s in &f.skipped {
            eprintln!("glose: {}: {s}", f.name);
        }
        for (at, title, of) in &f.duplicates {
            let at = if at.is_empty() { String::new() } else { format!("{at} ") };
            eprintln!("{}: {at}{title:?}: skipped, the same text as {of}", f.name);
        }
        for (id, of, sim) in &f.near {
            eprintln!("{}: {id} is a near-duplicate of {of} ({:.0} % of its passages shared)", f.name, sim * 100.0);
        }
    }
    let read_anything = plan.files.iter().any(|f| f.error.is_none());
    if let Some(cmd) = plan.command.clone()
        && let Err(e) = cmd.apply(&mut project)
    {
        return fail(format!("{}: {e}", into.display()));
    }
    if plan.command.is_some() {
        if let Err(e) = store::save(&project, into) {
            return fail(e);
        }
    } else if !existed {
        eprintln!("glose: nothing was added: {} was not created", into.display());
    }
    emit(&format!("{}: {}\n", into.display(), plan.summary()));
    if files.is_empty() || !read_anything {
        if files.is_empty() {
            eprintln!(
                "glose: no article file found in {}",
                inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            );
        }
        return ExitCode::from(2);
    }
    if plan.failed() + plan.skipped() > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn search_cmd(
    path: &Path,
    pattern: glose::text::Pattern,
    (label, actor, by): (Option<String>, Option<String>, Option<String>),
    limit: usize,
    json: bool,
) -> ExitCode {
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let label = match label.as_deref().map(|l| project.schema.label_by_name(l).ok_or(l)) {
        None => None,
        Some(Ok(l)) => Some(l.id),
        Some(Err(l)) => return fail(format!("{}: no label named {l:?}", path.display())),
    };
    let entity = match actor.as_deref() {
        None => None,
        Some(name) => {
            let found = project.entities.iter().find(|e| e.name == name || e.aliases.iter().any(|a| a == name));
            match found {
                Some(e) => Some(e.id),
                None => return fail(format!("{}: no actor named {name:?}", path.display())),
            }
        }
    };
    let query = analysis::corpus::Query { pattern, label, entity, annotator: by };
    let started = std::time::Instant::now();
    let hits = match analysis::corpus::search(&project, &query, 40, limit) {
        Ok(h) => h,
        Err(e) => return fail(e),
    };
    eprintln!(
        "{}: {} hit(s){} in {} articles, {:.1} ms",
        path.display(),
        hits.len(),
        if hits.len() >= limit { " (the limit)" } else { "" },
        project.articles.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    if json {
        let list: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "article": h.article.to_string(), "start": h.start, "end": h.end,
                    "left": h.left, "match": h.matched, "right": h.right,
                })
            })
            .collect();
        emit(&format!("{}\n", serde_json::Value::Array(list)));
    } else {
        let mut out = String::new();
        for h in &hits {
            let one_line = |s: &str| s.replace(['\n', '\r', '\t'], " ");
            out.push_str(&format!(
                "{}\t{}-{}\t…{}[{}]{}…\n",
                h.article,
                h.start,
                h.end,
                one_line(&h.left),
                one_line(&h.matched),
                one_line(&h.right)
            ));
        }
        emit(&out);
    }
    if hits.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn articles_cmd(path: &Path, json: bool) -> ExitCode {
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if json {
        let list: Vec<serde_json::Value> = project
            .articles
            .iter()
            .map(|a| {
                let near = a.near_duplicate_of.filter(|id| project.article(*id).is_some()).map(|id| id.to_string());
                serde_json::json!({
                    "id": a.id.to_string(),
                    "title": a.title,
                    "source": a.source,
                    "author": a.author,
                    "url": a.url,
                    "published": a.published,
                    "language": a.language,
                    "details": a.details,
                    "near_duplicate_of": near,
                    "text": a.text,
                })
            })
            .collect();
        match serde_json::to_string_pretty(&list) {
            Ok(text) => emit(&format!("{text}\n")),
            Err(e) => return fail(e),
        }
    } else {
        for a in &project.articles {
            let mut line = format!("{}\t{}\t{}\t{}\t{}", a.id, a.published, a.source, a.language, a.title);
            if let Some(of) = a.near_duplicate_of {
                line.push_str(&format!("\t(near-duplicate of {of})"));
            }
            emit(&format!("{line}\n"));
        }
    }
    ExitCode::SUCCESS
}

fn import_dataset_cmd(
    data: Result<import::dataset::Dataset, import::DatasetError>,
    into: &Path,
    fmt: import::DatasetFormat,
    annotator: Option<&str>,
) -> ExitCode {
    let format = format!("{fmt:?}").to_lowercase();
    let mut project = match load_or_new(into) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let data = match data {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let user = std::env::var("USER").unwrap_or_else(|_| "annotator".into());
    let plan = import::dataset::plan(&mut project, data, annotator, &user);
    for w in &plan.warnings {
        eprintln!("{format}: {w}");
    }
    if let Some(cmd) = plan.command
        && let Err(e) = cmd.apply(&mut project)
    {
        return fail(format!("{}: {e}", into.display()));
    }
    if let Err(e) = store::save(&project, into) {
        return fail(e);
    }
    let list = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join(", ") };
    emit(&format!(
        "{}: {} articles added, {} matched by text; {} spans and {} relations added ({} spans already there); new labels: {}; new relation types: {}; {} new actors\n",
        into.display(),
        plan.new_articles,
        plan.matched_articles,
        plan.spans,
        plan.relations,
        plan.duplicates,
        list(&plan.new_labels),
        list(&plan.new_relation_types),
        plan.new_entities
    ));
    ExitCode::SUCCESS
}

fn export_cmd(
    path: &Path,
    format: export::Format,
    out: &Path,
    offsets: export::OffsetUnit,
    filter: export::Filter,
    prefer: export::Prefer,
) -> ExitCode {
    let to_stdout = out.as_os_str() == "-";
    if to_stdout && format.is_folder() {
        return fail(format!("--out -: {} writes a folder of files; give a folder name", format.name()));
    }
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let progress = export::Progress::default();
    let options = export::Options { offsets, filter, prefer, progress: Some(progress.clone()) };
    // Standard output: the file is written aside, then copied out.
    let scratch = if to_stdout { tempfile::tempdir().ok() } else { None };
    let target = match &scratch {
        Some(dir) => dir.path().join("out"),
        None if to_stdout => return fail("--out -: no temporary folder to write into"),
        None => out.to_path_buf(),
    };
    let total = project.articles.len();
    let result =
        with_progress(&progress, total, "articles written", || export::export(&project, format, &options, &target));
    match result {
        Ok(report) => {
            // One write for all of them (a million lines one by one cost seconds).
            let mut all = String::new();
            for w in &report.warnings {
                all.push_str(&format!("{}: {w}\n", format.name()));
            }
            {
                use std::io::Write;
                let _ = std::io::stderr().lock().write_all(all.as_bytes());
            }
            if to_stdout {
                match std::fs::read(&target) {
                    Ok(bytes) => emit_bytes(&bytes),
                    Err(e) => return fail(format!("{}: {e}", target.display())),
                }
            } else {
                for f in &report.files {
                    emit(&format!("{}\n", f.display()));
                }
            }
            eprintln!(
                "{}: {} articles, {} spans, {} relations written to {} file(s); {} warning(s)",
                format.name(),
                report.articles,
                report.spans,
                report.relations,
                report.files.len(),
                report.warnings.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn agreement_cmd(path: &Path, annotators: &[String], json: bool) -> ExitCode {
    let project = match load(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let pair = match annotators {
        [a, b] => (a.clone(), b.clone()),
        [] => match analysis::agreement::busiest_annotators(&project).as_slice() {
            [a, b, ..] => (a.clone(), b.clone()),
            _ => return fail(format!("{}: fewer than two annotators", path.display())),
        },
        _ => return fail("--annotators takes two names: A,B"),
    };
    let g = analysis::agreement::agreement(&project, &pair.0, &pair.1);
    if json {
        match serde_json::to_string_pretty(&g) {
            Ok(text) => emit(&format!("{text}\n")),
            Err(e) => return fail(e),
        }
    } else {
        emit(&g.to_string());
    }
    ExitCode::SUCCESS
}

fn merge_cmd(paths: &[PathBuf], out: &Path) -> ExitCode {
    let mut projects = Vec::new();
    for p in paths {
        match load(p) {
            Ok(x) => projects.push(x),
            Err(code) => return code,
        }
    }
    let others: Vec<&model::Project> = projects[1..].iter().collect();
    // The window's path: the merge as one command, applied to the first project.
    let plan = analysis::merge::plan(&projects[0], &others);
    let report = plan.report;
    let mut merged = projects[0].clone();
    if let Some(cmd) = plan.command
        && let Err(e) = edit::History::new().apply(&mut merged, cmd)
    {
        eprintln!("merge: the merged annotations could not be added: {e}");
        return ExitCode::from(2);
    }
    merged.normalize();
    for c in &report.conflicts {
        eprintln!("merge: {c}");
    }
    let problems = model::validate(&merged);
    for p in &problems {
        eprintln!("merge: {p}");
    }
    if let Err(e) = store::save(&merged, out) {
        return fail(e);
    }
    emit(&format!(
        "{}: {} articles matched by text, {} added; {} spans and {} relations added, {} identical ones kept once; {} conflict(s)\n",
        out.display(),
        report.articles_matched,
        report.articles_added,
        report.spans_added,
        report.relations_added,
        report.duplicates,
        report.conflicts.len()
    ));
    ExitCode::SUCCESS
}

/// git's merge driver: reads the ancestor, ours and theirs; writes the result over ours.
fn merge_driver_cmd(base: &Path, ours: &Path, theirs: &Path) -> ExitCode {
    // A file of a project folder (its index, or one article) merges on its own.
    let kind = std::fs::read_to_string(ours).ok().and_then(|t| store::folder::kind_of(&t));
    let read = |p: &Path| match kind {
        Some(_) => std::fs::read_to_string(p)
            .map_err(|source| store::StoreError::Io { path: p.to_path_buf(), source })
            .and_then(|t| store::folder::file_as_project(&t, p)),
        None => store::load(p).map(|l| l.project),
    };
    let (o, a, b) = match (read(base), read(ours), read(theirs)) {
        (Ok(o), Ok(a), Ok(b)) => (o, a, b),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            // Not a project git can merge this way: let git report the conflict.
            eprintln!("glose merge-driver: {e}");
            return ExitCode::from(2);
        }
    };
    let (merged, mut conflicts) = analysis::merge::three_way(&o, &a, &b);
    // One file of a folder has no text or schema to check against: the folder is checked on load.
    if kind.is_none() {
        conflicts.extend(model::validate(&merged).iter().map(|p| format!("after merging: {p}")));
    }
    let text = match kind {
        Some(kind) => store::folder::project_as_file(&merged, kind),
        None => store::to_string(&merged),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    if let Err(e) = std::fs::write(ours, text) {
        return fail(format!("{}: {e}", ours.display()));
    }
    for c in &conflicts {
        eprintln!("glose merge-driver: {c}");
    }
    if conflicts.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// The window's edit-and-save path without a window: the same `store::Session` the window uses
/// (apply and journal each command, save in the background every `every` edits while editing
/// goes on, restart the journal when a save lands). The crash test kills this at random moments.
fn edit_loop_cmd(path: &Path, tag: &str, count: usize, every: usize) -> ExitCode {
    use glose::edit::Command;
    use glose::store::{SaveOutcome, Session};
    let (mut session, report) = match Session::open(path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if let Some(e) = report.journal_error {
        return fail(e);
    }
    let landed = |outcome: SaveOutcome| -> Result<(), String> {
        match outcome {
            SaveOutcome::Saved { journal_error: Some(e), .. } => Err(e.to_string()),
            SaveOutcome::Saved { fingerprint, .. } => {
                emit(&format!("saved {fingerprint:016x}\n"));
                Ok(())
            }
            SaveOutcome::Failed(e) => Err(e.to_string()),
        }
    };
    for i in 0..count {
        // An actor (the project's index) and a span naming it in an article: in a project
        // folder, each edit touches two files, which a save must replace together.
        let name = format!("{tag}-{i}");
        let entity = model::Entity { id: model::EntityId::NEW, name: name.clone(), ..Default::default() };
        let mut commands = vec![Command::AddEntity { entity, index: usize::MAX }];
        let articles = &session.project().articles;
        if let Some(a) = articles.get(i % articles.len().max(1)).filter(|a| a.text.chars().count() > 1) {
            let label = session.project().schema.labels.first().map(|l| l.id).unwrap_or_default();
            let span = model::Span {
                id: model::SpanId::NEW,
                fragments: vec![model::Fragment::new(0, 1)],
                label,
                entity: Some(model::EntityId::NEW),
                note: name.clone(),
                ..Default::default()
            };
            commands.push(Command::AddSpan { article: a.id, span, relations: Vec::new() });
        }
        match session.apply(Command::Batch { label: name, commands }) {
            Ok(applied) if applied.journal_error.is_none() => {}
            Ok(applied) => return fail(applied.journal_error.map_or_else(String::new, |e| e.to_string())),
            Err(e) => return fail(e),
        }
        emit(&format!("applied {tag}-{i}\n"));
        if let Some(outcome) = session.poll_save()
            && let Err(e) = landed(outcome)
        {
            return fail(e);
        }
        if (i + 1) % every.max(1) == 0
            && !session.is_saving()
            && let Err(e) = session.start_save(path, false)
        {
            return fail(e);
        }
    }
    for outcome in session.finish_saving() {
        if let Err(e) = landed(outcome) {
            return fail(e);
        }
    }
    ExitCode::SUCCESS
}
