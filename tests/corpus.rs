//! Corpus computations on the example project: actor × article matrix, label counts,
//! co-occurrence, search (keyword in context), and the alliance network.

use glose::analysis::corpus::{
    Node, Query, actor_matrix, cooccurrence, label_counts, network, network_types, search, sentences,
};
use glose::model::Project;

fn example() -> Project {
    glose::store::load(std::path::Path::new("projects/example.ron")).unwrap().project
}

fn entity(p: &Project, name: &str) -> glose::model::EntityId {
    p.entities.iter().find(|e| e.name == name).unwrap().id
}

#[test]
fn actor_matrix_counts_linked_mentions_per_article() {
    let p = example();
    let m = actor_matrix(&p);
    let putin = m.actors.iter().position(|&e| e == entity(&p, "Vladimir Putin")).unwrap();
    let en = m.articles.iter().position(|&a| p.article(a).unwrap().language == "en").unwrap();
    let ru = m.articles.iter().position(|&a| p.article(a).unwrap().language == "ru").unwrap();
    let fr = m.articles.iter().position(|&a| p.article(a).unwrap().language == "fr").unwrap();
    // Putin is mentioned twice in the English and twice in the Russian article, never in French.
    assert_eq!((m.counts[putin][en], m.counts[putin][ru], m.counts[putin][fr]), (2, 2, 0));
    let total: usize = m.counts.iter().flatten().sum();
    assert_eq!(total, p.all_spans().filter(|(_, s)| s.entity.is_some()).count());
}

#[test]
fn label_counts_and_cooccurrence_in_sentences() {
    let p = example();
    let (labels, rows) = label_counts(&p);
    assert_eq!(labels.len(), 3);
    let sum: usize = rows.iter().map(|(_, c)| c.iter().sum::<usize>()).sum();
    assert_eq!(sum, p.all_spans().count());
    let co = cooccurrence(&p);
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let key = if actor < claim { (actor, claim) } else { (claim, actor) };
    // Actors and claims share sentences in every article (who said what).
    assert!(co.get(&key).copied().unwrap_or(0) >= 4, "{co:?}");
    // Sentences split the Russian article after "…интеллекта." and keep «…» inside.
    let ru = p.articles.iter().find(|a| a.language == "ru").unwrap();
    let ss = sentences(&ru.text);
    assert!(ss.len() >= 5);
    let first: String = ru.text.chars().skip(ss[0].0).take(ss[0].1 - ss[0].0).collect();
    assert!(first.ends_with("интеллекта."), "{first}");
}

#[test]
fn search_finds_words_phrases_and_regexes_with_context_and_filters() {
    let p = example();
    let hits =
        search(&p, &Query { pattern: glose::text::Pattern::literal("putin"), ..Default::default() }, 20, 100).unwrap();
    assert_eq!(hits.len(), 3, "case-insensitive, both English articles");
    assert!(hits[0].left.is_empty() || hits[0].left.len() <= 25);
    let hits = search(
        &p,
        &Query {
            pattern: glose::text::Pattern {
                text: "Пут(ин|ин[а-я]+)".into(), regex: true, ..Default::default()
            },
            ..Default::default()
        },
        10,
        100,
    )
    .unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    // The hit's offsets are code points in the article text.
    let ru = p.articles.iter().find(|a| a.language == "ru").unwrap();
    for h in &hits {
        let s: String = ru.text.chars().skip(h.start).take(h.end - h.start).collect();
        assert_eq!(s, h.matched);
    }
    // Only inside Claim spans.
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let find = |q: Query| search(&p, &q, 10, 100).unwrap();
    let ii = || glose::text::Pattern::literal("ИИ");
    let in_claims = find(Query { pattern: ii(), label: Some(claim), ..Default::default() });
    let everywhere = find(Query { pattern: ii(), ..Default::default() });
    assert!(in_claims.len() < everywhere.len(), "{} < {}", in_claims.len(), everywhere.len());
    // Only inside spans linked to an actor.
    let china = entity(&p, "China");
    let hits =
        find(Query { pattern: glose::text::Pattern::literal("北京"), entity: Some(china), ..Default::default() });
    assert_eq!(hits.len(), 1);
    assert!(
        search(
            &p,
            &Query {
                pattern: glose::text::Pattern { text: "(".into(), regex: true, ..Default::default() },
                ..Default::default()
            },
            10,
            10
        )
        .is_err()
    );
}

#[test]
fn the_alliance_network_weights_edges_by_articles() {
    let p = example();
    let edges = network(&p, &network_types(&p));
    let russia = entity(&p, "Russia");
    let china = entity(&p, "China");
    let alliance = p.schema.relation_type_by_name("alliance").unwrap().id;
    let (a, b) = (Node::Actor(russia.min(china)), Node::Actor(russia.max(china)));
    let rc = edges.iter().find(|e| e.kind == alliance && e.a == a && e.b == b).unwrap();
    assert_eq!(rc.articles.len(), 3, "asserted in the English, the Russian and the seed article");
    assert!(rc.passages.len() >= 2);
    // Edges never link an actor to itself and only carry alliance/opposes.
    let says = p.schema.relation_type_by_name("says").unwrap().id;
    assert!(edges.iter().all(|e| e.a != e.b && e.kind != says));
}

/// Imported annotations often link mentions by relations without linking them to canonical
/// actors (brat, Label Studio): the network draws them by their text, not nothing.
#[test]
fn unlinked_mentions_are_nodes_of_the_alliance_network_by_their_text() {
    use glose::model::{Article, ArticleId, Fragment, Relation, RelationId, Span, SpanId};
    let mut p = Project::new("t");
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    let alliance = p.schema.relation_type_by_name("alliance").unwrap().id;
    for (text, first, second) in
        [("Russia and  china signed.", (0, 6), (12, 17)), ("China and Iran signed.", (0, 5), (10, 14))]
    {
        let id = ArticleId(p.alloc_id());
        let mut span = |(start, end): (usize, usize)| Span {
            id: SpanId(p.alloc_id()),
            fragments: vec![Fragment::new(start, end)],
            label: actor,
            quote: text[start..end].to_string(),
            ..Default::default()
        };
        let (x, y) = (span(first), span(second));
        let r = Relation { id: RelationId(p.alloc_id()), kind: alliance, from: x.id, to: y.id, ..Default::default() };
        p.articles.push(std::sync::Arc::new(Article {
            id,
            text: text.into(),
            spans: vec![x, y],
            relations: vec![r],
            ..Default::default()
        }));
    }
    let edges = network(&p, &network_types(&p));
    let names: Vec<(&str, &str)> = edges.iter().map(|e| (e.a.name(&p), e.b.name(&p))).collect();
    // "china" and "China" are one node, named as first written.
    assert_eq!(names, [("Iran", "china"), ("Russia", "china")]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("actors.graphml");
    glose::export::export(&p, glose::export::Format::Graphml, &Default::default(), &out).unwrap();
    let xml = std::fs::read_to_string(&out).unwrap();
    assert_eq!(xml.matches("<node ").count(), 3);
    assert_eq!(xml.matches("<edge ").count(), 2);
    assert!(xml.contains("<data key=\"kind\">mention</data>"));
}

#[test]
fn the_force_layout_keeps_nodes_apart_and_inside() {
    use glose::analysis::corpus::force_layout;
    let pos = force_layout(6, &[(0, 1, 2.0), (1, 2, 1.0), (3, 4, 1.0)], 200);
    assert_eq!(pos.len(), 6);
    for (i, p) in pos.iter().enumerate() {
        assert!((0.0..=1.0).contains(&p.0) && (0.0..=1.0).contains(&p.1));
        for q in &pos[i + 1..] {
            let d = ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
            assert!(d > 0.02, "nodes overlap: {pos:?}");
        }
    }
    // Linked nodes end up closer than the average pair.
    let dist = |a: usize, b: usize| ((pos[a].0 - pos[b].0).powi(2) + (pos[a].1 - pos[b].1).powi(2)).sqrt();
    let mean: f32 = (0..6).flat_map(|i| (i + 1..6).map(move |j| (i, j))).map(|(i, j)| dist(i, j)).sum::<f32>() / 15.0;
    assert!(dist(0, 1) < mean);
    assert_eq!(force_layout(6, &[(0, 1, 2.0)], 50), force_layout(6, &[(0, 1, 2.0)], 50), "deterministic");
}

/// The index changes the speed of a search, never its hits: the same hits as reading every
/// article, for words, parts of words, phrases, cases, whole words, scripts without spaces;
/// and again after articles are corrected, added and removed.
#[test]
fn the_words_index_gives_exactly_the_hits_of_a_full_search_and_follows_edits() {
    use glose::analysis::corpus::search_indexed;
    use glose::analysis::search_index::SearchIndex;
    use glose::text::Pattern;
    let mut p = example();
    p.articles.extend(glose::synth::project(5, 30, 1200, 5, 0).articles);
    let queries = [
        ("Poutine", false, false),
        ("pouti", false, false),
        ("POUTINE", true, false),
        ("Russia", false, true),
        ("Vladimir Putin said", false, false),
        ("l’intelligence artificielle", false, false),
        ("人工智能", false, false),
        ("искусственного", false, false),
        ("ΣΟΦΊΑ", false, false),
        ("«", false, false),
        ("nowhere-to-be-found", false, false),
    ];
    let check = |p: &Project, index: &SearchIndex| {
        for (text, case_sensitive, whole_words) in queries {
            let pattern = Pattern { text: text.into(), case_sensitive, whole_words, regex: false };
            let q = Query { pattern, label: None, entity: None, annotator: None };
            let all = search(p, &q, 20, usize::MAX).unwrap();
            let fast = search_indexed(p, index, &q, 20, usize::MAX).unwrap();
            assert_eq!(all, fast, "{text:?}");
        }
    };
    let mut index = SearchIndex::build(&p);
    check(&p, &index);
    assert!(index.candidates(&Pattern::literal("Poutine")).unwrap().len() < p.articles.len());
    assert!(
        search(&p, &Query { pattern: Pattern::literal("Poutine"), label: None, entity: None, annotator: None }, 5, 9)
            .unwrap()
            .len()
            > 1
    );

    // A correction, a new article and a removal: the index follows.
    let first = std::sync::Arc::make_mut(&mut p.articles[0]);
    first.text = first.text.replace("Macron", "Sophia Σοφία");
    first.spans.clear();
    p.articles.remove(3);
    let mut added = (*p.articles[5]).clone();
    added.id = glose::model::ArticleId(999_999);
    added.text = "Une phrase où Poutine et ΣΟΦΊΑ paraissent.".into();
    added.spans.clear();
    added.relations.clear();
    p.articles.push(std::sync::Arc::new(added));
    assert!(index.refresh(&p) >= 3);
    check(&p, &index);
    assert_eq!(index.refresh(&p), 0, "nothing more to do");
}
