//! Issue 5's scenario table, each row an invoice made the way a user makes it (company settings,
//! customers, articles, the editor's form, issue, credit) and written as UBL by the app; all files
//! are checked by the official validator in ONE call. A few rows are broken on purpose for a
//! customer who gets letters (so issuing is allowed): the validator must report the rule id our
//! pre-send check names, which proves the check can fail.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fakturera_app::LanguageCode;
use fakturera_app::articles::{ArticleForm, ArticleKindCode, VatRateClassCode};
use fakturera_app::customers::CustomerForm;
use fakturera_app::documents::DocumentKind;
use fakturera_app::invoice_form::{InvoiceForm, InvoiceLineForm, VatTreatmentCode};
use fakturera_app::invoices::{CreditLineRequest, CreditRequest};
use fakturera_app::register_fields::{AddressForm, CustomerKindCode, DeliveryChoiceCode};
use fakturera_app::send_check::FindingSeverity;
use fakturera_core::Language;

use super::validator::validate;
use super::{Fixture, at, customer_form, date, line};

const TODAY: &str = "2026-03-02";

/// One row: its file, the invoice id, and the rule the validator must report (`None`: nothing
/// fatal at all).
struct Row {
    name: String,
    id: i64,
    broken_rule: Option<&'static str>,
}

struct Table<'a> {
    fixture: &'a Fixture,
    rows: Vec<Row>,
}

impl Table<'_> {
    fn customer(&self, form: &CustomerForm) -> i64 {
        self.fixture
            .app
            .add_customer(form, date(TODAY))
            .unwrap_or_else(|error| panic!("customer {}: {error:?}", form.name))
            .id
    }

    /// Drafts an invoice for `customer` from the form a new invoice starts with, changed by `edit`.
    fn draft(&self, customer: i64, edit: impl FnOnce(&mut InvoiceForm)) -> i64 {
        let app = &self.fixture.app;
        let mut form = app
            .new_invoice(customer, date(TODAY))
            .expect("new invoice form")
            .form;
        edit(&mut form);
        app.create_invoice_draft(customer, &form, date(TODAY), at(TODAY))
            .unwrap_or_else(|error| panic!("draft: {error:?}"))
            .id
    }

    fn issue(&self, id: i64) {
        self.fixture
            .app
            .issue_invoice(id, date(TODAY), at(TODAY))
            .unwrap_or_else(|error| panic!("issue {id}: {error:?}"));
    }

    fn add(&mut self, name: &str, customer: i64, edit: impl FnOnce(&mut InvoiceForm)) -> i64 {
        let id = self.draft(customer, edit);
        self.issue(id);
        self.rows.push(Row {
            name: name.to_owned(),
            id,
            broken_rule: None,
        });
        id
    }

    fn add_broken(
        &mut self,
        name: &str,
        rule: &'static str,
        customer: i64,
        edit: impl FnOnce(&mut InvoiceForm),
    ) {
        let id = self.draft(customer, edit);
        self.issue(id);
        self.rows.push(Row {
            name: name.to_owned(),
            id,
            broken_rule: Some(rule),
        });
    }

    fn credit(&mut self, name: &str, original: i64, request: &CreditRequest) {
        let credit = self
            .fixture
            .app
            .credit_invoice(original, request, date(TODAY), at(TODAY))
            .unwrap_or_else(|error| panic!("credit of {original}: {error:?}"))
            .id;
        self.issue(credit);
        self.rows.push(Row {
            name: name.to_owned(),
            id: credit,
            broken_rule: None,
        });
    }

    /// The editor row the article picker fills in for `customer`.
    fn article_line(&self, number: &str, customer: i64, quantity: &str) -> InvoiceLineForm {
        let choices = self
            .fixture
            .app
            .invoice_article_choices(number, Some(customer), date(TODAY))
            .expect("article choices");
        let mut line = choices
            .into_iter()
            .find(|choice| choice.article_number == number)
            .unwrap_or_else(|| panic!("article {number}"))
            .line;
        line.quantity = quantity.into();
        line
    }
}

fn foreign(
    name: &str,
    street: &str,
    postal: &str,
    city: &str,
    country: &str,
    vat: &str,
    treatment: VatTreatmentCode,
) -> CustomerForm {
    CustomerForm {
        legal_id: String::new(),
        vat_number: vat.into(),
        address: AddressForm {
            street: street.into(),
            street2: String::new(),
            postal_code: postal.into(),
            city: city.into(),
            country_code: country.into(),
        },
        language: LanguageCode::En,
        vat_treatment: treatment,
        ..customer_form(name, DeliveryChoiceCode::Email)
    }
}

fn articles(fixture: &Fixture) {
    for (number, name, unit, price, class, kind) in [
        (
            "K100",
            "Konsulttimme, senior",
            "tim",
            "1150",
            VatRateClassCode::Standard,
            ArticleKindCode::Service,
        ),
        (
            "B12",
            "Facklitteratur, bok",
            "st",
            "349",
            VatRateClassCode::Reduced6,
            ArticleKindCode::Goods,
        ),
        (
            "M7",
            "Maskindel, hydraulpump",
            "st",
            "12450.50",
            VatRateClassCode::Standard,
            ArticleKindCode::Goods,
        ),
    ] {
        let form = ArticleForm {
            article_number: number.into(),
            name: name.into(),
            unit: unit.into(),
            unit_price: price.into(),
            vat_rate_class: class,
            kind,
            archived: false,
        };
        fixture
            .app
            .add_article(&form, date(TODAY))
            .unwrap_or_else(|error| panic!("article {number}: {error:?}"));
    }
}

fn build(fixture: &Fixture) -> Vec<Row> {
    articles(fixture);
    let mut table = Table {
        fixture,
        rows: Vec::new(),
    };

    let einvoice = table.customer(&customer_form(
        "Göteborgs Byggservice AB",
        DeliveryChoiceCode::Einvoice,
    ));
    let k100 = table.article_line("K100", einvoice, "8");
    table.add("domestic-25", einvoice, |form| form.lines = vec![k100]);

    let k100 = table.article_line("K100", einvoice, "2");
    let b12 = table.article_line("B12", einvoice, "3");
    table.add("mixed-25-12-6", einvoice, |form| {
        form.lines = vec![
            k100,
            line("Hotellnatt Göteborg", "2", "st", "1190", "12"),
            b12,
        ];
    });
    table.add("line-discounts", einvoice, |form| {
        let mut discounted = line("Konsultarvode, ramavtal", "10", "tim", "950", "25");
        discounted.discount_percent = "15".into();
        let mut small = line("Licens, årsavgift", "1", "st", "4999.99", "25");
        small.discount_percent = "2.5".into();
        form.lines = vec![discounted, small];
    });
    table.add("invoice-fee", einvoice, |form| {
        form.lines = vec![line("Service, värmepump", "1", "st", "2400", "25")];
        form.invoice_fee = "59".into();
    });
    table.add("freight", einvoice, |form| {
        form.lines = vec![
            line("Kontorsstolar", "4", "st", "2290", "25"),
            line("Böcker", "2", "st", "199", "6"),
        ];
        form.freight = "450".into();
    });
    table.add("rounding-up", einvoice, |form| {
        form.round_to_whole_kronor = true;
        // 100.48 + 25.12 VAT = 125.60, rounded up to 126.
        form.lines = vec![line("Kabelskor", "1", "st", "100.48", "25")];
    });
    table.add("rounding-down", einvoice, |form| {
        form.round_to_whole_kronor = true;
        // 100.32 + 25.08 VAT = 125.40, rounded down to 125.
        form.lines = vec![line("Skruv, rostfri", "1", "st", "100.32", "25")];
    });

    let builder = table.customer(&CustomerForm {
        vat_treatment: VatTreatmentCode::DomesticReverseCharge,
        ..customer_form(
            "Bygg & Betong i Mälardalen AB",
            DeliveryChoiceCode::Einvoice,
        )
    });
    table.add("reverse-charge-construction", builder, |form| {
        let mut work = line("Snickeriarbete, byggnad", "24", "tim", "640", "0");
        work.vat_treatment = VatTreatmentCode::DomesticReverseCharge;
        form.lines = vec![work];
    });

    let german = table.customer(&CustomerForm {
        currency: "EUR".into(),
        ..foreign(
            "Müller Maschinenbau GmbH",
            "Königstraße 5",
            "70173",
            "Stuttgart",
            "DE",
            "DE123456789",
            VatTreatmentCode::EuGoods,
        )
    });
    let pump = table.article_line("M7", german, "2");
    table.add("eu-goods-germany", german, |form| {
        form.exchange_rate = "11.42".into();
        form.delivery_date = "2026-02-27".into();
        form.lines = vec![pump];
    });

    let austrian = table.customer(&foreign(
        "Alpen Design GmbH",
        "Mariahilfer Straße 88",
        "1070",
        "Wien",
        "AT",
        "ATU12345678",
        VatTreatmentCode::EuServices,
    ));
    let advice = table.article_line("K100", austrian, "6");
    table.add("eu-services", austrian, |form| form.lines = vec![advice]);

    let norwegian = table.customer(&CustomerForm {
        legal_id: "923609016".into(),
        ..foreign(
            "Fjord Supply AS",
            "Karl Johans gate 10",
            "0154",
            "Oslo",
            "NO",
            "NO923609016MVA",
            VatTreatmentCode::Export,
        )
    });
    table.add("export-outside-eu", norwegian, |form| {
        let mut goods = line("Sågade trävaror, furu", "12", "m3", "2150", "0");
        goods.vat_treatment = VatTreatmentCode::Export;
        form.lines = vec![goods];
    });

    let euro = table.customer(&CustomerForm {
        currency: "EUR".into(),
        ..customer_form("Euro Handel AB", DeliveryChoiceCode::Einvoice)
    });
    table.add("currency-eur", euro, |form| {
        form.exchange_rate = "11.4875".into();
        form.lines = vec![line("Konsultarvode", "7.5", "tim", "98.50", "25")];
    });

    let private = table.customer(&CustomerForm {
        kind: CustomerKindCode::Private,
        legal_id: "19811218-9876".into(),
        vat_number: String::new(),
        buyer_reference: String::new(),
        your_reference: "Åsa Lindqvist".into(),
        ..customer_form("Åsa Lindqvist", DeliveryChoiceCode::Automatic)
    });
    table.add("private-customer", private, |form| {
        form.prices_include_vat = true;
        form.lines = vec![line("Fönsterputs, villa", "1", "st", "1495", "25")];
    });

    let many = table.article_line("K100", einvoice, "1");
    table.add("lines-500", einvoice, |form| {
        form.lines = (0..500)
            .map(|index| InvoiceLineForm {
                kind: Default::default(),
                description: format!("Rad {} – konsulttimme", index + 1),
                quantity: format!("{}", index % 7 + 1),
                ..many.clone()
            })
            .collect();
    });

    let special = table.customer(&CustomerForm {
        name: "Bröderna Öst & Väst <Handel> \"AB\" 'Ltd' €".into(),
        address: AddressForm {
            street: "Gränd 5 & <Port> \"B\"".into(),
            street2: "c/o Åke & Märta".into(),
            postal_code: "123 45".into(),
            city: "Malmö".into(),
            country_code: "SE".into(),
        },
        your_reference: "Zoë O'Brien & Søren".into(),
        buyer_reference: "REF<&>\"'€".into(),
        ..customer_form("placeholder", DeliveryChoiceCode::Einvoice)
    });
    table.add("special-characters", special, |form| {
        form.our_reference = "Karin Åström & Co <VD>".into();
        form.order_reference = "PO-42 & \"B\"".into();
        form.notes =
            "Tack för beställningen! 5 < 6 & 7 > 3, \"citat\", 'apostrof', € ñ ß 日本 😀".into();
        form.lines = vec![line(
            "Ränta & avgifter <special> \"x\" 'y' € 日本語 😀",
            "1",
            "st",
            "100",
            "25",
        )];
    });

    let original = table.add("credit-original", einvoice, |form| {
        form.lines = vec![
            line("Konsultarvode", "10", "tim", "950", "25"),
            line("Resekostnad", "1", "st", "1200", "25"),
        ];
        form.invoice_fee = "59".into();
    });
    table.credit("credit-full", original, &CreditRequest::default());
    table.credit(
        "credit-partial",
        original,
        &CreditRequest {
            lines: Some(vec![CreditLineRequest {
                line: 0,
                quantity: "2".into(),
            }]),
        },
    );

    // A letter customer who gave no reference: the customer number is the buyer reference, so
    // the file is valid (PEPPOL-EN16931-R003) and the customer can still match it.
    let unreferenced = table.customer(&CustomerForm {
        your_reference: String::new(),
        buyer_reference: String::new(),
        ..customer_form("Referenslösa Bolaget AB", DeliveryChoiceCode::Letter)
    });
    table.add("letter-without-reference", unreferenced, |form| {
        form.lines = vec![line("Konsultarvode", "1", "tim", "950", "25")];
    });

    // Broken on purpose, for a customer who gets letters, so issuing goes through.
    let anonymous = table.customer(&CustomerForm {
        kind: CustomerKindCode::Private,
        legal_id: String::new(),
        vat_number: String::new(),
        your_reference: "Olle Ek".into(),
        ..customer_form("Olle Ek", DeliveryChoiceCode::Letter)
    });
    // Known only by an e-mail address: the file names the buyer by it (EM), which EN 16931 takes
    // and the Peppol code list does not.
    table.add_broken(
        "broken-private-email-only",
        "PEPPOL-EN16931-CL008",
        anonymous,
        |form| {
            form.lines = vec![line("Trädgårdsarbete", "3", "tim", "450", "25")];
        },
    );
    table.rows
}

#[test]
fn every_scenario_validates_and_each_break_fails_with_its_rule() {
    let fixture = Fixture::new(Language::Swedish);
    let rows = build(&fixture);
    let folder = fixture.dir.path().join("ubl");
    std::fs::create_dir_all(&folder).expect("folder");
    let mut files: BTreeMap<PathBuf, &Row> = BTreeMap::new();
    for row in &rows {
        let path = folder.join(format!("{}.xml", row.name));
        let saved = fixture
            .app
            .save_invoice_document(row.id, DocumentKind::EInvoice, &path)
            .unwrap_or_else(|error| panic!("{}: {error:?}", row.name));
        assert!(saved.bytes > 1000, "{}: {} bytes", row.name, saved.bytes);
        files.insert(path, row);
    }
    let paths: Vec<PathBuf> = files.keys().cloned().collect();
    let verdicts = validate(&paths);
    assert_eq!(verdicts.len(), rows.len(), "every row validated");
    assert_eq!(rows.len(), 20);

    for (path, row) in &files {
        let verdict = &verdicts[path];
        let findings = fixture.app.invoice_findings(row.id).expect("findings");
        // The e-invoice rules only: a PDF-TECKEN warning is about the PDF, which the validator
        // does not see (the UBL carries every character as typed).
        let ours: Vec<&str> = findings
            .findings
            .iter()
            .map(|f| f.rule_id.as_str())
            .filter(|rule| *rule != fakturera_app::send_check::UNPRINTABLE_RULE)
            .collect();
        match row.broken_rule {
            None => {
                assert_eq!(verdict.fatal, 0, "{}: {:?}", row.name, verdict.findings);
                assert!(
                    ours.is_empty(),
                    "{}: we report {ours:?} but the validator passes it",
                    row.name
                );
            }
            Some(rule) => {
                assert!(
                    verdict.fatal > 0,
                    "{}: the validator accepted a broken file",
                    row.name
                );
                assert!(
                    verdict.fires(rule),
                    "{}: expected {rule}, validator said {:?}",
                    row.name,
                    verdict.fatal_ids()
                );
                assert_eq!(ours, vec![rule], "{}: our pre-send check", row.name);
                // A letter customer: the finding is advice, not a block.
                assert_eq!(findings.findings[0].severity, FindingSeverity::Warning);
            }
        }
    }
}
