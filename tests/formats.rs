//! Every export format on texts that break naive offsets (French typography, emoji inside and
//! before spans, combining accents, CRLF, Cyrillic, CJK, characters outside the BMP), and
//! export → import round trips for the formats Glose reads back.

use glose::edit::{Command, History};
use glose::export::{self, Format, OffsetUnit, Options};
use glose::import::{self, DatasetFormat};
use glose::model::{Article, ArticleId, Entity, EntityId, Fragment, Project, Relation, RelationId, Span, SpanId};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const FR: &str = "L’Élysée a déclaré\u{a0}: «\u{a0}l’IA\u{202f}! C’est notre avenir\u{a0}» — Emmanuel Macron.\r\nLe café\u{301} de Paris\u{202f}; fin.\r\n";
const MIX: &str =
    "🤝 Putin 👨🏻\u{200d}🚒 met 习近平 and the 𠮷野家 owners in Москва.\nВладимир Путин сказал: «ИИ важен».\n";

/// Code point range of the `nth` occurrence of `sub`.
fn at(text: &str, sub: &str, nth: usize) -> Fragment {
    let b = text.match_indices(sub).nth(nth).unwrap_or_else(|| panic!("{sub:?} #{nth}")).0;
    let s = text[..b].chars().count();
    Fragment::new(s, s + sub.chars().count())
}

fn tricky() -> Project {
    let mut p = Project::new("tricky");
    let mut h = History::new();
    let actor = p.schema.label_by_name("Actor").unwrap().id;
    let claim = p.schema.label_by_name("Claim").unwrap().id;
    let says = p.schema.relation_type_by_name("says").unwrap().id;
    let alliance = p.schema.relation_type_by_name("alliance").unwrap().id;
    let putin = EntityId(p.alloc_id());
    h.apply(
        &mut p,
        Command::AddEntity {
            entity: Entity {
                id: putin,
                name: "Vladimir Putin".into(),
                external_id: Some("wikidata:Q7747".into()),
                ..Default::default()
            },
            index: 0,
        },
    )
    .unwrap();
    for (title, text) in [("Élysée : l’IA", FR), ("Putin 🤝 Xi", MIX)] {
        let id = ArticleId(p.alloc_id());
        let article =
            Article { id, title: title.into(), text: text.into(), language: "fr".into(), ..Default::default() };
        h.apply(&mut p, Command::AddArticle { article, index: usize::MAX }).unwrap();
    }
    let (a1, a2) = (p.articles[0].id, p.articles[1].id);
    let add = |p: &mut Project,
               h: &mut History,
               a: ArticleId,
               frags: Vec<Fragment>,
               label,
               entity: Option<EntityId>,
               note: &str| {
        let id = SpanId(p.alloc_id());
        let mut attributes = BTreeMap::new();
        if !note.is_empty() {
            attributes.insert("certainty".to_string(), "high".to_string());
        }
        let span = Span {
            id,
            fragments: frags,
            label,
            entity,
            note: note.into(),
            attributes,
            annotator: "alice".into(),
            ..Default::default()
        };
        h.apply(p, Command::AddSpan { article: a, span, relations: vec![] }).unwrap();
        id
    };
    let elysee = add(&mut p, &mut h, a1, vec![at(FR, "L’Élysée", 0)], actor, None, "the presidency, =not a formula");
    let quote = add(&mut p, &mut h, a1, vec![at(FR, "l’IA\u{202f}! C’est notre avenir", 0)], claim, None, "");
    let macron = add(&mut p, &mut h, a1, vec![at(FR, "Emmanuel Macron", 0)], actor, None, "");
    // Across the CRLF: brat writes it as two fragments, reads it back as one.
    let _cross = add(&mut p, &mut h, a1, vec![at(FR, "Macron.\r\nLe café\u{301}", 0)], claim, None, "");
    let cafe = add(&mut p, &mut h, a1, vec![at(FR, "café\u{301}", 0)], actor, None, "");
    // Discontinuous.
    let disc = add(&mut p, &mut h, a1, vec![at(FR, "L’Élysée", 0), at(FR, "déclaré", 0)], claim, None, "two pieces");
    let putin1 = add(&mut p, &mut h, a2, vec![at(MIX, "🤝 Putin", 0)], actor, Some(putin), "emoji inside");
    let xi = add(&mut p, &mut h, a2, vec![at(MIX, "习近平", 0)], actor, None, "");
    let yoshi = add(&mut p, &mut h, a2, vec![at(MIX, "𠮷野家", 0)], actor, None, "");
    let moscow = add(&mut p, &mut h, a2, vec![at(MIX, "Москва", 0)], actor, None, "");
    let putin2 = add(&mut p, &mut h, a2, vec![at(MIX, "Владимир Путин", 0)], actor, Some(putin), "");
    let ai = add(&mut p, &mut h, a2, vec![at(MIX, "«ИИ важен»", 0)], claim, None, "");
    let rel = |p: &mut Project, h: &mut History, a, kind, from, to, note: &str| {
        let relation =
            Relation { id: RelationId(p.alloc_id()), kind, from, to, note: note.into(), annotator: "alice".into() };
        h.apply(p, Command::AddRelation { article: a, relation }).unwrap();
    };
    rel(&mut p, &mut h, a1, says, elysee, quote, "reported speech");
    rel(&mut p, &mut h, a1, alliance, macron, cafe, "");
    rel(&mut p, &mut h, a1, says, macron, disc, "");
    rel(&mut p, &mut h, a2, alliance, putin1, xi, "");
    rel(&mut p, &mut h, a2, says, putin2, ai, "");
    rel(&mut p, &mut h, a2, alliance, yoshi, moscow, "");
    assert!(glose::model::validate(&p).is_empty(), "{:?}", glose::model::validate(&p));
    p
}

/// A span as a format should carry it: (article text start, label, fragments, quote).
type Key = (String, String, Vec<Fragment>, String);

fn span_keys(p: &Project, with_discontinuous: bool) -> BTreeSet<Key> {
    p.articles
        .iter()
        .flat_map(|a| {
            a.spans.iter().filter(move |s| with_discontinuous || s.fragments.len() == 1).map(move |s| {
                (
                    a.text.chars().take(8).collect(),
                    p.schema.label_name(s.label).to_string(),
                    s.fragments.clone(),
                    s.quote.clone(),
                )
            })
        })
        .collect()
}

/// Relations as (type, from fragments, to fragments).
fn relation_keys(p: &Project, with_discontinuous: bool) -> BTreeSet<(String, Vec<Fragment>, Vec<Fragment>)> {
    p.articles
        .iter()
        .flat_map(|a| {
            a.relations.iter().filter_map(move |r| {
                let (f, t) = (a.span(r.from)?, a.span(r.to)?);
                if !with_discontinuous && (f.fragments.len() > 1 || t.fragments.len() > 1) {
                    return None;
                }
                Some((p.schema.relation_type_name(r.kind).to_string(), f.fragments.clone(), t.fragments.clone()))
            })
        })
        .collect()
}

fn notes(p: &Project) -> BTreeSet<(Vec<Fragment>, String)> {
    p.all_spans().filter(|(_, s)| !s.note.is_empty()).map(|(_, s)| (s.fragments.clone(), s.note.clone())).collect()
}

fn round_trip(
    p: &Project,
    format: Format,
    import_as: DatasetFormat,
    offsets: OffsetUnit,
) -> (Project, export::Report, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = if format.is_folder() { dir.path().join("out") } else { dir.path().join("out.data") };
    let opts = Options { offsets, ..Default::default() };
    let report = export::export(p, format, &opts, &out).unwrap();
    let data = import::read_dataset(import_as, &[out], offsets == OffsetUnit::Utf16).unwrap();
    assert!(data.warnings.is_empty(), "{format:?}: {:?}", data.warnings);
    let mut q = Project::new("back");
    let plan = import::dataset::plan(&mut q, data, None, "fallback");
    assert!(plan.warnings.is_empty(), "{format:?}: {:?}", plan.warnings);
    plan.command.unwrap().apply(&mut q).unwrap();
    assert!(glose::model::validate(&q).is_empty());
    // Texts come back byte for byte (CRLF, NBSP, emoji…).
    let texts = |p: &Project| p.articles.iter().map(|a| a.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&q), texts(p), "{format:?}");
    (q, report, dir)
}

#[test]
fn doccano_relation_form_round_trips_in_both_offset_units() {
    let p = tricky();
    for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoint] {
        let (q, report, _dir) = round_trip(&p, Format::DoccanoRel, DatasetFormat::Doccano, unit);
        assert_eq!(span_keys(&q, true).len(), span_keys(&p, true).len() + 1, "the discontinuous span is two entities");
        assert!(span_keys(&p, false).is_subset(&span_keys(&q, true)));
        assert!(relation_keys(&p, false).is_subset(&relation_keys(&q, true)));
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    }
}

#[test]
fn doccano_offsets_differ_by_unit_exactly_where_the_bmp_ends() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let read = |unit| {
        let out = dir.path().join(format!("{unit:?}.jsonl"));
        export::export(&p, Format::Doccano, &Options { offsets: unit, ..Default::default() }, &out).unwrap();
        let line = std::fs::read_to_string(&out).unwrap().lines().nth(1).unwrap().to_string();
        serde_json::from_str::<serde_json::Value>(&line).unwrap()
    };
    let (u16v, cpv) = (read(OffsetUnit::Utf16), read(OffsetUnit::CodePoint));
    let text = cpv["text"].as_str().unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    for (a, b) in u16v["label"].as_array().unwrap().iter().zip(cpv["label"].as_array().unwrap()) {
        let (us, ue) = (a[0].as_u64().unwrap() as usize, a[1].as_u64().unwrap() as usize);
        let (cs, ce) = (b[0].as_u64().unwrap() as usize, b[1].as_u64().unwrap() as usize);
        // UTF-16 offsets slice the JavaScript string; code points slice the Python string.
        let js = String::from_utf16(&units[us..ue]).unwrap();
        let py: String = text.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(js, py);
    }
    // "🤝" is one code point but two UTF-16 units: every span after it is shifted.
    assert_eq!(u16v["label"][0][0], 0);
    assert_ne!(u16v["label"][1][0], cpv["label"][1][0]);
}

#[test]
fn label_studio_round_trips_spans_relations_notes_actors_and_discontinuous_spans() {
    let p = tricky();
    let (q, report, _dir) = round_trip(&p, Format::LabelStudio, DatasetFormat::LabelStudio, OffsetUnit::CodePoint);
    assert_eq!(span_keys(&q, true), span_keys(&p, true));
    assert_eq!(relation_keys(&q, true), relation_keys(&p, true));
    assert_eq!(notes(&q), notes(&p));
    let linked = |p: &Project| {
        p.all_spans()
            .filter(|(_, s)| s.entity.and_then(|e| p.entity(e)).is_some_and(|e| e.name == "Vladimir Putin"))
            .count()
    };
    assert_eq!(linked(&q), 2);
    let attrs =
        |p: &Project| p.all_spans().filter(|(_, s)| s.attributes.get("certainty").is_some_and(|v| v == "high")).count();
    assert_eq!(attrs(&q), attrs(&p));
    // Every region's text is exactly what its offsets cover (the check Label Studio makes).
    let tasks: serde_json::Value = serde_json::from_slice(&std::fs::read(&report.files[0]).unwrap()).unwrap();
    for t in tasks.as_array().unwrap() {
        let text = t["data"]["text"].as_str().unwrap();
        for a in t["annotations"].as_array().unwrap() {
            for r in a["result"].as_array().unwrap().iter().filter(|r| r["type"] == "labels") {
                let (s, e) =
                    (r["value"]["start"].as_u64().unwrap() as usize, r["value"]["end"].as_u64().unwrap() as usize);
                let covered: String = text.chars().skip(s).take(e - s).collect();
                assert_eq!(covered, r["value"]["text"].as_str().unwrap());
            }
        }
    }
    // The annotator comes back from created_username.
    assert!(q.all_spans().all(|(_, s)| s.annotator == "alice"));
}

#[test]
fn brat_round_trips_everything_it_holds_and_writes_text_byte_exact() {
    let p = tricky();
    let (q, report, _dir) = round_trip(&p, Format::Brat, DatasetFormat::Brat, OffsetUnit::CodePoint);
    assert_eq!(span_keys(&q, true), span_keys(&p, true));
    assert_eq!(relation_keys(&q, true), relation_keys(&p, true));
    assert_eq!(notes(&q), notes(&p));
    let linked: Vec<_> = q.all_spans().filter_map(|(_, s)| s.entity).collect();
    assert_eq!(linked.len(), 2);
    assert_eq!(q.entity(linked[0]).unwrap().external_id.as_deref(), Some("wikidata:Q7747"));
    // The span across CRLF was split into two fragments in the .ann.
    assert!(report.warnings.iter().any(|w| w.contains("line break")), "{:?}", report.warnings);
    let txt = report.files.iter().find(|f| f.extension().is_some_and(|e| e == "txt")).unwrap();
    assert_eq!(std::fs::read(txt).unwrap(), FR.as_bytes());
    let ann = std::fs::read_to_string(txt.with_extension("ann")).unwrap();
    assert!(ann.contains(";"), "discontinuous fragments are joined by ';'");
    assert!(!ann.lines().any(|l| l.split('\t').nth(2).is_some_and(|t| t.contains('\r'))));
}

#[test]
fn conll_iob2_has_no_blank_tokens_and_round_trips_labels_and_words() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.conll");
    let report = export::export(&p, Format::Conll, &Options::default(), &out).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let (tok, tag) = line.split_once('\t').unwrap();
        assert!(!tok.chars().all(char::is_whitespace), "blank token in {line:?}");
        assert!(!tok.contains(['\u{a0}', '\u{202f}']), "NBSP inside a token: {line:?}");
        assert!(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"), "{line:?}");
    }
    // IOB2: an I- tag always continues the same type.
    let tags: Vec<&str> = text.lines().map(|l| l.split('\t').nth(1).unwrap_or("")).collect();
    for w in tags.windows(2) {
        if let Some(t) = w[1].strip_prefix("I-") {
            assert!(w[0].ends_with(t) && w[0] != "O", "{w:?}");
        }
    }
    // Overlapping spans: the rule drops the outer ones and says so.
    assert!(report.warnings.iter().any(|w| w.contains("dropped") && w.contains("inner")), "{:?}", report.warnings);
    let data = import::read_dataset(DatasetFormat::Conll, &[out], false).unwrap();
    let mut q = Project::new("back");
    import::dataset::plan(&mut q, data, None, "x").command.unwrap().apply(&mut q).unwrap();
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let back: BTreeSet<(String, String)> =
        q.all_spans().map(|(_, s)| (q.schema.label_name(s.label).to_string(), squash(&s.quote))).collect();
    for want in [
        ("Actor", "𠮷野家"),
        ("Actor", "习近平"),
        ("Actor", "ВладимирПутин"),
        ("Actor", "EmmanuelMacron"),
        ("Actor", "café\u{301}"),
    ] {
        assert!(back.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} in {back:?}");
    }
}

#[test]
fn conll_reads_iob1_and_iob2_alike() {
    let iob1 = "EU I-ORG\nrejects O\nGerman I-MISC\ncall O\n\nPeter I-PER\nBlackburn I-PER\nand O\nJohn B-PER\n";
    let iob2 = "EU B-ORG\nrejects O\nGerman B-MISC\ncall O\n\nPeter B-PER\nBlackburn I-PER\nand O\nJohn B-PER\n";
    let spans = |s: &str| {
        let d = glose::import::read_dataset_text(DatasetFormat::Conll, s, "t.conll").unwrap();
        d.docs[0].spans.iter().map(|x| (x.label.clone(), x.fragments.clone())).collect::<Vec<_>>()
    };
    assert_eq!(spans(iob1), spans(iob2));
    assert_eq!(spans(iob2).len(), 4);
    // IOB1: "I-PER I-PER B-PER" after "and O" — B- starts John even though the type repeats.
    let adjacent = "A I-PER\nB B-PER\n";
    assert_eq!(spans(adjacent).len(), 2);
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    export::export(&p, Format::Csv, &Options::default(), dir.path()).unwrap();
    let mut r = csv::Reader::from_path(dir.path().join("spans.csv")).unwrap();
    let headers = r.headers().unwrap().clone();
    let note_col = headers.iter().position(|h| h == "note").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), p.all_spans().count());
    for row in &rows {
        for cell in row.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
    assert!(rows.iter().any(|r| &r[note_col] == "the presidency, =not a formula"));
    let mut q = p.clone();
    std::sync::Arc::make_mut(&mut q.articles[0]).spans[0].note = "=HYPERLINK(\"http://x\")".into();
    export::export(&q, Format::Csv, &Options::default(), dir.path()).unwrap();
    let text = std::fs::read_to_string(dir.path().join("spans.csv")).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    let rels = std::fs::read_to_string(dir.path().join("relations.csv")).unwrap();
    assert_eq!(rels.lines().count(), 1 + p.articles.iter().map(|a| a.relations.len()).sum::<usize>());
}

#[test]
fn w3c_selectors_point_at_the_exact_text_in_code_points() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("w3c.jsonld");
    export::export(&p, Format::W3c, &Options::default(), &out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), p.all_spans().count() + p.articles.iter().map(|a| a.relations.len()).sum::<usize>());
    let texts: Vec<&str> = p.articles.iter().map(|a| a.text.as_str()).collect();
    let mut checked = 0;
    for anno in items.iter().filter(|a| a["motivation"] == "tagging") {
        let targets = match &anno["target"] {
            serde_json::Value::Array(a) => a.clone(),
            t => vec![t.clone()],
        };
        for t in targets {
            let pos = &t["selector"][0];
            let quote = &t["selector"][1];
            let (s, e) = (pos["start"].as_u64().unwrap() as usize, pos["end"].as_u64().unwrap() as usize);
            let exact = quote["exact"].as_str().unwrap();
            let text = texts.iter().find(|x| x.chars().skip(s).take(e - s).collect::<String>() == exact);
            assert!(text.is_some(), "{exact:?} at {s}..{e}");
            let text = text.unwrap();
            let prefix: String = text.chars().take(s).collect();
            assert!(prefix.ends_with(quote["prefix"].as_str().unwrap()));
            checked += 1;
        }
    }
    assert_eq!(checked, p.all_spans().map(|(_, s)| s.fragments.len()).sum::<usize>());
    assert!(items.iter().any(|a| a["motivation"] == "linking" && a["target"].as_array().is_some_and(|t| t.len() == 2)));
}

#[test]
fn refi_qda_holds_the_sources_codes_and_selections() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.qdpx");
    export::export(&p, Format::RefiQda, &Options::default(), &out).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut qde = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut qde).unwrap();
    assert!(qde.contains("xmlns=\"urn:QDA-XML:project:1.0\""));
    assert!(qde.contains("<Code ") && qde.contains("name=\"Actor\""));
    let sources: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .filter(|n| n.starts_with("sources/"))
        .collect();
    assert_eq!(sources.len(), 2);
    let mut first = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(&sources[0]).unwrap(), &mut first).unwrap();
    assert!(p.articles.iter().any(|a| a.text == first), "source text byte-exact");
    assert_eq!(
        qde.matches("<PlainTextSelection ").count(),
        p.all_spans().map(|(_, s)| s.fragments.len()).sum::<usize>()
    );
    assert!(qde.contains("direction=\"OneWay\"") && qde.contains("direction=\"Bidirectional\""));
}

#[test]
fn file_names_are_safe() {
    assert_eq!(export::safe_file_name(0, "../../etc/passwd"), "001-etc-passwd");
    assert_eq!(export::safe_file_name(4, "CON"), "005-con");
    assert_eq!(export::safe_file_name(9, "  "), "010");
    assert_eq!(export::safe_file_name(1, "/abs/Путин: «ИИ»"), "002-abs-путин-ии");
    let long = "x".repeat(300);
    assert!(export::safe_file_name(0, &long).len() <= 64);
}

#[test]
fn filters_select_articles_labels_and_annotators() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("f.jsonl");
    let filter = export::Filter {
        articles: vec!["Putin".into()],
        labels: vec!["Actor".into()],
        annotators: vec!["alice".into()],
    };
    let report = export::export(&p, Format::DoccanoRel, &Options { filter, ..Default::default() }, &out).unwrap();
    assert_eq!(report.articles, 1);
    assert_eq!(report.spans, 5);
    // Relations whose ends are both kept: the two alliances.
    assert_eq!(report.relations, 2);
    let none = export::Filter { annotators: vec!["bob".into()], ..Default::default() };
    let report = export::export(&p, Format::DoccanoRel, &Options { filter: none, ..Default::default() }, &out).unwrap();
    assert_eq!(report.spans, 0);
}

#[test]
fn importing_into_an_existing_project_matches_articles_by_text_and_skips_what_is_there() {
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b");
    export::export(&p, Format::Brat, &Options::default(), &out).unwrap();
    let mut q = p.clone();
    let plan = import::dataset::plan(
        &mut q,
        import::read_dataset(DatasetFormat::Brat, std::slice::from_ref(&out), false).unwrap(),
        Some("alice"),
        "x",
    );
    assert_eq!(plan.matched_articles, 2);
    assert_eq!(plan.new_articles, 0);
    assert_eq!(plan.spans, 0, "same spans by the same annotator are not added twice");
    assert_eq!(plan.duplicates, p.all_spans().count());
    // Another annotator's copy is added beside.
    let plan = import::dataset::plan(
        &mut q,
        import::read_dataset(DatasetFormat::Brat, &[out], false).unwrap(),
        Some("bob"),
        "x",
    );
    assert_eq!(plan.spans, p.all_spans().count());
    plan.command.unwrap().apply(&mut q).unwrap();
    assert!(q.all_spans().any(|(_, s)| s.annotator == "bob"));
    assert!(glose::model::validate(&q).is_empty());
}

#[test]
fn export_files_stay_inside_the_chosen_folder() {
    let mut p = tricky();
    std::sync::Arc::make_mut(&mut p.articles[0]).title = "../../outside".into();
    std::sync::Arc::make_mut(&mut p.articles[1]).title = "/etc/cron.d/x".into();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let report = export::export(&p, Format::Brat, &Options::default(), &out).unwrap();
    for f in &report.files {
        assert!(f.starts_with(&out), "{}", f.display());
        assert_eq!(f.parent(), Some(out.as_path()));
    }
    assert!(Path::new(&out).join("annotation.conf").exists());
}

#[test]
fn an_export_reports_progress_and_can_be_cancelled() {
    use std::sync::atomic::Ordering;
    let p = tricky();
    let dir = tempfile::tempdir().unwrap();
    let progress = export::Progress::default();
    let opts = Options { progress: Some(progress.clone()), ..Default::default() };
    export::export(&p, Format::W3c, &opts, &dir.path().join("a.jsonld")).unwrap();
    assert_eq!(progress.done.load(Ordering::Relaxed), 2, "one tick per article");
    progress.cancel.store(true, Ordering::Relaxed);
    let err = export::export(&p, Format::Brat, &opts, &dir.path().join("b")).unwrap_err();
    assert!(matches!(err, export::ExportError::Cancelled));
}

/// Article details (a press database's section, page, document number…) travel with the
/// exports that carry article details and come back on import; a detail named like one of the
/// format's own keys is written as `detail:NAME` and gets its name back.
#[test]
fn article_details_travel_through_doccano_and_label_studio() {
    let mut p = tricky();
    for a in p.articles.iter_mut().map(std::sync::Arc::make_mut) {
        a.author = "Claire Dubois".into();
        a.details.insert("document number".into(), format!("news·2024·LM·{}", a.id));
        a.details.insert("page".into(), "16".into());
        a.details.insert("text".into(), "a detail named like the text".into());
    }
    for (format, import_as) in [
        (Format::Doccano, DatasetFormat::Doccano),
        (Format::DoccanoRel, DatasetFormat::Doccano),
        (Format::LabelStudio, DatasetFormat::LabelStudio),
    ] {
        let (q, _, _dir) = round_trip(&p, format, import_as, OffsetUnit::Utf16);
        for (a, b) in p.articles.iter().zip(&q.articles) {
            assert_eq!(b.details, a.details, "{format:?}");
            assert_eq!(b.author, a.author, "{format:?}");
            assert_eq!(b.title, a.title, "{format:?}");
        }
    }
}
