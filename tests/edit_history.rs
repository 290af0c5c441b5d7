//! Commands and undo: any sequence of commands, undone completely, gives back the original
//! project; a command that fails changes nothing; redo replays to the same end state.

use glose::edit::{Command, History, InUse};
use glose::model::{
    Article, ArticleId, ArticleMeta, Color, Entity, EntityId, Fragment, Label, LabelId, Project, RelTypeId, Relation,
    RelationId, RelationType, Span, SpanId,
};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

fn example() -> Project {
    glose::store::load(Path::new("projects/example.ron")).expect("example project loads").project
}

fn pick<T: Clone>(v: &[T], r: u64) -> Option<T> {
    (!v.is_empty()).then(|| v[(r % v.len() as u64) as usize].clone())
}

/// Builds a command of kind `op` from the project's current state; it may be invalid on
/// purpose (dangling ids, bad offsets), which must fail without changing anything.
fn make(p: &mut Project, op: u8, r1: u64, r2: u64, r3: u64) -> Command {
    let art = pick(&p.articles, r1);
    let aid = art.as_ref().map_or(ArticleId(999_999), |a| a.id);
    let span = art.as_ref().and_then(|a| pick(&a.spans, r2));
    let sid = span.as_ref().map_or(SpanId(999_999), |s| s.id);
    let rel = art.as_ref().and_then(|a| pick(&a.relations, r2));
    let rid = rel.as_ref().map_or(RelationId(999_999), |r| r.id);
    let label = pick(&p.schema.labels, r3).map_or(LabelId(999_999), |l| l.id);
    let label2 = pick(&p.schema.labels, r2).map_or(LabelId(999_999), |l| l.id);
    let rtype = pick(&p.schema.relation_types, r3).map_or(RelTypeId(999_999), |t| t.id);
    let rtype2 = pick(&p.schema.relation_types, r1).map_or(RelTypeId(999_999), |t| t.id);
    let ent = pick(&p.entities, r3).map_or(EntityId(999_999), |e| e.id);
    let ent2 = pick(&p.entities, r1).map_or(EntityId(999_999), |e| e.id);
    let len = art.as_ref().map_or(10, |a| a.text.chars().count()) as u64 + 3;
    let (a, b) = (r2 % len, r3 % len);
    let frag = Fragment::new(a.min(b) as usize, a.max(b) as usize);
    match op % 31 {
        0 => Command::AddSpan {
            article: aid,
            span: Span {
                id: SpanId(p.alloc_id()),
                fragments: vec![frag],
                label,
                annotator: format!("ann{}", r1 % 3),
                ..Default::default()
            },
            relations: vec![],
        },
        1 => Command::RemoveSpan { article: aid, span: sid },
        2 => Command::SetSpanLabel { article: aid, span: sid, label },
        3 => Command::SetSpanFragments {
            article: aid,
            span: sid,
            fragments: vec![frag, Fragment::new(frag.end + 2, frag.end + 4)],
        },
        4 => Command::SetSpanEntity { article: aid, span: sid, entity: (!r3.is_multiple_of(3)).then_some(ent) },
        5 => Command::SetSpanNote { article: aid, span: sid, note: format!("note {r3} «\u{a0}ok\u{a0}»\nline 2") },
        6 => Command::SetSpanAttributes {
            article: aid,
            span: sid,
            attributes: BTreeMap::from([("certainty".into(), format!("{}", r3 % 5))]),
        },
        7 => {
            let other = art.as_ref().and_then(|a| pick(&a.spans, r3)).map_or(SpanId(999_998), |s| s.id);
            Command::AddRelation {
                article: aid,
                relation: Relation {
                    id: RelationId(p.alloc_id()),
                    kind: rtype,
                    from: sid,
                    to: other,
                    note: String::new(),
                    annotator: "ann1".into(),
                },
            }
        }
        8 => Command::RemoveRelation { article: aid, relation: rid },
        9 => Command::SetRelationKind { article: aid, relation: rid, kind: rtype },
        10 => Command::SetRelationNote { article: aid, relation: rid, note: "disputed".into() },
        11 => Command::ReverseRelation { article: aid, relation: rid },
        12 => Command::AddLabel {
            label: Label {
                id: LabelId(p.alloc_id()),
                name: format!("Label {r1}"),
                color: Color::palette(r2 as usize),
                hotkey: None,
                parent: Some(label),
                description: String::new(),
                stance_scale: None,
            },
            index: (r3 % 5) as usize,
        },
        13 => {
            let mut l = pick(&p.schema.labels, r3).unwrap_or_default();
            l.name = format!("{} (renamed {})", l.name, r1 % 4);
            l.color = Color::palette(r1 as usize);
            Command::SetLabel { label: l }
        }
        14 => Command::MoveLabel { label, index: (r1 % 4) as usize },
        15 => Command::RemoveLabel {
            label,
            spans: if r1.is_multiple_of(2) { InUse::Delete } else { InUse::Reassign(label2) },
        },
        16 => Command::MergeLabels { from: label, into: label2 },
        17 => Command::AddRelationType {
            relation_type: RelationType {
                id: RelTypeId(p.alloc_id()),
                name: format!("type {r1}"),
                color: Color::palette(3),
                symmetric: r2.is_multiple_of(2),
                from_labels: vec![label],
                to_labels: vec![],
            },
            index: 0,
        },
        18 => {
            let mut t = pick(&p.schema.relation_types, r3).unwrap_or_default();
            t.symmetric = !t.symmetric;
            Command::SetRelationType { relation_type: t }
        }
        19 => Command::RemoveRelationType {
            relation_type: rtype,
            relations: if r1.is_multiple_of(2) { InUse::Delete } else { InUse::Reassign(rtype2) },
        },
        20 => Command::MergeRelationTypes { from: rtype, into: rtype2 },
        21 => Command::AddEntity {
            entity: Entity {
                id: EntityId(p.alloc_id()),
                name: format!("Actor {r1}"),
                aliases: vec!["Актор".into(), "行为者".into()],
                ..Default::default()
            },
            index: (r2 % 20) as usize,
        },
        22 => {
            let mut e = pick(&p.entities, r3).unwrap_or_default();
            e.aliases.push(format!("alias {r1}"));
            Command::SetEntity { entity: e }
        }
        23 => Command::RemoveEntity { entity: ent },
        24 => Command::MergeEntities { from: ent, into: ent2 },
        25 => Command::AddArticle {
            article: Article {
                id: ArticleId(p.alloc_id()),
                title: "New".into(),
                text: "Путин 🤝 習近平 l’IA\r\n".into(),
                ..Default::default()
            },
            index: (r2 % 6) as usize,
        },
        26 => Command::RemoveArticle { article: aid },
        27 => Command::SetArticleMeta {
            article: aid,
            meta: ArticleMeta { title: format!("T{r1}"), language: "fr".into(), ..Default::default() },
        },
        28 => Command::SetProjectName { name: format!("P{r1}") },
        29 => Command::MoveRelationType { relation_type: rtype, index: (r1 % 3) as usize },
        _ => Command::Batch {
            label: "two steps".into(),
            commands: vec![
                Command::SetSpanNote { article: aid, span: sid, note: "batched".into() },
                Command::SetSpanLabel {
                    article: aid,
                    span: sid,
                    label: if r1.is_multiple_of(4) { LabelId(999_999) } else { label },
                },
            ],
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn undo_everything_gives_back_the_original(ops in prop::collection::vec((any::<u8>(), any::<u64>(), any::<u64>(), any::<u64>()), 1..30)) {
        let original = example();
        let mut p = original.clone();
        let mut h = History::new();
        for (op, r1, r2, r3) in ops {
            let cmd = make(&mut p, op, r1, r2, r3);
            let before = p.clone();
            if h.apply(&mut p, cmd).is_err() {
                prop_assert_eq!(&p, &before, "a failed command changed the project");
            }
        }
        let end = p.clone();
        while h.can_undo() {
            h.undo(&mut p).expect("undo applies");
        }
        p.next_id = original.next_id;
        prop_assert_eq!(&p, &original);
        while h.can_redo() {
            h.redo(&mut p).expect("redo applies");
        }
        p.next_id = end.next_id;
        prop_assert_eq!(&p, &end);
        // Every state the commands reach is still a sound project.
        let problems = glose::model::validate(&p);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}

#[test]
fn removing_a_span_removes_its_relations_and_undo_restores_them() {
    let mut p = example();
    let a = p.articles[0].clone();
    let r = a.relations[0].clone();
    let mut h = History::new();
    h.apply(&mut p, Command::RemoveSpan { article: a.id, span: r.from }).unwrap();
    assert!(p.articles[0].relations.iter().all(|x| x.from != r.from && x.to != r.from));
    h.undo(&mut p).unwrap();
    assert_eq!(p.articles[0], a);
    assert_eq!(h.redo_label(), Some("delete span"));
}

#[test]
fn merging_actors_moves_mentions_and_names() {
    let mut p = example();
    let putin = p.entities.iter().find(|e| e.name == "Vladimir Putin").unwrap().id;
    let russia = p.entities.iter().find(|e| e.name == "Russia").unwrap().id;
    let mentions = |p: &Project, e| p.all_spans().filter(|(_, s)| s.entity == Some(e)).count();
    let (np, nr) = (mentions(&p, putin), mentions(&p, russia));
    let mut h = History::new();
    h.apply(&mut p, Command::MergeEntities { from: putin, into: russia }).unwrap();
    assert_eq!(mentions(&p, russia), np + nr);
    assert!(p.entity(putin).is_none());
    let merged = p.entity(russia).unwrap();
    assert!(merged.aliases.iter().any(|a| a == "Vladimir Putin") && merged.aliases.iter().any(|a| a == "Путин"));
    h.undo(&mut p).unwrap();
    assert_eq!(mentions(&p, putin), np);
}

#[test]
fn deleting_a_label_in_use_reassigns_or_deletes_its_spans() {
    let mut p = example();
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    let claims = p.all_spans().filter(|(_, s)| s.label == claim).count();
    let actors = p.all_spans().filter(|(_, s)| s.label == actor).count();
    let mut q = p.clone();
    History::new().apply(&mut q, Command::RemoveLabel { label: claim, spans: InUse::Reassign(actor) }).unwrap();
    assert_eq!(q.all_spans().filter(|(_, s)| s.label == actor).count(), actors + claims);
    // The says type allowed Claim at its `to` end: it now allows Actor instead.
    assert!(q.schema.relation_type_by_name("says").unwrap().to_labels.contains(&actor));
    let total = p.all_spans().count();
    History::new().apply(&mut p, Command::RemoveLabel { label: claim, spans: InUse::Delete }).unwrap();
    assert_eq!(p.all_spans().count(), total - claims);
    assert!(glose::model::validate(&p).is_empty());
}

#[test]
fn span_quote_follows_fragments_including_discontinuous_ones() {
    let mut p = example();
    let a = p.articles[1].clone();
    let s = a.spans[0].clone();
    let mut h = History::new();
    let frags = vec![Fragment::new(0, 7), Fragment::new(18, 26)];
    h.apply(&mut p, Command::SetSpanFragments { article: a.id, span: s.id, fragments: frags }).unwrap();
    assert_eq!(p.articles[1].span(s.id).unwrap().quote, "Russian … Vladimir");
    let err = h.apply(
        &mut p,
        Command::SetSpanFragments { article: a.id, span: s.id, fragments: vec![Fragment::new(5, 100_000)] },
    );
    assert!(err.is_err());
}

/// Views build commands with `NEW` ids; applying gives the ids (journaled as given), and a
/// batch's actor reference `EntityId::NEW` names the actor the batch added.
#[test]
fn new_ids_are_given_when_a_command_is_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::copy("projects/example.ron", &path).unwrap();
    let (mut session, _) = glose::store::Session::open(&path).unwrap();
    let art = session.project().articles[0].clone();
    let span = art.spans[0].id;
    let before = session.project().next_id;
    let applied = session
        .apply(Command::Batch {
            label: "new actor".into(),
            commands: vec![
                Command::AddEntity {
                    entity: Entity { id: EntityId::NEW, name: "Nouvel".into(), ..Default::default() },
                    index: usize::MAX,
                },
                Command::SetSpanEntity { article: art.id, span, entity: Some(EntityId::NEW) },
            ],
        })
        .unwrap();
    assert_eq!(applied.created, vec![before], "one id given, the next free one");
    let e = session.project().entities.iter().find(|e| e.name == "Nouvel").expect("the actor is added");
    assert_eq!(e.id, EntityId(before));
    assert_eq!(session.project().article(art.id).unwrap().span(span).unwrap().entity, Some(e.id));
    // A refused command gives its ids back.
    let bad = Command::AddSpan {
        article: ArticleId(999_999),
        span: Span { id: SpanId::NEW, fragments: vec![Fragment::new(0, 3)], ..Default::default() },
        relations: vec![],
    };
    assert!(session.apply(bad).is_err());
    assert_eq!(session.project().next_id, before + 1);
    // The journal holds the ids as given: a crash replays the same actor.
    let journal = std::fs::read_to_string(glose::store::journal_path(&path)).unwrap();
    assert!(journal.contains(&format!("(id:{before},")), "{journal}");
    assert!(journal.contains(&format!("entity:Some({before})")), "{journal}");
    assert!(!journal.contains("id:0,") && !journal.contains("Some(0)"), "no NEW id reaches the journal: {journal}");
}
