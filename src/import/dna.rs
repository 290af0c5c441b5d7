//! DNA 3 databases (the Discourse Network Analyzer's SQLite files, `.dna`): each document an
//! article (title, text, date, author, source; section, type, notes and DNA's id as details),
//! each statement a span over its text labelled with its statement type, annotated by its
//! coder, with every variable as an attribute under its DNA name (booleans and integers as
//! numbers, entities by their value, long text as text). The entities of short-text variables
//! become canonical actors of that kind, with their colours and attributes; those of the
//! variable named as the concept become canonical claims (kind `claim`), and a statement's
//! span is linked to its concept's claim.
//!
//! The file is opened read-only; DNA's offsets (Java string indices, UTF-16 units) become code
//! points.

use super::DatasetError;
use super::dataset::{DSpan, Dataset, Doc};
use crate::model::{ArticleMeta, Color, Entity, Fragment};
use crate::text::CharMap;
use rusqlite::{Connection, OpenFlags};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The kind given to the canonical claims made from the concept variable's entities.
pub use crate::analysis::discourse::CLAIM_KIND;

const TABLES: [&str; 10] = [
    "DOCUMENTS",
    "STATEMENTS",
    "STATEMENTTYPES",
    "VARIABLES",
    "CODERS",
    "ENTITIES",
    "DATASHORTTEXT",
    "DATALONGTEXT",
    "DATABOOLEAN",
    "DATAINTEGER",
];

fn color(r: Option<i64>, g: Option<i64>, b: Option<i64>) -> Option<Color> {
    let c = |v: Option<i64>| v.and_then(|v| u8::try_from(v).ok());
    Some(Color([c(r)?, c(g)?, c(b)?]))
}

/// "YYYY-MM-DD", with the time when it is not midnight.
fn date(seconds: i64) -> String {
    use crate::analysis::discourse::day;
    let d = day::of_time(seconds);
    let t = seconds - d * 86_400;
    if t == 0 { day::format(d) } else { format!("{}T{:02}:{:02}:{:02}", day::format(d), t / 3600, t / 60 % 60, t % 60) }
}

/// Reads the DNA databases `inputs`; `concept` names the variable whose entities are claims.
pub fn read(inputs: &[std::path::PathBuf], concept: &str) -> Result<Dataset, DatasetError> {
    let mut all = Dataset::default();
    for p in inputs {
        let d = read_one(p, concept)?;
        all.docs.extend(d.docs);
        all.warnings.extend(d.warnings);
        all.declared.labels.extend(d.declared.labels);
        all.declared.label_colors.extend(d.declared.label_colors);
        all.declared.entities.extend(d.declared.entities);
    }
    Ok(all)
}

fn read_one(path: &Path, concept: &str) -> Result<Dataset, DatasetError> {
    let name = path.display().to_string();
    let sql = |e: rusqlite::Error| DatasetError::malformed(&name, format!("not a readable DNA database: {e}"));
    if !path.is_file() {
        return Err(DatasetError::io(path, std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")));
    }
    let db = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(sql)?;
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
        .map_err(sql)?;
    let missing: Vec<&str> =
        TABLES.iter().copied().filter(|t| !tables.iter().any(|x| x.eq_ignore_ascii_case(t))).collect();
    if !missing.is_empty() {
        return Err(DatasetError::malformed(
            &name,
            format!("not a DNA 3 database: it has no {} table", missing.join(", ")),
        ));
    }
    let rows = |q: &str| -> Result<Vec<Vec<rusqlite::types::Value>>, DatasetError> {
        let mut st = db.prepare(q).map_err(sql)?;
        let n = st.column_count();
        let out = st
            .query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<Result<Vec<_>, _>>())
            .map_err(sql)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql)?;
        Ok(out)
    };
    use rusqlite::types::Value as V;
    let int = |v: &V| match v {
        V::Integer(i) => Some(*i),
        _ => None,
    };
    let text = |v: &V| match v {
        V::Text(t) => t.clone(),
        V::Integer(i) => i.to_string(),
        V::Real(f) => f.to_string(),
        _ => String::new(),
    };
    let coders: HashMap<i64, String> =
        rows("SELECT ID, Name FROM CODERS")?.iter().filter_map(|r| Some((int(&r[0])?, text(&r[1])))).collect();
    let mut data = Dataset::default();
    let mut types: HashMap<i64, String> = HashMap::new();
    for r in rows("SELECT ID, Label, Red, Green, Blue FROM STATEMENTTYPES ORDER BY ID")? {
        let Some(id) = int(&r[0]) else { continue };
        let label = text(&r[1]);
        if let Some(c) = color(int(&r[2]), int(&r[3]), int(&r[4])) {
            data.declared.label_colors.push((label.clone(), c));
        }
        data.declared.labels.push((label.clone(), None));
        types.insert(id, label);
    }
    // Variables by id (their data types need no keeping: values are stored as DNA gives them).
    let variables: HashMap<i64, String> =
        rows("SELECT ID, Variable FROM VARIABLES")?.iter().filter_map(|r| Some((int(&r[0])?, text(&r[1])))).collect();
    // Entities, with their attributes when the database has them.
    let mut attributes: HashMap<i64, BTreeMap<String, String>> = HashMap::new();
    if tables.iter().any(|t| t.eq_ignore_ascii_case("ATTRIBUTEVALUES")) {
        let q = "SELECT v.EntityId, a.AttributeVariable, v.AttributeValue FROM ATTRIBUTEVALUES v \
                 JOIN ATTRIBUTEVARIABLES a ON a.ID = v.AttributeVariableId";
        for r in rows(q)? {
            let value = text(&r[2]);
            if let Some(e) = int(&r[0])
                && !value.trim().is_empty()
            {
                attributes.entry(e).or_default().insert(text(&r[1]), value);
            }
        }
    }
    let mut entity_value: HashMap<i64, String> = HashMap::new();
    // One canonical entity per name (the registry is by name).
    let mut declared: std::collections::HashSet<String> = std::collections::HashSet::new();
    for r in rows("SELECT ID, VariableId, Value, Red, Green, Blue FROM ENTITIES ORDER BY ID")? {
        let (Some(id), Some(var)) = (int(&r[0]), int(&r[1])) else { continue };
        let value = text(&r[2]);
        entity_value.insert(id, value.clone());
        let Some(v) = variables.get(&var) else { continue };
        if value.trim().is_empty() || !declared.insert(value.clone()) {
            continue;
        }
        let kind = if v == concept { CLAIM_KIND.to_string() } else { v.clone() };
        data.declared.entities.push(Entity {
            name: value,
            kind,
            color: color(int(&r[3]), int(&r[4]), int(&r[5])),
            attributes: attributes.remove(&id).unwrap_or_default(),
            ..Default::default()
        });
    }
    // Every statement's values.
    let mut values: HashMap<i64, BTreeMap<String, String>> = HashMap::new();
    for (table, is_entity) in
        [("DATASHORTTEXT", true), ("DATALONGTEXT", false), ("DATABOOLEAN", false), ("DATAINTEGER", false)]
    {
        let column = if is_entity { "Entity" } else { "Value" };
        for r in rows(&format!("SELECT StatementId, VariableId, {column} FROM {table}"))? {
            let (Some(st), Some(var)) = (int(&r[0]), int(&r[1])) else { continue };
            let Some(v) = variables.get(&var) else { continue };
            let value =
                if is_entity { int(&r[2]).and_then(|e| entity_value.get(&e).cloned()) } else { Some(text(&r[2])) };
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                values.entry(st).or_default().insert(v.clone(), value);
            }
        }
    }
    let mut statements: HashMap<i64, Vec<Vec<V>>> = HashMap::new();
    for r in rows(
        "SELECT ID, StatementTypeId, DocumentId, Start, Stop, Coder FROM STATEMENTS ORDER BY DocumentId, Start, ID",
    )? {
        if let Some(doc) = int(&r[2]) {
            statements.entry(doc).or_default().push(r);
        }
    }
    let docs =
        rows("SELECT ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date FROM DOCUMENTS ORDER BY ID")?;
    for r in docs {
        let Some(id) = int(&r[0]) else { continue };
        let body = text(&r[2]);
        let mut meta = ArticleMeta {
            title: text(&r[1]),
            author: text(&r[4]),
            source: text(&r[5]),
            published: int(&r[9]).map(date).unwrap_or_default(),
            ..Default::default()
        };
        for (k, i) in [("section", 6), ("notes", 7), ("type", 8)] {
            let v = text(&r[i]);
            if !v.trim().is_empty() {
                meta.details.insert(k.into(), v);
            }
        }
        meta.details.insert("dna_id".into(), id.to_string());
        let origin = format!("{name} document {id}");
        let map = CharMap::new(&body);
        let mut spans = Vec::new();
        for s in statements.remove(&id).unwrap_or_default() {
            let sid = int(&s[0]).unwrap_or_default();
            let at = |u: Option<i64>| u.and_then(|u| usize::try_from(u).ok()).and_then(|u| map.char_of_utf16(&body, u));
            let (Some(start), Some(end)) = (at(int(&s[3])), at(int(&s[4]))) else {
                data.warnings.push(format!("{origin}: statement {sid} is outside the document's text; skipped"));
                continue;
            };
            let label = int(&s[1]).and_then(|t| types.get(&t).cloned()).unwrap_or_default();
            let attributes = values.remove(&sid).unwrap_or_default();
            spans.push(DSpan {
                key: sid.to_string(),
                fragments: vec![Fragment::new(start, end)],
                label,
                entity: attributes.get(concept).cloned(),
                attributes,
                annotator: int(&s[5]).and_then(|c| coders.get(&c).cloned()),
                ..Default::default()
            });
        }
        data.docs.push(Doc { meta, text: body, spans, relations: Vec::new(), origin });
    }
    let orphans: usize = statements.values().map(Vec::len).sum();
    if orphans > 0 {
        data.warnings.push(format!("{name}: {orphans} statements name a document that is not there; skipped"));
    }
    Ok(data)
}
