//! A verification (verifikation): the debit and credit rows one business event books, summing to
//! zero to the öre. One small function per kind of event builds it from the event's facts.

use chrono::NaiveDate;
use fakturera_core::ledger::{LedgerInvoice, LedgerPayment};
use rust_decimal::Decimal;

use crate::accounts::{AccountKey, AccountMap};
use crate::record::RecordKind;
use crate::sek::{to_sek, vat_in_sek};

/// One row: an account and an amount in SEK, debit positive and credit negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub account: u32,
    pub amount: Decimal,
}

/// The rows one event books, with its date and a text that says what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub kind: RecordKind,
    pub record_id: i64,
    pub date: NaiveDate,
    pub text: String,
    pub rows: Vec<Transaction>,
}

impl Verification {
    /// The sum of all rows; zero for every verification this crate makes.
    pub fn balance(&self) -> Decimal {
        self.rows.iter().map(|row| row.amount).sum()
    }
}

/// Rows collected per account in the order accounts first appear, zero rows left out.
#[derive(Debug, Default)]
struct Rows(Vec<Transaction>);

impl Rows {
    fn add(&mut self, account: u32, amount: Decimal) {
        match self.0.iter_mut().find(|row| row.account == account) {
            Some(row) => row.amount += amount,
            None => self.0.push(Transaction { account, amount }),
        }
    }

    fn finish(self) -> Vec<Transaction> {
        self.0
            .into_iter()
            .filter(|row| !row.amount.is_zero())
            .collect()
    }
}

/// An invoice (or credit invoice): the customer owes the payable amount (kundfordringar), against
/// sales per account, output VAT per rate and öresavrundning. In another currency every part is
/// converted at the invoice's rate; the öre the conversions leave go to the rounding account, so
/// the receivable is exactly the SEK amount the invoice stated.
pub fn invoice_verification(invoice: &LedgerInvoice, accounts: &AccountMap) -> Verification {
    let sign = invoice.sign();
    let rate = invoice.exchange_rate;
    let mut rows = Rows::default();
    let receivable = invoice.payable_sek;
    rows.add(accounts.number(AccountKey::Receivables), sign * receivable);

    let mut sales: Vec<(u32, Decimal)> = Vec::new();
    for part in &invoice.parts {
        let account = accounts.number(AccountKey::for_part(part));
        match sales.iter_mut().find(|(number, _)| *number == account) {
            Some((_, net)) => *net += part.net,
            None => sales.push((account, part.net)),
        }
    }
    let mut credited = Decimal::ZERO;
    for (account, net) in sales {
        let amount = to_sek(net, rate);
        credited += amount;
        rows.add(account, -sign * amount);
    }
    for (vat_rate, amount) in vat_in_sek(invoice) {
        credited += amount;
        rows.add(
            accounts.number(AccountKey::for_output_vat(vat_rate)),
            -sign * amount,
        );
    }
    // Öresavrundning plus, for foreign currencies, what rounding each converted part left over.
    let rounding = receivable - credited;
    rows.add(accounts.number(AccountKey::Rounding), -sign * rounding);

    let what = if invoice.is_credit {
        "Kreditfaktura"
    } else {
        "Faktura"
    };
    Verification {
        kind: RecordKind::Invoice,
        record_id: invoice.id,
        date: invoice.date,
        text: format!("{what} {} {}", invoice.number, invoice.customer_name),
        rows: rows.finish(),
    }
}

/// A payment: the bank account receives (or, on a credit invoice, pays back) the amount and the
/// receivable goes down by as much. Booked at the invoice's rate, so no exchange difference arises.
pub fn payment_verification(payment: &LedgerPayment, accounts: &AccountMap) -> Verification {
    let sign = payment.sign();
    let amount = to_sek(payment.amount, payment.exchange_rate);
    let mut rows = Rows::default();
    let counter_account = if payment.is_write_off {
        AccountKey::Rounding
    } else {
        AccountKey::Bank
    };
    rows.add(accounts.number(counter_account), sign * amount);
    rows.add(accounts.number(AccountKey::Receivables), -sign * amount);
    let text = if payment.is_write_off {
        format!(
            "Öresdifferens faktura {} {}",
            payment.invoice_number, payment.customer_name
        )
    } else if payment.is_credit {
        format!(
            "Återbetalning kreditfaktura {} {}",
            payment.invoice_number, payment.customer_name
        )
    } else {
        format!(
            "Inbetalning faktura {} {}",
            payment.invoice_number, payment.customer_name
        )
    };
    Verification {
        kind: RecordKind::Payment,
        record_id: payment.id,
        date: payment.date,
        text,
        rows: rows.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::ledger::{LedgerPart, LedgerVat, PartKind};
    use fakturera_core::vat::VatTreatment;
    use rust_decimal_macros::dec;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 14).expect("date")
    }

    fn part(kind: PartKind, treatment: VatTreatment, rate: Decimal, net: Decimal) -> LedgerPart {
        LedgerPart {
            kind,
            treatment,
            rate,
            net,
        }
    }

    fn invoice(is_credit: bool) -> LedgerInvoice {
        // 12.5 h × 1150 = 14 375 at 25 %, a train ticket 1 295 at 6 %, fee 29 at 25 %:
        // VAT 25 % of 14 404 = 3 601.00, 6 % of 1 295 = 77.70; total 19 377.70, rounded 19 378.
        LedgerInvoice {
            id: 7,
            number: "142".into(),
            is_credit,
            date: date(),
            customer_number: "1001".into(),
            customer_name: "Åström & Öberg AB".into(),
            buyer_vat_number: String::new(),
            buyer_country: "SE".into(),
            currency: "SEK".into(),
            exchange_rate: dec!(1),
            parts: vec![
                part(
                    PartKind::Service,
                    VatTreatment::Swedish,
                    dec!(25),
                    dec!(14375.00),
                ),
                part(
                    PartKind::Goods,
                    VatTreatment::Swedish,
                    dec!(6),
                    dec!(1295.00),
                ),
                part(
                    PartKind::InvoiceFee,
                    VatTreatment::Swedish,
                    dec!(25),
                    dec!(29.00),
                ),
            ],
            vat: vec![
                LedgerVat {
                    rate: dec!(25),
                    amount: dec!(3601.00),
                },
                LedgerVat {
                    rate: dec!(6),
                    amount: dec!(77.70),
                },
            ],
            rounding: dec!(0.30),
            payable: dec!(19378),
            payable_sek: dec!(19378),
            vat_total_sek: dec!(3678.70),
        }
    }

    fn rows(verification: &Verification) -> Vec<(u32, Decimal)> {
        verification
            .rows
            .iter()
            .map(|row| (row.account, row.amount))
            .collect()
    }

    #[test]
    fn an_invoice_books_receivable_sales_vat_and_rounding() {
        let verification = invoice_verification(&invoice(false), &AccountMap::bas());
        assert_eq!(
            rows(&verification),
            vec![
                (1510, dec!(19378)),
                (3001, dec!(-14375.00)),
                (3003, dec!(-1295.00)),
                (3540, dec!(-29.00)),
                (2611, dec!(-3601.00)),
                (2631, dec!(-77.70)),
                (3740, dec!(-0.30)),
            ]
        );
        assert_eq!(verification.balance(), dec!(0));
        assert_eq!(verification.text, "Faktura 142 Åström & Öberg AB");
    }

    #[test]
    fn a_credit_invoice_books_the_mirror_image() {
        let verification = invoice_verification(&invoice(true), &AccountMap::bas());
        let debit = invoice_verification(&invoice(false), &AccountMap::bas());
        let mirrored: Vec<(u32, Decimal)> = rows(&debit)
            .into_iter()
            .map(|(account, amount)| (account, -amount))
            .collect();
        assert_eq!(rows(&verification), mirrored);
        assert!(verification.text.starts_with("Kreditfaktura 142"));
    }

    #[test]
    fn a_currency_invoice_is_booked_in_sek_and_balances() {
        let mut invoice = invoice(false);
        invoice.currency = "EUR".into();
        invoice.exchange_rate = dec!(1.5);
        invoice.parts = vec![
            part(
                PartKind::Service,
                VatTreatment::EuServices,
                dec!(0),
                dec!(60.02),
            ),
            part(
                PartKind::Service,
                VatTreatment::EuServices,
                dec!(0),
                dec!(40.03),
            ),
            part(
                PartKind::Freight,
                VatTreatment::EuServices,
                dec!(0),
                dec!(100.05),
            ),
        ];
        invoice.vat = vec![LedgerVat {
            rate: dec!(0),
            amount: dec!(0),
        }];
        invoice.rounding = dec!(0);
        invoice.payable = dec!(200.10);
        // 200.10 × 1.5 = 300.15, while the parts converted one by one give 150.08 + 150.08.
        invoice.payable_sek = dec!(300.15);
        invoice.vat_total_sek = dec!(0);
        let verification = invoice_verification(&invoice, &AccountMap::bas());
        assert_eq!(verification.balance(), dec!(0));
        assert_eq!(
            rows(&verification),
            vec![
                (1510, dec!(300.15)),
                (3308, dec!(-150.08)),
                (3520, dec!(-150.08)),
                (3740, dec!(0.01)),
            ]
        );
    }

    #[test]
    fn payments_move_money_from_receivable_to_bank() {
        let payment = LedgerPayment {
            id: 3,
            invoice_id: 7,
            invoice_number: "142".into(),
            is_credit: false,
            customer_name: "Kund AB".into(),
            date: date(),
            amount: dec!(500.50),
            currency: "SEK".into(),
            exchange_rate: dec!(1),
            is_write_off: false,
        };
        let verification = payment_verification(&payment, &AccountMap::bas());
        assert_eq!(
            rows(&verification),
            vec![(1930, dec!(500.50)), (1510, dec!(-500.50))]
        );
        let refund = LedgerPayment {
            is_credit: true,
            ..payment.clone()
        };
        let verification = payment_verification(&refund, &AccountMap::bas());
        assert_eq!(
            rows(&verification),
            vec![(1930, dec!(-500.50)), (1510, dec!(500.50))]
        );
        assert!(
            verification
                .text
                .starts_with("Återbetalning kreditfaktura 142")
        );
        let write_off = LedgerPayment {
            amount: dec!(0.40),
            is_write_off: true,
            ..payment
        };
        let verification = payment_verification(&write_off, &AccountMap::bas());
        assert_eq!(
            rows(&verification),
            vec![(3740, dec!(0.40)), (1510, dec!(-0.40))]
        );
        assert!(verification.text.starts_with("Öresdifferens faktura 142"));
    }
}
