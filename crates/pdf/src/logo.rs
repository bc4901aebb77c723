//! The company logo: decoded once from the PNG or JPEG in the company settings, checked, and
//! scaled down to print resolution so that every invoice carries a small image.

use std::io::Cursor;
use std::sync::Arc;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use printpdf::{RawImage, RawImageData, RawImageFormat};

use crate::error::PdfError;

/// Files larger than this are not logos; refusing them early bounds memory and time.
const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Decoding limits: 12 000 px a side and 256 MiB of pixels cover any real logo.
const MAX_SIDE_PX: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// The logo prints at most about 60 × 22 mm; 900 × 330 px is 380 dpi at that size.
const PRINT_MAX_WIDTH_PX: u32 = 900;
const PRINT_MAX_HEIGHT_PX: u32 = 330;

/// A decoded, print-sized logo. Cheap to clone; decode it once when the settings are loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    image: Arc<RawImage>,
}

impl Logo {
    /// Decodes a PNG or JPEG logo. Empty, corrupt, unsupported and oversized files are refused
    /// with a message naming the logo and saying what to do.
    pub fn from_bytes(bytes: &[u8]) -> Result<Logo, PdfError> {
        if bytes.is_empty() {
            return Err(PdfError::logo(
                "Logotypfilen är tom. Välj en PNG- eller JPEG-bild i företagsinställningarna, eller ta bort logotypen.",
                "The logo file is empty. Choose a PNG or JPEG image in the company settings, or remove the logo.",
            ));
        }
        if bytes.len() > MAX_FILE_BYTES {
            return Err(too_large());
        }
        let format = image::guess_format(bytes).ok();
        if !matches!(format, Some(ImageFormat::Png | ImageFormat::Jpeg)) {
            return Err(PdfError::logo(
                "Logotypen är inte en PNG- eller JPEG-bild. Spara den som PNG eller JPEG och välj den igen.",
                "The logo is not a PNG or JPEG image. Save it as PNG or JPEG and choose it again.",
            ));
        }
        let decoded = decode(bytes)?;
        if decoded.width() == 0 || decoded.height() == 0 {
            return Err(corrupt());
        }
        let fitted =
            if decoded.width() > PRINT_MAX_WIDTH_PX || decoded.height() > PRINT_MAX_HEIGHT_PX {
                decoded.thumbnail(PRINT_MAX_WIDTH_PX, PRINT_MAX_HEIGHT_PX)
            } else {
                decoded
            };
        Ok(Logo {
            image: Arc::new(to_raw(fitted)),
        })
    }

    pub fn width_px(&self) -> u32 {
        u32::try_from(self.image.width).unwrap_or(u32::MAX)
    }

    pub fn height_px(&self) -> u32 {
        u32::try_from(self.image.height).unwrap_or(u32::MAX)
    }

    pub(crate) fn raw(&self) -> &RawImage {
        &self.image
    }
}

fn decode(bytes: &[u8]) -> Result<DynamicImage, PdfError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| corrupt())?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    reader.decode().map_err(|error| match error {
        image::ImageError::Limits(_) => too_large(),
        _ => corrupt(),
    })
}

/// Pixels as printpdf wants them: 8-bit grey or RGB, with alpha only when the logo has any.
fn to_raw(image: DynamicImage) -> RawImage {
    let (width, height) = (image.width() as usize, image.height() as usize);
    let (pixels, data_format) = if image.color().has_alpha() {
        (image.into_rgba8().into_raw(), RawImageFormat::RGBA8)
    } else if image.color().has_color() {
        (image.into_rgb8().into_raw(), RawImageFormat::RGB8)
    } else {
        (image.into_luma8().into_raw(), RawImageFormat::R8)
    };
    RawImage {
        pixels: RawImageData::U8(pixels),
        width,
        height,
        data_format,
        tag: Vec::new(),
    }
}

fn corrupt() -> PdfError {
    PdfError::logo(
        "Logotypfilen är skadad och kan inte läsas. Spara om bilden som PNG eller JPEG och välj den igen.",
        "The logo file is damaged and cannot be read. Save the image again as PNG or JPEG and choose it again.",
    )
}

fn too_large() -> PdfError {
    PdfError::logo(
        format!(
            "Logotypen är för stor. Använd en bild på högst 20 MB och {MAX_SIDE_PX} × {MAX_SIDE_PX} bildpunkter (1000 × 400 räcker gott)."
        ),
        format!(
            "The logo is too large. Use an image of at most 20 MB and {MAX_SIDE_PX} × {MAX_SIDE_PX} pixels (1000 × 400 is plenty)."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgba};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image =
            ImageBuffer::from_fn(width, height, |x, _| Rgba([(x % 256) as u8, 40, 90, 255]));
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .expect("encode test png");
        bytes
    }

    #[test]
    fn refuses_bad_files_with_a_reason() {
        let mut truncated = png(40, 20);
        truncated.truncate(truncated.len() / 2);
        let cases: [(&[u8], &str); 4] = [
            (b"", "tom"),
            (b"GIF89a not really", "inte en PNG"),
            (&truncated, "skadad"),
            (b"\x89PNG\r\n\x1a\n garbage after the signature", "skadad"),
        ];
        for (bytes, expected) in cases {
            let error = Logo::from_bytes(bytes).expect_err("refused");
            assert!(
                error.message().sv.contains(expected),
                "{:?}: {}",
                &bytes[..bytes.len().min(8)],
                error.message()
            );
            assert_eq!(error.to_field_error().field, "logo");
        }
    }

    #[test]
    fn scales_big_logos_down_and_keeps_small_ones() {
        let big = Logo::from_bytes(&png(3000, 1000)).expect("big logo");
        assert_eq!((big.width_px(), big.height_px()), (900, 300));
        let small = Logo::from_bytes(&png(200, 80)).expect("small logo");
        assert_eq!((small.width_px(), small.height_px()), (200, 80));
    }
}
