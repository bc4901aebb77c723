//! Lengths on the page as whole hundredths of a point, so that layout is exact integer arithmetic
//! (the same input always gives the same bytes) and floats appear only where printpdf wants them.

use printpdf::Pt;

/// A length or coordinate in hundredths of a PostScript point (1/7200 inch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Length(pub i64);

/// Hundredths of a point per point.
const PER_POINT: i64 = 100;

impl Length {
    pub const ZERO: Length = Length(0);

    /// Whole and fractional millimetres: `mm(20, 5)` is 20.5 mm. One mm is 72/25.4 pt.
    pub const fn mm_tenths(tenths: i64) -> Length {
        // 1 mm = 283.464… hundredths of a point; tenths of a mm keep the error below 0.01 pt.
        Length((tenths * 7200 + 127) / 254)
    }

    pub const fn mm(whole: i64) -> Length {
        Length::mm_tenths(whole * 10)
    }

    /// A length in points, given in tenths of a point (`pt_tenths(85)` is 8.5 pt).
    pub const fn pt_tenths(tenths: i64) -> Length {
        Length(tenths * 10)
    }

    /// The length as printpdf's point type.
    #[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
    pub fn to_pt(self) -> Pt {
        // The single place where layout turns into floating point: coordinates, never money.
        Pt(self.0 as f32 / PER_POINT as f32)
    }

    pub const fn max(self, other: Length) -> Length {
        if self.0 >= other.0 { self } else { other }
    }

    pub const fn min(self, other: Length) -> Length {
        if self.0 <= other.0 { self } else { other }
    }
}

impl std::ops::Add for Length {
    type Output = Length;
    fn add(self, other: Length) -> Length {
        Length(self.0 + other.0)
    }
}

impl std::ops::Sub for Length {
    type Output = Length;
    fn sub(self, other: Length) -> Length {
        Length(self.0 - other.0)
    }
}

impl std::ops::AddAssign for Length {
    fn add_assign(&mut self, other: Length) {
        self.0 += other.0;
    }
}

impl std::ops::SubAssign for Length {
    fn sub_assign(&mut self, other: Length) {
        self.0 -= other.0;
    }
}

impl std::ops::Mul<i64> for Length {
    type Output = Length;
    fn mul(self, factor: i64) -> Length {
        Length(self.0 * factor)
    }
}

impl std::ops::Div<i64> for Length {
    type Output = Length;
    fn div(self, divisor: i64) -> Length {
        Length(self.0 / divisor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_millimetres_and_points() {
        let cases = [
            (Length::mm(210), 59528),       // A4 width: 595.28 pt
            (Length::mm(297), 84189),       // A4 height: 841.89 pt
            (Length::mm_tenths(254), 7200), // one inch
            (Length::pt_tenths(85), 850),
        ];
        for (length, hundredths) in cases {
            assert_eq!(length.0, hundredths, "{length:?}");
        }
    }
}
