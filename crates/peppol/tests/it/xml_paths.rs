//! Reads a written document back as (path, value) pairs, so tests can ask what a receiver would read
//! at `/Invoice/cac:TaxTotal/cbc:TaxAmount` without caring about layout or escaping.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// Every element text and attribute value of a document, keyed by its path.
#[derive(Debug, Default)]
pub struct XmlPaths {
    pairs: Vec<(String, String)>,
}

impl XmlPaths {
    pub fn parse(xml: &str) -> XmlPaths {
        let mut reader = Reader::from_str(xml);
        let mut stack: Vec<String> = Vec::new();
        let mut pairs = Vec::new();
        // Text arrives in pieces around entity references; it is collected until the next tag.
        let mut text = String::new();
        let flush = |stack: &[String], text: &mut String, pairs: &mut Vec<(String, String)>| {
            if !text.trim().is_empty() {
                pairs.push((format!("/{}", stack.join("/")), std::mem::take(text)));
            }
            text.clear();
        };
        loop {
            match reader.read_event() {
                Ok(Event::Start(start)) => {
                    flush(&stack, &mut text, &mut pairs);
                    stack.push(start.name().as_ref().to_owned());
                    let path = format!("/{}", stack.join("/"));
                    for attribute in start.attributes().flatten() {
                        let key = attribute.key.as_ref().to_owned();
                        let value = attribute
                            .normalized_value(XmlVersion::Explicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_else(|e| panic!("{e}"));
                        pairs.push((format!("{path}/@{key}"), value));
                    }
                }
                Ok(Event::End(_)) => {
                    flush(&stack, &mut text, &mut pairs);
                    stack.pop();
                }
                Ok(Event::Text(piece)) => {
                    text.push_str(&piece.xml_content(XmlVersion::Explicit1_0));
                }
                Ok(Event::GeneralRef(reference)) => {
                    if let Ok(Some(character)) = reference.resolve_char_ref() {
                        text.push(character);
                        continue;
                    }
                    let resolved = match reference.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    };
                    text.push_str(resolved);
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!("not well-formed: {error}"),
            }
        }
        XmlPaths { pairs }
    }

    /// All values at `path`, in document order.
    pub fn all(&self, path: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The single value at `path`, or an empty string when there is none.
    pub fn one(&self, path: &str) -> &str {
        let values = self.all(path);
        assert!(values.len() <= 1, "{path} occurs {} times", values.len());
        values.first().copied().unwrap_or("")
    }
}
