//! `glose statements` and `glose network`: DNA's statements table and discourse networks.

use crate::{emit_bytes, fail, load};
use glose::analysis::discourse::{self, Aggregation, Duplicates, NetworkOptions, NetworkType, Normalization, day};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NetworkFormat {
    Json,
    Csv,
    Graphml,
}

#[derive(clap::Args)]
pub struct StatementsArgs {
    project: PathBuf,
    #[arg(long, value_enum, ignore_case = true, default_value = "csv")]
    format: TableFormat,
    /// The label whose spans are statements.
    #[arg(long, default_value = discourse::DEFAULT_LABEL)]
    label: String,
    /// A file to write (default: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct NetworkArgs {
    project: PathBuf,
    /// twomode: variable 1 × variable 2; onemode: variable 1 × variable 1 through variable 2.
    #[arg(long = "type", value_enum, ignore_case = true, default_value = "twomode")]
    kind: NetworkType,
    #[arg(long, default_value = "actor")]
    variable1: String,
    #[arg(long, default_value = "claim")]
    variable2: String,
    /// The qualifier variable ("" for none).
    #[arg(long, default_value = "stance")]
    qualifier: String,
    #[arg(long, value_enum, ignore_case = true, default_value = "ignore")]
    aggregation: Aggregation,
    #[arg(long, value_enum, ignore_case = true, default_value = "no")]
    normalization: Normalization,
    #[arg(long, value_enum, ignore_case = true, default_value = "include")]
    duplicates: Duplicates,
    /// First day of the range (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last day of the range (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// The label whose spans are statements (DNA's statement type).
    #[arg(long, default_value = discourse::DEFAULT_LABEL)]
    label: String,
    /// A moving time window this many days wide: one matrix per step.
    #[arg(long)]
    window_days: Option<u32>,
    /// How many days the window moves at each step.
    #[arg(long, default_value_t = 1)]
    window_step: u32,
    /// Keep every node of the range in every matrix (DNA's isolates).
    #[arg(long)]
    isolates: bool,
    #[arg(long, value_enum, ignore_case = true, default_value = "json")]
    format: NetworkFormat,
    /// A file to write (default: standard output); with a time window, csv and graphml write
    /// one file per window, named after this one and the window's first day.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    match out {
        None => {
            emit_bytes(bytes);
            Ok(())
        }
        Some(p) if p.as_os_str() == "-" => {
            emit_bytes(bytes);
            Ok(())
        }
        Some(p) => std::fs::write(p, bytes).map_err(|e| format!("{}: {e}", p.display())),
    }
}

/// The project and its statements of `label`, or the exit code of what went wrong (said).
fn statements_of(path: &Path, label: &str) -> Result<(glose::model::Project, Vec<discourse::Statement>), ExitCode> {
    let project = load(path)?;
    let table = discourse::statements(&project, label).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    Ok((project, table))
}

pub fn statements_cmd(a: &StatementsArgs) -> ExitCode {
    let (project, table) = match statements_of(&a.project, &a.label) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let variables = discourse::variables(&table);
    let bytes = match a.format {
        TableFormat::Json => {
            let rows: Vec<serde_json::Value> = table
                .iter()
                .map(|s| {
                    let vars: serde_json::Map<String, serde_json::Value> =
                        s.values.iter().map(|(k, v)| (k.clone(), v.clone().into())).collect();
                    serde_json::json!({
                        "statement": s.span.to_string(), "article": s.article.to_string(),
                        "title": s.get("title"), "date": s.date(), "annotator": &*s.annotator, "label": &*s.label,
                        "start": s.start, "end": s.end, "variables": vars, "text": s.text(&project),
                    })
                })
                .collect();
            let mut b = serde_json::to_vec_pretty(&rows).unwrap_or_default();
            b.push(b'\n');
            b
        }
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let safe = glose::export::safe_cell;
            let head = ["statement", "article", "title", "date", "annotator", "label", "start", "end"];
            let header = head.iter().map(|h| h.to_string()).chain(variables.iter().cloned()).chain(["text".into()]);
            let mut result = w.write_record(header);
            for s in &table {
                let fixed = [
                    s.span.to_string(),
                    s.article.to_string(),
                    safe(s.get("title")),
                    s.date().to_string(),
                    safe(&s.annotator),
                    safe(&s.label),
                    s.start.to_string(),
                    s.end.to_string(),
                ];
                let vars = variables.iter().map(|v| safe(s.values.get(v).map_or("", String::as_str)));
                result = result
                    .and_then(|()| w.write_record(fixed.into_iter().chain(vars).chain([safe(&s.text(&project))])));
            }
            match result.map_err(|e| e.to_string()).and_then(|()| w.into_inner().map_err(|e| e.to_string())) {
                Ok(b) => b,
                Err(e) => return fail(e),
            }
        }
    };
    if let Err(e) = write_out(a.out.as_deref(), &bytes) {
        return fail(e);
    }
    eprintln!("{}: {} statements of the label {}", a.project.display(), table.len(), a.label);
    ExitCode::SUCCESS
}

fn options(a: &NetworkArgs) -> Result<NetworkOptions, String> {
    let date = |s: &Option<String>, what: &str| -> Result<Option<i64>, String> {
        match s {
            None => Ok(None),
            Some(s) => day::parse_day(s).map(Some).ok_or_else(|| format!("--{what} {s}: not a date like 2005-01-26")),
        }
    };
    Ok(NetworkOptions {
        kind: a.kind,
        variable1: a.variable1.clone(),
        variable2: a.variable2.clone(),
        qualifier: (!a.qualifier.trim().is_empty()).then(|| a.qualifier.clone()),
        aggregation: a.aggregation,
        normalization: a.normalization,
        duplicates: a.duplicates,
        from: date(&a.from, "from")?,
        to: date(&a.to, "to")?,
        window: a.window_days.map(|days| discourse::Window { days, step: a.window_step }),
        isolates: a.isolates,
    })
}

/// `out`'s name with the window's first day before the extension.
fn window_path(out: &Path, m: &discourse::Matrix) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = out.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    out.with_file_name(format!("{stem}-{}{ext}", m.start.map(day::format).unwrap_or_default()))
}

pub fn network_cmd(a: &NetworkArgs) -> ExitCode {
    let o = match options(a) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let (project, table) = match statements_of(&a.project, &a.label) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let started = std::time::Instant::now();
    let net = match discourse::network(&table, &o) {
        Ok(n) => n,
        Err(e) => return fail(e),
    };
    let elapsed = started.elapsed();
    let windowed = o.window.is_some();
    let out = a.out.as_deref().filter(|p| p.as_os_str() != "-");
    let variables = (a.variable1.as_str(), if o.kind == NetworkType::Onemode { "" } else { a.variable2.as_str() });
    let render = |m: &discourse::Matrix| -> Vec<u8> {
        let mut b = Vec::new();
        let _ = match a.format {
            NetworkFormat::Csv => m.write_csv(&mut b).map_err(|e| e.to_string()),
            NetworkFormat::Graphml => m.write_graphml(&mut b, variables, &project.entities).map_err(|e| e.to_string()),
            NetworkFormat::Json => Ok(()),
        };
        b
    };
    let result = match (a.format, windowed) {
        (NetworkFormat::Json, _) => {
            let v = if windowed {
                serde_json::Value::Array(net.matrices.iter().map(|m| m.to_json(true)).collect())
            } else {
                net.matrices.first().map(|m| m.to_json(false)).unwrap_or_default()
            };
            let mut b = serde_json::to_vec(&v).unwrap_or_default();
            b.push(b'\n');
            write_out(out, &b)
        }
        (_, false) => net.matrices.first().map_or(Ok(()), |m| write_out(out, &render(m))),
        (_, true) => match out {
            None => Err("a time window in csv or graphml writes one file per window: give --out FILE".into()),
            Some(out) => net.matrices.iter().try_for_each(|m| write_out(Some(&window_path(out, m)), &render(m))),
        },
    };
    if let Err(e) = result {
        return fail(e);
    }
    report(a, &table, &net, elapsed);
    ExitCode::SUCCESS
}

fn report(a: &NetworkArgs, table: &[discourse::Statement], net: &discourse::Network, elapsed: std::time::Duration) {
    let mut line = format!(
        "{}: {} statements of the label {}; {} counted ({} outside the range, {} with an empty variable, {} duplicates)",
        a.project.display(),
        table.len(),
        a.label,
        net.kept.len(),
        net.out_of_range,
        net.empty,
        net.duplicates
    );
    if a.window_days.is_some() {
        line.push_str(&format!("; {} windows", net.matrices.len()));
    } else if let Some(m) = net.matrices.first() {
        line.push_str(&format!("; {} × {}", m.rows.len(), m.columns.len()));
    }
    if a.aggregation == Aggregation::Combine {
        let levels = net.levels.join(", ");
        line.push_str(&format!(
            "; combine: each level present adds 2^(n−1−i) for levels [{levels}] (first = highest bit)"
        ));
    }
    eprintln!("{line}; {:.1} ms", elapsed.as_secs_f64() * 1000.0);
}
