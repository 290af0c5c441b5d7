//! A fast reader for the article files of a project folder, as Glose writes them: the RON
//! subset those files use (structs, lists, string maps, `Some`/`None`, unsigned integers, strings
//! with `char::escape_debug` escapes), read straight into the article. Anything else — another
//! field, a raw string, a comment inside, a duplicate field, a missing one — gives `None`, and the
//! caller reads the file with `ron` (which also reports errors with their place). At a newspaper's
//! year (1.2 GB of article files) `ron`'s general parser was most of the time to open a project.
//! Tested to read exactly what `ron` reads (`tests` below and `tests/folder.rs`).

use super::folder::ArticleIn;
use crate::model::{ArticleId, EntityId, Fragment, LabelId, RelTypeId, Relation, RelationId, Span, SpanId};
use std::collections::BTreeMap;

struct Reader<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

/// Reads an article file; `None` when it is not in the form Glose writes (see the module).
pub(super) fn read(text: &str) -> Option<ArticleIn> {
    let mut r = Reader { s: text.as_bytes(), text, i: 0 };
    r.ws()?;
    let a = r.article()?;
    r.ws()?;
    (r.i == r.s.len()).then_some(a)
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Skips white space and `//` comments; a block comment gives up.
    fn ws(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\n' | b'\r' | b'\t' => self.i += 1,
                b'/' if self.s.get(self.i + 1) == Some(&b'/') => {
                    let rest = &self.s[self.i..];
                    self.i += rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |p| p + 1);
                }
                b'/' => return None,
                _ => break,
            }
        }
        Some(())
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws()?;
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// A `,` before the next item, or the closing bracket `close` (eaten): `Some(true)` at the end.
    fn next_or_end(&mut self, close: u8) -> Option<bool> {
        self.ws()?;
        match self.peek()? {
            b',' => {
                self.i += 1;
                self.ws()?;
                if self.peek()? == close {
                    self.i += 1;
                    return Some(true);
                }
                Some(false)
            }
            c if c == close => {
                self.i += 1;
                Some(true)
            }
            _ => None,
        }
    }

    fn ident(&mut self) -> Option<&'a str> {
        self.ws()?;
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.i += 1;
        }
        (self.i > start).then(|| &self.text[start..self.i])
    }

    fn number(&mut self) -> Option<u64> {
        self.ws()?;
        let start = self.i;
        let mut n: u64 = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            self.i += 1;
        }
        // A sign, a fraction, an exponent, `_` or a letter: not ours.
        let after = self.peek();
        (self.i > start && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')).then_some(n)
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            let rest = &self.s[self.i..];
            let stop = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[self.i..self.i + stop]);
            self.i += stop;
            if self.s[self.i] == b'"' {
                self.i += 1;
                return Some(out);
            }
            self.i += 1;
            let c = match *self.s.get(self.i)? {
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'\\' => '\\',
                b'"' => '"',
                b'\'' => '\'',
                b'u' => {
                    let rest = self.text.get(self.i + 1..)?.strip_prefix('{')?;
                    let end = rest.find('}')?;
                    let code = u32::from_str_radix(&rest[..end], 16).ok()?;
                    self.i += 1 + end + 1;
                    char::from_u32(code)?
                }
                _ => return None,
            };
            self.i += 1;
            out.push(c);
        }
    }

    /// `( name: value, … )`, each value read by `field`, which says false for a name it does not
    /// know (then the whole file goes to `ron`, as it does for a name given twice).
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<bool>) -> Option<()> {
        self.eat(b'(')?;
        self.ws()?;
        if self.peek()? == b')' {
            self.i += 1;
            return Some(());
        }
        // The names met so far, on the stack (a list per span cost an allocation each).
        let mut seen: [&str; 16] = [""; 16];
        let mut count = 0;
        loop {
            let name = self.ident()?;
            if seen[..count].contains(&name) || count == seen.len() {
                return None;
            }
            seen[count] = name;
            count += 1;
            self.eat(b':')?;
            if !field(self, name)? {
                return None;
            }
            if self.next_or_end(b')')? {
                return Some(());
            }
        }
    }

    fn list<T>(&mut self, item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.list_into(&mut out, item)?;
        out.shrink_to_fit();
        Some(out)
    }

    /// A list's items pushed onto `out`.
    fn list_into<T>(&mut self, out: &mut Vec<T>, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<()> {
        self.eat(b'[')?;
        self.ws()?;
        if self.peek()? == b']' {
            self.i += 1;
            return Some(());
        }
        loop {
            out.push(item(self)?);
            if self.next_or_end(b']')? {
                return Some(());
            }
        }
    }

    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.ident()? {
            "None" => Some(None),
            "Some" => {
                self.eat(b'(')?;
                let v = item(self)?;
                self.eat(b')')?;
                Some(Some(v))
            }
            _ => None,
        }
    }

    fn map(&mut self) -> Option<BTreeMap<String, String>> {
        self.eat(b'{')?;
        let mut out = BTreeMap::new();
        self.ws()?;
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(out);
        }
        loop {
            let k = self.string()?;
            self.eat(b':')?;
            let v = self.string()?;
            if out.insert(k, v).is_some() {
                return None;
            }
            if self.next_or_end(b'}')? {
                return Some(out);
            }
        }
    }

    fn fragment(&mut self) -> Option<Fragment> {
        self.eat(b'(')?;
        let start = self.usize()?;
        self.eat(b',')?;
        let end = self.usize()?;
        self.ws()?;
        if self.peek()? == b',' {
            self.i += 1;
        }
        self.eat(b')')?;
        Some(Fragment::new(start, end))
    }

    fn span(&mut self) -> Option<Span> {
        let mut s = Span::default();
        let (mut id, mut fragments, mut label, mut quote) = (None, None, None, None);
        self.fields(|r, name| {
            match name {
                "id" => {
                    id = Some(SpanId(r.number()?));
                }
                "fragments" => {
                    // Nearly every span has one fragment: one allocation of the right size.
                    let mut list = Vec::with_capacity(1);
                    r.list_into(&mut list, Self::fragment)?;
                    list.shrink_to_fit();
                    fragments = Some(list);
                }
                "label" => {
                    label = Some(LabelId(r.number()?));
                }
                "entity" => {
                    s.entity = r.option(|r| r.number().map(EntityId))?;
                }
                "attributes" => {
                    s.attributes = r.map()?;
                }
                "note" => {
                    s.note = r.string()?;
                }
                "annotator" => {
                    s.annotator = r.string()?;
                }
                "quote" => {
                    quote = Some(r.string()?);
                }
                _ => return Some(false),
            }
            Some(true)
        })?;
        (s.id, s.fragments, s.label, s.quote) = (id?, fragments?, label?, quote?);
        Some(s)
    }

    /// The spans, read into a list this thread keeps from one article to the next and then
    /// moved to one of the exact size (growing by doubling copied each span several times).
    fn spans(&mut self) -> Option<Vec<Span>> {
        thread_local! {
            static SCRATCH: std::cell::Cell<Vec<Span>> = const { std::cell::Cell::new(Vec::new()) };
        }
        let mut scratch = SCRATCH.take();
        scratch.clear();
        let read = self.list_into(&mut scratch, Self::span);
        let spans = read.map(|()| {
            let mut exact = Vec::with_capacity(scratch.len());
            exact.append(&mut scratch);
            exact
        });
        scratch.clear();
        SCRATCH.set(scratch);
        spans
    }

    fn relation(&mut self) -> Option<Relation> {
        let mut rel = Relation::default();
        let (mut id, mut kind, mut from, mut to) = (None, None, None, None);
        self.fields(|r, name| {
            match name {
                "id" => {
                    id = Some(RelationId(r.number()?));
                }
                "kind" => {
                    kind = Some(RelTypeId(r.number()?));
                }
                "from" => {
                    from = Some(SpanId(r.number()?));
                }
                "to" => {
                    to = Some(SpanId(r.number()?));
                }
                "note" => {
                    rel.note = r.string()?;
                }
                "annotator" => {
                    rel.annotator = r.string()?;
                }
                _ => return Some(false),
            }
            Some(true)
        })?;
        (rel.id, rel.kind, rel.from, rel.to) = (id?, kind?, from?, to?);
        Some(rel)
    }

    fn article(&mut self) -> Option<ArticleIn> {
        let mut a = ArticleIn::default();
        let mut id = None;
        self.fields(|r, name| {
            match name {
                "id" => {
                    id = Some(ArticleId(r.number()?));
                }
                "title" => {
                    a.title = r.string()?;
                }
                "source" => {
                    a.source = r.string()?;
                }
                "author" => {
                    a.author = r.string()?;
                }
                "url" => {
                    a.url = r.string()?;
                }
                "published" => {
                    a.published = r.string()?;
                }
                "language" => {
                    a.language = r.string()?;
                }
                "details" => {
                    a.details = r.map()?;
                }
                "near_duplicate_of" => {
                    a.near_duplicate_of = r.option(|r| r.number().map(ArticleId))?;
                }
                "spans" => {
                    a.spans = r.spans()?;
                }
                "relations" => {
                    a.relations = r.list(Self::relation)?;
                }
                _ => return Some(false),
            }
            Some(true)
        })?;
        a.id = id?;
        Some(a)
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use crate::model::Article;
    use crate::store::folder::{ArticleIn, article_files};

    fn ron_read(text: &str) -> ArticleIn {
        ron::from_str(text).expect("ron reads what Glose writes")
    }

    use crate::store::write_article::tests::NASTY;

    #[test]
    fn the_fast_reader_reads_exactly_what_ron_reads() {
        let mut project = crate::synth::project(9, 12, 600, 15, 4);
        for (k, a) in project.articles.iter_mut().enumerate() {
            let a = std::sync::Arc::make_mut(a);
            a.title = NASTY[k % NASTY.len()].into();
            a.author = NASTY[(k + 1) % NASTY.len()].into();
            a.details.insert(NASTY[(k + 2) % NASTY.len()].into(), NASTY[(k + 3) % NASTY.len()].into());
            a.near_duplicate_of = (k % 2 == 0).then_some(crate::model::ArticleId(7));
            for (j, s) in a.spans.iter_mut().enumerate() {
                s.note = NASTY[(k + j) % NASTY.len()].into();
                s.quote = NASTY[(k + j + 1) % NASTY.len()].into();
                if j % 3 == 0 {
                    s.attributes.insert("stance".into(), NASTY[j % NASTY.len()].into());
                    s.attributes.insert(NASTY[(j + 5) % NASTY.len()].into(), "x".into());
                }
                if j % 4 == 0 {
                    s.fragments.push(crate::model::Fragment::new(1000 + j, 1001 + j));
                }
            }
            for r in &mut a.relations {
                r.note = NASTY[k % NASTY.len()].into();
            }
        }
        project.articles.push(std::sync::Arc::new(Article { id: crate::model::ArticleId(99), ..Default::default() }));
        for a in &project.articles {
            let text = article_files(a).unwrap();
            let fast = read(&text).unwrap_or_else(|| panic!("the fast reader gave up on:\n{text}"));
            assert_eq!(fast, ron_read(&text));
        }
    }

    #[test]
    fn anything_else_is_left_to_ron() {
        let a = crate::synth::project(3, 1, 300, 3, 1).articles[0].clone();
        let text = article_files(&a).unwrap();
        let changed = [
            text.replacen("  title:", "  subtitle: \"x\",\n  title:", 1),
            text.replacen("  title:", "  title: \"dup\",\n  title:", 1),
            text.replacen("  title: \"", "  title: r\"", 1),
            text.replacen("  spans: [", "  /* a note */ spans: [", 1),
            text.replacen("      label: ", "      label: -", 1),
            text.replacen("      label: ", "      label: 1.", 1),
            text.replacen("      id: ", "      ", 1),
            format!("{text} trailing"),
        ];
        for t in &changed {
            assert!(read(t).is_none(), "should give up on:\n{t}");
        }
        assert_eq!(read(&text), Some(ron_read(&text)));
    }
}
