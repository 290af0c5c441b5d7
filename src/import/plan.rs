//! From records to one command: the one import path of the CLI and the window. Exact
//! duplicates are left out, near-duplicates are added with their mark, and every file says
//! what became of it (for the CLI's report lines and the window's preview).

use super::dedupe::{Fate, Origin, dedupe};
use super::source::{Skipped, SourceFile, SourceFormat};
use crate::edit::Command;
use crate::model::{Article, ArticleId, Project};

/// What became of one file.
#[derive(Clone, Debug, Default)]
pub struct FileOutcome {
    pub name: String,
    pub format: Option<SourceFormat>,
    /// Articles added: id and title.
    pub added: Vec<(ArticleId, String)>,
    /// Records left out as exact duplicates: their position, title and what they duplicate.
    pub duplicates: Vec<(String, String, String)>,
    /// Articles added but marked: (new id, the article it nearly repeats, similarity).
    pub near: Vec<(ArticleId, ArticleId, f32)>,
    pub skipped: Vec<Skipped>,
    pub error: Option<String>,
}

impl FileOutcome {
    /// `europresse.html: Europresse, 4 articles, 1 duplicate skipped`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = self.format {
            parts.push(f.name().to_string());
        }
        if let Some(e) = &self.error {
            parts.push(format!("not read: {e}"));
            return format!("{}: {}", self.name, parts.join(", "));
        }
        let n = self.added.len();
        parts.push(format!("{n} article{}", plural(n)));
        if !self.duplicates.is_empty() {
            let d = self.duplicates.len();
            parts.push(format!("{d} duplicate{} skipped", plural(d)));
        }
        if !self.near.is_empty() {
            let d = self.near.len();
            parts.push(format!("{d} near-duplicate{} marked", plural(d)));
        }
        if !self.skipped.is_empty() {
            let d = self.skipped.len();
            parts.push(format!("{d} part{} skipped", plural(d)));
        }
        format!("{}: {}", self.name, parts.join(", "))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The command that adds the articles, and what became of each file.
#[derive(Debug, Default)]
pub struct ImportPlan {
    /// One batch (one undo step); `None` when nothing is new.
    pub command: Option<Command>,
    pub files: Vec<FileOutcome>,
    pub first_added: Option<ArticleId>,
}

impl ImportPlan {
    pub fn added(&self) -> usize {
        self.files.iter().map(|f| f.added.len()).sum()
    }
    pub fn duplicates(&self) -> usize {
        self.files.iter().map(|f| f.duplicates.len()).sum()
    }
    pub fn near_duplicates(&self) -> usize {
        self.files.iter().map(|f| f.near.len()).sum()
    }
    /// Records skipped inside files that were read.
    pub fn skipped(&self) -> usize {
        self.files.iter().map(|f| f.skipped.len()).sum()
    }
    /// Files that could not be read at all.
    pub fn failed(&self) -> usize {
        self.files.iter().filter(|f| f.error.is_some()).count()
    }
    /// `4 articles added, 1 duplicate skipped, …` for the whole import.
    pub fn summary(&self) -> String {
        let (a, d, n, s, f) = (self.added(), self.duplicates(), self.near_duplicates(), self.skipped(), self.failed());
        let mut parts = vec![format!("{a} article{} added", plural(a))];
        if d > 0 {
            parts.push(format!("{d} duplicate{} skipped", plural(d)));
        }
        if n > 0 {
            parts.push(format!("{n} near-duplicate{} marked", plural(n)));
        }
        if s > 0 {
            parts.push(format!("{s} part{} of files skipped", plural(s)));
        }
        if f > 0 {
            parts.push(format!("{f} file{} not read", plural(f)));
        }
        parts.join(", ")
    }
}

/// Reads nothing: decides duplicates against `project` and builds the command.
pub fn plan_files(project: &mut Project, files: &[SourceFile]) -> ImportPlan {
    let existing: Vec<(ArticleId, &str)> = project.articles.iter().map(|a| (a.id, a.text.as_str())).collect();
    let fates = dedupe(&existing, files);
    plan(project, files, &fates)
}

/// Builds the command from records whose fates are decided (perhaps in another thread, on
/// a copy of the texts). Ids are allocated from `project`.
pub fn plan(project: &mut Project, files: &[SourceFile], fates: &[Vec<Fate>]) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut ids: Vec<Vec<Option<ArticleId>>> = files.iter().map(|f| vec![None; f.records.len()]).collect();
    let mut commands = Vec::new();
    let title_of = |project: &Project, ids: &[Vec<Option<ArticleId>>], o: Origin| -> (Option<ArticleId>, String) {
        match o {
            Origin::Article(id) => {
                (Some(id), project.article(id).map_or_else(|| id.to_string(), |a| format!("{id} {:?}", a.title)))
            }
            Origin::Record { file, record } => {
                let id = ids.get(file).and_then(|v| v.get(record)).copied().flatten();
                let rec = files.get(file).and_then(|f| f.records.get(record));
                let name = files.get(file).map_or("", |f| f.name.as_str());
                let what = rec.map_or(String::new(), |r| {
                    if r.at.is_empty() {
                        format!("{:?} ({name})", r.meta.title)
                    } else {
                        format!("{:?} ({name}, {})", r.meta.title, r.at)
                    }
                });
                (id, what)
            }
        }
    };
    for (fi, file) in files.iter().enumerate() {
        let mut out = FileOutcome {
            name: file.name.clone(),
            format: file.format,
            skipped: file.skipped.clone(),
            error: file.error.clone(),
            ..Default::default()
        };
        for (ri, rec) in file.records.iter().enumerate() {
            let fate = fates.get(fi).and_then(|f| f.get(ri)).copied().unwrap_or(Fate::New);
            let near_of = match fate {
                Fate::Duplicate(o) => {
                    let (_, what) = title_of(project, &ids, o);
                    out.duplicates.push((rec.at.clone(), rec.meta.title.clone(), what));
                    continue;
                }
                Fate::NearDuplicate { of, similarity } => title_of(project, &ids, of).0.map(|id| (id, similarity)),
                Fate::New => None,
            };
            let id = ArticleId(project.alloc_id());
            ids[fi][ri] = Some(id);
            plan.first_added.get_or_insert(id);
            let mut article = Article { id, text: rec.text.clone(), ..Default::default() };
            article.set_meta(rec.meta.clone());
            if let Some((of, sim)) = near_of {
                article.near_duplicate_of = Some(of);
                out.near.push((id, of, sim));
            }
            out.added.push((id, article.title.clone()));
            commands.push(Command::AddArticle { article, index: usize::MAX });
        }
        plan.files.push(out);
    }
    if !commands.is_empty() {
        let n = commands.len();
        plan.command = Some(Command::Batch { label: format!("import {n} article{}", plural(n)), commands });
    }
    plan
}
