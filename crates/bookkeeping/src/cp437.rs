//! Code page 437 ("PC8"), the only character set SIE 4 allows: ASCII plus the IBM PC's upper half,
//! where å is 0x86, ä 0x84, ö 0x94, Å 0x8F, Ä 0x8E and Ö 0x99.

/// The characters of bytes 0x80–0xFF, in byte order.
const UPPER_HALF: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', //
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', //
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', //
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', //
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', //
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀', //
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', //
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}', //
];

/// The byte for `c`, or `None` when code page 437 has no such character.
pub fn byte_for(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).ok();
    }
    UPPER_HALF
        .iter()
        .position(|&candidate| candidate == c)
        .and_then(|index| u8::try_from(0x80 + index).ok())
}

/// `text` in code page 437. A character the code page lacks is written as its closest plain
/// letter when it has one (é is there, but ø and ł are not: they become o and l), else `?`.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            byte_for(c)
                .or_else(|| fallback(c).and_then(byte_for))
                .unwrap_or(b'?')
        })
        .collect()
}

/// Letters of Nordic and other European names that code page 437 lacks.
fn fallback(c: char) -> Option<char> {
    Some(match c {
        'ø' => 'o',
        'Ø' => 'O',
        'ł' => 'l',
        'Ł' => 'L',
        'š' => 's',
        'Š' => 'S',
        'ž' => 'z',
        'Ž' => 'Z',
        'č' => 'c',
        'Č' => 'C',
        'ő' => 'ö',
        'Ő' => 'Ö',
        'ű' => 'ü',
        'Ű' => 'Ü',
        'õ' => 'o',
        'Õ' => 'O',
        'ã' => 'a',
        'Ã' => 'A',
        'À' => 'A',
        'Á' => 'A',
        'Â' => 'A',
        'Ó' => 'O',
        'Ô' => 'O',
        'Í' => 'I',
        'Ú' => 'U',
        'Ë' => 'E',
        'È' => 'E',
        'Ê' => 'E',
        '–' | '—' => '-',
        '‘' | '’' => '\'',
        '“' | '”' | '„' => '"',
        '€' => 'E',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_have_their_pc8_bytes() {
        assert_eq!(
            encode("åäöÅÄÖéü"),
            vec![0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99, 0x82, 0x81]
        );
        assert_eq!(
            encode("Åström & Öberg"),
            b"\x8Fstr\x94m & \x99berg".to_vec()
        );
    }

    #[test]
    fn missing_letters_fall_back() {
        assert_eq!(encode("Søren Łukasz 中"), b"Soren Lukasz ?".to_vec());
        assert_eq!(byte_for('\u{a0}'), Some(0xFF));
    }
}
