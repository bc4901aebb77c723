//! The SIE export of the demo company, read back with the `sie4` crate (an SIE 4 parser published
//! on crates.io, not our writer), checked verification by verification and account by account
//! against sums computed by hand from the stored invoices and payments.

use std::collections::BTreeMap;

use fakturera_app::bookkeeping::SieExportForm;
use fakturera_app::invoice_form::InvoiceLineForm;
use fakturera_core::invoice::{ChargeKind, InvoiceKind};
use fakturera_core::ledger::PartKind;
use fakturera_core::money::round_to_ore;
use fakturera_core::party::Address;
use fakturera_core::vat::{VatCategory, VatTreatment};
use fakturera_store::{Customer, InvoiceId};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::{at, date, fresh_app};

/// One verification as read: series, number, date, text and rows.
type ReadVerification = (String, u32, String, String, Vec<(u32, Decimal)>);

/// What the independent reader found in the file.
#[derive(Debug, Default)]
struct ReadBack {
    company: String,
    accounts: BTreeMap<u32, String>,
    verifications: Vec<ReadVerification>,
}

fn read_back(bytes: &[u8]) -> ReadBack {
    let mut read = ReadBack::default();
    for item in sie4::Reader::new(bytes) {
        match item.expect("the sie4 crate reads every record") {
            sie4::Item::FNamn(name) => read.company = name.name,
            sie4::Item::Konto(account) => {
                read.accounts.insert(account.no, account.name);
            }
            sie4::Item::Ver(ver) => read.verifications.push((
                ver.series,
                ver.no,
                ver.date.to_string(),
                ver.text.unwrap_or_default(),
                ver.transactions
                    .0
                    .into_iter()
                    .map(|trans| (trans.account, trans.amount))
                    .collect(),
            )),
            _ => {}
        }
    }
    read
}

/// The account a hand-kept BAS ledger uses for a line or charge (written out here, apart from the
/// program's own account map).
fn hand_account(kind: PartKind, treatment: VatTreatment, rate: Decimal) -> u32 {
    match (kind, treatment) {
        (PartKind::InvoiceFee, _) => 3540,
        (PartKind::Freight, _) => 3520,
        (_, VatTreatment::Swedish) if rate == dec!(25) => 3001,
        (_, VatTreatment::Swedish) if rate == dec!(12) => 3002,
        (_, VatTreatment::Swedish) if rate == dec!(6) => 3003,
        (_, VatTreatment::Swedish | VatTreatment::Exempt | VatTreatment::OutsideScope) => 3004,
        (_, VatTreatment::DomesticReverseCharge) => 3231,
        (_, VatTreatment::EuGoods) => 3108,
        (_, VatTreatment::EuServices) => 3308,
        (PartKind::Service, VatTreatment::Export) => 3305,
        (_, VatTreatment::Export) => 3105,
    }
}

fn hand_vat_account(rate: Decimal) -> u32 {
    if rate == dec!(12) {
        2621
    } else if rate == dec!(6) {
        2631
    } else {
        2611
    }
}

/// Per account, what the invoices and payments of `from`–`to` book, computed from the stored
/// documents with the core's totals.
fn hand_sums(app: &fakturera_app::App, from: &str, to: &str) -> BTreeMap<u32, Decimal> {
    app.with_store(|store| {
        let mut sums: BTreeMap<u32, Decimal> = BTreeMap::new();
        let mut add = |account: u32, amount: Decimal| *sums.entry(account).or_default() += amount;
        let ids: Vec<i64> = store
            .raw_connection()
            .prepare(
                "SELECT id FROM invoices WHERE status = 'issued' AND issue_date BETWEEN ?1 AND ?2",
            )?
            .query_map([from, to], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for id in ids {
            let stored = store.invoice(InvoiceId(id))?;
            let invoice = &stored.invoice;
            let totals = invoice.totals();
            let sign = if matches!(invoice.kind, InvoiceKind::Credit(_)) {
                dec!(-1)
            } else {
                dec!(1)
            };
            let rate = invoice.exchange_rate;
            let sek = |amount: Decimal| round_to_ore(amount * rate);
            let mut per_account: BTreeMap<u32, Decimal> = BTreeMap::new();
            for (line, amounts) in invoice.lines.iter().zip(&totals.lines) {
                let service = line.vat.treatment == VatTreatment::EuServices
                    || store
                        .article_by_number(&line.article_number)?
                        .is_some_and(|(_, article)| article.is_service);
                let kind = if service {
                    PartKind::Service
                } else {
                    PartKind::Goods
                };
                *per_account
                    .entry(hand_account(
                        kind,
                        line.vat.treatment,
                        line.vat.effective_rate(),
                    ))
                    .or_default() += amounts.net;
            }
            for (charge, net) in invoice.charges.iter().zip(&totals.charges) {
                let kind = match charge.kind {
                    ChargeKind::InvoiceFee => PartKind::InvoiceFee,
                    ChargeKind::Freight => PartKind::Freight,
                };
                *per_account
                    .entry(hand_account(kind, charge.vat.treatment, dec!(0)))
                    .or_default() += *net;
            }
            let mut credited = Decimal::ZERO;
            for (account, net) in per_account {
                credited += sek(net);
                add(account, -sign * sek(net));
            }
            let vat_rows: Vec<_> = totals
                .vat_breakdown
                .iter()
                .filter(|row| row.category == VatCategory::Standard && !row.vat_amount.is_zero())
                .collect();
            let mut vat_sek = Decimal::ZERO;
            for (index, row) in vat_rows.iter().enumerate() {
                let amount = if index + 1 == vat_rows.len() {
                    totals.vat_total_sek - vat_sek
                } else {
                    sek(row.vat_amount)
                };
                vat_sek += amount;
                add(hand_vat_account(row.rate), -sign * amount);
            }
            credited += vat_sek;
            if invoice.currency.is_sek() {
                assert_eq!(
                    totals.payable_sek - credited,
                    totals.rounding,
                    "invoice {id}"
                );
            }
            add(3740, -sign * (totals.payable_sek - credited));
            add(1510, sign * totals.payable_sek);
        }
        let payments: Vec<(i64, String, String, String)> = store
            .raw_connection()
            .prepare(
                "SELECT p.invoice_id, p.amount, i.exchange_rate, i.kind FROM invoice_payments p
                 JOIN invoices i ON i.id = p.invoice_id WHERE p.paid_on BETWEEN ?1 AND ?2",
            )?
            .query_map([from, to], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        for (_, amount, rate, kind) in payments {
            let sign = if kind == "credit" { dec!(-1) } else { dec!(1) };
            let amount = round_to_ore(
                amount.parse::<Decimal>().expect("amount") * rate.parse::<Decimal>().expect("rate"),
            );
            add(1930, sign * amount);
            add(1510, -sign * amount);
        }
        sums.retain(|_, amount| !amount.is_zero());
        Ok::<_, fakturera_store::StoreError>(sums)
    })
    .expect("hand computation")
}

fn year_form(only_new: bool) -> SieExportForm {
    SieExportForm {
        period: "2026".into(),
        only_new,
        ..SieExportForm::default()
    }
}

/// A customer named "Åström & Öberg" with one invoice in the year, so the file carries å, ö and Ö.
fn invoice_for_astrom(app: &fakturera_app::App) -> i64 {
    let customer = app
        .with_store(|store| {
            let customer = Customer {
                legal_id: "5560360793".into(),
                address: Address {
                    street: "Storgatan 1".into(),
                    street2: String::new(),
                    postal_code: "903 25".into(),
                    city: "Umeå".into(),
                    country_code: "SE".into(),
                },
                email: "faktura@astrom-oberg.se".into(),
                ..Customer::new("9001", "Åström & Öberg")
            };
            store.add_customer(&customer)
        })
        .expect("customer")
        .0;
    let mut form = app
        .new_invoice(customer, date("2026-11-20"))
        .expect("new")
        .form;
    form.lines = vec![InvoiceLineForm {
        description: "Rådgivning".into(),
        quantity: "3".into(),
        unit: "tim".into(),
        unit_price: "1 000,10".into(),
        vat_rate: "25".into(),
        ..InvoiceLineForm::default()
    }];
    let draft = app
        .create_invoice_draft(customer, &form, date("2026-11-20"), at("2026-11-20"))
        .expect("draft");
    app.issue_invoice(draft.id, date("2026-11-20"), at("2026-11-20"))
        .expect("issued");
    draft.id
}

#[test]
fn the_demo_year_reads_back_balanced_and_equal_to_a_hand_computation() {
    let (folder, app) = fresh_app();
    app.fill_demo_data(date("2026-11-26")).expect("demo");
    invoice_for_astrom(&app);
    let path = folder.path().join("demo.si");
    let result = app
        .export_sie(
            &year_form(false),
            &path,
            date("2026-11-26"),
            at("2026-11-26"),
        )
        .expect("export");
    let bytes = std::fs::read(&path).expect("file");
    let read = read_back(&bytes);

    let company = app.with_store(|store| store.company()).expect("company");
    assert_eq!(read.company, company.name);
    assert_eq!(read.verifications.len(), result.verifications as usize);
    assert!(
        read.verifications.len() > 100,
        "{}",
        read.verifications.len()
    );

    let mut sums: BTreeMap<u32, Decimal> = BTreeMap::new();
    for (series, number, _, text, rows) in &read.verifications {
        let balance: Decimal = rows.iter().map(|(_, amount)| *amount).sum();
        assert_eq!(
            balance,
            Decimal::ZERO,
            "{series} {number} {text} does not balance"
        );
        assert!(!rows.is_empty(), "{series} {number}");
        for (account, amount) in rows {
            assert!(
                read.accounts.contains_key(account),
                "#KONTO {account} missing"
            );
            *sums.entry(*account).or_default() += amount;
        }
    }
    sums.retain(|_, amount| !amount.is_zero());
    assert_eq!(sums, hand_sums(&app, "2026-01-01", "2026-12-31"));
    // The demo year has sales at 25 % and 6 %, an EU customer in EUR, export, payments.
    for account in [1510, 1930, 3001, 2611, 3308] {
        assert!(sums.contains_key(&account), "no {account} in {sums:?}");
    }
    let series: Vec<&str> = read.verifications.iter().map(|v| v.0.as_str()).collect();
    assert!(
        series.contains(&"B") && series.contains(&"C"),
        "invoices in B, payments in C"
    );
}

#[test]
fn swedish_letters_are_written_in_code_page_437() {
    let (folder, app) = fresh_app();
    app.fill_demo_data(date("2026-11-26")).expect("demo");
    invoice_for_astrom(&app);
    let path = folder.path().join("astrom.si");
    app.export_sie(
        &SieExportForm {
            period: "2026-11".into(),
            ..SieExportForm::default()
        },
        &path,
        date("2026-11-26"),
        at("2026-11-26"),
    )
    .expect("export");
    let bytes = std::fs::read(&path).expect("file");
    // Å = 0x8F, ö = 0x94, Ö = 0x99 in code page 437; no UTF-8 byte sequence anywhere.
    let expected: &[u8] = b"\x8Fstr\x94m & \x99berg";
    assert!(
        bytes
            .windows(expected.len())
            .any(|window| window == expected),
        "the name is not in CP437"
    );
    assert!(
        !bytes
            .windows(2)
            .any(|pair| pair == [0xC3, 0x85] || pair == [0xC3, 0xB6])
    );
    assert!(bytes.starts_with(b"#FLAGGA 0\r\n#PROGRAM \"Fakturera\""));
    let text = read_back(&bytes)
        .verifications
        .iter()
        .map(|v| v.3.clone())
        .find(|text| text.contains("Åström"))
        .expect("the reader decodes CP437 back");
    assert!(text.ends_with("Åström & Öberg"), "{text}");
}

#[test]
fn the_same_period_again_gives_the_same_file_and_only_new_takes_what_is_new() {
    let (folder, app) = fresh_app();
    app.fill_demo_data(date("2026-11-26")).expect("demo");
    let first = folder.path().join("first.si");
    let again = folder.path().join("again.si");
    let first_result = app
        .export_sie(
            &year_form(false),
            &first,
            date("2026-11-26"),
            at("2026-11-26"),
        )
        .expect("first");
    app.export_sie(
        &year_form(false),
        &again,
        date("2026-12-02"),
        at("2026-12-02"),
    )
    .expect("again");
    assert_eq!(
        std::fs::read(&first).expect("first"),
        std::fs::read(&again).expect("again")
    );

    let nothing = app
        .export_sie(
            &year_form(true),
            &folder.path().join("none.si"),
            date("2026-12-02"),
            at("2026-12-02"),
        )
        .expect_err("nothing new");
    assert_eq!(nothing.fields[0].field, "only_new");
    assert!(!folder.path().join("none.si").exists());

    let astrom = invoice_for_astrom(&app);
    let new = folder.path().join("new.si");
    let result = app
        .export_sie(&year_form(true), &new, date("2026-12-03"), at("2026-12-03"))
        .expect("only new");
    assert_eq!((result.verifications, result.new_verifications), (1, 1));
    assert_eq!(result.left_out, first_result.verifications);
    assert!(
        result.message.contains("togs inte med"),
        "{}",
        result.message
    );
    let read = read_back(&std::fs::read(&new).expect("new"));
    assert_eq!(read.verifications.len(), 1);
    let (series, number, day, text, _) = &read.verifications[0];
    assert_eq!(series, "B");
    let invoices_before = first_result.verifications; // B and C together; B continues after its own highest
    assert!(*number > 0 && *number <= invoices_before + 1, "{number}");
    assert_eq!(day, "2026-11-20");
    assert!(text.contains("Åström"), "{text}");
    let _ = astrom;

    // The whole year again now has the new invoice too, with the number it got above.
    let whole = folder.path().join("whole.si");
    app.export_sie(
        &year_form(false),
        &whole,
        date("2026-12-04"),
        at("2026-12-04"),
    )
    .expect("whole");
    let read = read_back(&std::fs::read(&whole).expect("whole"));
    assert!(
        read.verifications
            .iter()
            .any(|v| v.0 == "B" && v.1 == *number && v.3.contains("Åström"))
    );
    assert_eq!(
        read.verifications.len() as u32,
        first_result.verifications + 1
    );
}

#[test]
fn a_period_across_the_financial_year_is_refused() {
    let (folder, app) = fresh_app();
    let form = SieExportForm {
        from: "2025-12-01".into(),
        to: "2026-01-31".into(),
        ..SieExportForm::default()
    };
    let error = app
        .export_sie(
            &form,
            &folder.path().join("x.si"),
            date("2026-02-01"),
            at("2026-02-01"),
        )
        .expect_err("two years");
    assert_eq!(error.fields[0].field, "to");
    assert!(error.message.contains("räkenskapsår"), "{}", error.message);
}
