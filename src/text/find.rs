//! The one text search: the window's Find, the article list's filter, the corpus search and
//! `glose search` read a query the same way — a word or phrase, or a regular expression; in any
//! case (Unicode case folding, offsets on the original text) or matching case; anywhere or whole
//! words only (a hit must not continue a word of a script written with spaces: "Russia" is not
//! found in "Russian"; Chinese and Japanese, written without spaces, match anywhere).

use super::CharMap;

/// A query and how to read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pattern {
    pub text: String,
    pub regex: bool,
    pub case_sensitive: bool,
    pub whole_words: bool,
}

impl Pattern {
    /// A word or phrase, in any case, anywhere.
    pub fn literal(text: &str) -> Pattern {
        Pattern { text: text.to_string(), ..Default::default() }
    }
}

/// True where `c` continues a word in a script written with spaces.
pub fn joins_word(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x2E80
}

/// A compiled [`Pattern`].
#[derive(Clone, Debug)]
pub struct Finder {
    re: regex::Regex,
    whole_words: bool,
}

impl Finder {
    /// `Ok(None)` for an empty query; an error names what is wrong in a regular expression.
    pub fn new(p: &Pattern) -> Result<Option<Finder>, String> {
        if p.text.is_empty() {
            return Ok(None);
        }
        let pattern = if p.regex { p.text.clone() } else { regex::escape(&p.text) };
        let re = regex::RegexBuilder::new(&pattern)
            .case_insensitive(!p.case_sensitive)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Some(Finder { re, whole_words: p.whole_words }))
    }

    fn whole(&self, text: &str, start: usize, end: usize) -> bool {
        if !self.whole_words {
            return true;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let first = text[start..end].chars().next();
        let last = text[start..end].chars().next_back();
        !(before.is_some_and(joins_word) && first.is_some_and(joins_word)
            || after.is_some_and(joins_word) && last.is_some_and(joins_word))
    }

    /// Whether `text` holds a hit.
    pub fn is_match(&self, text: &str) -> bool {
        if !self.whole_words {
            return self.re.is_match(text);
        }
        self.re.find_iter(text).any(|m| m.start() < m.end() && self.whole(text, m.start(), m.end()))
    }

    /// The hits in `text` (whose offset map is `map`) as code-point ranges, never empty.
    pub fn find_iter<'a>(&'a self, text: &'a str, map: &'a CharMap) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.re
            .find_iter(text)
            .filter(|m| m.start() < m.end() && self.whole(text, m.start(), m.end()))
            .filter_map(move |m| Some((map.char_of_byte(text, m.start())?, map.char_of_byte(text, m.end())?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(p: &Pattern, text: &str) -> Vec<(usize, usize)> {
        let f = Finder::new(p).unwrap().unwrap();
        f.find_iter(text, &CharMap::new(text)).collect()
    }

    #[test]
    fn case_whole_words_and_offsets_in_code_points() {
        let text = "L’ÉLYSÉE 🤝 RUSSIA, Russian Russia; 北京和北京";
        assert_eq!(hits(&Pattern::literal("russia"), text), vec![(11, 17), (19, 25), (27, 33)]);
        let words = Pattern { whole_words: true, ..Pattern::literal("russia") };
        assert_eq!(hits(&words, text), vec![(11, 17), (27, 33)], "not inside Russian");
        let exact = Pattern { case_sensitive: true, ..Pattern::literal("Russia") };
        assert_eq!(hits(&exact, text), vec![(19, 25), (27, 33)]);
        assert_eq!(hits(&Pattern { whole_words: true, ..Pattern::literal("北京") }, text).len(), 2, "CJK anywhere");
        assert_eq!(hits(&Pattern::literal("élysée"), text), vec![(2, 8)], "accented capitals fold");
        assert!(Finder::new(&Pattern { regex: true, ..Pattern::literal("(") }).is_err());
        assert!(Finder::new(&Pattern::literal("")).unwrap().is_none());
    }
}
