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

/// Sentences of `text`, each a list of token ranges in code points.
pub fn tokens(text: &str) -> Vec<Vec<(usize, usize)>> {
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
                        toks.push((s, e));
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
