//! Data-driven totals: each row is an invoice and the totals a careful accountant would get by hand.

use chrono::NaiveDate;
use fakturera_core::invoice::{
    Charge, ChargeKind, CreditSelection, Discount, Invoice, InvoiceLine, PriceEntry, Rounding,
    credit_invoice,
};
use fakturera_core::money::Currency;
use fakturera_core::samples;
use fakturera_core::vat::{LineVat, VatTreatment};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

/// A line as a tuple: quantity, price, discount, VAT.
type Row = (Decimal, Decimal, Discount, LineVat);

fn s(rate: Decimal) -> LineVat {
    LineVat::swedish(rate)
}

fn invoice(
    rows: &[Row],
    charges: &[(ChargeKind, Decimal, LineVat)],
    entry: PriceEntry,
    rounding: Rounding,
) -> Invoice {
    let mut invoice = Invoice::draft(
        samples::seller(),
        samples::domestic_buyer(),
        date(),
        Default::default(),
    );
    invoice.price_entry = entry;
    invoice.rounding = rounding;
    invoice.lines = rows
        .iter()
        .enumerate()
        .map(
            |(index, &(quantity, unit_price, discount, vat))| InvoiceLine {
                discount,
                vat,
                ..samples::line(
                    &format!("Rad {index}"),
                    quantity,
                    "st",
                    unit_price,
                    Decimal::ZERO,
                )
            },
        )
        .collect();
    invoice.charges = charges
        .iter()
        .map(|&(kind, amount, vat)| Charge { kind, amount, vat })
        .collect();
    invoice
}

struct Expected {
    line_net_total: Decimal,
    charge_total: Decimal,
    /// (category code, rate, taxable, vat) in breakdown order.
    vat: Vec<(&'static str, Decimal, Decimal, Decimal)>,
    tax_inclusive: Decimal,
    rounding: Decimal,
    payable: Decimal,
}

fn check(name: &str, invoice: &Invoice, expected: &Expected) {
    let totals = invoice.totals();
    assert_eq!(
        totals.line_net_total, expected.line_net_total,
        "{name}: line net total"
    );
    assert_eq!(
        totals.charge_total, expected.charge_total,
        "{name}: charge total"
    );
    let breakdown: Vec<(&str, Decimal, Decimal, Decimal)> = totals
        .vat_breakdown
        .iter()
        .map(|subtotal| {
            (
                subtotal.category.code(),
                subtotal.rate,
                subtotal.taxable_amount,
                subtotal.vat_amount,
            )
        })
        .collect();
    assert_eq!(breakdown, expected.vat, "{name}: VAT breakdown");
    assert_eq!(
        totals.tax_inclusive, expected.tax_inclusive,
        "{name}: total incl. VAT"
    );
    assert_eq!(totals.rounding, expected.rounding, "{name}: rounding");
    assert_eq!(totals.payable, expected.payable, "{name}: payable");
}

const NONE: Discount = Discount::None;

#[test]
fn totals_table() {
    use ChargeKind::*;
    use PriceEntry::*;
    use Rounding::*;
    let cases: Vec<(&str, Invoice, Expected)> = vec![
        (
            "one line at 25 %",
            invoice(
                &[(dec!(2), dec!(100), NONE, s(dec!(25)))],
                &[],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(200.00),
                charge_total: dec!(0),
                vat: vec![("S", dec!(25), dec!(200.00), dec!(50.00))],
                tax_inclusive: dec!(250.00),
                rounding: dec!(0),
                payable: dec!(250),
            },
        ),
        (
            "mixed 25/12/6 %",
            invoice(
                &[
                    (dec!(1), dec!(1000), NONE, s(dec!(25))),
                    (dec!(3), dec!(49.90), NONE, s(dec!(12))),
                    (dec!(2), dec!(199), NONE, s(dec!(6))),
                ],
                &[],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(1547.70),
                charge_total: dec!(0),
                vat: vec![
                    ("S", dec!(25), dec!(1000.00), dec!(250.00)),
                    ("S", dec!(12), dec!(149.70), dec!(17.96)),
                    ("S", dec!(6), dec!(398.00), dec!(23.88)),
                ],
                tax_inclusive: dec!(1839.54),
                rounding: dec!(0.46),
                payable: dec!(1840),
            },
        ),
        (
            "percent and amount discounts",
            invoice(
                &[
                    (
                        dec!(3),
                        dec!(333.33),
                        Discount::Percent(dec!(15)),
                        s(dec!(25)),
                    ),
                    (dec!(1), dec!(500), Discount::Amount(dec!(50)), s(dec!(25))),
                ],
                &[],
                ExcludingVat,
                None,
            ),
            // 999.99 − round(149.9985) 150.00 = 849.99; 500 − 50 = 450; VAT 1299.99 × 0.25 = 324.9975 → 325.00
            Expected {
                line_net_total: dec!(1299.99),
                charge_total: dec!(0),
                vat: vec![("S", dec!(25), dec!(1299.99), dec!(325.00))],
                tax_inclusive: dec!(1624.99),
                rounding: dec!(0),
                payable: dec!(1624.99),
            },
        ),
        (
            "invoice fee and freight carry VAT",
            invoice(
                &[(dec!(1), dec!(400), NONE, s(dec!(25)))],
                &[
                    (InvoiceFee, dec!(45), s(dec!(25))),
                    (Freight, dec!(99), s(dec!(25))),
                ],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(400.00),
                charge_total: dec!(144.00),
                vat: vec![("S", dec!(25), dec!(544.00), dec!(136.00))],
                tax_inclusive: dec!(680.00),
                rounding: dec!(0),
                payable: dec!(680),
            },
        ),
        (
            "whole kronor already: no rounding",
            invoice(
                &[
                    (dec!(1), dec!(10.00), NONE, s(dec!(25))),
                    (dec!(1), dec!(0.40), NONE, s(dec!(25))),
                ],
                &[],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(10.40),
                charge_total: dec!(0),
                vat: vec![("S", dec!(25), dec!(10.40), dec!(2.60))],
                tax_inclusive: dec!(13.00),
                rounding: dec!(0),
                payable: dec!(13),
            },
        ),
        (
            "rounding 0.50 goes up",
            invoice(
                &[(dec!(1), dec!(10.50), NONE, s(dec!(0)))],
                &[],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(10.50),
                charge_total: dec!(0),
                vat: vec![("Z", dec!(0), dec!(10.50), dec!(0.00))],
                tax_inclusive: dec!(10.50),
                rounding: dec!(0.50),
                payable: dec!(11),
            },
        ),
        (
            "rounding 0.49 goes down",
            invoice(
                &[(dec!(1), dec!(10.49), NONE, s(dec!(0)))],
                &[],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(10.49),
                charge_total: dec!(0),
                vat: vec![("Z", dec!(0), dec!(10.49), dec!(0.00))],
                tax_inclusive: dec!(10.49),
                rounding: dec!(-0.49),
                payable: dec!(10),
            },
        ),
        (
            "prices including VAT give back the entered total",
            invoice(
                &[
                    (dec!(1), dec!(99.00), NONE, s(dec!(25))),
                    (dec!(3), dec!(33.33), NONE, s(dec!(25))),
                    (dec!(1), dec!(59.90), NONE, s(dec!(12))),
                ],
                &[],
                IncludingVat,
                None,
            ),
            // 25 %: 99 + 99.99 = 198.99 → net 159.19, VAT 39.80 (159.19 × 0.25 = 39.7975); 12 %: 59.90 → 53.48 + 6.42
            Expected {
                line_net_total: dec!(212.67),
                charge_total: dec!(0),
                vat: vec![
                    ("S", dec!(25), dec!(159.19), dec!(39.80)),
                    ("S", dec!(12), dec!(53.48), dec!(6.42)),
                ],
                tax_inclusive: dec!(258.89),
                rounding: dec!(0),
                payable: dec!(258.89),
            },
        ),
        (
            "many small lines: VAT per rate, not per line",
            invoice(
                &[(dec!(1), dec!(0.10), NONE, s(dec!(25))); 3],
                &[],
                ExcludingVat,
                None,
            ),
            // Per line 0.025 → 0.03 each would give 0.09; per rate 0.30 × 0.25 = 0.075 → 0.08.
            Expected {
                line_net_total: dec!(0.30),
                charge_total: dec!(0),
                vat: vec![("S", dec!(25), dec!(0.30), dec!(0.08))],
                tax_inclusive: dec!(0.38),
                rounding: dec!(0),
                payable: dec!(0.38),
            },
        ),
        (
            "negative line (returned goods)",
            invoice(
                &[
                    (dec!(5), dec!(80), NONE, s(dec!(25))),
                    (dec!(-2), dec!(80), NONE, s(dec!(25))),
                ],
                &[],
                ExcludingVat,
                WholeKronor,
            ),
            Expected {
                line_net_total: dec!(240.00),
                charge_total: dec!(0),
                vat: vec![("S", dec!(25), dec!(240.00), dec!(60.00))],
                tax_inclusive: dec!(300.00),
                rounding: dec!(0),
                payable: dec!(300),
            },
        ),
        (
            "reverse charge beside Swedish VAT",
            invoice(
                &[
                    (
                        dec!(8),
                        dec!(650),
                        NONE,
                        LineVat::untaxed(VatTreatment::DomesticReverseCharge),
                    ),
                    (dec!(1), dec!(100), NONE, s(dec!(25))),
                ],
                &[],
                ExcludingVat,
                None,
            ),
            Expected {
                line_net_total: dec!(5300.00),
                charge_total: dec!(0),
                vat: vec![
                    ("S", dec!(25), dec!(100.00), dec!(25.00)),
                    ("AE", dec!(0), dec!(5200.00), dec!(0.00)),
                ],
                tax_inclusive: dec!(5325.00),
                rounding: dec!(0),
                payable: dec!(5325.00),
            },
        ),
    ];
    for (name, invoice, expected) in &cases {
        check(name, invoice, expected);
    }
}

#[test]
fn foreign_currency_reports_vat_and_payable_in_sek() {
    let mut invoice = invoice(
        &[(dec!(10), dec!(95.50), NONE, s(dec!(25)))],
        &[],
        PriceEntry::ExcludingVat,
        Rounding::None,
    );
    invoice.currency = Currency::parse("EUR").expect("EUR");
    invoice.exchange_rate = dec!(11.4523);
    let totals = invoice.totals();
    assert_eq!(totals.vat_total, dec!(238.75));
    assert_eq!(totals.payable, dec!(1193.75));
    assert_eq!(totals.vat_total_sek, dec!(2734.24)); // 238.75 × 11.4523 = 2734.236625
    assert_eq!(totals.payable_sek, dec!(13671.18)); // 1193.75 × 11.4523 = 13671.18306
}

#[test]
fn a_full_credit_has_exactly_the_invoice_totals() {
    let mut original = samples::domestic_invoice(date());
    original.number = Some("10045".to_owned());
    let credit = credit_invoice(&original, &CreditSelection::Full, date()).expect("credit");
    assert_eq!(credit.totals(), original.totals());
    assert_eq!(
        credit
            .credited_invoice()
            .map(|reference| reference.number.as_str()),
        Some("10045")
    );
    assert_eq!(
        original.totals().payable * original.sign() + credit.totals().payable * credit.sign(),
        Decimal::ZERO
    );
}

#[test]
fn a_partial_credit_takes_the_chosen_quantities() {
    let mut original = samples::domestic_invoice(date());
    original.number = Some("10046".to_owned());
    let credit = credit_invoice(
        &original,
        &CreditSelection::Lines(vec![(0, dec!(2.5))]),
        date(),
    )
    .expect("credit");
    let totals = credit.totals();
    assert_eq!(totals.line_net_total, dec!(2875.00));
    assert_eq!(totals.vat_total, dec!(718.75));
    assert!(credit.charges.is_empty());

    let too_many = credit_invoice(
        &original,
        &CreditSelection::Lines(vec![(0, dec!(13))]),
        date(),
    )
    .expect_err("too many");
    assert_eq!(too_many.0[0].field, "lines[0].quantity");
    let missing = credit_invoice(
        &original,
        &CreditSelection::Lines(vec![(9, dec!(1))]),
        date(),
    )
    .expect_err("no such line");
    assert_eq!(missing.0[0].code, "unknown_line");
}

#[test]
fn credit_of_a_credit_and_of_a_draft_are_refused() {
    let mut original = samples::domestic_invoice(date());
    let draft_error = credit_invoice(&original, &CreditSelection::Full, date()).expect_err("draft");
    assert_eq!(draft_error.0[0].code, "not_issued");
    original.number = Some("1".to_owned());
    let mut credit = credit_invoice(&original, &CreditSelection::Full, date()).expect("credit");
    credit.number = Some("2".to_owned());
    let error =
        credit_invoice(&credit, &CreditSelection::Full, date()).expect_err("credit of credit");
    assert_eq!(error.0[0].code, "credit_of_credit");
    assert!(error.0[0].message.sv.contains("kan inte krediteras"));
}

/// The invoice-level discount: (lines, discount, entry) → (allowance per rate, BT-107, BT-109,
/// VAT, payable), worked out by hand.
#[test]
fn invoice_discounts_lower_each_rate_exactly() {
    type Case = (
        Vec<Row>,
        Discount,
        PriceEntry,
        Vec<Decimal>,
        (Decimal, Decimal, Decimal, Decimal),
    );
    let none = Discount::None;
    let cases: Vec<Case> = vec![
        // 10 % of 1 295 at 25 %: 129.50 off, VAT on 1 165.50.
        (
            vec![(dec!(1), dec!(1295), none, s(dec!(25)))],
            Discount::Percent(dec!(10)),
            PriceEntry::ExcludingVat,
            vec![dec!(129.50)],
            (dec!(129.50), dec!(1165.50), dec!(291.38), dec!(1457)),
        ),
        // 100 kr over 750 at 25 % and 250 at 12 %: 75 and 25.
        (
            vec![
                (dec!(1), dec!(750), none, s(dec!(25))),
                (dec!(1), dec!(250), none, s(dec!(12))),
            ],
            Discount::Amount(dec!(100)),
            PriceEntry::ExcludingVat,
            vec![dec!(75), dec!(25)],
            (dec!(100), dec!(900), dec!(195.75), dec!(1096)),
        ),
        // With VAT: 100 kr off 1 250 incl. 25 %: the customer pays 1 150.
        (
            vec![(dec!(1), dec!(1250), none, s(dec!(25)))],
            Discount::Amount(dec!(100)),
            PriceEntry::IncludingVat,
            vec![dec!(80)],
            (dec!(80), dec!(920), dec!(230), dec!(1150)),
        ),
        // With VAT, 10 % off 99.95 incl. 25 %: 89.96 to pay before rounding.
        (
            vec![(dec!(1), dec!(99.95), none, s(dec!(25)))],
            Discount::Percent(dec!(10)),
            PriceEntry::IncludingVat,
            vec![dec!(8.00)],
            (dec!(8.00), dec!(71.96), dec!(17.99), dec!(90)),
        ),
    ];
    for (rows, discount, entry, expected_allowances, (allowance_total, exclusive, vat, payable)) in
        cases
    {
        let mut draft = invoice(&rows, &[], entry, Rounding::WholeKronor);
        draft.discount = discount;
        let totals = draft.totals();
        let allowances: Vec<Decimal> = totals.allowances.iter().map(|a| a.amount).collect();
        assert_eq!(allowances, expected_allowances, "{discount:?} {entry:?}");
        assert_eq!(
            (
                totals.allowance_total,
                totals.tax_exclusive,
                totals.vat_total,
                totals.payable
            ),
            (allowance_total, exclusive, vat, payable),
            "{discount:?} {entry:?}"
        );
        assert_eq!(
            totals.tax_exclusive,
            totals.line_net_total - totals.allowance_total + totals.charge_total
        );
    }
}

#[test]
fn text_rows_change_no_total_and_a_discount_is_checked() {
    use fakturera_core::invoice::{TextRow, validate_for_issue};
    let rows = [(dec!(2), dec!(500), Discount::None, s(dec!(25)))];
    let plain = invoice(&rows, &[], PriceEntry::ExcludingVat, Rounding::None);
    let mut with_text = plain.clone();
    with_text.text_rows = vec![
        TextRow {
            before_line: 0,
            text: "Arbete vecka 12".into(),
        },
        TextRow {
            before_line: 1,
            text: "Enligt offert 2026-03".into(),
        },
    ];
    assert_eq!(with_text.totals(), plain.totals());

    let mut broken = with_text.clone();
    broken.text_rows[1].text = "  ".into();
    broken.discount = Discount::Amount(dec!(1000.01));
    let fields: Vec<String> = validate_for_issue(&broken)
        .0
        .into_iter()
        .map(|error| error.field)
        .collect();
    assert!(
        fields.contains(&"text_rows[1].text".to_owned()),
        "{fields:?}"
    );
    assert!(fields.contains(&"discount".to_owned()), "{fields:?}");
}
