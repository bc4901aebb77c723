//! Realistic sample parties and invoices for tests, benchmarks and demo data.
//!
//! Kept in the library (not under `cfg(test)`) because the PDF, Peppol, store and app crates and the
//! demo-data command all need the same believable company and customers.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::invoice::{Charge, ChargeKind, Discount, Invoice, InvoiceLine};
use crate::party::{Address, Buyer, BuyerKind, Seller};
use crate::payment_terms::PaymentTerms;
use crate::text::Language;
use crate::unit::Unit;
use crate::vat::{LineVat, VatTreatment};

fn address(street: &str, postal_code: &str, city: &str, country_code: &str) -> Address {
    Address {
        street: street.to_owned(),
        street2: String::new(),
        postal_code: postal_code.to_owned(),
        city: city.to_owned(),
        country_code: country_code.to_owned(),
    }
}

/// A Stockholm consultancy, approved for F-tax, with Bankgiro.
pub fn seller() -> Seller {
    Seller {
        name: "Ljungberg & Åström Konsult AB".to_owned(),
        org_number: "5567212047".to_owned(),
        vat_number: "SE556721204701".to_owned(),
        f_tax_approved: true,
        address: address("Sveavägen 44", "111 34", "Stockholm", "SE"),
        phone: "08-123 456 70".to_owned(),
        email: "faktura@ljungbergastrom.se".to_owned(),
        website: "www.ljungbergastrom.se".to_owned(),
        contact_name: "Karin Åström".to_owned(),
        bankgiro: "56781230".to_owned(),
        plusgiro: String::new(),
        iban: "SE4550000000058398257466".to_owned(),
        bic: "ESSESESS".to_owned(),
        late_payment_interest: Some(Decimal::from(12)),
    }
}

/// A Swedish company that receives e-invoices.
pub fn domestic_buyer() -> Buyer {
    Buyer {
        customer_number: "1001".to_owned(),
        kind: BuyerKind::Company,
        name: "Göteborgs Byggservice AB".to_owned(),
        legal_id: "5560360793".to_owned(),
        vat_number: "SE556036079301".to_owned(),
        address: address("Östra Hamngatan 12", "411 10", "Göteborg", "SE"),
        delivery_address: None,
        email: "ekonomi@gbgbygg.se".to_owned(),
        phone: "031-70 80 90".to_owned(),
        contact_name: "Per Öberg".to_owned(),
        einvoice_address: Some("0007:5560360793".to_owned()),
        language: Language::Swedish,
    }
}

/// A German company, for EU sales.
pub fn eu_buyer() -> Buyer {
    Buyer {
        customer_number: "2001".to_owned(),
        kind: BuyerKind::Company,
        name: "Müller Maschinenbau GmbH".to_owned(),
        legal_id: "HRB 12345".to_owned(),
        vat_number: "DE123456789".to_owned(),
        address: address("Königstraße 5", "70173", "Stuttgart", "DE"),
        delivery_address: None,
        email: "rechnung@mueller-maschinenbau.de".to_owned(),
        phone: String::new(),
        contact_name: "Jürgen Müller".to_owned(),
        einvoice_address: None,
        language: Language::English,
    }
}

/// A private person in Sweden.
pub fn private_buyer() -> Buyer {
    Buyer {
        customer_number: "3001".to_owned(),
        kind: BuyerKind::Private,
        name: "Åsa Lindqvist".to_owned(),
        legal_id: String::new(),
        vat_number: String::new(),
        address: address("Storgatan 3 B", "753 20", "Uppsala", "SE"),
        delivery_address: None,
        email: "asa.lindqvist@example.se".to_owned(),
        phone: String::new(),
        contact_name: String::new(),
        einvoice_address: None,
        language: Language::Swedish,
    }
}

/// A company outside the EU, for export.
pub fn export_buyer() -> Buyer {
    Buyer {
        customer_number: "4001".to_owned(),
        kind: BuyerKind::Company,
        name: "Fjord Supply AS".to_owned(),
        legal_id: "923609016".to_owned(),
        vat_number: "NO923609016MVA".to_owned(),
        address: address("Karl Johans gate 10", "0154", "Oslo", "NO"),
        delivery_address: None,
        email: "invoice@fjordsupply.no".to_owned(),
        phone: String::new(),
        contact_name: String::new(),
        einvoice_address: None,
        language: Language::English,
    }
}

/// A line with Swedish VAT at `rate` percent.
pub fn line(
    description: &str,
    quantity: Decimal,
    unit: &str,
    price: Decimal,
    rate: Decimal,
) -> InvoiceLine {
    InvoiceLine {
        article_number: String::new(),
        description: description.to_owned(),
        quantity,
        unit: Unit::new(unit),
        unit_price: price,
        discount: Discount::None,
        vat: LineVat::swedish(rate),
    }
}

/// A line under a VAT-free treatment.
pub fn untaxed_line(
    description: &str,
    quantity: Decimal,
    unit: &str,
    price: Decimal,
    treatment: VatTreatment,
) -> InvoiceLine {
    InvoiceLine {
        vat: LineVat::untaxed(treatment),
        ..line(description, quantity, unit, price, Decimal::ZERO)
    }
}

/// The invoice fee most Swedish small businesses charge on paper invoices, with 25 % VAT.
pub fn invoice_fee(amount: Decimal) -> Charge {
    Charge {
        kind: ChargeKind::InvoiceFee,
        amount,
        vat: LineVat::swedish(Decimal::from(25)),
    }
}

/// A typical domestic invoice: consulting hours, a licence, travel at 6 % and an invoice fee.
pub fn domestic_invoice(issue_date: NaiveDate) -> Invoice {
    let mut invoice = Invoice::draft(
        seller(),
        domestic_buyer(),
        issue_date,
        PaymentTerms::Net { days: 30 },
    );
    invoice.our_reference = "Karin Åström".to_owned();
    invoice.your_reference = "Per Öberg".to_owned();
    invoice.buyer_reference = "PROJ-4711".to_owned();
    invoice.lines = vec![
        InvoiceLine {
            article_number: "KONS".to_owned(),
            ..line(
                "Konsultarvode, systemutveckling",
                Decimal::new(125, 1),
                "tim",
                Decimal::from(1150),
                Decimal::from(25),
            )
        },
        InvoiceLine {
            article_number: "LIC-12".to_owned(),
            discount: Discount::Percent(Decimal::from(10)),
            ..line(
                "Licens Fakturera Pro, 12 månader",
                Decimal::ONE,
                "st",
                Decimal::new(479900, 2),
                Decimal::from(25),
            )
        },
        line(
            "Tågresa Stockholm–Göteborg t/r",
            Decimal::ONE,
            "st",
            Decimal::new(129500, 2),
            Decimal::from(6),
        ),
    ];
    invoice.charges = vec![invoice_fee(Decimal::from(45))];
    invoice
}
