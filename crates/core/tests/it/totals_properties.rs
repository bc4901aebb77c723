//! Properties that hold for every invoice, checked on random ones.

use chrono::NaiveDate;
use fakturera_core::invoice::{
    Charge, ChargeKind, CreditSelection, Discount, Invoice, InvoiceLine, PriceEntry, Rounding,
    credit_invoice,
};
use fakturera_core::money::{Currency, round_to_ore};
use fakturera_core::samples;
use fakturera_core::vat::{LineVat, VatTreatment};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money(max_ore: i64) -> impl Strategy<Value = Decimal> {
    (-max_ore..=max_ore).prop_map(|ore| Decimal::new(ore, 2))
}

fn vat() -> impl Strategy<Value = LineVat> {
    prop_oneof![
        4 => prop::sample::select(vec![25i64, 12, 6, 0]).prop_map(|rate| LineVat::swedish(Decimal::from(rate))),
        1 => prop::sample::select(VatTreatment::ALL.to_vec()).prop_map(LineVat::untaxed),
    ]
}

fn discount() -> impl Strategy<Value = Discount> {
    prop_oneof![
        3 => Just(Discount::None),
        1 => (0i64..=10000).prop_map(|basis_points| Discount::Percent(Decimal::new(basis_points, 2))),
        1 => (0i64..=5000).prop_map(|ore| Discount::Amount(Decimal::new(ore, 2))),
    ]
}

fn line() -> impl Strategy<Value = InvoiceLine> {
    ((-5000i64..=100_000), money(10_000_000), discount(), vat()).prop_map(
        |(quantity, price, discount, vat)| InvoiceLine {
            discount,
            vat,
            ..samples::line("Rad", Decimal::new(quantity, 3), "st", price, Decimal::ZERO)
        },
    )
}

fn charge() -> impl Strategy<Value = Charge> {
    (
        prop::sample::select(vec![ChargeKind::InvoiceFee, ChargeKind::Freight]),
        (0i64..=100_000),
        vat(),
    )
        .prop_map(|(kind, ore, vat)| Charge {
            kind,
            amount: Decimal::new(ore, 2),
            vat,
        })
}

fn invoice() -> impl Strategy<Value = Invoice> {
    (
        prop::collection::vec(line(), 1..40),
        prop::collection::vec(charge(), 0..3),
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(lines, charges, gross_prices, round, euros)| {
            let date = NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date");
            let mut invoice = Invoice::draft(
                samples::seller(),
                samples::domestic_buyer(),
                date,
                Default::default(),
            );
            invoice.lines = lines;
            invoice.charges = charges;
            invoice.price_entry = if gross_prices {
                PriceEntry::IncludingVat
            } else {
                PriceEntry::ExcludingVat
            };
            invoice.rounding = if round {
                Rounding::WholeKronor
            } else {
                Rounding::None
            };
            if euros {
                invoice.currency = Currency::parse("EUR").expect("EUR");
                invoice.exchange_rate = Decimal::new(114523, 4);
            }
            invoice
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn line_nets_and_charges_sum_to_the_taxable_total(invoice in invoice()) {
        let totals = invoice.totals();
        let lines: Decimal = totals.lines.iter().map(|amounts| amounts.net).sum();
        let charges: Decimal = totals.charges.iter().copied().sum();
        prop_assert_eq!(lines, totals.line_net_total);
        prop_assert_eq!(charges, totals.charge_total);
        prop_assert_eq!(lines + charges, totals.tax_exclusive);
        let taxable: Decimal = totals.vat_breakdown.iter().map(|subtotal| subtotal.taxable_amount).sum();
        prop_assert_eq!(taxable, totals.tax_exclusive);
        for amounts in &totals.lines {
            prop_assert_eq!(amounts.net, round_to_ore(amounts.net));
        }
    }

    #[test]
    fn vat_per_rate_is_the_rounded_rate_times_the_base(invoice in invoice()) {
        let totals = invoice.totals();
        for subtotal in &totals.vat_breakdown {
            prop_assert_eq!(subtotal.vat_amount, round_to_ore(subtotal.taxable_amount * subtotal.rate / Decimal::ONE_HUNDRED));
        }
        let vat: Decimal = totals.vat_breakdown.iter().map(|subtotal| subtotal.vat_amount).sum();
        prop_assert_eq!(vat, totals.vat_total);
    }

    #[test]
    fn payable_is_the_total_plus_rounding(invoice in invoice()) {
        let totals = invoice.totals();
        prop_assert_eq!(totals.tax_inclusive, totals.tax_exclusive + totals.vat_total);
        prop_assert_eq!(totals.payable, totals.tax_inclusive + totals.rounding);
        prop_assert!(totals.rounding.abs() <= Decimal::new(50, 2));
        if invoice.rounding == Rounding::WholeKronor {
            prop_assert_eq!(totals.payable, totals.payable.trunc());
        } else {
            prop_assert_eq!(totals.rounding, Decimal::ZERO);
        }
    }

    #[test]
    fn a_full_credit_cancels_its_invoice(mut invoice in invoice()) {
        invoice.number = Some("1".to_owned());
        let credit = credit_invoice(&invoice, &CreditSelection::Full, invoice.issue_date).expect("credit");
        let (original, credited) = (invoice.totals(), credit.totals());
        prop_assert_eq!(original.payable * invoice.sign() + credited.payable * credit.sign(), Decimal::ZERO);
        prop_assert_eq!(original.vat_total * invoice.sign() + credited.vat_total * credit.sign(), Decimal::ZERO);
        prop_assert_eq!(original, credited);
    }

    #[test]
    fn prices_with_vat_give_back_the_entered_total(invoice in invoice()) {
        let mut invoice = invoice;
        invoice.price_entry = PriceEntry::IncludingVat;
        invoice.rounding = Rounding::None;
        let totals = invoice.totals();
        // What the user typed, line by line, with VAT.
        let entered: Decimal = invoice.lines.iter().map(|line| {
            let gross = line.quantity * line.unit_price;
            let discount = match line.discount {
                Discount::None => Decimal::ZERO,
                Discount::Percent(percent) => round_to_ore(gross * percent / Decimal::ONE_HUNDRED),
                Discount::Amount(amount) => amount,
            };
            round_to_ore(gross - discount)
        }).sum::<Decimal>() + invoice.charges.iter().map(|charge| charge.amount).sum::<Decimal>();
        // Exact whenever an exact split exists; never more than one öre per VAT group away.
        let groups = Decimal::from(totals.vat_breakdown.len());
        prop_assert!((totals.tax_inclusive - entered).abs() <= Decimal::new(1, 2) * groups,
            "entered {} but total {}", entered, totals.tax_inclusive);
    }
}
