//! The code lists the Peppol rules check country, currency and electronic address scheme codes against
//! (BR-CL-04, BR-CL-14, PEPPOL-EN16931-CL008), copied from the Peppol BIS Billing 3.0.21 Schematron so
//! that we refuse what the validator would.

/// ISO 3166-1 alpha-2 country codes accepted by Peppol BIS 3.0.21.
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW 1A XI";

/// ISO 4217 currency codes accepted by Peppol BIS 3.0.21.
const CURRENCIES: &str = "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA YER ZAR ZMW ZWG XXX CNH XCG";

/// Electronic Address Scheme codes accepted by Peppol BIS 3.0.21.
const ADDRESS_SCHEMES: &str = "0002 0007 0009 0060 0088 0096 0097 0106 0130 0135 0142 0151 0183 0184 0188 0190 0191 0192 0195 0196 0198 0199 0200 0201 0204 0208 0209 0210 0211 0216 0218 0221 0225 0230 0235 0240 0242 0244 0245 0246 0248 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959";

/// Whether `code` is a country code the Peppol rules accept.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && COUNTRIES.split(' ').any(|known| known == code)
}

/// Whether `code` is a currency code the Peppol rules accept.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && CURRENCIES.split(' ').any(|known| known == code)
}

/// Whether `code` is an electronic address scheme the Peppol rules accept.
pub fn is_address_scheme(code: &str) -> bool {
    code.len() == 4 && ADDRESS_SCHEMES.split(' ').any(|known| known == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_common_codes_and_refuses_others() {
        for (code, expected) in [
            ("SE", true),
            ("DE", true),
            ("NO", true),
            ("XX", false),
            ("se", false),
            ("", false),
        ] {
            assert_eq!(is_country_code(code), expected, "{code}");
        }
        for (code, expected) in [
            ("SEK", true),
            ("EUR", true),
            ("USD", true),
            ("XYZ", false),
            ("SE", false),
        ] {
            assert_eq!(is_currency_code(code), expected, "{code}");
        }
        for (code, expected) in [
            ("0007", true),
            ("9930", true),
            ("EM", false),
            ("9999", false),
        ] {
            assert_eq!(is_address_scheme(code), expected, "{code}");
        }
    }
}
