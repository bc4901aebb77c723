//! The scenario table of issue 5: realistic invoices built from core's samples, each issued with a
//! number and an OCR reference the way the app issues them.

use chrono::NaiveDate;
use fakturera_core::ids::Ocr;
use fakturera_core::ids::ocr::LengthDigit;
use fakturera_core::invoice::{
    Charge, ChargeKind, CreditSelection, Discount, Invoice, InvoiceLine, PriceEntry, Rounding,
    TextRow, credit_invoice,
};
use fakturera_core::money::Currency;
use fakturera_core::party::Address;
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::samples::{self, line, untaxed_line};
use fakturera_core::vat::{LineVat, VatTreatment};
use fakturera_peppol::Attachment;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap_or_default()
}

/// One row of the table: a file name, the invoice, and the attachment to embed.
pub struct Scenario {
    pub name: &'static str,
    pub invoice: Invoice,
    pub attachment: Option<Attachment>,
}

/// Gives `invoice` the number and OCR reference issuing would give it.
pub fn issued(mut invoice: Invoice, number: u64) -> Invoice {
    invoice.number = Some(number.to_string());
    if !invoice.is_credit() {
        invoice.ocr = Ocr::from_invoice_number(number, LengthDigit::With)
            .digits()
            .to_owned();
    }
    invoice
}

fn domestic(lines: Vec<InvoiceLine>) -> Invoice {
    let mut invoice = Invoice::draft(
        samples::seller(),
        samples::domestic_buyer(),
        day("2026-03-02"),
        PaymentTerms::Net { days: 30 },
    );
    invoice.buyer_reference = "PROJ-4711".to_owned();
    invoice.our_reference = "Karin Åström".to_owned();
    invoice.lines = lines;
    invoice
}

fn hours(description: &str, quantity: Decimal, price: Decimal, rate: Decimal) -> InvoiceLine {
    line(description, quantity, "tim", price, rate)
}

pub fn domestic_25() -> Invoice {
    domestic(vec![hours("Konsultarvode", dec!(8), dec!(950), dec!(25))])
}

fn mixed_rates() -> Invoice {
    let mut invoice = samples::domestic_invoice(day("2026-03-02"));
    invoice.lines.push(line(
        "Hotellnatt Göteborg",
        dec!(2),
        "st",
        dec!(1190),
        dec!(12),
    ));
    invoice
        .lines
        .push(line("Facklitteratur", dec!(3), "st", dec!(349), dec!(6)));
    invoice
}

fn line_discounts() -> Invoice {
    domestic(vec![
        InvoiceLine {
            discount: Discount::Percent(dec!(15)),
            ..line("Skruvdragare 18 V", dec!(3), "st", dec!(1899), dec!(25))
        },
        InvoiceLine {
            discount: Discount::Amount(dec!(250)),
            ..line("Kabel 3×1,5 mm²", dec!(100), "m", dec!(12.40), dec!(25))
        },
        InvoiceLine {
            discount: Discount::Percent(dec!(12.5)),
            ..line("Trädgårdsjord", dec!(40), "l", dec!(4.95), dec!(25))
        },
    ])
}

fn invoice_fee() -> Invoice {
    let mut invoice = domestic(vec![hours(
        "Redovisningstjänster",
        dec!(3.5),
        dec!(650),
        dec!(25),
    )]);
    invoice.charges = vec![samples::invoice_fee(dec!(45))];
    invoice
}

/// Freight at 25 % on goods at 12 %: the charge brings its own VAT category into the breakdown.
fn freight() -> Invoice {
    let mut invoice = domestic(vec![line(
        "Kaffebönor",
        dec!(12),
        "kg",
        dec!(219),
        dec!(12),
    )]);
    invoice.charges = vec![
        Charge {
            kind: ChargeKind::Freight,
            amount: dec!(149),
            vat: LineVat::swedish(dec!(25)),
        },
        samples::invoice_fee(dec!(29)),
    ];
    invoice
}

/// 1 × 100.48 at 25 % = 125.60 → rounded up to 126 (+0.40).
fn rounding_up() -> Invoice {
    domestic(vec![line(
        "Förbrukningsmaterial",
        dec!(1),
        "st",
        dec!(100.48),
        dec!(25),
    )])
}

/// 1 × 100.32 at 25 % = 125.40 → rounded down to 125 (−0.40).
fn rounding_down() -> Invoice {
    domestic(vec![line(
        "Förbrukningsmaterial",
        dec!(1),
        "st",
        dec!(100.32),
        dec!(25),
    )])
}

fn reverse_charge() -> Invoice {
    domestic(vec![
        untaxed_line(
            "Montering av innerväggar",
            dec!(24),
            "tim",
            dec!(620),
            VatTreatment::DomesticReverseCharge,
        ),
        untaxed_line(
            "Byggmaterial enligt offert",
            dec!(1),
            "st",
            dec!(18450),
            VatTreatment::DomesticReverseCharge,
        ),
    ])
}

fn eu_invoice(treatment: VatTreatment) -> Invoice {
    let mut invoice = Invoice::draft(
        samples::seller(),
        samples::eu_buyer(),
        day("2026-03-02"),
        PaymentTerms::Net { days: 30 },
    );
    invoice.order_reference = "PO-2026-0042".to_owned();
    invoice.language = fakturera_core::Language::English;
    invoice.currency = Currency::parse("EUR").unwrap_or_else(|_| Currency::sek());
    invoice.exchange_rate = dec!(11.4275);
    invoice.rounding = Rounding::None;
    invoice.lines = vec![untaxed_line(
        "Spare parts kit",
        dec!(4),
        "st",
        dec!(312.50),
        treatment,
    )];
    if treatment == VatTreatment::EuServices {
        invoice.lines = vec![untaxed_line(
            "Remote support",
            dec!(6),
            "tim",
            dec!(95),
            treatment,
        )];
    }
    invoice
}

fn export() -> Invoice {
    let mut buyer = samples::export_buyer();
    buyer.legal_id = "923609016".to_owned();
    let mut invoice = Invoice::draft(
        samples::seller(),
        buyer,
        day("2026-03-02"),
        PaymentTerms::Net { days: 30 },
    );
    invoice.buyer_reference = "Fjord-77".to_owned();
    invoice.language = fakturera_core::Language::English;
    invoice.delivery_date = Some(day("2026-02-26"));
    invoice.lines = vec![untaxed_line(
        "Industrial pump P-40",
        dec!(2),
        "st",
        dec!(14900),
        VatTreatment::Export,
    )];
    invoice
}

/// A foreign buyer known by `legal_id` or VAT number in `country`, for the addresses derived from
/// foreign registers (Finland's OVT code, Belgium's enterprise number, a US EIN).
fn foreign_buyer(
    country: &str,
    legal_id: &str,
    vat_number: &str,
    treatment: VatTreatment,
) -> Invoice {
    let mut buyer = samples::eu_buyer();
    buyer.legal_id = legal_id.to_owned();
    buyer.vat_number = vat_number.to_owned();
    buyer.address.country_code = country.to_owned();
    let mut invoice = Invoice::draft(
        samples::seller(),
        buyer,
        day("2026-03-02"),
        PaymentTerms::Net { days: 30 },
    );
    invoice.language = fakturera_core::Language::English;
    invoice.your_reference = "Accounts payable".to_owned();
    invoice.delivery_date = Some(day("2026-02-26"));
    invoice.lines = vec![untaxed_line(
        "Consulting",
        dec!(6),
        "tim",
        dec!(1150),
        treatment,
    )];
    invoice
}

/// A letter customer who gave no reference: the customer number is the buyer reference.
fn no_reference_given() -> Invoice {
    let mut invoice = domestic_25();
    invoice.buyer_reference.clear();
    invoice.your_reference.clear();
    invoice.buyer.einvoice_address = None;
    invoice
}

/// A Swedish company paying in euro, with Swedish VAT: the VAT total must also be stated in SEK.
fn euro() -> Invoice {
    let mut invoice = domestic(vec![hours(
        "Systemutveckling",
        dec!(10),
        dec!(98.50),
        dec!(25),
    )]);
    invoice.currency = Currency::parse("EUR").unwrap_or_else(|_| Currency::sek());
    invoice.exchange_rate = dec!(11.4275);
    invoice.rounding = Rounding::None;
    invoice
}

/// A private customer: no organisation number, only a personal number, prices including VAT.
fn private_customer() -> Invoice {
    let mut buyer = samples::private_buyer();
    buyer.legal_id = "198112189876".to_owned();
    let mut invoice = Invoice::draft(
        samples::seller(),
        buyer,
        day("2026-03-02"),
        PaymentTerms::Net { days: 10 },
    );
    invoice.your_reference = "Åsa Lindqvist".to_owned();
    invoice.price_entry = PriceEntry::IncludingVat;
    invoice.lines = vec![
        line("Fönsterputs, villa", dec!(1), "st", dec!(1495), dec!(25)),
        InvoiceLine {
            discount: Discount::Percent(dec!(10)),
            ..line(
                "Fönsterputs, extra fönster",
                dec!(7),
                "st",
                dec!(89),
                dec!(25),
            )
        },
    ];
    invoice
}

fn many_lines(count: usize) -> Invoice {
    let rates = [dec!(25), dec!(12), dec!(6)];
    let lines = (0..count)
        .map(|index| {
            let quantity = Decimal::from(index % 7 + 1);
            let price = Decimal::new(1999 + (index as i64 * 137) % 50_000, 2);
            InvoiceLine {
                article_number: format!("ART-{index:04}"),
                discount: if index % 5 == 0 {
                    Discount::Percent(dec!(5))
                } else {
                    Discount::None
                },
                ..line(
                    &format!("Artikel nummer {}", index + 1),
                    quantity,
                    "st",
                    price,
                    rates[index % 3],
                )
            }
        })
        .collect();
    domestic(lines)
}

/// Every text field holds markup characters, quotes and characters outside Latin-1.
fn special_characters() -> Invoice {
    let nasty = |base: &str| format!("{base} & <Co> \"Ω\" 'ö' € 😀 漢字 ≤≥ \u{7}");
    let mut invoice = domestic(vec![InvoiceLine {
        article_number: nasty("A&B<1>"),
        ..hours(&nasty("Rådgivning"), dec!(2), dec!(1200), dec!(25))
    }]);
    let seller = &mut invoice.seller;
    seller.name = nasty("Ljungberg & Åström");
    seller.address = Address {
        street: nasty("Sveavägen 44"),
        street2: nasty("Box <1>"),
        postal_code: "111 34".to_owned(),
        city: nasty("Stockholm"),
        country_code: "SE".to_owned(),
    };
    seller.contact_name = nasty("Karin");
    seller.phone = nasty("08-123");
    seller.email = "faktura+\"x\"&y@example.se".to_owned();
    let buyer = &mut invoice.buyer;
    buyer.name = nasty("Göteborgs Bygg");
    buyer.address = Address {
        street: nasty("Östra Hamngatan 12"),
        street2: nasty("c/o <Per>"),
        postal_code: "411 10".to_owned(),
        city: nasty("Göteborg"),
        country_code: "SE".to_owned(),
    };
    buyer.delivery_address = Some(Address {
        street: nasty("Lager 3"),
        street2: String::new(),
        postal_code: "411 11".to_owned(),
        city: nasty("Göteborg"),
        country_code: "SE".to_owned(),
    });
    buyer.contact_name = nasty("Per");
    buyer.phone = nasty("031-70");
    buyer.email = "ekonomi&'x'@gbgbygg.se".to_owned();
    invoice.our_reference = nasty("Vår ref");
    invoice.your_reference = nasty("Er ref");
    invoice.buyer_reference = nasty("REF<1>&2");
    invoice.order_reference = nasty("PO\"7\"");
    invoice.notes = nasty("Tack för <beställningen> & välkommen åter!\nRad två");
    invoice.delivery_date = Some(day("2026-02-27"));
    invoice
}

fn outside_scope() -> Invoice {
    domestic(vec![untaxed_line(
        "Utlägg: ansökningsavgift Bolagsverket",
        dec!(1),
        "st",
        dec!(2200),
        VatTreatment::OutsideScope,
    )])
}

fn exempt() -> Invoice {
    domestic(vec![untaxed_line(
        "Kurs i bokföring, heldag",
        dec!(3),
        "dag",
        dec!(2400),
        VatTreatment::Exempt,
    )])
}

fn zero_rated_and_plusgiro() -> Invoice {
    let mut invoice = domestic(vec![
        line(
            "Tryckt tidskrift, prenumeration",
            dec!(1),
            "st",
            dec!(480),
            dec!(0),
        ),
        hours("Layout", dec!(2), dec!(800), dec!(25)),
    ]);
    invoice.seller.bankgiro = String::new();
    invoice.seller.plusgiro = "4477123".to_owned();
    invoice
}

/// A deduction written as a negative quantity, and one entered as a negative price: Peppol allows no
/// negative price (BR-27), so the writer moves the sign to the quantity.
fn deductions() -> Invoice {
    domestic(vec![
        hours("Takläggning enligt avtal", dec!(40), dec!(690), dec!(25)),
        line(
            "Avgår: returnerat material",
            dec!(-3),
            "st",
            dec!(450),
            dec!(25),
        ),
        line("Avgår: rabattcheck", dec!(1), "st", dec!(-500), dec!(25)),
    ])
}

fn with_pdf() -> (Invoice, Attachment) {
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();
    let attachment = Attachment {
        filename: "Faktura 10060.pdf".to_owned(),
        mime: "application/pdf".to_owned(),
        bytes: pdf,
    };
    (domestic_25(), attachment)
}

/// Text rows before the first line (the document note), between lines and after the last (line
/// notes), with the invoice's own notes too.
fn text_rows() -> Invoice {
    let mut invoice = mixed_rates();
    invoice.notes = "Tack för beställningen!".to_owned();
    let text = |before_line: usize, text: &str| TextRow {
        before_line,
        text: text.to_owned(),
    };
    invoice.text_rows = vec![
        text(0, "Arbete enligt offert 2026-117"),
        text(1, "Avser vecka 9 och 10"),
        text(1, "Resa och logi i Göteborg:"),
        text(invoice.lines.len(), "Litteraturen skickas separat."),
    ];
    invoice
}

/// 10 % off an invoice with 25, 12 and 6 % lines: one allowance per rate, with base and percent.
fn discount_percent() -> Invoice {
    let mut invoice = mixed_rates();
    invoice.discount = Discount::Percent(dec!(10));
    invoice
}

/// 500 kr off prices entered with VAT, over two rates and with an invoice fee beside it.
fn discount_amount_with_vat() -> Invoice {
    let mut invoice = mixed_rates();
    invoice.price_entry = PriceEntry::IncludingVat;
    invoice.charges.push(samples::invoice_fee(dec!(45)));
    invoice.discount = Discount::Amount(dec!(500));
    invoice
}

/// The whole table, each invoice issued with its own number.
pub fn all() -> Vec<Scenario> {
    let original = issued(mixed_rates(), 10050);
    let full_credit = credit_invoice(&original, &CreditSelection::Full, day("2026-03-20"));
    let partial_credit = credit_invoice(
        &original,
        &CreditSelection::Lines(vec![(0, dec!(2.5)), (3, dec!(1))]),
        day("2026-03-21"),
    );
    let (pdf_invoice, pdf) = with_pdf();
    let mut rows: Vec<(&'static str, Invoice, Option<Attachment>)> = vec![
        ("domestic-25", domestic_25(), None),
        ("mixed-25-12-6", mixed_rates(), None),
        ("line-discounts", line_discounts(), None),
        ("invoice-fee", invoice_fee(), None),
        ("freight", freight(), None),
        ("rounding-up", rounding_up(), None),
        ("rounding-down", rounding_down(), None),
        ("reverse-charge-construction", reverse_charge(), None),
        ("eu-goods-germany", eu_invoice(VatTreatment::EuGoods), None),
        ("eu-services", eu_invoice(VatTreatment::EuServices), None),
        ("export-outside-eu", export(), None),
        ("euro", euro(), None),
        ("private-customer", private_customer(), None),
        ("lines-500", many_lines(500), None),
        ("special-characters", special_characters(), None),
        ("outside-scope", outside_scope(), None),
        ("exempt", exempt(), None),
        ("zero-rated-plusgiro", zero_rated_and_plusgiro(), None),
        ("deductions", deductions(), None),
        ("with-pdf", pdf_invoice, Some(pdf)),
        ("text-rows", text_rows(), None),
        ("invoice-discount-percent", discount_percent(), None),
        (
            "invoice-discount-amount-with-vat",
            discount_amount_with_vat(),
            None,
        ),
        (
            "finnish-by-vat-number",
            foreign_buyer("FI", "", "FI01120389", VatTreatment::EuServices),
            None,
        ),
        (
            "belgian-enterprise-number",
            foreign_buyer("BE", "0403.170.701", "BE0403170701", VatTreatment::EuGoods),
            None,
        ),
        (
            "us-ein",
            foreign_buyer("US", "12-3456789", "", VatTreatment::Export),
            None,
        ),
        ("no-reference-given", no_reference_given(), None),
    ];
    let mut scenarios: Vec<Scenario> = rows
        .drain(..)
        .enumerate()
        .map(|(index, (name, invoice, attachment))| Scenario {
            name,
            invoice: issued(invoice, 10001 + index as u64),
            attachment,
        })
        .collect();
    scenarios.push(Scenario {
        name: "original-for-credit",
        invoice: original,
        attachment: None,
    });
    let discounted = issued(discount_amount_with_vat(), 10060);
    let discounted_credit = credit_invoice(
        &discounted,
        &CreditSelection::Lines(vec![(0, dec!(1))]),
        day("2026-03-22"),
    );
    for (name, credit, number) in [
        ("credit-full", full_credit, 10051),
        ("credit-partial", partial_credit, 10052),
        ("credit-partial-of-discounted", discounted_credit, 10061),
    ] {
        match credit {
            Ok(credit) => scenarios.push(Scenario {
                name,
                invoice: issued(credit, number),
                attachment: None,
            }),
            Err(errors) => panic!("{name}: {errors}"),
        }
    }
    scenarios
}
