//! Invoices broken on purpose, one rule each: the pre-send check must name the rule, and the official
//! validator must report the same rule id for the written file.

use fakturera_core::invoice::{Invoice, InvoiceLine};
use fakturera_core::money::Currency;
use fakturera_core::samples::{self, line, untaxed_line};
use fakturera_core::vat::VatTreatment;
use rust_decimal_macros::dec;

use crate::scenarios::{domestic_25, issued};

/// A broken invoice and the rule both the check and the validator must report.
pub struct Break {
    pub name: &'static str,
    pub rule_id: &'static str,
    pub invoice: Invoice,
}

fn broken(name: &'static str, rule_id: &'static str, change: impl FnOnce(&mut Invoice)) -> Break {
    let mut invoice = domestic_25();
    change(&mut invoice);
    Break {
        name,
        rule_id,
        invoice: issued(invoice, 20001),
    }
}

fn with_lines(invoice: &mut Invoice, lines: Vec<InvoiceLine>) {
    invoice.lines = lines;
}

pub fn all() -> Vec<Break> {
    vec![
        broken("no-reference", "PEPPOL-EN16931-R003", |i| {
            i.buyer_reference.clear();
            i.order_reference.clear();
            i.your_reference.clear();
            i.buyer.customer_number.clear();
        }),
        // Only an e-mail address to go by: `EM` is in EN 16931's list but not in Peppol's.
        broken("private-with-only-email", "PEPPOL-EN16931-CL008", |i| {
            i.buyer = samples::private_buyer();
        }),
        broken("private-without-any-id", "PEPPOL-EN16931-R010", |i| {
            i.buyer = samples::private_buyer();
            i.buyer.email.clear();
        }),
        broken("seller-org-missing", "PEPPOL-EN16931-R020", |i| {
            i.seller.org_number.clear()
        }),
        broken("seller-org-letters", "SE-R-003", |i| {
            i.seller.org_number = "55672120AB".to_owned()
        }),
        broken("seller-org-nine-digits", "SE-R-004", |i| {
            i.seller.org_number = "556721204".to_owned()
        }),
        broken("seller-org-check-digit", "SE-R-013", |i| {
            i.seller.org_number = "5567212048".to_owned()
        }),
        broken("seller-vat-13-chars", "SE-R-001", |i| {
            i.seller.vat_number = "SE55672120470".to_owned()
        }),
        broken("seller-vat-letters", "SE-R-002", |i| {
            i.seller.vat_number = "SE5567212047AB".to_owned()
        }),
        broken("seller-vat-no-prefix", "BR-CO-09", |i| {
            i.seller.vat_number = "556721204701".to_owned()
        }),
        broken("buyer-vat-no-prefix", "BR-CO-09", |i| {
            i.buyer.vat_number = "556036079301".to_owned()
        }),
        broken("no-seller-vat-standard", "BR-S-02", |i| {
            i.seller.vat_number.clear();
            i.seller.f_tax_approved = false;
        }),
        broken("no-seller-vat-zero-rated", "BR-Z-02", |i| {
            i.seller.vat_number.clear();
            i.seller.f_tax_approved = false;
            with_lines(
                i,
                vec![line("Tidskrift", dec!(1), "st", dec!(480), dec!(0))],
            );
        }),
        broken("no-seller-vat-exempt", "BR-E-02", |i| {
            i.seller.vat_number.clear();
            i.seller.f_tax_approved = false;
            with_lines(
                i,
                vec![untaxed_line(
                    "Kurs",
                    dec!(1),
                    "dag",
                    dec!(2400),
                    VatTreatment::Exempt,
                )],
            );
        }),
        broken("no-seller-vat-export", "BR-G-02", |i| {
            i.seller.vat_number.clear();
            with_lines(
                i,
                vec![untaxed_line(
                    "Pump",
                    dec!(1),
                    "st",
                    dec!(9000),
                    VatTreatment::Export,
                )],
            );
        }),
        broken("reverse-charge-no-buyer-ids", "BR-AE-02", |i| {
            i.buyer.vat_number.clear();
            i.buyer.legal_id.clear();
            with_lines(
                i,
                vec![untaxed_line(
                    "Montering",
                    dec!(8),
                    "tim",
                    dec!(620),
                    VatTreatment::DomesticReverseCharge,
                )],
            );
        }),
        // Peppol accepts the buyer's org number instead of its VAT number; Swedish law does not.
        broken("reverse-charge-no-buyer-vat", "SE-ML-17-24", |i| {
            i.buyer.vat_number.clear();
            with_lines(
                i,
                vec![untaxed_line(
                    "Montering",
                    dec!(8),
                    "tim",
                    dec!(620),
                    VatTreatment::DomesticReverseCharge,
                )],
            );
        }),
        broken("no-seller-vat-with-f-tax", "SE-ML-17-24", |i| {
            i.seller.vat_number.clear()
        }),
        broken("eu-goods-no-buyer-vat", "BR-IC-02", |i| {
            i.buyer = samples::eu_buyer();
            i.buyer.vat_number.clear();
            i.buyer.einvoice_address = Some("9930:DE123456789".to_owned());
            with_lines(
                i,
                vec![untaxed_line(
                    "Spare parts",
                    dec!(4),
                    "st",
                    dec!(312.5),
                    VatTreatment::EuGoods,
                )],
            );
        }),
        broken("buyer-org-check-digit", "PEPPOL-COMMON-R049", |i| {
            i.buyer.einvoice_address = None;
            i.buyer.legal_id = "5560360794".to_owned();
        }),
        broken("legal-id-bad-with-lookup", "PEPPOL-COMMON-R049", |i| {
            i.buyer.legal_id = "5560360794".to_owned();
        }),
        broken(
            "lookup-address-unknown-scheme",
            "PEPPOL-EN16931-CL008",
            |i| {
                i.buyer.einvoice_address = Some("EM:ekonomi@gbgbygg.se".to_owned());
            },
        ),
        broken("lookup-address-bad-org", "PEPPOL-COMMON-R049", |i| {
            i.buyer.einvoice_address = Some("0007:556036079".to_owned());
        }),
        broken("norwegian-org-check-digit", "PEPPOL-COMMON-R041", |i| {
            // The sample's 923609016 passes mod 11; one digit off does not.
            i.buyer = samples::export_buyer();
            i.buyer.legal_id = "987654321".to_owned();
            i.buyer.vat_number = "NO987654321MVA".to_owned();
            with_lines(
                i,
                vec![untaxed_line(
                    "Pump",
                    dec!(1),
                    "st",
                    dec!(9000),
                    VatTreatment::Export,
                )],
            );
        }),
        broken("plusgiro-letters", "SE-R-007", |i| {
            i.seller.plusgiro = "44-77A".to_owned()
        }),
        broken("bankgiro-letters", "SE-R-008", |i| {
            i.seller.bankgiro = "5678123X".to_owned()
        }),
        broken("bankgiro-six-digits", "SE-R-009", |i| {
            i.seller.bankgiro = "567812".to_owned()
        }),
        broken("plusgiro-nine-digits", "SE-R-010", |i| {
            i.seller.plusgiro = "123456789".to_owned()
        }),
        broken("no-seller-name", "BR-06", |i| i.seller.name.clear()),
        broken("no-buyer-name", "BR-07", |i| i.buyer.name.clear()),
        broken("no-lines", "BR-16", |i| i.lines.clear()),
        broken("line-without-description", "BR-25", |i| {
            i.lines[0].description = "  ".to_owned()
        }),
        broken("rate-10-percent", "SE-R-006", |i| {
            i.lines[0].vat.rate = dec!(10)
        }),
        broken("charge-rate-20-percent", "SE-R-006", |i| {
            i.charges = vec![samples::invoice_fee(dec!(45))];
            i.charges[0].vat.rate = dec!(20);
        }),
        broken("unknown-currency", "BR-CL-04", |i| {
            i.currency = Currency::parse("XYZ").unwrap_or_else(|_| Currency::sek());
            i.exchange_rate = dec!(2);
        }),
        broken("unknown-country", "BR-CL-14", |i| {
            i.buyer.address.country_code = "XX".to_owned()
        }),
    ]
}
