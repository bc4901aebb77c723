//! Property tests over every form the app reads: customer, article, company, number series,
//! invoice (save and the editor's live preview), payment and the AutoInvoice settings. Each field
//! gets hostile text (any Unicode, multibyte characters where digits belong, numbers far beyond any
//! range, dates that do not exist, known codes and near misses) and the use case must answer with a
//! value or with errors that say what is wrong, never panic. The forms are built as JSON and read
//! the way the IPC layer and the CLI read them.
//!
//! Bounded so that it stays fast in CI: a few dozen cases per form on real company files.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_app::App;
use fakturera_app::articles::ArticleForm;
use fakturera_app::company_settings::CompanySettingsForm;
use fakturera_app::customers::CustomerForm;
use fakturera_app::delivery::AutoInvoiceSettingsForm;
use fakturera_app::invoice_form::{InvoiceForm, InvoiceLineForm};
use fakturera_app::invoices::PaymentRequest;
use fakturera_app::keychain::MemoryKeychain;
use fakturera_app::number_series::NumberSeriesForm;
use fakturera_core::Language;
use fakturera_core::party::Address;
use fakturera_core::samples;
use fakturera_store::{Company, Customer};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).unwrap_or_default()
}

fn now() -> DateTime<Utc> {
    "2026-05-04T09:00:00Z".parse().unwrap_or_default()
}

/// Codes the forms know, so that hostile values sometimes hit a valid one.
const KNOWN: &[&str] = &[
    "percent",
    "amount",
    "item",
    "text",
    "company",
    "private",
    "automatic",
    "einvoice",
    "email",
    "letter",
    "swedish",
    "exempt",
    "domestic_reverse_charge",
    "eu_goods",
    "eu_services",
    "export",
    "outside_scope",
    "standard",
    "food",
    "reduced12",
    "reduced6",
    "zero",
    "goods",
    "service",
    "sv",
    "en",
    "production",
    "test",
    "sandbox",
    "net:30",
    "net:0",
    "cash",
    "eom:10",
    "eonm",
    "SEK",
    "EUR",
    "NOK",
    "st",
    "tim",
    "min",
];

/// Texts that have broken parsers before or might: digits in other scripts, bytes that are not
/// one character, numbers beyond every range, dates that do not exist.
const NASTY: &[&str] = &[
    "€123456789",
    "SE556721204701",
    "DE123456789",
    "5567212047",
    "556721-2047",
    "199001011234",
    "19900101-1234",
    "5050-1055",
    "SE45 5000 0000 0583 9825 7466",
    "ESSESESS",
    "111 22",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "1e30",
    "NaN",
    "∞",
    "-0",
    "0,0000000000000000000000000001",
    "12345678901234567",
    "１２３",
    "٣٤٥",
    "2026-02-30",
    "9999-12-31",
    "0000-00-00",
    "2026-05-04T25:00",
    "http://127.0.0.1:8787",
    "http://[::1]",
    "http://u:p@h",
    "🧾",
    "e\u{301}",
    "\u{202e}abc",
    "\u{0}",
    "'; DROP TABLE invoices;--",
    "",
    " ",
];

fn hostile_text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[-+−]?[0-9 ,.\u{a0}]{0,32}(%| ?kr)?",
        1 => "[0-9]{0,40}",
        1 => "\\PC{0,3}[€åäöÅÄÖ]\\PC{0,12}",
        2 => prop::sample::select(NASTY).prop_map(str::to_owned),
        2 => prop::sample::select(KNOWN).prop_map(str::to_owned),
    ]
    .boxed()
}

/// Numbers as people type them, and far beyond any range.
fn hostile_number() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[1-9][0-9]{9,27}",
        2 => "-?[0-9]{1,6}([,.][0-9]{1,30})?",
        1 => "[0-9]{1,3}( [0-9]{3}){0,9},[0-9]{2}",
        2 => hostile_text(),
    ]
    .boxed()
}

/// Identifiers: real ones, near misses, and characters of more than one byte where digits belong.
fn hostile_identifier() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(NASTY).prop_map(str::to_owned),
        2 => "\\PC{0,2}[€åäö]\\PC{0,12}",
        1 => "[A-Z]{2}[0-9A-Z€]{2,14}",
        2 => hostile_text(),
    ]
    .boxed()
}

/// Dates: mostly real ones (so the rest of the form is reached), some that do not exist.
fn hostile_date() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])",
        1 => Just(String::new()),
        1 => prop::sample::select(&["2026-02-30", "9999-12-31", "0000-00-00", "2026-05-04T25:00", "２０２６-０５-０４"][..])
            .prop_map(str::to_owned),
        1 => hostile_text(),
    ]
    .boxed()
}

fn pick(options: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(options)
        .prop_map(str::to_owned)
        .boxed()
}

const NUMERIC: &[&str] = &[
    "quantity",
    "price",
    "amount",
    "rate",
    "fee",
    "freight",
    "discount",
    "next_number",
    "interest",
];
const IDENTIFIERS: &[&str] = &[
    "legal_id",
    "vat_number",
    "org_number",
    "bankgiro",
    "plusgiro",
    "iban",
    "bic",
    "email",
    "postal_code",
    "country_code",
    "currency",
    "number",
    "unit",
    "terms",
    "url",
];

/// A value such a field usually holds, so that a form often gets past its first check and the
/// hostile value in another field reaches the code behind it.
fn plausible(key: &str) -> BoxedStrategy<String> {
    if key.contains("date") || key == "paid_on" {
        return prop_oneof![
            4 => "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])",
            1 => Just(String::new()),
        ]
        .boxed();
    }
    if key.contains("terms") {
        return pick(&["", "net:30", "cash", "eom:10", "eonm"]);
    }
    if key == "currency" {
        return pick(&["", "SEK", "EUR", "NOK"]);
    }
    if NUMERIC.iter().any(|part| key.contains(part)) {
        return pick(&["1", "2", "12,5", "1 250,50", "0", "25", "6", "100", ""]);
    }
    match key {
        "legal_id" => pick(&[
            "5567212047",
            "556721-2047",
            "199001011234",
            "€123456789",
            "",
        ]),
        "vat_number" => pick(&["", "SE556721204701", "DE123456789"]),
        "email" => pick(&["", "ekonomi@kund.se"]),
        "postal_code" => pick(&["111 22", "10115", ""]),
        "country_code" => pick(&["SE", "DE", "NO", ""]),
        _ => pick(&["", "Text", "Konsultarvode", "Åkesson & Söner AB"]),
    }
}

/// The text strategy for a field: mostly plausible, often hostile in the way its name invites.
fn text_for(key: &str) -> BoxedStrategy<String> {
    let hostile = if key.contains("date") || key == "paid_on" {
        hostile_date()
    } else if NUMERIC.iter().any(|part| key.contains(part)) {
        hostile_number()
    } else if IDENTIFIERS.iter().any(|part| key.contains(part)) {
        hostile_identifier()
    } else {
        hostile_text()
    };
    let hostile_weight = if NUMERIC.iter().any(|part| key.contains(part)) {
        2
    } else {
        1
    };
    prop_oneof![2 => plausible(key), hostile_weight => hostile].boxed()
}

/// The codes a string field of `Target` accepts, when it is a closed set (an enum such as the VAT
/// treatment): free text there is refused by serde before any use case runs, so the property uses
/// the codes, and hostile text goes to the free-text fields. `None` for a free-text field.
fn enum_codes<Target: DeserializeOwned>(template: &Value, field: &str) -> Option<Vec<String>> {
    let accepts = |text: &str| {
        let mut value = template.clone();
        value[field] = Value::String(text.to_owned());
        serde_json::from_value::<Target>(value).is_ok()
    };
    if accepts("\u{1}not a code") {
        return None;
    }
    Some(
        KNOWN
            .iter()
            .filter(|code| accepts(code))
            .map(|code| (*code).to_owned())
            .collect(),
    )
}

/// The nested parts of a form: addresses (left out when `optional` and the form allows it) and
/// invoice lines.
fn nested(key: &str, optional: bool) -> Option<BoxedStrategy<Value>> {
    if key.ends_with("address") {
        let address = object_of::<
            fakturera_app::register_fields::AddressForm,
            fakturera_app::register_fields::AddressForm,
        >();
        if !optional {
            return Some(address);
        }
        return Some(prop_oneof![Just(Value::Null), address].boxed());
    }
    if key == "lines" {
        return Some(
            prop::collection::vec(object_of::<InvoiceLineForm, InvoiceLineForm>(), 0..4)
                .prop_map(Value::Array)
                .boxed(),
        );
    }
    None
}

/// Hostile JSON shaped like `Shape`'s default and read as `Target`: each free-text field hostile
/// text chosen by what its name says it holds, each closed set one of its codes, each flag any
/// bool, each number any number, addresses and lines recursively.
fn object_of<Shape: Serialize + Default, Target: DeserializeOwned>() -> BoxedStrategy<Value> {
    let template = serde_json::to_value(Shape::default()).unwrap_or_default();
    let Value::Object(fields) = &template else {
        return Just(template).boxed();
    };
    let parts: Vec<BoxedStrategy<(String, Value)>> = fields
        .iter()
        .map(|(name, value)| {
            let strategy = match value {
                Value::String(_) => match enum_codes::<Target>(&template, name) {
                    Some(codes) => {
                        // A new closed set must name its codes here, or no case would read.
                        assert!(!codes.is_empty(), "add the codes of `{name}` to KNOWN");
                        prop::sample::select(codes).prop_map(Value::String).boxed()
                    }
                    None => text_for(name).prop_map(Value::String).boxed(),
                },
                Value::Bool(_) => any::<bool>().prop_map(Value::Bool).boxed(),
                Value::Number(_) => any::<u32>().prop_map(|number| json!(number)).boxed(),
                _ => nested(name, value.is_null()).unwrap_or_else(|| Just(value.clone()).boxed()),
            };
            let name = name.clone();
            strategy
                .prop_map(move |value| (name.clone(), value))
                .boxed()
        })
        .collect();
    parts
        .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>()))
        .boxed()
}

/// The form the JSON describes, read the way the IPC layer and the CLI read it. Every generated
/// value has the form's shape, so it must read; the property then runs on the use case.
fn read<T: DeserializeOwned>(value: &Value) -> Result<T, TestCaseError> {
    serde_json::from_value(value.clone())
        .map_err(|error| TestCaseError::fail(format!("the generated form does not read: {error}")))
}

/// A company file with a company, a customer and an issued invoice, for one property.
struct Prepared {
    _folder: tempfile::TempDir,
    app: App,
    customer: i64,
    issued: i64,
}

fn prepared() -> Prepared {
    let folder = tempfile::tempdir().expect("temp dir");
    let app = App::open(folder.path().join("hostile.fakturera"), Language::Swedish).expect("opens");
    let (customer, issued) = app
        .with_store(|store| {
            let seller = samples::seller();
            store.set_company(&Company {
                name: seller.name,
                org_number: seller.org_number,
                vat_number: seller.vat_number,
                f_tax_approved: true,
                address: seller.address,
                bankgiro: seller.bankgiro,
                ..store.company()?
            })?;
            let customer = store.add_customer(&Customer {
                legal_id: "5567212047".into(),
                address: Address {
                    street: "Storgatan 1".into(),
                    street2: String::new(),
                    postal_code: "111 22".into(),
                    city: "Stockholm".into(),
                    country_code: "SE".into(),
                },
                ..Customer::new("1001", "Exempelkund AB")
            })?;
            let draft = store.create_draft(customer, &samples::domestic_invoice(today()), now())?;
            store.issue_invoice(draft, now(), |_| Ok(()))?;
            Ok::<_, fakturera_store::StoreError>((customer.0, draft.0))
        })
        .expect("prepared");
    Prepared {
        _folder: folder,
        app,
        customer,
        issued,
    }
}

/// An error must say something, and every field it names must be a field path with a message.
fn explained(error: &fakturera_app::AppError) -> Result<(), TestCaseError> {
    let clear = !error.message.trim().is_empty()
        && error
            .fields
            .iter()
            .all(|field| !field.field.is_empty() && !field.message.trim().is_empty());
    prop_assert!(clear, "{error:?}");
    Ok(())
}

/// Runs `check` on `cases` hostile forms; a panic inside is a failure, shrunk to a small input.
fn check_form<Shape: Serialize + Default, Target: DeserializeOwned>(
    cases: u32,
    check: impl Fn(&Prepared, &Value) -> Result<(), TestCaseError>,
) {
    let company = prepared();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let outcome = runner.run(&object_of::<Shape, Target>(), |value| {
        check(&company, &value)
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}

/// Whatever the use case answers, an error is explained.
fn answered<T>(outcome: Result<T, fakturera_app::AppError>) -> Result<(), TestCaseError> {
    match outcome {
        Ok(_) => Ok(()),
        Err(error) => explained(&error),
    }
}

const CASES: u32 = 40;

#[test]
fn customer_forms_are_saved_or_explained() {
    check_form::<CustomerForm, CustomerForm>(CASES, |company, value| {
        answered(company.app.add_customer(&read(value)?, today()))
    });
}

#[test]
fn article_forms_are_saved_or_explained() {
    check_form::<ArticleForm, ArticleForm>(CASES, |company, value| {
        answered(company.app.add_article(&read(value)?, today()))
    });
}

#[test]
fn company_forms_are_saved_or_explained() {
    check_form::<CompanySettingsForm, CompanySettingsForm>(CASES, |company, value| {
        answered(company.app.save_company_settings(&read(value)?, today()))
    });
}

#[test]
fn series_forms_are_saved_or_explained() {
    check_form::<NumberSeriesForm, NumberSeriesForm>(CASES, |company, value| {
        let form: NumberSeriesForm = read(value)?;
        answered(company.app.add_number_series(&form))?;
        // Series 1 has an issued invoice: a move forward needs a reason, back is refused.
        answered(company.app.update_number_series(1, &form, now()))
    });
}

#[test]
fn invoice_forms_are_previewed_saved_and_issued_or_explained() {
    // More cases: an invoice has many fields, and most cases stop at the first unreadable one.
    check_form::<InvoiceForm, InvoiceForm>(6 * CASES, |company, value| {
        let form: InvoiceForm = read(value)?;
        let preview = company.app.preview_invoice(&form);
        prop_assert!(preview.totals.is_some() || !preview.problems.is_empty());
        match company
            .app
            .create_invoice_draft(company.customer, &form, today(), now())
        {
            // And issuing it answers too (usually: which fields are missing).
            Ok(draft) => answered(company.app.issue_invoice(draft.id, today(), now())),
            Err(error) => explained(&error),
        }
    });
}

#[test]
fn payments_are_recorded_or_explained() {
    check_form::<PaymentRequest, PaymentRequest>(CASES, |company, value| {
        answered(
            company
                .app
                .record_invoice_payment(company.issued, &read(value)?, now()),
        )
    });
}

/// The settings form has no `Serialize` (its keys must never be echoed), so its shape is written
/// out here. Its default must read as the form, or every field would look like a closed set.
#[derive(Debug, Serialize)]
struct SettingsShape {
    enabled: bool,
    company_id: String,
    environment: String,
    sandbox_url: String,
    concurrency: u32,
    api_key: String,
    vendor_key: String,
}

impl Default for SettingsShape {
    fn default() -> SettingsShape {
        SettingsShape {
            enabled: false,
            company_id: String::new(),
            environment: "production".to_owned(),
            sandbox_url: String::new(),
            concurrency: 0,
            api_key: String::new(),
            vendor_key: String::new(),
        }
    }
}

#[test]
fn autoinvoice_settings_are_saved_or_explained() {
    check_form::<SettingsShape, AutoInvoiceSettingsForm>(CASES, |company, value| {
        answered(
            company
                .app
                .save_autoinvoice_settings(&read(value)?, &MemoryKeychain::default()),
        )
    });
}
