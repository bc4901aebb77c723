//! Amounts in SEK: an invoice in another currency is booked and reported at its own exchange rate,
//! each figure rounded to öre, with the VAT adding up to the SEK VAT stated on the invoice.

use fakturera_core::ledger::LedgerInvoice;
use fakturera_core::money::round_to_ore;
use rust_decimal::Decimal;

/// `amount` of the invoice currency in SEK, rounded to öre.
pub fn to_sek(amount: Decimal, exchange_rate: Decimal) -> Decimal {
    round_to_ore(amount * exchange_rate)
}

/// The VAT per rate in SEK, as the invoice states it: each rate converted and rounded, and the
/// last adjusted so the sum is the invoice's SEK VAT total (BT-111). Rates without VAT are left out.
pub fn vat_in_sek(invoice: &LedgerInvoice) -> Vec<(Decimal, Decimal)> {
    let mut rows: Vec<(Decimal, Decimal)> = invoice
        .vat
        .iter()
        .filter(|vat| !vat.amount.is_zero())
        .map(|vat| (vat.rate, to_sek(vat.amount, invoice.exchange_rate)))
        .collect();
    let sum: Decimal = rows.iter().map(|(_, amount)| *amount).sum();
    if let Some(last) = rows.last_mut() {
        last.1 += invoice.vat_total_sek - sum;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::ledger::LedgerVat;
    use rust_decimal_macros::dec;

    #[test]
    fn vat_rows_add_up_to_the_stated_total() {
        let invoice = LedgerInvoice {
            id: 1,
            number: "1".into(),
            is_credit: false,
            date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            customer_number: "1".into(),
            customer_name: "x".into(),
            buyer_vat_number: String::new(),
            buyer_country: "SE".into(),
            currency: "EUR".into(),
            exchange_rate: dec!(11.2345),
            parts: Vec::new(),
            vat: vec![
                LedgerVat {
                    rate: dec!(25),
                    amount: dec!(10.01),
                },
                LedgerVat {
                    rate: dec!(12),
                    amount: dec!(10.01),
                },
            ],
            rounding: dec!(0),
            payable: dec!(0),
            payable_sek: dec!(0),
            // 20.02 × 11.2345 = 224.914690 → 224.91, while 112.46 + 112.46 = 224.92.
            vat_total_sek: dec!(224.91),
        };
        let rows = vat_in_sek(&invoice);
        assert_eq!(
            rows,
            vec![(dec!(25), dec!(112.46)), (dec!(12), dec!(112.45))]
        );
    }
}
