//! `glose suggest`: the recommenders' suggestions for a project's articles, as the window
//! would show them (learned from every span of the project).

use crate::{emit, fail, load};
use glose::model::{ArticleId, LabelId};
use glose::suggest::{Keep, Recommenders};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct SuggestArgs {
    project: PathBuf,
    /// Only these articles (ids as `glose articles` prints them: a12,a40).
    #[arg(long, value_delimiter = ',')]
    articles: Vec<String>,
    /// Only these labels (by name).
    #[arg(long, value_delimiter = ',')]
    labels: Vec<String>,
    /// The lowest score shown (default: the project's setting, 0.5 unless changed).
    #[arg(long)]
    min_score: Option<f32>,
    /// One JSON array: article, start, end (code points), label, score, source.
    #[arg(long)]
    json: bool,
}

pub fn suggest_cmd(args: &SuggestArgs) -> ExitCode {
    let mut project = match load(&args.project) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if let Some(min) = args.min_score {
        if !(0.0..=1.0).contains(&min) {
            return fail(format!("--min-score {min}: give a score between 0 and 1"));
        }
        project.suggestions.min_score = min;
    }
    let mut wanted_articles = Vec::new();
    for id in &args.articles {
        let found =
            id.trim().trim_start_matches('a').parse().ok().map(ArticleId).filter(|a| project.article(*a).is_some());
        match found {
            Some(a) => wanted_articles.push(a),
            None => return fail(format!("no article {id} in {}", args.project.display())),
        }
    }
    let mut wanted_labels: Vec<LabelId> = Vec::new();
    for name in &args.labels {
        match project.schema.label_by_name(name.trim()) {
            Some(l) => wanted_labels.push(l.id),
            None => return fail(format!("no label named {name:?} in {}", args.project.display())),
        }
    }
    let recommenders = Recommenders::train(&project);
    let articles = project.articles.iter().filter(|a| wanted_articles.is_empty() || wanted_articles.contains(&a.id));
    let suggestions: Vec<_> = articles
        .flat_map(|a| recommenders.suggest(&project, a, Keep::ClearOfSameLabel))
        .filter(|s| wanted_labels.is_empty() || wanted_labels.contains(&s.label))
        .collect();
    let label = |l| project.schema.label_name(l).to_string();
    if args.json {
        let list: Vec<serde_json::Value> = suggestions
            .iter()
            .map(|s| {
                serde_json::json!({
                    "article": s.article.to_string(),
                    "start": s.start,
                    "end": s.end,
                    "label": label(s.label),
                    "score": (f64::from(s.score) * 1000.0).round() / 1000.0,
                    "source": s.source.name(),
                })
            })
            .collect();
        match serde_json::to_string_pretty(&list) {
            Ok(text) => emit(&format!("{text}\n")),
            Err(e) => return fail(e),
        }
    } else {
        let mut out = String::new();
        for s in &suggestions {
            let text = project.article(s.article).and_then(|a| glose::text::slice_chars(&a.text, s.start, s.end));
            out.push_str(&format!(
                "{} {}–{} {} {:.2} {} {:?}\n",
                s.article,
                s.start,
                s.end,
                label(s.label),
                s.score,
                s.source.name(),
                text.unwrap_or("")
            ));
        }
        emit(&out);
        eprintln!("{} suggestion{}", suggestions.len(), if suggestions.len() == 1 { "" } else { "s" });
    }
    ExitCode::SUCCESS
}
