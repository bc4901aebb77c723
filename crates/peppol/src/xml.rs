//! A thin layer over quick-xml for writing UBL: every text and attribute is escaped, characters that
//! XML 1.0 cannot carry are dropped, and empty elements are left out (Peppol forbids them,
//! PEPPOL-EN16931-R008), so no caller has to remember any of that.

use std::borrow::Cow;
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use rust_decimal::{Decimal, RoundingStrategy};

/// Writes one UBL document into memory.
pub(crate) struct UblXml {
    writer: Writer<Vec<u8>>,
    /// The first write error, reported by `finish`; writing into a `Vec` does not fail in
    /// practice, but an error is never swallowed.
    failure: Option<io::Error>,
}

impl UblXml {
    pub(crate) fn new() -> UblXml {
        let mut xml = UblXml {
            writer: Writer::new_with_indent(Vec::with_capacity(16 * 1024), b' ', 1),
            failure: None,
        };
        xml.emit(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml
    }

    fn emit(&mut self, event: Event<'_>) {
        if let Err(error) = self.writer.write_event(event)
            && self.failure.is_none()
        {
            self.failure = Some(error);
        }
    }

    /// `<name attrs…>`, then whatever `content` writes, then `</name>`.
    pub(crate) fn group_with(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        content: impl FnOnce(&mut UblXml),
    ) {
        let mut start = BytesStart::new(name);
        for (key, value) in attributes {
            start.push_attribute((*key, xml_safe(value).as_ref()));
        }
        self.emit(Event::Start(start));
        content(self);
        self.emit(Event::End(BytesEnd::new(name)));
    }

    /// `<name>`, then whatever `content` writes, then `</name>`.
    pub(crate) fn group(&mut self, name: &str, content: impl FnOnce(&mut UblXml)) {
        self.group_with(name, &[], content);
    }

    /// `<name attrs…>value</name>`, or nothing when `value` is blank.
    pub(crate) fn text_with(&mut self, name: &str, attributes: &[(&str, &str)], value: &str) {
        let safe = xml_safe(value);
        let value = safe.trim();
        if value.is_empty() {
            return;
        }
        self.group_with(name, attributes, |xml| {
            xml.emit(Event::Text(BytesText::new(value)));
        });
    }

    /// `<name>value</name>`, or nothing when `value` is blank.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.text_with(name, &[], value);
    }

    /// A monetary amount with two decimals and its currency, as every UBL amount must be.
    pub(crate) fn amount(&mut self, name: &str, currency: &str, value: Decimal) {
        self.text_with(name, &[("currencyID", currency)], &format_amount(value));
    }

    /// Ends the document with a line break, as text files do.
    pub(crate) fn newline(&mut self) {
        self.emit(Event::Text(BytesText::from_escaped("\n")));
    }

    /// The document as UTF-8 text.
    pub(crate) fn finish(self) -> io::Result<String> {
        if let Some(error) = self.failure {
            return Err(error);
        }
        String::from_utf8(self.writer.into_inner()).map_err(io::Error::other)
    }
}

/// An amount rounded to öre and always written with two decimals ("1250.00"), as BR-DEC-* require.
pub(crate) fn format_amount(value: Decimal) -> String {
    let rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{rounded:.2}")
}

/// A quantity, price or percentage without trailing zeros ("12.5", "25").
pub(crate) fn format_number(value: Decimal) -> String {
    value.normalize().to_string()
}

/// `text` without the characters XML 1.0 forbids (control characters other than tab, line feed and
/// carriage return, and the non-characters U+FFFE and U+FFFF). They cannot even be written as
/// character references, and a pasted one would otherwise make the whole file unreadable.
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn formats_amounts_and_numbers() {
        for (value, amount) in [
            (dec!(1250), "1250.00"),
            (dec!(0.005), "0.01"),
            (dec!(-0.5), "-0.50"),
            (dec!(12.345), "12.35"),
        ] {
            assert_eq!(format_amount(value), amount, "{value}");
        }
        assert_eq!(format_number(dec!(12.50)), "12.5");
        assert_eq!(format_number(dec!(25.00)), "25");
    }

    #[test]
    fn escapes_text_and_attributes_and_drops_empty_elements() -> io::Result<()> {
        let mut xml = UblXml::new();
        xml.group("a", |xml| {
            xml.text_with(
                "b",
                &[("name", "\"x\" & 'y' <z>")],
                "Fish & <chips> \"ok\" 'ja' ✓ 𝄞",
            );
            xml.text("empty", "   ");
            xml.text("bell", "ring\u{7}bell");
        });
        let text = xml.finish()?;
        assert!(text.contains("&amp; &lt;chips&gt;"), "{text}");
        assert!(text.contains("✓ 𝄞"), "{text}");
        assert!(
            text.contains("name=\"&quot;x&quot; &amp; &apos;y&apos; &lt;z&gt;\""),
            "{text}"
        );
        assert!(!text.contains("<empty"), "{text}");
        assert!(text.contains("<bell>ringbell</bell>"), "{text}");
        Ok(())
    }
}
