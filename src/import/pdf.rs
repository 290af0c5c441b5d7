//! PDF with a text layer. `pdf-extract` (on `lopdf`) decodes the glyphs with their positions;
//! the layout is ours: glyphs become lines, a page with a clear gutter is read column by
//! column (text spanning both columns, such as a title, in its place), running headers and
//! footers (the same line at the top or bottom of most pages) and page numbers are dropped,
//! lines are joined into paragraphs (a paragraph ends at a larger gap, an indent, or a short
//! line ending a sentence), and end-of-line hyphenation is undone (`intelli-` + `gence`) while
//! real hyphens are kept (`Jean-` + `Pierre`, `peut-` + `être`, or a hyphenated form the
//! document uses elsewhere).
//! A PDF without a text layer (a scan) and one that needs a password are refused, saying so.

use crate::model::ArticleMeta;
use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};
use std::collections::{HashMap, HashSet};

pub struct PdfText {
    pub meta: ArticleMeta,
    pub text: String,
    /// The first line set larger than the body text, for a title when the PDF has none.
    pub first_heading: String,
}

#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    /// From the top of the page, downwards.
    y: f64,
    w: f64,
    size: f64,
    s: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    /// The current page's top edge in PDF space (y grows upwards there).
    top: f64,
}

struct Page {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(&mut self, _n: u32, media: &MediaBox, _art: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        let height = (media.ury - media.lly).abs();
        self.top = media.ury;
        self.pages.push(Page { width: (media.urx - media.llx).abs(), height, glyphs: Vec::new() });
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _sp: f64,
        font_size: f64,
        s: &str,
    ) -> Result<(), OutputError> {
        // The glyph's origin, from the top of the page; its size is the side of the square
        // with the area of the transformed em square (as pdf-extract's own text output does).
        let (x, y) = (trm.m31, self.top - trm.m32);
        let (vx, vy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (vx * vy).abs().sqrt();
        if !size.is_finite() || !x.is_finite() || !y.is_finite() || size <= 0.0 {
            return Ok(());
        }
        if let Some(page) = self.pages.last_mut()
            && page.glyphs.len() < 2_000_000
        {
            page.glyphs.push(Glyph { x, y, w: (width * size).max(0.0), size, s: s.to_string() });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A line (or the part of a line in one column) of a page.
#[derive(Clone, Debug)]
struct Line {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    page: usize,
    /// Which column of its page (0 left, 1 right), or `None` for text spanning the page.
    column: Option<u8>,
}

pub fn read(bytes: &[u8]) -> Result<PdfText, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("the PDF is encrypted and needs a password: remove the protection first (for example \
                    `qpdf --decrypt --password=… in.pdf out.pdf`) and import the result"
            .into());
    }
    let meta = info(&doc);
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector).map_err(|e| format!("the PDF could not be read: {e}"))?;
    let glyphs: usize =
        collector.pages.iter().map(|p| p.glyphs.iter().filter(|g| !g.s.trim().is_empty()).count()).sum();
    if glyphs == 0 {
        return Err(format!(
            "no text layer ({} page(s) of images: a scan?): run OCR first (for example `ocrmypdf in.pdf out.pdf`) \
             and import the result",
            collector.pages.len()
        ));
    }
    let mut lines = Vec::new();
    for (i, page) in collector.pages.iter().enumerate() {
        lines.extend(page_lines(page, i));
    }
    let body_size = median_size(&lines);
    let lines = drop_running_lines(lines, &collector.pages);
    let first_heading = lines
        .iter()
        .filter(|l| l.page == 0)
        .find(|l| l.size > body_size * 1.15 && l.text.chars().any(char::is_alphabetic))
        .map(|l| l.text.trim().to_string())
        .unwrap_or_default();
    let paragraphs = paragraphs(&lines, body_size);
    let paragraphs = dehyphenate_all(paragraphs);
    Ok(PdfText { meta, text: super::htmltext::join(&paragraphs), first_heading })
}

/// Title, author and creation date from the document information dictionary.
fn info(doc: &Document) -> ArticleMeta {
    let mut meta = ArticleMeta::default();
    let Some(dict) = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }) else {
        return meta;
    };
    let get = |k: &[u8]| dict.get(k).ok().and_then(|o| o.as_str().ok()).map(pdf_string).unwrap_or_default();
    meta.title = get(b"Title").trim().to_string();
    meta.author = get(b"Author").trim().to_string();
    // D:20111229103000+01'00'
    let created = get(b"CreationDate");
    let digits: String = created.trim_start_matches("D:").chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 8 {
        meta.published = format!("{}-{}-{}", &digits[0..4], &digits[4..6], &digits[6..8]);
    }
    meta
}

/// A PDF text string: UTF-16 with a BOM, else PDFDocEncoding (close to Latin-1).
fn pdf_string(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = b[2..].chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(&b[3..]).into_owned();
    }
    // PDFDocEncoding: Latin-1 but for typographic characters at 0x80–0xA0.
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł',
        'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{fffd}', '€',
    ];
    b.iter().map(|&c| if (0x80..=0xA0).contains(&c) { HIGH[usize::from(c - 0x80)] } else { c as char }).collect()
}

fn median_size(lines: &[Line]) -> f64 {
    let mut sizes: Vec<f64> = lines.iter().flat_map(|l| std::iter::repeat_n(l.size, l.text.len().min(200))).collect();
    if sizes.is_empty() {
        return 10.0;
    }
    sizes.sort_by(f64::total_cmp);
    sizes[sizes.len() / 2]
}

/// The lines of a page in reading order, columns apart.
fn page_lines(page: &Page, index: usize) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    if glyphs.is_empty() {
        return Vec::new();
    }
    // Rows: glyphs whose baselines are close, then split where the gap is wide (a gutter).
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() < 0.35 * row[0].size.max(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut frags: Vec<Line> = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut cur: Vec<&Glyph> = Vec::new();
        let mut end = f64::MIN;
        for g in row {
            let gap = g.x - end;
            if !cur.is_empty() && gap > 1.5 * g.size.max(cur[0].size) {
                frags.push(fragment(&cur, index));
                cur.clear();
            }
            end = end.max(g.x + g.w);
            if cur.is_empty() {
                end = g.x + g.w;
            }
            cur.push(g);
        }
        if !cur.is_empty() {
            frags.push(fragment(&cur, index));
        }
    }
    frags.retain(|f| !f.text.trim().is_empty());
    assign_columns(&mut frags, page.width, page.height);
    order(frags)
}

fn fragment(glyphs: &[&Glyph], page: usize) -> Line {
    let mut text = String::new();
    let mut end = f64::MIN;
    for g in glyphs {
        if !text.is_empty() && !text.ends_with(' ') && !g.s.starts_with(' ') && g.x - end > 0.15 * g.size {
            text.push(' ');
        }
        text.push_str(&g.s);
        end = g.x + g.w;
    }
    let text = text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    Line {
        x0: glyphs.first().map_or(0.0, |g| g.x),
        x1: glyphs.last().map_or(0.0, |g| g.x + g.w),
        y: glyphs.iter().map(|g| g.y).sum::<f64>() / glyphs.len() as f64,
        size,
        text,
        page,
        column: None,
    }
}

/// Finds a vertical gutter crossed by no narrow line; lines left of it are column 0, right of
/// it column 1, lines across it span the page. Lines in the top and bottom margins (running
/// heads, a page number centred over the gutter) are left out of the search.
fn assign_columns(frags: &mut [Line], page_width: f64, page_height: f64) {
    let in_body = |f: &Line| f.y > page_height * 0.08 && f.y < page_height * 0.92;
    let body: Vec<&Line> = frags.iter().filter(|f| in_body(f)).collect();
    if body.len() < 6 {
        return;
    }
    let left = body.iter().map(|f| f.x0).fold(f64::MAX, f64::min);
    let right = body.iter().map(|f| f.x1).fold(f64::MIN, f64::max);
    let width = (right - left).max(1.0);
    let narrow: Vec<&&Line> = body.iter().filter(|f| f.x1 - f.x0 < width * 0.6).collect();
    if narrow.len() < 6 {
        return;
    }
    // Coverage of the middle half of the text area by narrow lines, in 1-point bins.
    let (lo, hi) = (left + width * 0.25, left + width * 0.75);
    let bins = ((hi - lo).ceil() as usize).clamp(1, 4000);
    let mut covered = vec![false; bins];
    for f in &narrow {
        let a = ((f.x0 - lo).floor().max(0.0) as usize).min(bins);
        let b = ((f.x1 - lo).ceil().max(0.0) as usize).min(bins);
        covered[a..b].iter_mut().for_each(|c| *c = true);
    }
    // The widest run of uncovered bins.
    let mut best: Option<(usize, usize)> = None;
    let mut start: Option<usize> = None;
    for (i, &c) in covered.iter().chain(std::iter::once(&true)).enumerate() {
        let free = !c;
        match (free, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if best.is_none_or(|(a, b)| i - s > b - a) {
                    best = Some((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    let Some((a, b)) = best else { return };
    if ((b - a) as f64) < (page_width * 0.015).max(6.0) {
        return;
    }
    let (g0, g1) = (lo + a as f64, lo + b as f64);
    let on_left = narrow.iter().filter(|f| f.x1 <= g0 + 0.5).count();
    let on_right = narrow.iter().filter(|f| f.x0 >= g1 - 0.5).count();
    if on_left < 3 || on_right < 3 {
        return;
    }
    for f in frags.iter_mut().filter(|f| in_body(f)) {
        f.column = if f.x1 <= g0 + 0.5 {
            Some(0)
        } else if f.x0 >= g1 - 0.5 {
            Some(1)
        } else {
            None
        };
    }
}

/// Reading order: top to bottom; within a run of column lines (between lines spanning the
/// page), the whole left column, then the whole right one.
fn order(frags: Vec<Line>) -> Vec<Line> {
    let mut sorted = frags;
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::with_capacity(sorted.len());
    let mut run: Vec<Line> = Vec::new();
    let flush = |run: &mut Vec<Line>, out: &mut Vec<Line>| {
        run.sort_by(|a, b| a.column.cmp(&b.column).then(a.y.total_cmp(&b.y)));
        out.append(run);
    };
    for f in sorted {
        if f.column.is_some() {
            run.push(f);
        } else {
            flush(&mut run, &mut out);
            out.push(f);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// "Page 3 of 12", "- 3 -", "3", "3/12".
fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let t = t.strip_prefix("page").or_else(|| t.strip_prefix("p.")).unwrap_or(t).trim();
    let words: Vec<&str> = t.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()) || ["of", "sur", "von", "de"].contains(w))
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// Drops page numbers and lines repeated at the top or bottom of most pages.
fn drop_running_lines(lines: Vec<Line>, pages: &[Page]) -> Vec<Line> {
    let margin = |l: &Line| {
        let h = pages.get(l.page).map_or(800.0, |p| p.height);
        l.y < h * 0.1 || l.y > h * 0.9
    };
    let key = |l: &Line| l.text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect::<String>();
    let mut seen: HashMap<String, HashSet<usize>> = HashMap::new();
    for l in lines.iter().filter(|l| margin(l)) {
        seen.entry(key(l)).or_default().insert(l.page);
    }
    let n_pages = pages.len();
    let repeated = |l: &Line| {
        let on = seen.get(&key(l)).map_or(0, HashSet::len);
        n_pages >= 2 && on >= 2 && on * 2 >= n_pages
    };
    lines.into_iter().filter(|l| !(margin(l) && (is_page_number(&l.text) || repeated(l)))).collect()
}

/// Lines joined into paragraphs.
fn paragraphs(lines: &[Line], body: f64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur: Vec<&Line> = Vec::new();
    // Typical line pitch: the median gap between consecutive lines of one column.
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[0].column == w[1].column && w[1].y > w[0].y)
        .map(|w| w[1].y - w[0].y)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let pitch = gaps.get(gaps.len() / 2).copied().unwrap_or(body * 1.2).max(body * 0.8);
    // The left and right edges of each column of each page, for indents and short lines.
    let mut edges: HashMap<(usize, Option<u8>), (f64, f64)> = HashMap::new();
    for l in lines {
        let e = edges.entry((l.page, l.column)).or_insert((f64::MAX, f64::MIN));
        e.0 = e.0.min(l.x0);
        e.1 = e.1.max(l.x1);
    }
    for (i, l) in lines.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).map(|j| &lines[j]) {
            let same_block = prev.page == l.page && prev.column == l.column;
            let (left, _) = edges.get(&(l.page, l.column)).copied().unwrap_or((l.x0, l.x1));
            let (prev_left, prev_right) = edges.get(&(prev.page, prev.column)).copied().unwrap_or((prev.x0, prev.x1));
            let ends_sentence = prev.text.trim_end().ends_with(['.', '!', '?', ':', '»', '"', '”', ';']);
            let short_prev = prev.x1 < prev_right - (prev_right - prev_left) * 0.12 && ends_sentence;
            let indent = l.x0 > left + body * 0.8;
            let size_change = (l.size - prev.size).abs() > body * 0.15;
            let new_paragraph = if same_block {
                let gap = l.y - prev.y;
                let big_gap = gap > pitch * 1.45 || gap < 0.0;
                big_gap || (indent && prev.x0 <= prev_left + body * 0.5) || short_prev || size_change
            } else {
                // A new column or page: the paragraph goes on unless the last one ended there
                // or this line is indented as a first line.
                indent || short_prev || size_change
            };
            if new_paragraph && !cur.is_empty() {
                out.push(join_lines(&cur));
                cur.clear();
            }
        }
        cur.push(l);
    }
    if !cur.is_empty() {
        out.push(join_lines(&cur));
    }
    out
}

/// Lines of a paragraph joined with spaces; hyphens at line ends are marked for
/// [`dehyphenate_all`] with U+E000 (a private-use character no PDF text is made of).
fn join_lines(lines: &[&Line]) -> String {
    let mut s = String::new();
    for l in lines {
        let t = l.text.trim();
        if s.is_empty() {
            s.push_str(t);
            continue;
        }
        if let Some(stem) = s.strip_suffix(['-', '\u{2010}', '\u{ad}'])
            && stem.chars().last().is_some_and(char::is_alphabetic)
        {
            let soft = s.ends_with('\u{ad}');
            s.truncate(stem.len());
            s.push(if soft { '\u{e001}' } else { '\u{e000}' });
            s.push_str(t);
        } else {
            s.push(' ');
            s.push_str(t);
        }
    }
    s
}

/// Words after a hyphen that make a compound, not a line-end hyphenation.
const COMPOUND_TAILS: [&str; 24] = [
    "être", "à", "là", "ci", "il", "ils", "elle", "elles", "on", "t", "même", "mêmes", "dessus", "dessous", "delà",
    "deçà", "vis", "clés", "clé", "moi", "toi", "lui", "nous", "vous",
];

/// Undoes end-of-line hyphenation: `intelli` + `gence` is joined when the document never
/// writes `intelli-gence` otherwise, and the second part is lower case and not a known tail.
fn dehyphenate_all(paragraphs: Vec<String>) -> Vec<String> {
    let word_chars = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut words: HashSet<String> = HashSet::new();
    for p in &paragraphs {
        for w in p.split(|c: char| !word_chars(c)).filter(|w| !w.is_empty()) {
            words.insert(w.to_lowercase());
        }
    }
    paragraphs
        .into_iter()
        .map(|p| {
            if !p.contains(['\u{e000}', '\u{e001}']) {
                return p;
            }
            let mut out = String::with_capacity(p.len());
            let chars: Vec<char> = p.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if c == '\u{e001}' {
                    continue; // a soft hyphen: always a hyphenation
                }
                if c != '\u{e000}' {
                    out.push(c);
                    continue;
                }
                let before: String = {
                    let mut w: Vec<char> =
                        chars[..i].iter().rev().take_while(|c| c.is_alphanumeric()).copied().collect();
                    w.reverse();
                    w.into_iter().collect()
                };
                let after: String = chars[i + 1..].iter().take_while(|c| c.is_alphanumeric()).collect();
                let joined = format!("{before}{after}").to_lowercase();
                let hyphenated = format!("{before}-{after}").to_lowercase();
                let lower_next = after.chars().next().is_some_and(char::is_lowercase);
                let keep = !lower_next
                    || COMPOUND_TAILS.contains(&after.to_lowercase().as_str())
                    || (words.contains(&hyphenated) && !words.contains(&joined));
                if keep {
                    out.push('-');
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenation_is_undone_and_real_hyphens_kept() {
        let p = vec![
            "L’intelli\u{e000}gence artificielle, dit Jean\u{e000}Pierre, peut\u{e000}être.".to_string(),
            "Le sommet franco\u{e000}allemand et un autre sommet franco-allemand.".to_string(),
            "Un mot cou\u{e001}pé.".to_string(),
        ];
        let out = dehyphenate_all(p);
        assert_eq!(out[0], "L’intelligence artificielle, dit Jean-Pierre, peut-être.");
        assert_eq!(out[1], "Le sommet franco-allemand et un autre sommet franco-allemand.");
        assert_eq!(out[2], "Un mot coupé.");
    }

    #[test]
    fn page_numbers() {
        for t in ["3", "- 12 -", "Page 3 of 12", "3/12", "page 4"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["3 mars", "Le Monde", "Paris, 12 mars"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
