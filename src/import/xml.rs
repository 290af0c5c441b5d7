//! A small pull reader over quick-xml for the XML inside office files, EPUBs and Factiva's
//! XML export: start and end tags by local name (prefixes dropped), attributes by local name,
//! text with its entity and character references resolved. Errors say at which byte.

use quick_xml::events::Event;

#[derive(Debug, Clone, PartialEq)]
pub enum Ev {
    Start { name: String, attrs: Vec<(String, String)> },
    End { name: String },
    Text(String),
}

impl Ev {
    /// The value of an attribute of a start tag, by local name.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Ev::Start { attrs, .. } => attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

pub struct XmlReader<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    buf: Vec<u8>,
    /// The end tag owed for an empty element (`<w:br/>`).
    pending_end: Option<String>,
    /// Elements open now: a document that ends with some open was cut off.
    depth: usize,
    done: bool,
}

impl<'a> XmlReader<'a> {
    pub fn new(bytes: &'a [u8]) -> XmlReader<'a> {
        let mut reader = quick_xml::Reader::from_reader(bytes);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = false;
        XmlReader { reader, buf: Vec::new(), pending_end: None, depth: 0, done: false }
    }
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

fn start(e: &quick_xml::events::BytesStart) -> Ev {
    let attrs = e
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string());
            (local(a.key.as_ref()), value)
        })
        .collect();
    Ev::Start { name: local(e.name().as_ref()), attrs }
}

impl Iterator for XmlReader<'_> {
    type Item = Result<Ev, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(name) = self.pending_end.take() {
            return Some(Ok(Ev::End { name }));
        }
        if self.done {
            return None;
        }
        loop {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e,
                Err(e) => {
                    self.done = true;
                    return Some(Err(format!("byte {}: {e}", self.reader.error_position())));
                }
            };
            return Some(Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    start(&e)
                }
                Event::Empty(e) => {
                    let ev = start(&e);
                    if let Ev::Start { name, .. } = &ev {
                        self.pending_end = Some(name.clone());
                    }
                    ev
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ev::End { name: local(e.name().as_ref()) }
                }
                Event::Text(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::CData(t) => Ev::Text(t.into_inner().into_owned()),
                Event::GeneralRef(r) => {
                    let name = r.to_string();
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => quick_xml::escape::resolve_predefined_entity(&name)
                            .or_else(|| quick_xml::escape::resolve_html5_entity(&name))
                            .map(str::to_string)
                            .unwrap_or_default(),
                    };
                    Ev::Text(text)
                }
                Event::Eof => {
                    self.done = true;
                    if self.depth > 0 {
                        return Some(Err(format!(
                            "byte {}: the document ends with {} element(s) still open: it was cut off",
                            self.reader.buffer_position(),
                            self.depth
                        )));
                    }
                    return None;
                }
                _ => continue,
            }));
        }
    }
}
