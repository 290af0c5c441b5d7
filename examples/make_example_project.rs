//! Writes `projects/example.ron`, the project a new user opens first: short news articles on
//! the geopolitics of AI (French, English, Russian, Chinese) and the French seed article of
//! `projects/articles/`, annotated with actors, claims and alliances, relations and canonical
//! actors with aliases.
//!
//! Run: `cargo run --example make_example_project` (then `glose validate projects/example.ron`).
//! Spans are given by their quote (and which occurrence), so the offsets are computed, never typed.

use glose::edit::{Command, History};
use glose::model::{Article, ArticleId, Entity, EntityId, Fragment, Project, Relation, RelationId, Span, SpanId};
use std::collections::HashMap;

const NBSP: &str = "\u{a0}";
const ANNOTATOR: &str = "glose-team";
/// A second coder, on two articles, so that Compare annotators has something to compare.
const SECOND: &str = "camille";

struct Spec {
    title: &'static str,
    source: &'static str,
    published: &'static str,
    language: &'static str,
    text: String,
    /// (key, label, quote, occurrence, entity)
    spans: Vec<(&'static str, &'static str, &'static str, usize, Option<&'static str>)>,
    /// (type, from key, to key)
    relations: Vec<(&'static str, &'static str, &'static str)>,
    /// The second coder's spans (label, quote, occurrence, entity), when she coded the article.
    second: Vec<(&'static str, &'static str, usize, Option<&'static str>)>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut p = Project::new("Geopolitics of AI — example corpus");
    let mut history = History::new();
    let actors: &[(&str, &str, &[&str], Option<&str>)] = &[
        (
            "Vladimir Putin",
            "person",
            &["Poutine", "Vladimir Poutine", "Путин", "Владимир Путин", "普京"],
            Some("wikidata:Q7747"),
        ),
        ("Emmanuel Macron", "person", &["Macron", "Макрон", "马克龙"], Some("wikidata:Q3052772")),
        ("Xi Jinping", "person", &["Си Цзиньпин", "习近平", "Xi"], Some("wikidata:Q15031")),
        ("Narendra Modi", "person", &["Modi", "Нарендра Моди", "莫迪"], Some("wikidata:Q1058")),
        ("JD Vance", "person", &["Vance", "Вэнс"], Some("wikidata:Q28935729")),
        ("Ursula von der Leyen", "person", &["von der Leyen"], Some("wikidata:Q60772")),
        ("Herman Gref", "person", &["German Gref", "Герман Греф", "Gref"], Some("wikidata:Q1396556")),
        (
            "Russia",
            "state",
            &["Russie", "Россия", "Moscow", "Moscou", "Москва", "俄罗斯", "the Kremlin", "Kremlin"],
            Some("wikidata:Q159"),
        ),
        (
            "China",
            "state",
            &["Chine", "Китай", "Пекин", "Beijing", "Pékin", "中国", "北京", "中方"],
            Some("wikidata:Q148"),
        ),
        ("France", "state", &["Франция", "Paris", "Париж", "法国", "法方", "巴黎"], Some("wikidata:Q142")),
        ("India", "state", &["Inde", "Индия", "New Delhi", "印度"], Some("wikidata:Q668")),
        ("United States", "state", &["États-Unis", "США", "Вашингтон", "Washington", "美国"], Some("wikidata:Q30")),
        ("United Kingdom", "state", &["Royaume-Uni", "Великобритания", "英国"], Some("wikidata:Q145")),
        (
            "European Union",
            "organisation",
            &["Union européenne", "UE", "Евросоюз", "欧盟", "l’Europe"],
            Some("wikidata:Q458"),
        ),
        ("Sberbank", "company", &["Сбербанк", "Sber"], Some("wikidata:Q205012")),
        ("BRICS", "organisation", &["БРИКС", "金砖国家"], Some("wikidata:Q40287")),
    ];
    let mut entity_ids = HashMap::new();
    for (name, kind, aliases, ext) in actors {
        let id = EntityId(p.alloc_id());
        entity_ids.insert(*name, id);
        let entity = Entity {
            id,
            name: name.to_string(),
            kind: kind.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            external_id: ext.map(str::to_string),
            ..Default::default()
        };
        history.apply(&mut p, Command::AddEntity { entity, index: usize::MAX })?;
    }

    for spec in specs() {
        let article_id = ArticleId(p.alloc_id());
        let article = Article {
            id: article_id,
            title: spec.title.into(),
            source: spec.source.into(),
            published: spec.published.into(),
            language: spec.language.into(),
            text: spec.text.clone(),
            ..Default::default()
        };
        history.apply(&mut p, Command::AddArticle { article, index: usize::MAX })?;
        let mut keys: HashMap<&str, SpanId> = HashMap::new();
        for (key, label, quote, nth, entity) in &spec.spans {
            let coded = (*label, *quote, *nth, *entity);
            let id = add_span(&mut p, &mut history, &spec, article_id, &entity_ids, coded, ANNOTATOR)?;
            keys.insert(key, id);
        }
        for &coded in &spec.second {
            add_span(&mut p, &mut history, &spec, article_id, &entity_ids, coded, SECOND)?;
        }
        for (kind, from, to) in &spec.relations {
            let kind = p.schema.relation_type_by_name(kind).ok_or_else(|| format!("no relation type {kind}"))?.id;
            let relation = Relation {
                id: RelationId(p.alloc_id()),
                kind,
                from: keys[from],
                to: keys[to],
                note: String::new(),
                annotator: ANNOTATOR.into(),
            };
            history.apply(&mut p, Command::AddRelation { article: article_id, relation })?;
        }
    }
    let problems = glose::model::validate(&p);
    if !problems.is_empty() {
        for pr in problems {
            eprintln!("{pr}");
        }
        return Err("the example project is not sound".into());
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/example.ron");
    glose::store::save(&p, &out)?;
    let _ = std::fs::remove_file(glose::store::backup_path(&out));
    println!("wrote {}", out.display());
    Ok(())
}

/// A span over the `nth` occurrence of `quote`, coded by `annotator`; its id.
fn add_span(
    p: &mut Project,
    history: &mut History,
    spec: &Spec,
    article: ArticleId,
    entity_ids: &HashMap<&str, EntityId>,
    (label, quote, nth, entity): (&str, &str, usize, Option<&str>),
    annotator: &str,
) -> Result<SpanId, Box<dyn std::error::Error>> {
    let (start, end) = find(&spec.text, quote, nth)
        .ok_or_else(|| format!("{}: quote {quote:?} (occurrence {nth}) not found", spec.title))?;
    let label = p.schema.label_by_name(label).ok_or_else(|| format!("no label {label}"))?.id;
    let id = SpanId(p.alloc_id());
    let span = Span {
        id,
        fragments: vec![Fragment::new(start, end)],
        label,
        entity: entity.map(|e| entity_ids[e]),
        annotator: annotator.into(),
        ..Default::default()
    };
    history.apply(p, Command::AddSpan { article, span, relations: vec![] })?;
    Ok(id)
}

/// Code point range of the `nth` occurrence of `quote` in `text` that stands as whole words
/// ("Russia" does not match inside "Russian"; scripts without spaces match anywhere).
fn find(text: &str, quote: &str, nth: usize) -> Option<(usize, usize)> {
    let spaced = |c: char| c.is_alphanumeric() && (c as u32) < 0x2E80;
    let whole = |b: usize| {
        let before = text[..b].chars().next_back().is_none_or(|c| !spaced(c));
        let after = text[b + quote.len()..].chars().next().is_none_or(|c| !spaced(c));
        before && after
    };
    let (byte, _) = text.match_indices(quote).filter(|&(b, _)| whole(b)).nth(nth)?;
    let start = text[..byte].chars().count();
    Some((start, start + quote.chars().count()))
}

fn specs() -> Vec<Spec> {
    vec![
        Spec {
            title: "À Paris, Emmanuel Macron plaide pour une IA « ouverte » entre Washington et Pékin",
            source: "Glose (exemple)",
            published: "2025-02-11",
            language: "fr",
            text: format!(
                "Le président français Emmanuel Macron a clôturé mardi le Sommet pour l’action sur l’intelligence \
artificielle, qu’il coprésidait avec le Premier ministre indien Narendra Modi. Devant une centaine de délégations, \
il a affirmé que l’Europe devait «{NBSP}rester dans la course{NBSP}» et a annoncé 109{NBSP}milliards d’euros \
d’investissements privés dans les centres de données en France.\n\n\
La déclaration finale, qui appelle à une IA «{NBSP}ouverte, inclusive et éthique{NBSP}», a été signée par une \
soixantaine de pays, dont la Chine et l’Inde. Les États-Unis et le Royaume-Uni ont refusé de s’y associer. Le \
vice-président américain JD Vance a mis en garde les Européens contre une réglementation excessive qui, selon \
lui, étoufferait un secteur en plein essor.\n\n\
Pour Paris, le partenariat avec l’Inde illustre une «{NBSP}troisième voie{NBSP}» entre la domination américaine et \
le modèle chinois. L’Union européenne a de son côté promis de mobiliser 200{NBSP}milliards d’euros pour l’IA, a \
indiqué Ursula von der Leyen\u{202f}: selon elle, l’Europe «{NBSP}ne fait que commencer{NBSP}».\n"
            ),
            spans: vec![
                ("macron", "Actor", "Emmanuel Macron", 0, Some("Emmanuel Macron")),
                ("modi", "Actor", "Narendra Modi", 0, Some("Narendra Modi")),
                ("cochair", "Alliance", "qu’il coprésidait avec le Premier ministre indien Narendra Modi", 0, None),
                ("europe1", "Actor", "l’Europe", 0, Some("European Union")),
                ("claim_race", "Claim", "l’Europe devait «\u{a0}rester dans la course\u{a0}»", 0, None),
                ("chine", "Actor", "la Chine", 0, Some("China")),
                ("inde", "Actor", "l’Inde", 0, Some("India")),
                ("usa", "Actor", "Les États-Unis", 0, Some("United States")),
                ("uk", "Actor", "le Royaume-Uni", 0, Some("United Kingdom")),
                ("vance", "Actor", "JD Vance", 0, Some("JD Vance")),
                ("claim_reg", "Claim", "une réglementation excessive qui, selon lui, étoufferait un secteur en plein essor", 0, None),
                ("paris", "Actor", "Paris", 0, Some("France")),
                ("partenariat", "Alliance", "le partenariat avec l’Inde", 0, None),
                ("inde2", "Actor", "l’Inde", 1, Some("India")),
                ("claim_voie", "Claim", "une «\u{a0}troisième voie\u{a0}» entre la domination américaine et le modèle chinois", 0, None),
                ("ue", "Actor", "L’Union européenne", 0, Some("European Union")),
                ("vdl", "Actor", "Ursula von der Leyen", 0, Some("Ursula von der Leyen")),
                ("claim_vdl", "Claim", "l’Europe «\u{a0}ne fait que commencer\u{a0}»", 0, None),
            ],
            second: vec![],
            relations: vec![
                ("alliance", "macron", "modi"),
                ("alliance", "paris", "inde2"),
                ("opposes", "vance", "europe1"),
                ("says", "macron", "claim_race"),
                ("says", "vance", "claim_reg"),
                ("says", "paris", "claim_voie"),
                ("says", "vdl", "claim_vdl"),
            ],
        },
        Spec {
            title: "Putin vows to break the Western monopoly on artificial intelligence",
            source: "Glose (example)",
            published: "2023-11-24",
            language: "en",
            text: "Russian President Vladimir Putin said on Friday that Western search engines and generative models \
were biased and ignored Russian culture, and that a technology of this importance could not be left to foreign \
monopolies. Speaking at the AI Journey conference in Moscow, hosted by Sberbank, he announced that an updated \
national strategy for artificial intelligence would be approved shortly.\n\n\
Putin called on Russian companies and scientists to develop their own large language models, and said Moscow \
would work with its partners in the BRICS group, including China and India, on artificial intelligence. \
Sberbank's chief executive Herman Gref told the conference that Western restrictions on chips were the main \
obstacle to catching up with the leaders.\n\n\
Analysts noted that Russia's ambitions have been slowed by the departure of many engineers since the invasion of \
Ukraine in 2022.\n"
                .to_string(),
            spans: vec![
                ("putin", "Actor", "Russian President Vladimir Putin", 0, Some("Vladimir Putin")),
                ("claim_bias", "Claim", "Western search engines and generative models were biased and ignored Russian culture", 0, None),
                ("claim_monopoly", "Claim", "a technology of this importance could not be left to foreign monopolies", 0, None),
                ("sber", "Actor", "Sberbank", 0, Some("Sberbank")),
                ("putin2", "Actor", "Putin", 1, Some("Vladimir Putin")),
                ("moscow", "Actor", "Moscow", 1, Some("Russia")),
                ("brics_alliance", "Alliance", "work with its partners in the BRICS group, including China and India", 0, None),
                ("brics", "Actor", "BRICS", 0, Some("BRICS")),
                ("china", "Actor", "China", 0, Some("China")),
                ("india", "Actor", "India", 0, Some("India")),
                ("gref", "Actor", "Herman Gref", 0, Some("Herman Gref")),
                ("claim_chips", "Claim", "Western restrictions on chips were the main obstacle to catching up with the leaders", 0, None),
                ("russia", "Actor", "Russia", 0, Some("Russia")),
            ],
            second: vec![],
            relations: vec![
                ("says", "putin", "claim_bias"),
                ("says", "putin", "claim_monopoly"),
                ("says", "gref", "claim_chips"),
                ("alliance", "moscow", "brics"),
                ("alliance", "moscow", "china"),
                ("alliance", "moscow", "india"),
            ],
        },
        Spec {
            title: "Россия и Китай договорились углублять сотрудничество в сфере ИИ",
            source: "Glose (пример)",
            published: "2024-05-16",
            language: "ru",
            text: "⚡️🇷🇺🤝🇨🇳 Россия и Китай договорились углублять сотрудничество в сфере искусственного интеллекта. \
Об этом говорится в совместном заявлении, подписанном Владимиром Путиным и Си Цзиньпином по итогам переговоров в \
Пекине.\n\n\
Стороны намерены создать регулярный механизм консультаций по вопросам ИИ и согласовывать позиции на площадках ООН \
и БРИКС. Москва и Пекин выступили против использования технологических монополий для сдерживания развития других \
стран — заявление прямо адресовано Вашингтону.\n\n\
Путин заявил, что технологический суверенитет стал для России вопросом национальной безопасности. Си Цзиньпин \
назвал Россию надёжным партнёром «в эпоху глубоких перемен».\n\n\
👉 Подписывайтесь на наш канал\n"
                .to_string(),
            spans: vec![
                ("russia", "Actor", "Россия", 0, Some("Russia")),
                ("china", "Actor", "Китай", 0, Some("China")),
                ("coop", "Alliance", "Россия и Китай договорились углублять сотрудничество в сфере искусственного интеллекта", 0, None),
                ("putin", "Actor", "Владимиром Путиным", 0, Some("Vladimir Putin")),
                ("xi", "Actor", "Си Цзиньпином", 0, Some("Xi Jinping")),
                ("moscow", "Actor", "Москва", 0, Some("Russia")),
                ("beijing", "Actor", "Пекин", 0, Some("China")),
                ("claim_monopoly", "Claim", "против использования технологических монополий для сдерживания развития других стран", 0, None),
                ("washington", "Actor", "Вашингтону", 0, Some("United States")),
                ("putin2", "Actor", "Путин", 0, Some("Vladimir Putin")),
                ("claim_sov", "Claim", "технологический суверенитет стал для России вопросом национальной безопасности", 0, None),
                ("xi2", "Actor", "Си Цзиньпин", 0, Some("Xi Jinping")),
                ("claim_partner", "Claim", "назвал Россию надёжным партнёром «в эпоху глубоких перемен»", 0, None),
            ],
            second: vec![],
            relations: vec![
                ("alliance", "russia", "china"),
                ("alliance", "putin", "xi"),
                ("says", "moscow", "claim_monopoly"),
                ("says", "beijing", "claim_monopoly"),
                ("opposes", "moscow", "washington"),
                ("opposes", "beijing", "washington"),
                ("says", "putin2", "claim_sov"),
                ("says", "xi2", "claim_partner"),
            ],
        },
        Spec {
            title: "中法发表关于人工智能和全球治理的联合声明",
            source: "Glose（示例）",
            published: "2024-05-07",
            language: "zh",
            text: "国家主席习近平对法国进行国事访问期间，中法两国元首发表关于人工智能和全球治理的联合声明。双方表示，将加强在\
人工智能领域的交流与合作，支持联合国在全球治理中发挥核心作用。\n\n\
法国总统马克龙表示，法方欢迎中国参加将于2025年在巴黎举行的人工智能行动峰会。习近平指出，中国愿同法国一道，推动人工智\
能造福全人类。\n\n\
分析人士认为，在美国加强对华芯片出口管制的背景下，北京希望借助与欧洲国家的合作，避免在技术领域被孤立。\n"
                .to_string(),
            spans: vec![
                ("xi", "Actor", "习近平", 0, Some("Xi Jinping")),
                ("france", "Actor", "法国", 0, Some("France")),
                ("joint", "Alliance", "中法两国元首发表关于人工智能和全球治理的联合声明", 0, None),
                ("claim_coop", "Claim", "将加强在人工智能领域的交流与合作", 0, None),
                ("macron", "Actor", "马克龙", 0, Some("Emmanuel Macron")),
                ("claim_welcome", "Claim", "法方欢迎中国参加将于2025年在巴黎举行的人工智能行动峰会", 0, None),
                ("china", "Actor", "中国", 0, Some("China")),
                ("xi2", "Actor", "习近平", 1, Some("Xi Jinping")),
                ("claim_xi", "Claim", "中国愿同法国一道，推动人工智能造福全人类", 0, None),
                ("france2", "Actor", "法国", 2, Some("France")),
                ("usa", "Actor", "美国", 0, Some("United States")),
                ("beijing", "Actor", "北京", 0, Some("China")),
                ("claim_isolated", "Claim", "北京希望借助与欧洲国家的合作，避免在技术领域被孤立", 0, None),
            ],
            // The second coder: the same actors but one, a longer claim, the joint statement as
            // a Claim, and the United States left out.
            second: vec![
                ("Actor", "习近平", 0, Some("Xi Jinping")),
                ("Actor", "法国", 0, Some("France")),
                ("Claim", "中法两国元首发表关于人工智能和全球治理的联合声明", 0, None),
                ("Claim", "将加强在人工智能领域的交流与合作", 0, None),
                ("Actor", "马克龙", 0, Some("Emmanuel Macron")),
                ("Claim", "法方欢迎中国参加将于2025年在巴黎举行的人工智能行动峰会", 0, None),
                ("Actor", "中国", 0, Some("China")),
                ("Actor", "习近平", 1, Some("Xi Jinping")),
                ("Claim", "中国愿同法国一道，推动人工智能造福全人类", 0, None),
                ("Actor", "北京", 0, Some("China")),
                ("Claim", "希望借助与欧洲国家的合作，避免在技术领域被孤立", 0, None),
            ],
            relations: vec![
                ("alliance", "xi", "france"),
                ("says", "macron", "claim_welcome"),
                ("says", "xi2", "claim_xi"),
                ("alliance", "china", "france2"),
                ("opposes", "usa", "beijing"),
            ],
        },
        // The same agency copy, republished with small edits: what "shared passages" finds.
        Spec {
            title: "Putin says a Western monopoly on AI is unacceptable",
            source: "Example Wire (republished)",
            published: "2023-11-25",
            language: "en",
            text: "MOSCOW (Example Wire) – Russian President Vladimir Putin said that Western search engines and \
generative models were biased and ignored Russian culture, and that a technology of this importance could not be \
left to foreign monopolies. He was speaking at the AI Journey conference in Moscow, hosted by Sberbank.\n\n\
The Kremlin has promised an updated national strategy for artificial intelligence. Critics in Europe say the plan \
mainly serves state control over information.\n"
                .to_string(),
            spans: vec![
                ("putin", "Actor", "Russian President Vladimir Putin", 0, Some("Vladimir Putin")),
                ("claim_bias", "Claim", "Western search engines and generative models were biased and ignored Russian culture", 0, None),
                ("sber", "Actor", "Sberbank", 0, Some("Sberbank")),
                ("kremlin", "Actor", "The Kremlin", 0, Some("Russia")),
                ("critics", "Actor", "Critics in Europe", 0, Some("European Union")),
                ("claim_control", "Claim", "the plan mainly serves state control over information", 0, None),
            ],
            // The second coder: Moscow as an actor, the Kremlin left out, the first claim shorter.
            second: vec![
                ("Actor", "Russian President Vladimir Putin", 0, Some("Vladimir Putin")),
                ("Claim", "Western search engines and generative models were biased", 0, None),
                ("Actor", "Sberbank", 0, Some("Sberbank")),
                ("Actor", "Moscow", 0, Some("Russia")),
                ("Actor", "Critics in Europe", 0, Some("European Union")),
                ("Claim", "the plan mainly serves state control over information", 0, None),
            ],
            relations: vec![
                ("says", "putin", "claim_bias"),
                ("says", "critics", "claim_control"),
                ("opposes", "critics", "kremlin"),
            ],
        },
        // The seed article new users start from (projects/articles/), byte for byte as it was
        // scraped, debris line included: what `glose import` makes of it, annotated.
        Spec {
            title: "Poutine critique la suprématie américaine dans l’IA",
            source: "web (article scrapé)",
            published: "2023-11",
            language: "fr",
            text: include_str!("../projects/articles/seed-fr-ia-geopolitique.txt").to_string(),
            spans: vec![
                ("putin", "Actor", "Vladimir Poutine", 0, Some("Vladimir Putin")),
                ("us", "Actor", "américaine", 0, Some("United States")),
                ("claim_threat", "Claim", "la qualifiant de menace pour la culture russe", 0, None),
                ("putin2", "Actor", "président Poutine", 0, Some("Vladimir Putin")),
                ("claim_independent", "Claim", "développer des technologies d’IA indépendantes", 0, None),
                ("putin3", "Actor", "Poutine", 2, Some("Vladimir Putin")),
                ("claim_vanguard", "Claim", "rester à l’avant-garde des avancées technologiques", 0, None),
                ("russia", "Actor", "la Russie", 4, Some("Russia")),
                ("ally", "Alliance", "un autre allié de la Russie", 0, None),
                ("china", "Actor", "La Chine", 1, Some("China")),
                ("us2", "Actor", "américains", 0, Some("United States")),
                ("france", "Actor", "la France", 0, Some("France")),
                ("cooperation", "Alliance", "une collaboration étroite avec la France", 0, None),
                ("claim_alternative", "Claim", "une alternative à la domination technologique américaine", 0, None),
                ("china2", "Actor", "la Chine", 0, Some("China")),
                ("france2", "Actor", "la France", 1, Some("France")),
                ("alliance", "Alliance", "alliance potentielle entre la Chine et la France", 0, None),
            ],
            second: vec![],
            relations: vec![
                ("says", "putin", "claim_threat"),
                ("opposes", "putin", "us"),
                ("says", "putin2", "claim_independent"),
                ("says", "putin3", "claim_vanguard"),
                ("alliance", "china", "russia"),
                ("opposes", "china", "us2"),
                ("alliance", "china", "france"),
                ("says", "china", "claim_alternative"),
                ("alliance", "china2", "france2"),
            ],
        },
    ]
}
