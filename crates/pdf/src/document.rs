//! The PDF file itself: fonts and logo registered under fixed ids, pages added, metadata taken
//! from the invoice (never the clock), and a trailer /ID derived from the content, so the same
//! invoice always gives the same bytes.

use fakturera_core::invoice::Invoice;
use printpdf::{
    Mm, OffsetDateTime, Op, PdfDocument, PdfPage, PdfSaveOptions, TextItem, XObject, XObjectId,
};

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{self, PlacedLogo, Sheet};
use crate::logo::Logo;

const LOGO_ID: &str = "Logo";

/// Renders `invoice` with the parsed fonts and optional logo.
pub fn render(
    invoice: &Invoice,
    fonts: &'static Fonts,
    logo: Option<&Logo>,
) -> Result<Vec<u8>, PdfError> {
    let totals = invoice.totals();
    let (mut document, placed_logo) = new_document(logo);
    let sheet = Sheet::new(invoice, &totals, fonts, placed_logo);
    set_metadata(&mut document, &sheet);
    let pages = layout::pages(&sheet);
    finish(document, fonts, pages, &content_id(&sheet))
}

/// A document with the logo, if any, registered under a fixed id. The fonts are registered by
/// [`finish`], once the text is known.
pub(crate) fn new_document(logo: Option<&Logo>) -> (PdfDocument, Option<PlacedLogo>) {
    let mut document = PdfDocument::new("");
    let placed_logo = logo.map(|logo| {
        let id = XObjectId(LOGO_ID.to_owned());
        document
            .resources
            .xobjects
            .map
            .insert(id.clone(), XObject::Image(logo.raw().clone()));
        PlacedLogo {
            id,
            width_px: logo.width_px(),
            height_px: logo.height_px(),
        }
    });
    (document, placed_logo)
}

/// Registers the fonts, adds the A4 pages, saves with subset fonts, a content-derived trailer
/// /ID and deflated streams.
pub(crate) fn finish(
    mut document: PdfDocument,
    fonts: &Fonts,
    pages: Vec<Vec<Op>>,
    id: &[u8; 16],
) -> Result<Vec<u8>, PdfError> {
    register_fonts(&mut document, fonts, &pages);
    let pages = pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    document.with_pages(pages);

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = document.to_lopdf_document(&options, &mut warnings);
    pdf.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.to_vec(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id.to_vec(), lopdf::StringFormat::Hexadecimal),
        ]),
    );
    compress_streams(&mut pdf)?;
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|error| PdfError::write(&error.to_string()))?;
    Ok(bytes)
}

/// Registers both faces under their fixed ids: the common faces when every character the pages
/// show is in them, otherwise the full faces (see [`crate::fonts`]).
fn register_fonts(document: &mut PdfDocument, fonts: &Fonts, pages: &[Vec<Op>]) {
    let common = pages.iter().flatten().all(|op| match op {
        Op::ShowText { items } => items.iter().all(|item| match item {
            TextItem::Text(text) => fonts.common_covers(text),
            TextItem::Offset(_) | TextItem::GlyphIds(_) => true,
        }),
        _ => true,
    });
    for face in [&fonts.regular, &fonts.bold] {
        document
            .resources
            .fonts
            .map
            .insert(face.id(), face.pdf_font(!common));
    }
}

/// Deflates every stream not yet filtered. lopdf's own `compress` uses level 9, which was over a
/// third of a ten-page render's time (perf). Measured on the benchmark invoices: level 6 saved
/// little time, level 3 halves the 10-page render's compression time for 5 % more bytes
/// (54 KB against 52 KB), level 1 saves a little more but grows the file by a third.
fn compress_streams(pdf: &mut lopdf::Document) -> Result<(), PdfError> {
    // One deflate state for all streams: setting one up allocates and clears a few hundred KB,
    // which once per stream cost as much as compressing a 1-page invoice's streams (perf).
    let mut deflate = flate2::Compress::new(STREAM_COMPRESSION, true);
    for object in pdf.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        deflate.reset();
        let compressed = deflated(&mut deflate, &stream.content)?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// `input` deflated whole in zlib format by a freshly reset `deflate`.
fn deflated(deflate: &mut flate2::Compress, input: &[u8]) -> Result<Vec<u8>, PdfError> {
    // Room for input that does not compress at all (zlib's compressBound), grown if ever short.
    let mut output = Vec::with_capacity(input.len() + input.len() / 1000 + 64);
    loop {
        let consumed = usize::try_from(deflate.total_in()).unwrap_or(input.len());
        let status = deflate
            .compress_vec(
                input.get(consumed..).unwrap_or_default(),
                &mut output,
                flate2::FlushCompress::Finish,
            )
            .map_err(|error| PdfError::write(&error.to_string()))?;
        match status {
            flate2::Status::StreamEnd => return Ok(output),
            flate2::Status::Ok | flate2::Status::BufError => output.reserve(output.len().max(64)),
        }
    }
}

const STREAM_COMPRESSION: flate2::Compression = flate2::Compression::new(3);

fn set_metadata(document: &mut PdfDocument, sheet: &Sheet<'_>) {
    let invoice = sheet.invoice;
    let title = match &invoice.number {
        Some(number) => format!("{} {number}", sheet.title()),
        None => format!("{} ({})", sheet.title(), sheet.labels.draft),
    };
    set_document_info(
        document,
        title,
        &invoice.seller.name,
        &invoice.buyer.name,
        invoice.issue_date,
    );
}

/// Title, author and subject, with the document's own date for every date field.
pub(crate) fn set_document_info(
    document: &mut PdfDocument,
    title: String,
    author: &str,
    subject: &str,
    date: chrono::NaiveDate,
) {
    let info = &mut document.metadata.info;
    info.document_title = title;
    info.author = author.to_owned();
    info.subject = subject.to_owned();
    info.creator = "Fakturera".to_owned();
    info.producer = "Fakturera".to_owned();
    // The document's date stands in for the creation date: the clock would make every render differ.
    let midnight = date
        .and_hms_opt(0, 0, 0)
        .map(|time| time.and_utc().timestamp())
        .unwrap_or(0);
    if let Ok(date) = OffsetDateTime::from_unix_timestamp(midnight) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
}

/// A 16-byte document id from what identifies the invoice (FNV-1a, 128 bit): stable across runs
/// and platforms, unlike the standard library's hasher.
fn content_id(sheet: &Sheet<'_>) -> [u8; 16] {
    let invoice = sheet.invoice;
    let key = format!(
        "{}|{}|{}|{}|{}|{}|{}",
        invoice.seller.org_number,
        invoice.number.as_deref().unwrap_or("draft"),
        invoice.is_credit(),
        invoice.issue_date,
        invoice.buyer.name,
        sheet.totals.payable,
        invoice.lines.len(),
    );
    content_hash(&key)
}

/// FNV-1a over `key`, 128 bit.
pub(crate) fn content_hash(key: &str) -> [u8; 16] {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let hash = key.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u128::from(byte)).wrapping_mul(PRIME)
    });
    hash.to_be_bytes()
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn inflated(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("valid zlib data");
        out
    }

    #[test]
    fn one_deflate_state_compresses_stream_after_stream() {
        let text = b"BT /DJVREG 9 Tf 56.7 780.2 Td (Faktura 1001) Tj ET\n".repeat(200);
        // Bytes that do not compress: the output must still hold them whole.
        let noise: Vec<u8> = (0..70_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let mut deflate = flate2::Compress::new(STREAM_COMPRESSION, true);
        for input in [&text[..], &noise[..], &[][..], &text[..100]] {
            deflate.reset();
            let compressed = deflated(&mut deflate, input).expect("deflates");
            assert_eq!(inflated(&compressed), input);
        }
        deflate.reset();
        assert!(deflated(&mut deflate, &text).expect("deflates").len() < text.len() / 10);
    }
}
