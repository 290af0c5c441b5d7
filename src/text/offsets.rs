//! A prepared index over one text for fast conversions between code points, bytes and UTF-16.

/// Checkpoint every this many code points: lookups walk at most this far.
const STEP: usize = 64;

/// Maps code point offsets of one text to byte and UTF-16 offsets and back, in O(STEP).
#[derive(Clone, Debug)]
pub struct CharMap {
    ascii: bool,
    len_chars: usize,
    len_bytes: usize,
    len_utf16: usize,
    /// (byte, utf16) offsets of code points 0, STEP, 2·STEP, …
    checkpoints: Vec<(usize, usize)>,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharMap {
                ascii: true,
                len_chars: text.len(),
                len_bytes: text.len(),
                len_utf16: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let (mut chars, mut utf16) = (0usize, 0usize);
        for (b, c) in text.char_indices() {
            if chars % STEP == 0 {
                checkpoints.push((b, utf16));
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        CharMap { ascii: false, len_chars: chars, len_bytes: text.len(), len_utf16: utf16, checkpoints }
    }

    /// Number of code points.
    pub fn char_len(&self) -> usize {
        self.len_chars
    }

    /// Number of UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.len_utf16
    }

    /// Byte offset of code point `ch` (`ch == char_len()` allowed).
    pub fn byte_of(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.len_chars {
            return None;
        }
        if self.ascii {
            return Some(ch);
        }
        if ch == self.len_chars {
            return Some(self.len_bytes);
        }
        let (b, _) = self.checkpoints[ch / STEP];
        // The `skip`-th code point after the checkpoint: the `skip`-th byte that does not
        // continue a character (counting bytes, not decoding characters: 3× faster).
        let skip = ch % STEP;
        let starts = text.as_bytes().get(b..)?.iter().enumerate().filter(|(_, x)| (**x as i8) >= -0x40);
        starts.map(|(o, _)| b + o).nth(skip)
    }

    /// UTF-16 offset of code point `ch`.
    pub fn utf16_of(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.len_chars {
            return None;
        }
        if self.ascii {
            return Some(ch);
        }
        if ch == self.len_chars {
            return Some(self.len_utf16);
        }
        let (b, u) = self.checkpoints[ch / STEP];
        Some(u + text[b..].chars().take(ch % STEP).map(char::len_utf16).sum::<usize>())
    }

    /// Code point offset of `byte`, `None` when it is not on a char boundary.
    pub fn char_of_byte(&self, text: &str, byte: usize) -> Option<usize> {
        if byte > self.len_bytes || !text.is_char_boundary(byte) {
            return None;
        }
        if self.ascii {
            return Some(byte);
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte).saturating_sub(1);
        let (b, _) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        Some(i * STEP + text[b..byte].chars().count())
    }

    /// Code point offset of UTF-16 unit `u`, `None` inside a surrogate pair or past the end.
    pub fn char_of_utf16(&self, text: &str, u: usize) -> Option<usize> {
        if u > self.len_utf16 {
            return None;
        }
        if self.ascii {
            return Some(u);
        }
        if u == self.len_utf16 {
            return Some(self.len_chars);
        }
        let i = self.checkpoints.partition_point(|&(_, w)| w <= u).saturating_sub(1);
        let (b, mut w) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        let mut ch = i * STEP;
        for c in text[b..].chars() {
            if w == u {
                return Some(ch);
            }
            if w > u {
                return None;
            }
            w += c.len_utf16();
            ch += 1;
        }
        (w == u).then_some(ch)
    }

    /// The text between two code point offsets.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let b0 = self.byte_of(text, start)?;
        let b1 = self.byte_of(text, end)?;
        text.get(b0..b1)
    }
}
