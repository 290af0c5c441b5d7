//! Tokens for CoNLL and token-level agreement: UAX #29 words by sentence, French elisions split
//! off by the same rule as word selection ("l’IA" → "l’", "IA"); white space, NBSP, NNBSP and
//! zero-width characters never make a token.

use super::CharMap;
use super::words::split_elision;
use unicode_segmentation::UnicodeSegmentation;

/// Characters that never make a token on their own: white space (NBSP, NNBSP included),
/// zero-width spaces and joiners, the BOM.
fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// A token: its range in code points and in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub byte_start: u32,
    pub byte_end: u32,
}

/// The sentences of a text, each a list of tokens.
pub type Sentences = Vec<Vec<Token>>;

/// Tokens of the texts asked for lately, by content (hash and length): the CoNLL export and
/// token-level agreement ask again and again for articles that did not change, and UAX #29
/// segmentation is most of their cost. Bounded: emptied when it holds more than `BUDGET` tokens.
struct Cache {
    map: std::collections::HashMap<(u64, usize), std::sync::Arc<Sentences>>,
    tokens: usize,
}

const BUDGET: usize = 8_000_000;

fn cache() -> &'static std::sync::Mutex<Cache> {
    static CACHE: std::sync::OnceLock<std::sync::Mutex<Cache>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| std::sync::Mutex::new(Cache { map: Default::default(), tokens: 0 }))
}

/// [`tokens`] with byte ranges too, computed once per text content (see `Cache`).
pub fn tokens_cached(text: &str) -> std::sync::Arc<Sentences> {
    let key = (crate::hash::wide64(text.as_bytes()), text.len());
    if let Some(hit) = cache().lock().unwrap_or_else(std::sync::PoisonError::into_inner).map.get(&key) {
        return hit.clone();
    }
    let sentences = std::sync::Arc::new(segment(text));
    let count: usize = sentences.iter().map(Vec::len).sum();
    let mut c = cache().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if c.tokens + count > BUDGET {
        c.map.clear();
        c.tokens = 0;
    }
    if c.map.insert(key, sentences.clone()).is_none() {
        c.tokens += count;
    }
    sentences
}

/// Sentences of `text`, each a list of token ranges in code points.
pub fn tokens(text: &str) -> Vec<Vec<(usize, usize)>> {
    tokens_cached(text).iter().map(|s| s.iter().map(|t| (t.start as usize, t.end as usize)).collect()).collect()
}

fn segment(text: &str) -> Sentences {
    let map = CharMap::new(text);
    let mut sentences = Vec::new();
    let mut line_start = 0usize;
    for line in text.split('\n') {
        for (sb, sentence) in line.split_sentence_bound_indices() {
            let mut toks = Vec::new();
            for (wb, word) in sentence.split_word_bound_indices() {
                if word.chars().all(is_blank_char) {
                    continue;
                }
                let b = line_start + sb + wb;
                let pieces: Vec<(usize, usize)> = match split_elision(word) {
                    Some(k) => vec![(b, b + k), (b + k, b + word.len())],
                    None => vec![(b, b + word.len())],
                };
                for (x, y) in pieces {
                    // Trailing NNBSP glued by UAX #29 ("10\u{202f}000" stays one token).
                    let trimmed = text[x..y].trim_end_matches(is_blank_char);
                    let y = x + trimmed.len();
                    if let (Some(s), Some(e)) = (map.char_of_byte(text, x), map.char_of_byte(text, y))
                        && s < e
                    {
                        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
                        toks.push(Token { start: n(s), end: n(e), byte_start: n(x), byte_end: n(y) });
                    }
                }
            }
            if !toks.is_empty() {
                sentences.push(toks);
            }
        }
        line_start += line.len() + 1;
    }
    sentences
}
