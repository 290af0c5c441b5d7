//! A seeded generator of realistic synthetic projects (multilingual articles with a realistic
//! density of spans and relations) for benchmarks and stress tests. Nothing large is committed:
//! the same seed always gives the same project.

use crate::model::{Article, ArticleId, Entity, EntityId, Fragment, Project, Relation, RelationId, Span, SpanId};

/// Sentences in the corpus's four languages, with the characters that break naive offsets.
const SENTENCES: &[&str] = &[
    "Le président russe Vladimir Poutine a critiqué la suprématie américaine dans le domaine de l’intelligence artificielle.",
    "Selon l’Élysée, la France et l’Inde partagent «\u{a0}une même exigence de souveraineté\u{a0}»\u{202f}; Paris veut une troisième voie.",
    "Russian President Vladimir Putin said Western models were biased and ignored Russian culture 🤝 and values.",
    "China and France issued a joint declaration on the governance of artificial intelligence in Paris.",
    "Россия и Китай договорились углублять сотрудничество в сфере искусственного интеллекта 🇷🇺🤝🇨🇳.",
    "Москва и Пекин выступили против использования технологических монополий для сдерживания развития других стран.",
    "国家主席习近平对法国进行国事访问期间，中法两国元首发表关于人工智能和全球治理的联合声明。",
    "分析人士认为，北京希望借助与欧洲国家的合作，避免在技术领域被孤立 𠮷。",
];

const LANGS: &[&str] = &["fr", "fr", "en", "en", "ru", "ru", "zh", "zh"];

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// An article text of about `chars` code points, in paragraphs, mostly in one language.
pub fn text(rng: &mut Rng, chars: usize) -> (String, &'static str) {
    let lang = rng.below(4) * 2;
    let mut out = String::new();
    let mut count = 0;
    let mut in_paragraph = 0;
    while count < chars {
        // Mostly the article's language, sometimes a quote from another.
        let i = if rng.below(10) < 8 { lang + rng.below(2) } else { rng.below(SENTENCES.len()) };
        let s = SENTENCES[i];
        if in_paragraph > 0 {
            out.push(' ');
            count += 1;
        }
        out.push_str(s);
        count += s.chars().count();
        in_paragraph += 1;
        if in_paragraph >= 3 + rng.below(4) {
            // Two people of some 8 000 invented names: words rare in the corpus, as names are.
            let said = format!(" {} {} — {} {}.", name(rng), name(rng), name(rng), name(rng));
            count += said.chars().count();
            out.push_str(&said);
            out.push_str("\n\n");
            count += 2;
            in_paragraph = 0;
        }
    }
    out.push('\n');
    (out, LANGS[lang])
}

const SYLLABLES: [&str; 20] = [
    "ka", "lo", "mi", "tre", "son", "vel", "ar", "qui", "du", "pe", "ni", "ro", "sta", "gu", "fe", "ol", "ban", "ti",
    "ex", "mu",
];

/// An invented name of three syllables, capitalised: "Kalomi".
pub fn name(rng: &mut Rng) -> String {
    let mut w: String = (0..3).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
    w[..1].make_ascii_uppercase();
    w
}

/// Word-ish ranges (code points) of a text: runs of alphanumeric characters.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.chars().count()));
    }
    out
}

/// A project of `articles` articles of about `chars` characters, with `spans` spans and
/// `relations` relations per article, some spans linked to one of 200 actors.
pub fn project(seed: u64, articles: usize, chars: usize, spans: usize, relations: usize) -> Project {
    let mut rng = Rng::new(seed);
    let mut p = Project::new("synthetic");
    let labels: Vec<_> = p.schema.labels.iter().map(|l| l.id).collect();
    let types: Vec<_> =
        p.schema.relation_types.iter().map(|t| (t.id, t.from_labels.clone(), t.to_labels.clone())).collect();
    let entities: Vec<EntityId> = (0..200)
        .map(|i| {
            let id = EntityId(p.alloc_id());
            p.entities.push(Entity {
                id,
                name: format!("Actor {i}"),
                aliases: vec![format!("Актор {i}")],
                ..Default::default()
            });
            id
        })
        .collect();
    let annotators = ["alice", "boris", "chen"];
    for a in 0..articles {
        let (text, lang) = text(&mut rng, chars);
        let map = crate::text::CharMap::new(&text);
        let ws = words(&text);
        let mut article = Article {
            id: ArticleId(p.alloc_id()),
            title: format!("Article {a}"),
            source: ["TASS", "Le Monde", "Xinhua", "Reuters"][rng.below(4)].into(),
            published: format!("2024-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
            language: lang.into(),
            ..Default::default()
        };
        for _ in 0..spans {
            let i = rng.below(ws.len());
            let j = (i + rng.below(4)).min(ws.len() - 1);
            let frag = Fragment::new(ws[i].0, ws[j].1);
            let quote = map.slice(&text, frag.start, frag.end).unwrap_or_default().to_string();
            article.spans.push(Span {
                id: SpanId(p.alloc_id()),
                fragments: vec![frag],
                label: labels[rng.below(labels.len())],
                entity: (rng.below(3) == 0).then(|| entities[rng.below(entities.len())]),
                annotator: annotators[rng.below(3)].into(),
                quote,
                ..Default::default()
            });
        }
        // Relations as the window makes them: each end's label one its type accepts.
        for _ in 0..relations.min(spans / 2) {
            let (kind, from_labels, to_labels) = &types[rng.below(types.len())];
            let ends = |allowed: &[crate::model::LabelId], other: Option<SpanId>| -> Vec<SpanId> {
                let fits = |s: &&Span| allowed.is_empty() || allowed.contains(&s.label);
                article.spans.iter().filter(fits).map(|s| s.id).filter(|id| Some(*id) != other).collect()
            };
            let from = ends(from_labels, None);
            if from.is_empty() {
                continue;
            }
            let from = from[rng.below(from.len())];
            let to = ends(to_labels, Some(from));
            if to.is_empty() {
                continue;
            }
            let to = to[rng.below(to.len())];
            article.relations.push(Relation {
                id: RelationId(p.alloc_id()),
                kind: *kind,
                from,
                to,
                note: String::new(),
                annotator: annotators[rng.below(3)].into(),
            });
        }
        article.text = text;
        p.articles.push(article.into());
    }
    p.normalize();
    p
}

/// Prose-like text of `words` words drawn from a vocabulary of about 6 000 invented words,
/// in sentences and paragraphs: unlike [`text`], two such texts share almost no passages, as
/// two real articles do (for duplicate detection benchmarks).
pub fn prose(rng: &mut Rng, words: usize) -> String {
    let mut out = String::with_capacity(words * 8);
    for i in 0..words {
        let syllables = 1 + rng.below(3);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
        }
        if i % 12 == 0 {
            let mut c = w.chars();
            w = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(w);
        }
        out.push_str(&w);
        out.push(if i % 12 == 11 { '.' } else { ' ' });
        if i % 12 == 11 {
            out.push_str(if i % 60 == 59 { "\n\n" } else { " " });
        }
    }
    out.trim_end().to_string()
}

/// A project of `statements` Claim spans over a year of articles (2024, ten statements an
/// article), each with `actor` (one of `actors`), `claim` (one of `claims`) and `stance`
/// (agree or disagree) attributes: the discourse network benchmarks' data. Actors lean: each
/// agrees with a claim more often when the claim's number and its own have the same parity.
pub fn statements_project(seed: u64, statements: usize, actors: usize, claims: usize) -> Project {
    let mut rng = Rng::new(seed);
    let mut p = Project::new("statements");
    let claim = p.schema.label_by_name("Claim").map(|l| l.id).unwrap_or_default();
    let text = "Un acteur affirme une position sur la question débattue.";
    let len = text.chars().count();
    let articles = statements.div_ceil(10);
    for a in 0..articles {
        let id = ArticleId(p.alloc_id());
        let day = a * 366 / articles.max(1);
        use crate::analysis::discourse::day as cal;
        let (_, m, d) = cal::to_civil(cal::from_civil(2024, 1, 1) + day as i64);
        let mut article = Article {
            id,
            title: format!("Article {a}"),
            published: format!("2024-{m:02}-{d:02}"),
            text: text.into(),
            ..Default::default()
        };
        for _ in 0..10.min(statements - a * 10) {
            let (who, what) = (rng.below(actors), rng.below(claims));
            let agree = rng.below(10) < if who % 2 == what % 2 { 8 } else { 3 };
            let mut s = Span {
                id: SpanId(p.alloc_id()),
                fragments: vec![Fragment::new(0, len)],
                label: claim,
                annotator: "synth".into(),
                quote: text.into(),
                ..Default::default()
            };
            s.attributes.insert("actor".into(), format!("Actor {who}"));
            s.attributes.insert("claim".into(), format!("Claim {what}"));
            s.attributes.insert("stance".into(), if agree { "agree" } else { "disagree" }.into());
            article.spans.push(s);
        }
        p.articles.push(std::sync::Arc::new(article));
    }
    p
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_synthetic_project_is_sound_and_its_relations_fit_their_types() {
        let p = super::project(11, 30, 1500, 40, 6);
        assert!(crate::model::validate(&p).is_empty(), "{:?}", crate::model::validate(&p));
        assert!(crate::model::mismatched_relations(&p).is_empty());
        let relations: usize = p.articles.iter().map(|a| a.relations.len()).sum();
        assert!(relations >= 30 * 5, "{relations} relations");
    }
}
