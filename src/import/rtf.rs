//! RTF to text. RTF is 7-bit: other characters come as `\'hh` bytes in the document's code
//! page (`\ansicpg`, or the current font's `\fcharset`) or as `\uN` code points followed by a
//! fallback to skip (`\ucN`). Groups that are not text (font and colour tables, pictures,
//! headers, footers, field instructions, `\*` destinations) are skipped; `\info` gives the
//! title, author and creation date. Each `\par` ends a line, so line-based exports (Factiva,
//! LexisNexis) keep their structure.
//!
//! Written by hand rather than with the `rtf-parser` crate: that crate lexes an already
//! decoded `&str`, so bytes of a legacy code page and multi-byte `\'hh` runs (Shift-JIS, GBK)
//! cannot be decoded correctly.

use encoding_rs::Encoding;

#[derive(Debug, Default)]
pub struct RtfText {
    /// Lines (one per `\par`, `\line`, `\row`…), joined with `\n`.
    pub text: String,
    pub title: String,
    pub author: String,
    /// "YYYY-MM-DD" from `\creatim`, when given.
    pub created: String,
    /// Text of `\info` fields that are not kept.
    dropped: String,
}

#[derive(Clone, Copy, Debug)]
struct State {
    skip: bool,
    /// Characters to skip after `\uN`.
    uc: usize,
    /// Code page of the current font (`None`: the document's).
    font_cp: Option<u32>,
    /// In an `\info` sub-group: which field.
    info: Option<Info>,
    /// Reading the font table: the font being declared.
    font_decl: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Info {
    Title,
    Author,
    Other,
}

const SKIP: [&str; 34] = [
    "fonttbl",
    "colortbl",
    "stylesheet",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "pgdsctbl",
    "nonshppict",
    "bkmkstart",
    "bkmkend",
    "filetbl",
    "revtbl",
    "mmathPr",
    "wgrffmtfilter",
    "userprops",
    "docvar",
];

/// Converts RTF bytes; errors say at which byte (an unknown code page, not RTF at all).
pub fn to_text(bytes: &[u8]) -> Result<RtfText, String> {
    let start = bytes.iter().position(|&b| b == b'{').ok_or("not RTF: no opening brace")?;
    if !bytes[start..].starts_with(b"{\\rtf") {
        return Err("not RTF: it does not start with {\\rtf".into());
    }
    let mut out = RtfText::default();
    let mut doc_cp: u32 = 1252;
    let mut fonts: Vec<(i32, u32)> = Vec::new();
    let mut state = State { skip: false, uc: 1, font_cp: None, info: None, font_decl: None };
    let mut stack: Vec<State> = Vec::new();
    let mut group_start = false;
    let mut in_info = false;
    let mut info_depth = 0usize;
    let mut creatim = (0u32, 0u32, 0u32);
    let mut in_creatim = false;
    let mut creatim_depth = 0usize;
    let mut pending: Vec<u8> = Vec::new();
    let mut pending_at = 0usize;
    let mut skip_chars = 0usize;
    let mut high_surrogate: Option<u32> = None;
    let mut text = String::new();
    let mut i = start;

    // Decodes the `\'hh` bytes collected so far into `sink`.
    let flush = |pending: &mut Vec<u8>, at: usize, cp: u32, sink: &mut String| -> Result<(), String> {
        if pending.is_empty() {
            return Ok(());
        }
        let enc = encoding_for(cp)
            .ok_or_else(|| format!("byte {at}: code page {cp} is unknown: the text cannot be decoded"))?;
        let (s, _) = enc.decode_without_bom_handling(pending);
        sink.push_str(&s);
        pending.clear();
        Ok(())
    };

    while i < bytes.len() {
        let b = bytes[i];
        let cp = state.font_cp.unwrap_or(doc_cp);
        match b {
            b'{' => {
                flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
                stack.push(state);
                group_start = true;
                i += 1;
                continue;
            }
            b'}' => {
                flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
                state = stack.pop().unwrap_or(state);
                if in_info && stack.len() < info_depth {
                    in_info = false;
                }
                if in_creatim && stack.len() < creatim_depth {
                    in_creatim = false;
                }
                group_start = false;
                skip_chars = 0;
                i += 1;
                if stack.is_empty() {
                    break;
                }
                continue;
            }
            b'\\' => {
                let Some(&next) = bytes.get(i + 1) else { break };
                if next.is_ascii_alphabetic() {
                    let word_start = i + 1;
                    let mut j = word_start;
                    while j < bytes.len() && bytes[j].is_ascii_alphabetic() && j - word_start < 32 {
                        j += 1;
                    }
                    let word = std::str::from_utf8(&bytes[word_start..j]).unwrap_or("");
                    let num_start = j;
                    if j < bytes.len() && bytes[j] == b'-' {
                        j += 1;
                    }
                    while j < bytes.len() && bytes[j].is_ascii_digit() && j - num_start < 11 {
                        j += 1;
                    }
                    let param: Option<i32> =
                        std::str::from_utf8(&bytes[num_start..j]).ok().and_then(|s| s.parse().ok());
                    if j < bytes.len() && bytes[j] == b' ' {
                        j += 1;
                    }
                    i = j;
                    let was_group_start = std::mem::replace(&mut group_start, false);
                    if word != "u" {
                        flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
                    }
                    if skip_chars > 0 && word != "u" {
                        // A control word counts as one fallback character.
                        skip_chars -= 1;
                        continue;
                    }
                    if was_group_start && SKIP.contains(&word) && word != "fonttbl" {
                        state.skip = true;
                        continue;
                    }
                    match word {
                        "fonttbl" => {
                            state.skip = true;
                            state.font_decl = Some(-1);
                        }
                        "f" if state.font_decl.is_some() => state.font_decl = param,
                        "fcharset" if state.font_decl.is_some() => {
                            if let (Some(f), Some(cs)) = (state.font_decl, param)
                                && let Some(cp) = charset_code_page(cs)
                            {
                                fonts.push((f, cp));
                            }
                        }
                        "f" => {
                            state.font_cp =
                                param.and_then(|f| fonts.iter().rev().find(|(id, _)| *id == f)).map(|(_, cp)| *cp)
                        }
                        "ansicpg" => {
                            if let Some(p) = param {
                                doc_cp = p as u32;
                            }
                        }
                        "info" => {
                            in_info = true;
                            info_depth = stack.len();
                        }
                        "title" if in_info => state.info = Some(Info::Title),
                        "author" if in_info => state.info = Some(Info::Author),
                        "creatim" if in_info => {
                            in_creatim = true;
                            creatim_depth = stack.len();
                        }
                        "yr" if in_creatim => creatim.0 = param.unwrap_or(0).max(0) as u32,
                        "mo" if in_creatim => creatim.1 = param.unwrap_or(0).max(0) as u32,
                        "dy" if in_creatim => creatim.2 = param.unwrap_or(0).max(0) as u32,
                        _ if in_info && was_group_start && state.info.is_none() => state.info = Some(Info::Other),
                        _ if in_info => {}
                        _ if state.skip => {}
                        "uc" => state.uc = param.unwrap_or(1).clamp(0, 10) as usize,
                        "u" => {
                            flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
                            let n = param.unwrap_or(0);
                            let code = if n < 0 { (n + 65536) as u32 } else { n as u32 };
                            match (high_surrogate.take(), code) {
                                (_, 0xD800..=0xDBFF) => high_surrogate = Some(code),
                                (Some(hi), 0xDC00..=0xDFFF) => {
                                    let c = 0x10000 + ((hi - 0xD800) << 10) + (code - 0xDC00);
                                    text.extend(char::from_u32(c));
                                }
                                _ => text.extend(char::from_u32(code)),
                            }
                            skip_chars = state.uc;
                        }
                        "par" | "sect" | "page" | "row" | "line" => text.push('\n'),
                        "tab" => text.push('\t'),
                        "cell" => text.push('\t'),
                        "emdash" => text.push('—'),
                        "endash" => text.push('–'),
                        "lquote" => text.push('‘'),
                        "rquote" => text.push('’'),
                        "ldblquote" => text.push('“'),
                        "rdblquote" => text.push('”'),
                        "bullet" => text.push('•'),
                        "emspace" | "enspace" | "qmspace" => text.push(' '),
                        _ => {}
                    }
                    continue;
                }
                // Control symbols.
                i += 2;
                group_start = false;
                match next {
                    b'\'' => {
                        let hex = bytes.get(i..i + 2).and_then(|h| std::str::from_utf8(h).ok());
                        let value = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                        if let Some(v) = value {
                            i += 2;
                            if skip_chars > 0 {
                                skip_chars -= 1;
                                continue;
                            }
                            if !state.skip || state.info.is_some() {
                                if pending.is_empty() {
                                    pending_at = i - 4;
                                }
                                pending.push(v);
                            }
                        }
                        continue;
                    }
                    b'*' => {
                        flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
                        state.skip = true;
                        continue;
                    }
                    _ => {}
                }
                flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
                if skip_chars > 0 {
                    skip_chars -= 1;
                    continue;
                }
                let s = sink(&mut text, &mut out, &state);
                if state.skip && state.info.is_none() {
                    continue;
                }
                match next {
                    b'\\' | b'{' | b'}' => s.push(next as char),
                    b'~' => s.push('\u{a0}'),
                    b'_' => s.push('\u{2011}'),
                    b'\n' | b'\r' => s.push('\n'),
                    _ => {}
                }
                continue;
            }
            b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        // Plain text.
        group_start = false;
        if skip_chars > 0 {
            skip_chars -= 1;
            i += 1;
            continue;
        }
        flush(&mut pending, pending_at, cp, sink(&mut text, &mut out, &state))?;
        if !state.skip || state.info.is_some() {
            let s = sink(&mut text, &mut out, &state);
            if b < 0x80 {
                s.push(b as char);
            } else {
                // A raw 8-bit byte: decode it in the current code page.
                pending_at = i;
                pending.push(b);
            }
        }
        i += 1;
    }
    flush(&mut pending, pending_at, state.font_cp.unwrap_or(doc_cp), sink(&mut text, &mut out, &state))?;
    if creatim.0 > 0 && (1..=12).contains(&creatim.1) {
        out.created = if creatim.2 > 0 {
            format!("{:04}-{:02}-{:02}", creatim.0, creatim.1, creatim.2)
        } else {
            format!("{:04}-{:02}", creatim.0, creatim.1)
        };
    }
    out.title = out.title.trim().to_string();
    out.author = out.author.trim().to_string();
    out.text = text;
    Ok(out)
}

/// Where text goes: the body, or an `\info` field.
fn sink<'a>(text: &'a mut String, out: &'a mut RtfText, state: &State) -> &'a mut String {
    match state.info {
        Some(Info::Title) => &mut out.title,
        Some(Info::Author) => &mut out.author,
        Some(Info::Other) => &mut out.dropped,
        None => text,
    }
}

/// The code page of an RTF font charset.
fn charset_code_page(charset: i32) -> Option<u32> {
    Some(match charset {
        0 | 1 => return None,
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// The encoding of a Windows code page number.
pub fn encoding_for(cp: u32) -> Option<&'static Encoding> {
    use encoding_rs::*;
    Some(match cp {
        437 | 850 | 1252 | 28591 => WINDOWS_1252,
        866 => IBM866,
        874 => WINDOWS_874,
        932 => SHIFT_JIS,
        936 | 54936 => GBK,
        949 => EUC_KR,
        950 => BIG5,
        1250 => WINDOWS_1250,
        1251 => WINDOWS_1251,
        1253 => WINDOWS_1253,
        1254 => WINDOWS_1254,
        1255 => WINDOWS_1255,
        1256 => WINDOWS_1256,
        1257 => WINDOWS_1257,
        1258 => WINDOWS_1258,
        10000 => MACINTOSH,
        20866 => KOI8_R,
        21866 => KOI8_U,
        28592 => ISO_8859_2,
        28595 => ISO_8859_5,
        28597 => ISO_8859_7,
        28605 => ISO_8859_15,
        65001 => UTF_8,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn code_pages_unicode_and_skipped_groups() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1\fcharset204 Times;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Le sommet}{\author Claire Dubois}{\creatim\yr2011\mo12\dy29\hr10}}
{\header Page header}\pard Le pr\'e9sident a dit\~: \ldblquote oui\rdblquote .\par
{\f1 \'cf\'f3\'f2\'e8\'ed}\par
\uc1\u8364? et \u-10179?\u-8694? fin {\*\fldinst HYPERLINK x}{\fldrslt lien}\par}";
        let t = to_text(rtf).unwrap();
        assert_eq!(t.title, "Le sommet");
        assert_eq!(t.author, "Claire Dubois");
        assert_eq!(t.created, "2011-12-29");
        let lines: Vec<&str> = t.text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Le président a dit\u{a0}: “oui”.", "Путин", "€ et 😊 fin lien"]);
    }

    #[test]
    fn an_unknown_code_page_is_an_error_with_its_position() {
        let e = to_text(br"{\rtf1\ansi\ansicpg99999 caf\'e9\par}").unwrap_err();
        assert!(e.contains("code page 99999") && e.contains("byte 28"), "{e}");
        // No byte to decode: the code page does not matter.
        assert!(to_text(br"{\rtf1\ansi\ansicpg99999 cafe\par}").is_ok());
        assert!(to_text(b"hello").is_err());
    }
}
