//! Units of measure as the user writes them ("st", "tim") and their UN/ECE Recommendation 20 codes.

/// Swedish unit abbreviations and their UN/ECE Recommendation 20 codes, as Peppol requires.
const UNIT_CODES: &[(&str, &str)] = &[
    ("st", "H87"),
    ("tim", "HUR"),
    ("h", "HUR"),
    ("min", "MIN"),
    ("dag", "DAY"),
    ("dagar", "DAY"),
    ("v", "WEE"),
    ("vecka", "WEE"),
    ("mån", "MON"),
    ("år", "ANN"),
    ("kg", "KGM"),
    ("g", "GRM"),
    ("ton", "TNE"),
    ("m", "MTR"),
    ("cm", "CMT"),
    ("mm", "MMT"),
    ("km", "KMT"),
    ("m2", "MTK"),
    ("m²", "MTK"),
    ("m3", "MTQ"),
    ("m³", "MTQ"),
    ("l", "LTR"),
    ("liter", "LTR"),
    ("kWh", "KWH"),
    ("paket", "XPK"),
    ("förp", "XPK"),
    ("set", "SET"),
    ("par", "PR"),
];

/// "One", for units that have no better code; accepted by every Peppol receiver.
const FALLBACK_CODE: &str = "C62";

/// A unit of measure as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Unit(String);

impl Unit {
    pub fn new(text: impl Into<String>) -> Unit {
        Unit(text.into().trim().to_owned())
    }

    pub fn piece() -> Unit {
        Unit("st".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The UN/ECE Recommendation 20 code for the unit, `C62` ("one") when we know no better.
    pub fn un_ece_code(&self) -> &'static str {
        UNIT_CODES
            .iter()
            .find(|(swedish, _)| {
                swedish.eq_ignore_ascii_case(&self.0) || *swedish == self.0.to_lowercase()
            })
            .map_or(FALLBACK_CODE, |(_, code)| code)
    }

    /// The units the UI offers in its picker.
    pub fn common() -> impl Iterator<Item = &'static str> {
        [
            "st", "tim", "dag", "mån", "kg", "m", "m2", "m3", "l", "km", "paket",
        ]
        .into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_swedish_units_to_rec20() {
        let cases = [
            ("st", "H87"),
            ("tim", "HUR"),
            ("kg", "KGM"),
            ("m", "MTR"),
            ("l", "LTR"),
            ("Tim", "HUR"),
            ("MÅN", "MON"),
            ("burk", "C62"),
        ];
        for (unit, code) in cases {
            assert_eq!(Unit::new(unit).un_ece_code(), code, "{unit}");
        }
    }
}
