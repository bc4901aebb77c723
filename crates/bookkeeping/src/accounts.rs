//! The account map: which account of the chart of accounts each kind of amount goes to. The
//! defaults are the BAS kontoplan's; the user may change any of them (Inställningar, Bokföring).

use std::collections::BTreeMap;

use fakturera_core::ledger::{LedgerPart, PartKind};
use fakturera_core::vat::VatTreatment;
use rust_decimal::Decimal;

/// Every kind of amount the verifications book, one setting each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccountKey {
    Receivables,
    Bank,
    Rounding,
    SalesSwedish25,
    SalesSwedish12,
    SalesSwedish6,
    SalesSwedishZero,
    SalesExempt,
    SalesReverseCharge,
    SalesEuGoods,
    SalesEuServices,
    SalesExportGoods,
    SalesExportServices,
    SalesOutsideScope,
    InvoiceFee,
    Freight,
    OutputVat25,
    OutputVat12,
    OutputVat6,
}

/// An account of the chart: its number (1000–9999) and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub number: u32,
    pub name: String,
}

impl AccountKey {
    pub const ALL: [AccountKey; 19] = [
        AccountKey::Receivables,
        AccountKey::Bank,
        AccountKey::Rounding,
        AccountKey::SalesSwedish25,
        AccountKey::SalesSwedish12,
        AccountKey::SalesSwedish6,
        AccountKey::SalesSwedishZero,
        AccountKey::SalesExempt,
        AccountKey::SalesReverseCharge,
        AccountKey::SalesEuGoods,
        AccountKey::SalesEuServices,
        AccountKey::SalesExportGoods,
        AccountKey::SalesExportServices,
        AccountKey::SalesOutsideScope,
        AccountKey::InvoiceFee,
        AccountKey::Freight,
        AccountKey::OutputVat25,
        AccountKey::OutputVat12,
        AccountKey::OutputVat6,
    ];

    /// Stable storage code.
    pub fn code(self) -> &'static str {
        self.facts().0
    }

    pub fn from_code(code: &str) -> Option<AccountKey> {
        Self::ALL.into_iter().find(|key| key.code() == code)
    }

    /// What the setting is for, in Swedish and English, for the settings screen.
    pub fn label(self) -> (&'static str, &'static str) {
        self.facts().3
    }

    /// The BAS account and its BAS name.
    pub fn bas_default(self) -> Account {
        let (_, number, name, _) = self.facts();
        Account {
            number,
            name: name.to_owned(),
        }
    }

    #[allow(clippy::type_complexity)]
    fn facts(
        self,
    ) -> (
        &'static str,
        u32,
        &'static str,
        (&'static str, &'static str),
    ) {
        match self {
            AccountKey::Receivables => (
                "receivables",
                1510,
                "Kundfordringar",
                ("Kundfordringar", "Accounts receivable"),
            ),
            AccountKey::Bank => (
                "bank",
                1930,
                "Företagskonto/checkkonto/affärskonto",
                ("Bank (inbetalningar)", "Bank (payments)"),
            ),
            AccountKey::Rounding => (
                "rounding",
                3740,
                "Öres- och kronutjämning",
                (
                    "Öresavrundning och öresdifferenser",
                    "Rounding and small differences",
                ),
            ),
            AccountKey::SalesSwedish25 => (
                "sales_swedish_25",
                3001,
                "Försäljning inom Sverige, 25 % moms",
                ("Försäljning, 25 % moms", "Sales, 25 % VAT"),
            ),
            AccountKey::SalesSwedish12 => (
                "sales_swedish_12",
                3002,
                "Försäljning inom Sverige, 12 % moms",
                ("Försäljning, 12 % moms", "Sales, 12 % VAT"),
            ),
            AccountKey::SalesSwedish6 => (
                "sales_swedish_6",
                3003,
                "Försäljning inom Sverige, 6 % moms",
                ("Försäljning, 6 % moms", "Sales, 6 % VAT"),
            ),
            AccountKey::SalesSwedishZero => (
                "sales_swedish_0",
                3004,
                "Försäljning inom Sverige, momsfri",
                ("Försäljning, 0 % moms", "Sales, 0 % VAT"),
            ),
            AccountKey::SalesExempt => (
                "sales_exempt",
                3004,
                "Försäljning inom Sverige, momsfri",
                ("Försäljning undantagen från moms", "Sales exempt from VAT"),
            ),
            AccountKey::SalesReverseCharge => (
                "sales_domestic_reverse_charge",
                3231,
                "Försäljning inom byggsektorn, omvänd skattskyldighet moms",
                (
                    "Försäljning, omvänd betalningsskyldighet (bygg)",
                    "Sales, domestic reverse charge (construction)",
                ),
            ),
            AccountKey::SalesEuGoods => (
                "sales_eu_goods",
                3108,
                "Försäljning varor till annat EU-land, momsfri",
                ("Försäljning varor till EU", "Sales of goods to the EU"),
            ),
            AccountKey::SalesEuServices => (
                "sales_eu_services",
                3308,
                "Försäljning tjänster till annat EU-land",
                (
                    "Försäljning tjänster till EU",
                    "Sales of services to the EU",
                ),
            ),
            AccountKey::SalesExportGoods => (
                "sales_export_goods",
                3105,
                "Försäljning varor till land utanför EU",
                ("Export av varor", "Export of goods"),
            ),
            AccountKey::SalesExportServices => (
                "sales_export_services",
                3305,
                "Försäljning tjänster till land utanför EU",
                ("Tjänster till land utanför EU", "Services outside the EU"),
            ),
            AccountKey::SalesOutsideScope => (
                "sales_outside_scope",
                3004,
                "Försäljning inom Sverige, momsfri",
                (
                    "Utanför momsens tillämpningsområde",
                    "Outside the scope of VAT",
                ),
            ),
            AccountKey::InvoiceFee => (
                "invoice_fee",
                3540,
                "Faktureringsavgifter",
                ("Fakturaavgift", "Invoice fee"),
            ),
            AccountKey::Freight => ("freight", 3520, "Fakturerade frakter", ("Frakt", "Freight")),
            AccountKey::OutputVat25 => (
                "output_vat_25",
                2611,
                "Utgående moms på försäljning inom Sverige, 25 %",
                ("Utgående moms 25 %", "Output VAT 25 %"),
            ),
            AccountKey::OutputVat12 => (
                "output_vat_12",
                2621,
                "Utgående moms på försäljning inom Sverige, 12 %",
                ("Utgående moms 12 %", "Output VAT 12 %"),
            ),
            AccountKey::OutputVat6 => (
                "output_vat_6",
                2631,
                "Utgående moms på försäljning inom Sverige, 6 %",
                ("Utgående moms 6 %", "Output VAT 6 %"),
            ),
        }
    }

    /// The sales account of one line or charge: invoice fee and freight have their own; other
    /// parts go by VAT treatment and rate, and exports by goods or services.
    pub fn for_part(part: &LedgerPart) -> AccountKey {
        match part.kind {
            PartKind::InvoiceFee => return AccountKey::InvoiceFee,
            PartKind::Freight => return AccountKey::Freight,
            PartKind::Goods | PartKind::Service => {}
        }
        match part.treatment {
            VatTreatment::Swedish => match rate_class(part.rate) {
                Some(12) => AccountKey::SalesSwedish12,
                Some(6) => AccountKey::SalesSwedish6,
                Some(0) => AccountKey::SalesSwedishZero,
                _ => AccountKey::SalesSwedish25,
            },
            VatTreatment::Exempt => AccountKey::SalesExempt,
            VatTreatment::DomesticReverseCharge => AccountKey::SalesReverseCharge,
            VatTreatment::EuGoods => AccountKey::SalesEuGoods,
            VatTreatment::EuServices => AccountKey::SalesEuServices,
            VatTreatment::Export if part.kind == PartKind::Service => {
                AccountKey::SalesExportServices
            }
            VatTreatment::Export => AccountKey::SalesExportGoods,
            VatTreatment::OutsideScope => AccountKey::SalesOutsideScope,
        }
    }

    /// The output VAT account of a Swedish rate; the law allows only 25, 12 and 6 % (SE-R-006),
    /// so any other rate is booked with the standard rate's account.
    pub fn for_output_vat(rate: Decimal) -> AccountKey {
        match rate_class(rate) {
            Some(12) => AccountKey::OutputVat12,
            Some(6) => AccountKey::OutputVat6,
            _ => AccountKey::OutputVat25,
        }
    }
}

/// The rate as a whole percent when it is one.
fn rate_class(rate: Decimal) -> Option<u32> {
    use rust_decimal::prelude::ToPrimitive;
    if rate.fract().is_zero() {
        rate.to_u32()
    } else {
        None
    }
}

/// Which account each key goes to: the BAS defaults, with the user's changes laid over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountMap {
    accounts: BTreeMap<AccountKey, Account>,
}

impl Default for AccountMap {
    fn default() -> Self {
        AccountMap::bas()
    }
}

impl AccountMap {
    /// The BAS kontoplan's accounts for every key.
    pub fn bas() -> AccountMap {
        AccountMap {
            accounts: AccountKey::ALL
                .into_iter()
                .map(|key| (key, key.bas_default()))
                .collect(),
        }
    }

    /// The BAS defaults with `changes` laid over them.
    pub fn with_changes(changes: impl IntoIterator<Item = (AccountKey, Account)>) -> AccountMap {
        let mut map = AccountMap::bas();
        for (key, account) in changes {
            map.accounts.insert(key, account);
        }
        map
    }

    pub fn get(&self, key: AccountKey) -> &Account {
        // Every key is filled by `bas()`, so the fallback is never used; it keeps this total.
        self.accounts.get(&key).unwrap_or_else(|| {
            static FALLBACK: std::sync::OnceLock<Account> = std::sync::OnceLock::new();
            FALLBACK.get_or_init(|| AccountKey::Receivables.bas_default())
        })
    }

    pub fn number(&self, key: AccountKey) -> u32 {
        self.get(key).number
    }

    /// Every key with its account, in the order of `AccountKey::ALL`.
    pub fn entries(&self) -> impl Iterator<Item = (AccountKey, &Account)> {
        AccountKey::ALL.into_iter().map(|key| (key, self.get(key)))
    }

    /// The name of an account number: the first key mapped to it names it.
    pub fn name_of(&self, number: u32) -> Option<&str> {
        self.entries()
            .find(|(_, account)| account.number == number)
            .map(|(_, account)| account.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn part(kind: PartKind, treatment: VatTreatment, rate: Decimal) -> LedgerPart {
        LedgerPart {
            kind,
            treatment,
            rate,
            net: dec!(100),
        }
    }

    #[test]
    fn parts_go_to_the_bas_accounts() {
        let map = AccountMap::bas();
        let cases = [
            (part(PartKind::Goods, VatTreatment::Swedish, dec!(25)), 3001),
            (
                part(PartKind::Service, VatTreatment::Swedish, dec!(12)),
                3002,
            ),
            (
                part(PartKind::Goods, VatTreatment::Swedish, dec!(6.00)),
                3003,
            ),
            (part(PartKind::Goods, VatTreatment::Swedish, dec!(0)), 3004),
            (part(PartKind::Goods, VatTreatment::Exempt, dec!(0)), 3004),
            (
                part(
                    PartKind::Service,
                    VatTreatment::DomesticReverseCharge,
                    dec!(0),
                ),
                3231,
            ),
            (part(PartKind::Goods, VatTreatment::EuGoods, dec!(0)), 3108),
            (
                part(PartKind::Service, VatTreatment::EuServices, dec!(0)),
                3308,
            ),
            (part(PartKind::Goods, VatTreatment::Export, dec!(0)), 3105),
            (part(PartKind::Service, VatTreatment::Export, dec!(0)), 3305),
            (
                part(PartKind::InvoiceFee, VatTreatment::Swedish, dec!(25)),
                3540,
            ),
            (
                part(PartKind::Freight, VatTreatment::EuGoods, dec!(0)),
                3520,
            ),
        ];
        for (part, account) in cases {
            assert_eq!(map.number(AccountKey::for_part(&part)), account, "{part:?}");
        }
        assert_eq!(map.number(AccountKey::for_output_vat(dec!(25))), 2611);
        assert_eq!(map.number(AccountKey::for_output_vat(dec!(12.0))), 2621);
        assert_eq!(map.number(AccountKey::for_output_vat(dec!(6))), 2631);
    }

    #[test]
    fn codes_round_trip_and_changes_override() {
        for key in AccountKey::ALL {
            assert_eq!(AccountKey::from_code(key.code()), Some(key));
        }
        let map = AccountMap::with_changes([(
            AccountKey::Receivables,
            Account {
                number: 1511,
                name: "Kundfordringar EU".into(),
            },
        )]);
        assert_eq!(map.number(AccountKey::Receivables), 1511);
        assert_eq!(map.name_of(1511), Some("Kundfordringar EU"));
        assert_eq!(map.number(AccountKey::Bank), 1930);
    }
}
