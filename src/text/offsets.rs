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
        // Counted eight bytes at a time (UTF-8's lead and continuation bytes tell code points
        // and UTF-16 units apart without decoding), byte by byte only where a checkpoint falls.
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let (mut chars, mut utf16, mut next, mut i) = (0usize, 0usize, 0usize, 0usize);
        while i < bytes.len() {
            if let Some(w) = word_at(bytes, i) {
                let n = starts_in(w);
                if chars + n <= next {
                    chars += n;
                    utf16 += n + wide_in(w);
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if is_start(b) {
                if chars == next {
                    checkpoints.push((i, utf16));
                    next += STEP;
                }
                chars += 1;
                utf16 += if b >= 0xF0 { 2 } else { 1 };
            }
            i += 1;
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
        // The `left`-th code point after the checkpoint: whole words of bytes passed while the
        // code points starting in them do not reach it, then the bytes that do not continue
        // a character counted one by one.
        let bytes = text.as_bytes().get(b..)?;
        let (mut left, mut i) = (ch % STEP, 0);
        while let Some(w) = word_at(bytes, i) {
            let n = starts_in(w);
            if n > left {
                break;
            }
            left -= n;
            i += 8;
        }
        let mut starts = bytes.get(i..)?.iter().enumerate().filter(|(_, x)| is_start(**x));
        starts.nth(left).map(|(o, _)| b + i + o)
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

/// Byte offsets of code points asked for mostly in increasing order, each counted on from the
/// last one (eight bytes at a time): one pass over the text for all of them, where a
/// [`CharMap`] first passes over the whole text and then from a checkpoint for each.
pub struct CharCursor<'t> {
    bytes: &'t [u8],
    /// A code point and the byte it starts at (or the text's length, at its end).
    ch: usize,
    byte: usize,
}

impl<'t> CharCursor<'t> {
    pub fn new(text: &'t str) -> Self {
        CharCursor { bytes: text.as_bytes(), ch: 0, byte: 0 }
    }

    /// Byte offset of code point `ch` (the text's length for its number of code points),
    /// `None` past the end. A code point behind the last one asked for is counted from the
    /// start again.
    pub fn byte_of(&mut self, ch: usize) -> Option<usize> {
        if ch < self.ch {
            (self.ch, self.byte) = (0, 0);
        }
        let (mut left, mut i) = (ch - self.ch, self.byte);
        while let Some(w) = word_at(self.bytes, i) {
            let n = starts_in(w);
            if n > left {
                break;
            }
            left -= n;
            i += 8;
        }
        let mut found = None;
        for (o, b) in self.bytes.get(i..)?.iter().enumerate() {
            if is_start(*b) {
                if left == 0 {
                    found = Some(i + o);
                    break;
                }
                left -= 1;
            }
        }
        let byte = found.or((left == 0).then_some(self.bytes.len()))?;
        (self.ch, self.byte) = (ch, byte);
        Some(byte)
    }
}

/// Whether a byte of UTF-8 begins a code point (is not `0b10xx_xxxx`).
fn is_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The eight bytes from `i`, when there are eight.
fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?))
}

/// The code points that begin in eight bytes of UTF-8: the bytes that do not continue one.
fn starts_in(w: u64) -> usize {
    // A continuation byte has its top bit set and the next one clear.
    let continuing = w & !(w << 1) & 0x8080_8080_8080_8080;
    8 - continuing.count_ones() as usize
}

/// The code points of four bytes (two UTF-16 units) that begin in eight bytes of UTF-8: their
/// lead bytes are the only ones of the form `0b1111_0xxx`.
fn wide_in(w: u64) -> usize {
    (w & (w << 1) & (w << 2) & (w << 3) & 0x8080_8080_8080_8080).count_ones() as usize
}
