//! The VAT return's sales boxes and the EU sales list for a test company that invoices in every
//! VAT treatment, each figure against a hand computation, and the list file against the layout
//! Skatteverket publishes for upload (SKV574008).

use fakturera_app::App;
use fakturera_app::bookkeeping::EuSalesForm;
use fakturera_app::invoice_form::{InvoiceForm, InvoiceLineForm, VatTreatmentCode};
use fakturera_app::invoices::{CreditLineRequest, CreditRequest};
use fakturera_core::party::Address;
use fakturera_core::samples;
use fakturera_core::vat::VatTreatment;
use fakturera_store::{Article, Company, Customer};

use super::{at, date, fresh_app};

fn company(app: &App) {
    app.with_store(|store| {
        let seller = samples::seller();
        let company = Company {
            name: seller.name,
            org_number: seller.org_number,
            vat_number: seller.vat_number,
            f_tax_approved: true,
            address: seller.address,
            contact_name: seller.contact_name,
            phone: seller.phone,
            email: seller.email,
            bankgiro: seller.bankgiro,
            cash_rounding: false,
            ..store.company()?
        };
        store.set_company(&company)
    })
    .expect("company");
}

fn customer(
    app: &App,
    number: &str,
    name: &str,
    country: &str,
    vat: &str,
    treatment: VatTreatment,
) -> i64 {
    app.with_store(|store| {
        let customer = Customer {
            legal_id: if country == "SE" {
                "5560360793".into()
            } else {
                String::new()
            },
            vat_number: vat.into(),
            address: Address {
                street: "Gatan 1".into(),
                street2: String::new(),
                postal_code: if country == "SE" {
                    "111 22".into()
                } else {
                    "10115".into()
                },
                city: "Staden".into(),
                country_code: country.into(),
            },
            email: "ekonomi@example.com".into(),
            vat_treatment: treatment,
            ..Customer::new(number, name)
        };
        store.add_customer(&customer)
    })
    .expect("customer")
    .0
}

fn line(
    description: &str,
    price: &str,
    treatment: VatTreatmentCode,
    rate: &str,
) -> InvoiceLineForm {
    InvoiceLineForm {
        description: description.into(),
        quantity: "1".into(),
        unit: "st".into(),
        unit_price: price.into(),
        vat_treatment: treatment,
        vat_rate: rate.into(),
        ..InvoiceLineForm::default()
    }
}

/// Issues an invoice for `customer` on `day` with `lines`, after `adjust` has set anything else.
fn issue(
    app: &App,
    customer: i64,
    day: &str,
    lines: Vec<InvoiceLineForm>,
    adjust: impl FnOnce(&mut InvoiceForm),
) -> i64 {
    let mut form = app.new_invoice(customer, date(day)).expect("new").form;
    form.lines = lines;
    form.round_to_whole_kronor = false;
    adjust(&mut form);
    let draft = app
        .create_invoice_draft(customer, &form, date(day), at(day))
        .expect("draft");
    app.issue_invoice(draft.id, date(day), at(day))
        .expect("issue");
    draft.id
}

fn credit(app: &App, id: i64, day: &str, line: u32, quantity: &str) {
    let request = CreditRequest {
        lines: Some(vec![CreditLineRequest {
            line,
            quantity: quantity.into(),
        }]),
    };
    let draft = app
        .credit_invoice(id, &request, date(day), at(day))
        .expect("credit");
    app.issue_invoice(draft.id, date(day), at(day))
        .expect("issue credit");
}

/// The first quarter of 2026 in every treatment; one April invoice outside it.
fn quarter(app: &App) {
    company(app);
    app.with_store(|store| {
        let article = |number: &str, service: bool| Article {
            article_number: number.into(),
            name: number.into(),
            unit: fakturera_core::unit::Unit::piece(),
            unit_price: rust_decimal::Decimal::ONE,
            vat_rate_class: fakturera_core::vat_rates::VatRateClass::Zero,
            is_service: service,
            archived: false,
        };
        store.add_article(&article("SUPPORT", true))?;
        store.add_article(&article("MASKIN", false))
    })
    .expect("articles");
    use VatTreatmentCode::*;
    let swedish = customer(
        app,
        "1",
        "Svenska Kunden AB",
        "SE",
        "SE556036079301",
        VatTreatment::Swedish,
    );
    let builder = customer(
        app,
        "2",
        "Bygg & Montage AB",
        "SE",
        "SE556036079301",
        VatTreatment::DomesticReverseCharge,
    );
    let german = customer(
        app,
        "3",
        "Deutsche Kunde GmbH",
        "DE",
        "DE123456789",
        VatTreatment::EuGoods,
    );
    let finnish = customer(
        app,
        "4",
        "Suomi Oy",
        "FI",
        "FI12345678",
        VatTreatment::EuServices,
    );
    let french = customer(
        app,
        "5",
        "Client Français SA",
        "FR",
        "FR40303265045",
        VatTreatment::EuServices,
    );
    let norwegian = customer(app, "6", "Norsk Kunde AS", "NO", "", VatTreatment::Export);

    issue(
        app,
        swedish,
        "2026-01-15",
        vec![
            line("Konsult", "1000", Swedish, "25"),
            line("Mat", "200", Swedish, "12"),
            line("Böcker", "100", Swedish, "6"),
            line("Nollskattat", "50", Swedish, "0"),
            line("Utbildning", "300", Exempt, "0"),
        ],
        |_| {},
    );
    issue(
        app,
        swedish,
        "2026-01-16",
        vec![line("Utlägg", "80", OutsideScope, "0")],
        |_| {},
    );
    let small = issue(
        app,
        swedish,
        "2026-01-20",
        vec![line("Extra", "400", Swedish, "25")],
        |_| {},
    );
    credit(app, small, "2026-02-01", 0, "1");
    issue(
        app,
        builder,
        "2026-02-10",
        vec![line("Byggtjänst", "10000", DomesticReverseCharge, "0")],
        |_| {},
    );
    issue(
        app,
        german,
        "2026-02-12",
        vec![
            line("Maskin", "5000", EuGoods, "0"),
            line("Installation", "700", EuServices, "0"),
        ],
        |form| {
            form.freight = "200".into();
        },
    );
    let finnish_invoice = issue(
        app,
        finnish,
        "2026-03-02",
        vec![
            line("Rådgivning", "1500", EuServices, "0"),
            line("Rådgivning", "1500", EuServices, "0"),
        ],
        |_| {},
    );
    credit(app, finnish_invoice, "2026-03-20", 1, "1");
    issue(
        app,
        french,
        "2026-03-05",
        vec![line("Licens", "100", EuServices, "0")],
        |form| {
            form.currency = "EUR".into();
            form.exchange_rate = "11,50".into();
        },
    );
    issue(
        app,
        norwegian,
        "2026-03-25",
        vec![
            InvoiceLineForm {
                article_number: "MASKIN".into(),
                ..line("Maskin", "4000", Export, "0")
            },
            InvoiceLineForm {
                article_number: "SUPPORT".into(),
                ..line("Support", "1500", Export, "0")
            },
        ],
        |_| {},
    );
    issue(
        app,
        swedish,
        "2026-04-01",
        vec![line("April", "999", Swedish, "25")],
        |_| {},
    );
}

#[test]
fn every_sales_box_equals_the_hand_computation() {
    let (_folder, app) = fresh_app();
    quarter(&app);
    let report = app.vat_report("2026-K1", "", "").expect("report");
    assert_eq!(
        (report.from.as_str(), report.to.as_str()),
        ("2026-01-01", "2026-03-31")
    );
    let figure = |code: &str| {
        report
            .boxes
            .iter()
            .find(|vat_box| vat_box.code == code)
            .unwrap_or_else(|| panic!("box {code}"))
    };
    // By hand: 1000 + 200 + 100 (January) + 400 − 400 (invoiced and credited) at 25/12/6 %.
    let expected = [
        ("05", "1300.00"),
        ("06", "0.00"),
        ("07", "0.00"),
        ("08", "0.00"),
        ("10", "250.00"),
        ("11", "24.00"),
        ("12", "6.00"),
        ("35", "5200.00"), // machine 5 000 + freight 200 on the goods invoice
        ("36", "4000.00"), // the machine to Norway
        ("37", "0.00"),
        ("38", "0.00"),
        ("39", "3350.00"),  // 700 + 3 000 − 1 500 credited + 100 EUR × 11,50
        ("40", "1500.00"),  // support (a service article) to Norway
        ("41", "10000.00"), // construction, reverse charge
        ("42", "350.00"),   // 0 % 50 + exempt 300
    ];
    let codes: Vec<&str> = report
        .boxes
        .iter()
        .map(|vat_box| vat_box.code.as_str())
        .collect();
    assert_eq!(
        codes,
        expected.iter().map(|(code, _)| *code).collect::<Vec<_>>()
    );
    for (code, amount) in expected {
        assert_eq!(figure(code).amount, amount, "box {code}");
    }
    assert_eq!(figure("41").whole_kronor, "10000");
    assert!(!figure("06").filled_from_invoices && figure("05").filled_from_invoices);
    // The invoices behind box 05: the January invoice, the small one and its credit.
    let behind: Vec<(&str, &str)> = figure("05")
        .invoices
        .iter()
        .map(|share| (share.date.as_str(), share.amount.as_str()))
        .collect();
    assert_eq!(
        behind,
        [
            ("2026-01-15", "1300.00"),
            ("2026-01-20", "400.00"),
            ("2026-02-01", "-400.00")
        ]
    );
    assert!(figure("05").invoices[2].is_credit);
    assert_eq!(report.outside_scope.len(), 1);
    assert_eq!(report.outside_scope[0].amount, "80.00");

    let april = app.vat_report("2026-04", "", "").expect("april");
    assert_eq!(april.boxes[0].amount, "999.00");
    let year = app
        .vat_report("", "2026-01-01", "2026-12-31")
        .expect("dates");
    assert_eq!(year.boxes[0].amount, "2299.00");
}

#[test]
fn the_eu_sales_list_is_the_file_skatteverket_takes() {
    let (folder, app) = fresh_app();
    quarter(&app);
    let path = folder.path().join("ps.csv");
    let list = app
        .eu_sales_list(
            &EuSalesForm {
                period: "2026-K1".into(),
                ..EuSalesForm::default()
            },
            Some(&path),
        )
        .expect("list");
    assert!(list.problems.is_empty(), "{:?}", list.problems);
    let bytes = std::fs::read(&path).expect("file");
    // Windows-1252: Å in the contact's name is one byte, 0xC5.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    assert_eq!(
        text,
        "SKV574008;\r\n\
         SE556721204701;26-1;Karin \u{c5}str\u{f6}m;08-12345670;faktura@ljungbergastrom.se\r\n\
         DE123456789;5200;;700;\r\n\
         FI12345678;;;1500;\r\n\
         FR40303265045;;;1150;\r\n"
    );
    // Layout: first line the form's id; second the declarant (12-digit VAT number, period code,
    // name ≤ 35, phone ≤ 17 digits with one hyphen, e-mail); then VAT number;goods;triangular;services;
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "SKV574008;");
    let declarant: Vec<&str> = lines[1].split(';').collect();
    assert_eq!(declarant.len(), 5);
    assert_eq!(declarant[0].trim_start_matches("SE").len(), 12);
    assert!(declarant[3].len() <= 17 && declarant[3].matches('-').count() == 1);
    for row in &lines[2..] {
        let fields: Vec<&str> = row.split(';').collect();
        assert_eq!(fields.len(), 5, "{row}");
        assert!(
            fields[0].chars().take(2).all(|c| c.is_ascii_uppercase()),
            "{row}"
        );
        for amount in &fields[1..4] {
            assert!(
                amount.is_empty()
                    || (amount.len() <= 12
                        && amount
                            .trim_start_matches('-')
                            .chars()
                            .all(|c| c.is_ascii_digit())),
                "{row}"
            );
        }
        assert_eq!(fields[4], "");
    }
}

#[test]
fn a_buyer_without_a_valid_eu_vat_number_stops_the_list_and_is_named() {
    let (folder, app) = fresh_app();
    company(&app);
    let wrong = customer(
        &app,
        "7",
        "Svensk Felaktig AB",
        "DE",
        "SE556036079301",
        VatTreatment::EuServices,
    );
    issue(
        &app,
        wrong,
        "2026-05-04",
        vec![line("Tjänst", "100", VatTreatmentCode::EuServices, "0")],
        |_| {},
    );
    let preview = app
        .eu_sales_list(
            &EuSalesForm {
                period: "2026-05".into(),
                ..EuSalesForm::default()
            },
            None,
        )
        .expect("preview");
    assert_eq!(preview.problems.len(), 1);
    assert!(
        preview.problems[0].message.contains("annat EU-land"),
        "{}",
        preview.problems[0].message
    );
    let path = folder.path().join("ps.csv");
    let error = app
        .eu_sales_list(
            &EuSalesForm {
                period: "2026-05".into(),
                ..EuSalesForm::default()
            },
            Some(&path),
        )
        .expect_err("refused");
    assert!(
        error.fields[0].message.contains("Svensk Felaktig AB"),
        "{:?}",
        error.fields
    );
    assert!(!path.exists());
    let year = app
        .eu_sales_list(
            &EuSalesForm {
                period: "2026".into(),
                ..EuSalesForm::default()
            },
            None,
        )
        .expect_err("a year is not a period of the list");
    assert_eq!(year.fields[0].field, "period");
}
