//! Labels and relation types, with the default schema every new project starts from.

use super::{LabelId, Project, RelTypeId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An sRGB colour written as `"#rrggbb"` in the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Color(pub [u8; 3]);

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color([r, g, b])
    }

    /// Parses `#rrggbb` (the `#` is optional).
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Color([byte(0)?, byte(2)?, byte(4)?]))
    }

    /// A distinct colour for the n-th label a user adds.
    pub fn palette(n: usize) -> Self {
        const P: [Color; 10] = [
            Color::rgb(0xe6, 0x7e, 0x22),
            Color::rgb(0x29, 0x80, 0xb9),
            Color::rgb(0x27, 0xae, 0x60),
            Color::rgb(0x8e, 0x44, 0xad),
            Color::rgb(0xc0, 0x39, 0x2b),
            Color::rgb(0x16, 0xa0, 0x85),
            Color::rgb(0xd3, 0x54, 0x00),
            Color::rgb(0x7f, 0x8c, 0x8d),
            Color::rgb(0xf1, 0xc4, 0x0f),
            Color::rgb(0x2c, 0x3e, 0x50),
        ];
        P[n % P.len()]
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Color::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("colour {s:?} is not of the form \"#rrggbb\"")))
    }
}

/// A span label: Actor, Claim, Alliance, or one the user adds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub id: LabelId,
    pub name: String,
    pub color: Color,
    /// '1'..'9' (or any single key) applies the label to the selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotkey: Option<char>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<LabelId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The stance its spans take as a scale (lowest, highest), e.g. −2…2, instead of agree /
    /// disagree: DNA's integer qualifier of a statement type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance_scale: Option<[i64; 2]>,
}

/// A kind of relation between two spans: alliance, opposes, says…
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationType {
    pub id: RelTypeId,
    pub name: String,
    pub color: Color,
    /// A symmetric relation reads the same both ways (alliance); `says` does not.
    #[serde(default)]
    pub symmetric: bool,
    /// Labels allowed at the `from` end; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_labels: Vec<LabelId>,
    /// Labels allowed at the `to` end; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_labels: Vec<LabelId>,
}

impl RelationType {
    /// True when this type accepts a span labelled `from` at its from end and one labelled
    /// `to` at its to end (either way round when it is symmetric).
    pub fn fits(&self, from: LabelId, to: LabelId) -> bool {
        let ok = |allowed: &[LabelId], l: LabelId| allowed.is_empty() || allowed.contains(&l);
        (ok(&self.from_labels, from) && ok(&self.to_labels, to))
            || (self.symmetric && ok(&self.from_labels, to) && ok(&self.to_labels, from))
    }
}

/// The labels and relation types of a project.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    pub labels: Vec<Label>,
    pub relation_types: Vec<RelationType>,
}

impl Schema {
    /// Actor, Claim, Alliance; alliance (symmetric), opposes (symmetric), says (actor → claim).
    pub fn default_for(project: &mut Project) -> Schema {
        let mut label = |name: &str, color: Color, key: char, description: &str| Label {
            id: LabelId(project.alloc_id()),
            name: name.into(),
            color,
            hotkey: Some(key),
            parent: None,
            description: description.into(),
            stance_scale: None,
        };
        let actor = label(
            "Actor",
            Color::rgb(0x4e, 0x9a, 0xf1),
            '1',
            "A person, state, organisation or company that acts or speaks",
        );
        let claim = label(
            "Claim",
            Color::rgb(0xf2, 0xa9, 0x3b),
            '2',
            "A statement put forward as true, attributed to an actor",
        );
        let alliance = label(
            "Alliance",
            Color::rgb(0x5c, 0xb8, 0x5c),
            '3',
            "A passage stating cooperation or partnership between actors",
        );
        let mut rel = |name: &str, color: Color, symmetric: bool, from: Vec<LabelId>, to: Vec<LabelId>| RelationType {
            id: RelTypeId(project.alloc_id()),
            name: name.into(),
            color,
            symmetric,
            from_labels: from,
            to_labels: to,
        };
        let relation_types = vec![
            rel("alliance", Color::rgb(0x2e, 0x9e, 0x4f), true, vec![actor.id], vec![actor.id]),
            rel("opposes", Color::rgb(0xd6, 0x3b, 0x3b), true, vec![actor.id], vec![actor.id]),
            rel("says", Color::rgb(0x7d, 0x5b, 0xa6), false, vec![actor.id], vec![claim.id]),
        ];
        Schema { labels: vec![actor, claim, alliance], relation_types }
    }

    pub fn label(&self, id: LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    pub fn label_by_name(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    pub fn label_by_hotkey(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.hotkey == Some(key))
    }

    pub fn relation_type(&self, id: RelTypeId) -> Option<&RelationType> {
        self.relation_types.iter().find(|r| r.id == id)
    }

    pub fn relation_type_by_name(&self, name: &str) -> Option<&RelationType> {
        self.relation_types.iter().find(|r| r.name == name)
    }

    /// Name of a label, or a visible marker for a dangling id.
    pub fn label_name(&self, id: LabelId) -> &str {
        self.label(id).map_or("(missing label)", |l| l.name.as_str())
    }

    /// Relation types whose label constraints fit a relation from a span labelled `from` to
    /// one labelled `to` (either way round for a symmetric type); all types when none fits.
    /// The relation types that may link a span labelled `from` to one labelled `to` (none
    /// when no type accepts those labels: the user edits the types, nothing is forced).
    pub fn fitting_relation_types(&self, from: LabelId, to: LabelId) -> Vec<RelTypeId> {
        self.relation_types.iter().filter(|rt| rt.fits(from, to)).map(|rt| rt.id).collect()
    }

    pub fn relation_type_name(&self, id: RelTypeId) -> &str {
        self.relation_type(id).map_or("(missing type)", |r| r.name.as_str())
    }
}
