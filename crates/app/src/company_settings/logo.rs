//! The company logo: only real PNG or JPEG images of a sensible size are stored, because the logo
//! ends up on every invoice PDF and a broken one would break them all.

use std::io::Cursor;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use fakturera_core::{FieldError, Text};
use fakturera_store::Logo;
use image::{ImageFormat, ImageReader};

/// The largest logo file we accept.
pub const LOGO_MAX_BYTES: usize = 2 * 1024 * 1024;
/// The largest width or height; a logo is printed a few centimetres wide.
const LOGO_MAX_SIDE: u32 = 4000;

fn logo_error(code: &'static str, sv: String, en: String) -> FieldError {
    FieldError::new("logo", code, Text::new(sv, en))
}

/// Checks that `bytes` are a PNG or JPEG image that decodes to a sensible size.
pub fn logo_from_bytes(bytes: &[u8]) -> Result<Logo, FieldError> {
    if bytes.len() > LOGO_MAX_BYTES {
        let kib = bytes.len() / 1024;
        return Err(logo_error(
            "too_large",
            format!(
                "Logotypen är {kib} kB men får vara högst 2 048 kB. Spara den i mindre storlek och försök igen."
            ),
            format!(
                "The logo is {kib} KB but may be at most 2,048 KB. Save it at a smaller size and try again."
            ),
        ));
    }
    let not_an_image = || {
        logo_error(
            "format",
            "Filen är inte en PNG- eller JPEG-bild. Välj logotypen som PNG eller JPEG.".to_owned(),
            "The file is not a PNG or JPEG image. Choose the logo as PNG or JPEG.".to_owned(),
        )
    };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| not_an_image())?;
    let media_type = match reader.format() {
        Some(ImageFormat::Png) => "image/png",
        Some(ImageFormat::Jpeg) => "image/jpeg",
        _ => return Err(not_an_image()),
    };
    let (width, height) = reader.into_dimensions().map_err(|_| not_an_image())?;
    if width == 0 || height == 0 || width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE {
        return Err(logo_error(
            "dimensions",
            format!(
                "Logotypen är {width} × {height} bildpunkter; den får vara högst {LOGO_MAX_SIDE} åt varje håll."
            ),
            format!(
                "The logo is {width} × {height} pixels; it may be at most {LOGO_MAX_SIDE} either way."
            ),
        ));
    }
    // The header can pass while the pixels cannot be read (a truncated or corrupt file); decode
    // it in full now, as every PDF will, so a broken logo is refused here and not at sending.
    fakturera_pdf::Logo::from_bytes(bytes).map_err(|_| {
        logo_error(
            "corrupt",
            "Bilden i logotypfilen går inte att läsa; filen är skadad eller ofullständig. Spara logotypen på nytt som PNG eller JPEG och välj den igen.".to_owned(),
            "The image in the logo file cannot be read; the file is damaged or incomplete. Save the logo again as PNG or JPEG and choose it again.".to_owned(),
        )
    })?;
    Ok(Logo {
        bytes: bytes.to_vec(),
        media_type: media_type.to_owned(),
    })
}

/// The bytes of a logo sent as base64 (how binary data crosses IPC as JSON). Its size is checked
/// before anything is decoded: base64 is 4 characters per 3 bytes, so a text longer than a
/// largest logo needs is refused as too large without ever being held twice in memory.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, FieldError> {
    let payload = text
        .split_once(";base64,")
        .map_or(text, |(_, payload)| payload)
        .trim();
    let max_encoded = LOGO_MAX_BYTES.div_ceil(3) * 4;
    if payload.len() > max_encoded {
        let kib = payload.len() / 4 * 3 / 1024;
        return Err(logo_error(
            "too_large",
            format!(
                "Logotypen är omkring {kib} kB men får vara högst 2 048 kB. Spara den i mindre storlek och försök igen."
            ),
            format!(
                "The logo is about {kib} KB but may be at most 2,048 KB. Save it at a smaller size and try again."
            ),
        ));
    }
    STANDARD.decode(payload).map_err(|_| {
        logo_error(
            "encoding",
            "Logotypen kom fram skadad. Välj filen igen.".to_owned(),
            "The logo arrived damaged. Choose the file again.".to_owned(),
        )
    })
}

/// The logo as a `data:` URL the settings screen can show.
pub fn data_url(logo: &Logo) -> String {
    format!(
        "data:{};base64,{}",
        logo.media_type,
        STANDARD.encode(&logo.bytes)
    )
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn an_oversized_base64_logo_is_refused_before_decoding() {
        let just_fits = STANDARD.encode(vec![0_u8; LOGO_MAX_BYTES]);
        assert_eq!(
            decode_base64(&just_fits).map(|bytes| bytes.len()),
            Ok(LOGO_MAX_BYTES)
        );
        // Not even valid base64: refused for its size alone, so it was never decoded.
        let huge = "!".repeat(LOGO_MAX_BYTES.div_ceil(3) * 4 + 4);
        let error = decode_base64(&format!("data:image/png;base64,{huge}")).expect_err("too large");
        assert_eq!(error.code, "too_large");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([20, 51, 94, 255]));
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .expect("encode test png");
        bytes
    }

    #[test]
    fn accepts_png_and_round_trips_through_base64() {
        let bytes = png(40, 20);
        let logo = logo_from_bytes(&bytes).expect("a small png");
        assert_eq!(logo.media_type, "image/png");
        let url = data_url(&logo);
        assert!(url.starts_with("data:image/png;base64,"));
        assert_eq!(decode_base64(&url).expect("own data url decodes"), bytes);
    }

    #[test]
    fn refuses_what_is_not_a_usable_image() {
        let mut truncated_png = png(40, 20);
        truncated_png.truncate(20);
        let cases: [(&str, Vec<u8>); 5] = [
            ("format", b"GIF89a not allowed".to_vec()),
            ("format", b"%PDF-1.7".to_vec()),
            ("format", Vec::new()),
            ("format", truncated_png),
            ("too_large", vec![0; LOGO_MAX_BYTES + 1]),
        ];
        for (code, bytes) in cases {
            let error = logo_from_bytes(&bytes).expect_err(code);
            assert_eq!((error.field.as_str(), error.code), ("logo", code));
        }
        // A whole header with its pixel data cut off: the size reads, the image does not.
        let mut cut_pixels = png(40, 20);
        cut_pixels.truncate(cut_pixels.len() - 30);
        let error = logo_from_bytes(&cut_pixels).expect_err("pixels cannot be decoded");
        assert_eq!((error.field.as_str(), error.code), ("logo", "corrupt"));
        assert_eq!(
            decode_base64("not base64 !!").expect_err("bad base64").code,
            "encoding"
        );
    }
}
