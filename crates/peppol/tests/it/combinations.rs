//! Many invoices from combinations of buyer, VAT treatment, currency, price entry, discounts, charges,
//! rounding and credit, chosen by a fixed pseudo-random sequence: wherever core would let the invoice
//! be issued and our checks find no error, the validator must find nothing fatal either.

use fakturera_core::invoice::{
    Charge, ChargeKind, CreditSelection, Discount, Invoice, PriceEntry, Rounding, credit_invoice,
    validate_for_issue,
};
use fakturera_core::money::Currency;
use fakturera_core::party::Buyer;
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::samples::{self, line};
use fakturera_core::vat::{LineVat, VatTreatment};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::scenarios::{day, issued};

/// A small linear congruential generator, so the same combinations come out on every run.
struct Sequence(u64);

impl Sequence {
    fn pick(&mut self, count: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % count as u64) as usize
    }
}

fn buyers() -> Vec<Buyer> {
    let mut by_org_number = samples::domestic_buyer();
    by_org_number.einvoice_address = None;
    let mut private_with_number = samples::private_buyer();
    private_with_number.legal_id = "198112189876".to_owned();
    let mut norwegian = samples::export_buyer();
    norwegian.legal_id = "923609016".to_owned();
    vec![
        samples::domestic_buyer(),
        by_org_number,
        private_with_number,
        samples::private_buyer(),
        samples::eu_buyer(),
        norwegian,
        samples::export_buyer(),
    ]
}

fn treatment(sequence: &mut Sequence) -> LineVat {
    let rates = [dec!(25), dec!(12), dec!(6), dec!(0)];
    match sequence.pick(10) {
        0..=3 => LineVat::swedish(rates[sequence.pick(rates.len())]),
        choice => LineVat::untaxed(
            [
                VatTreatment::Exempt,
                VatTreatment::DomesticReverseCharge,
                VatTreatment::EuGoods,
                VatTreatment::EuServices,
                VatTreatment::Export,
                VatTreatment::OutsideScope,
            ][choice - 4],
        ),
    }
}

fn one(sequence: &mut Sequence, number: u64) -> Invoice {
    let buyers = buyers();
    let buyer = buyers[sequence.pick(buyers.len())].clone();
    let mut invoice = Invoice::draft(
        samples::seller(),
        buyer,
        day("2026-03-02"),
        PaymentTerms::Net { days: 30 },
    );
    invoice.buyer_reference = "REF-1".to_owned();
    let vat = treatment(sequence);
    let line_count = 1 + sequence.pick(4);
    invoice.lines = (0..line_count)
        .map(|index| {
            let mut item = line(
                "Vara",
                Decimal::new(1 + sequence.pick(2000) as i64, sequence.pick(3) as u32),
                ["st", "tim", "kg", "m", "l", "burk"][sequence.pick(6)],
                Decimal::new(1 + sequence.pick(900_000) as i64, 2),
                dec!(25),
            );
            item.vat = if index == 0 || sequence.pick(2) == 0 {
                vat
            } else {
                treatment(sequence)
            };
            item.discount = match sequence.pick(3) {
                0 => Discount::None,
                1 => Discount::Percent(Decimal::from(sequence.pick(50))),
                _ => Discount::Amount(dec!(1.25)),
            };
            item
        })
        .collect();
    if sequence.pick(3) == 0 {
        invoice.charges.push(Charge {
            kind: [ChargeKind::InvoiceFee, ChargeKind::Freight][sequence.pick(2)],
            amount: dec!(59),
            vat,
        });
    }
    if sequence.pick(4) == 0 {
        invoice.currency = Currency::parse("EUR").unwrap_or_else(|_| Currency::sek());
        invoice.exchange_rate = dec!(11.4275);
    }
    invoice.price_entry = [PriceEntry::ExcludingVat, PriceEntry::IncludingVat][sequence.pick(2)];
    invoice.rounding = [Rounding::None, Rounding::WholeKronor][sequence.pick(2)];
    invoice.delivery_date = [None, Some(day("2026-02-20"))][sequence.pick(2)];
    let invoice = issued(invoice, number);
    if sequence.pick(5) == 0 {
        let selection = [
            CreditSelection::Full,
            CreditSelection::Lines(vec![(0, invoice.lines[0].quantity)]),
        ];
        if let Ok(credit) =
            credit_invoice(&invoice, &selection[sequence.pick(2)], day("2026-03-10"))
        {
            return issued(credit, number);
        }
    }
    invoice
}

/// Invoices core would let the user issue, `count` of them.
pub fn issuable(count: usize) -> Vec<(String, Invoice)> {
    let mut sequence = Sequence(20260302);
    let mut invoices = Vec::new();
    let mut number = 40000;
    while invoices.len() < count {
        number += 1;
        let invoice = one(&mut sequence, number);
        if validate_for_issue(&invoice).is_empty() {
            invoices.push((format!("combination-{number}"), invoice));
        }
    }
    invoices
}
