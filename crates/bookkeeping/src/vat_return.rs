//! The sales side of Skatteverket's VAT return (momsdeklarationen): the boxes an invoicing program
//! can fill from its invoices, each figure with the invoices behind it. Invoices count in the period
//! of their invoice date (faktureringsmetoden); credit invoices subtract; other currencies count in
//! SEK at the invoice's rate.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use fakturera_core::ledger::{LedgerInvoice, LedgerPart, PartKind};
use fakturera_core::vat::VatTreatment;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::sek::{to_sek, vat_in_sek};

/// The boxes of the VAT return that concern sales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VatBox {
    B05,
    B06,
    B07,
    B08,
    B10,
    B11,
    B12,
    B35,
    B36,
    B37,
    B38,
    B39,
    B40,
    B41,
    B42,
}

impl VatBox {
    pub const ALL: [VatBox; 15] = [
        VatBox::B05,
        VatBox::B06,
        VatBox::B07,
        VatBox::B08,
        VatBox::B10,
        VatBox::B11,
        VatBox::B12,
        VatBox::B35,
        VatBox::B36,
        VatBox::B37,
        VatBox::B38,
        VatBox::B39,
        VatBox::B40,
        VatBox::B41,
        VatBox::B42,
    ];

    /// The box number as printed on the form ("05").
    pub fn code(self) -> &'static str {
        self.facts().0
    }

    /// The box's heading on the form, in Swedish and English.
    pub fn label(self) -> (&'static str, &'static str) {
        (self.facts().1, self.facts().2)
    }

    /// Whether invoices can put anything in the box. Self-supply (06), the margin scheme (07),
    /// rent (08) and triangulation (37, 38) are not invoiced with this program.
    pub fn filled_from_invoices(self) -> bool {
        !matches!(
            self,
            VatBox::B06 | VatBox::B07 | VatBox::B08 | VatBox::B37 | VatBox::B38
        )
    }

    fn facts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            VatBox::B05 => (
                "05",
                "Momspliktig försäljning som inte ingår i ruta 06, 07 eller 08",
                "Taxable sales not included in boxes 06, 07 or 08",
            ),
            VatBox::B06 => ("06", "Momspliktiga uttag", "Taxable self-supply"),
            VatBox::B07 => (
                "07",
                "Beskattningsunderlag vid vinstmarginalbeskattning",
                "Taxable amount under the margin scheme",
            ),
            VatBox::B08 => (
                "08",
                "Hyresinkomster vid frivillig skattskyldighet",
                "Rental income under voluntary tax liability",
            ),
            VatBox::B10 => ("10", "Utgående moms 25 %", "Output VAT 25 %"),
            VatBox::B11 => ("11", "Utgående moms 12 %", "Output VAT 12 %"),
            VatBox::B12 => ("12", "Utgående moms 6 %", "Output VAT 6 %"),
            VatBox::B35 => (
                "35",
                "Försäljning av varor till ett annat EU-land",
                "Sales of goods to another EU country",
            ),
            VatBox::B36 => (
                "36",
                "Försäljning av varor utanför EU",
                "Sales of goods outside the EU",
            ),
            VatBox::B37 => (
                "37",
                "Mellanmans inköp av varor vid trepartshandel",
                "Intermediary's purchases in triangulation",
            ),
            VatBox::B38 => (
                "38",
                "Mellanmans försäljning av varor vid trepartshandel",
                "Intermediary's sales in triangulation",
            ),
            VatBox::B39 => (
                "39",
                "Försäljning av tjänster till en näringsidkare i ett annat EU-land enligt huvudregeln",
                "Sales of services to a business in another EU country under the main rule",
            ),
            VatBox::B40 => (
                "40",
                "Övrig försäljning av tjänster omsatta utanför Sverige",
                "Other sales of services supplied outside Sweden",
            ),
            VatBox::B41 => (
                "41",
                "Försäljning när köparen är betalningsskyldig i Sverige",
                "Sales where the buyer is liable to pay the VAT in Sweden",
            ),
            VatBox::B42 => ("42", "Övrig försäljning m.m.", "Other sales etc."),
        }
    }

    /// The box a line or charge's net amount goes in; `None` for what is outside VAT altogether
    /// (disbursements, utlägg), which the return does not report.
    pub fn for_part(part: &LedgerPart) -> Option<VatBox> {
        Some(match part.treatment {
            VatTreatment::Swedish if part.rate.is_zero() => VatBox::B42,
            VatTreatment::Swedish => VatBox::B05,
            VatTreatment::Exempt => VatBox::B42,
            VatTreatment::DomesticReverseCharge => VatBox::B41,
            VatTreatment::EuGoods => VatBox::B35,
            VatTreatment::EuServices => VatBox::B39,
            VatTreatment::Export if part.kind == PartKind::Service => VatBox::B40,
            VatTreatment::Export => VatBox::B36,
            VatTreatment::OutsideScope => return None,
        })
    }

    /// The output VAT box of a rate.
    pub fn for_vat_rate(rate: Decimal) -> VatBox {
        match rate.to_u32() {
            Some(12) if rate.fract().is_zero() => VatBox::B11,
            Some(6) if rate.fract().is_zero() => VatBox::B12,
            _ => VatBox::B10,
        }
    }
}

/// One invoice's share of a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxInvoice {
    pub invoice_id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub customer_name: String,
    pub is_credit: bool,
    /// In SEK; negative for a credit invoice.
    pub amount: Decimal,
}

/// One box: its figure in SEK and öre, and the invoices behind it in invoice order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxFigure {
    pub vat_box: VatBox,
    pub amount: Decimal,
    pub invoices: Vec<BoxInvoice>,
}

impl BoxFigure {
    /// The figure as the return takes it: whole kronor, öre left out.
    pub fn whole_kronor(&self) -> Decimal {
        self.amount.trunc()
    }
}

/// Every sales box, and what the period invoiced outside VAT altogether.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatReturn {
    pub figures: Vec<BoxFigure>,
    pub outside_scope: Vec<BoxInvoice>,
}

fn share(invoice: &LedgerInvoice, amount: Decimal) -> BoxInvoice {
    BoxInvoice {
        invoice_id: invoice.id,
        number: invoice.number.clone(),
        date: invoice.date,
        customer_name: invoice.customer_name.clone(),
        is_credit: invoice.is_credit,
        amount,
    }
}

/// The sales boxes filled from `invoices` (those of the period; the caller selects them).
pub fn vat_return(invoices: &[LedgerInvoice]) -> VatReturn {
    let mut boxes: BTreeMap<VatBox, Vec<BoxInvoice>> = BTreeMap::new();
    let mut outside_scope = Vec::new();
    for invoice in invoices {
        let sign = invoice.sign();
        let mut nets: BTreeMap<Option<VatBox>, Decimal> = BTreeMap::new();
        for part in &invoice.parts {
            *nets.entry(VatBox::for_part(part)).or_default() += part.net;
        }
        for (vat_box, net) in nets {
            let amount = sign * to_sek(net, invoice.exchange_rate);
            match vat_box {
                Some(vat_box) => boxes
                    .entry(vat_box)
                    .or_default()
                    .push(share(invoice, amount)),
                None => outside_scope.push(share(invoice, amount)),
            }
        }
        for (rate, vat) in vat_in_sek(invoice) {
            boxes
                .entry(VatBox::for_vat_rate(rate))
                .or_default()
                .push(share(invoice, sign * vat));
        }
    }
    let figures = VatBox::ALL
        .into_iter()
        .map(|vat_box| {
            let invoices = boxes.remove(&vat_box).unwrap_or_default();
            BoxFigure {
                vat_box,
                amount: invoices.iter().map(|share| share.amount).sum(),
                invoices,
            }
        })
        .collect();
    VatReturn {
        figures,
        outside_scope,
    }
}
