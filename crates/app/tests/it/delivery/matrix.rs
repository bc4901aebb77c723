//! Every issued invoice reaches its customer: customer kinds × delivery choices × VAT treatments,
//! each drafted, issued and sent through the app's use cases to the sandbox over HTTP, ending
//! delivered by the expected channel, with the sandbox's copy of the UBL through the official
//! validator (all files in one call) and the PDF the customer got read back with `pdftotext`.
//! The cells that must be refused are refused before the invoice is locked.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use autoinvoice_sandbox::{ReceiverEntry, SandboxConfig};
use base64::Engine;
use fakturera_app::customers::CustomerForm;
use fakturera_app::delivery::DeliveryStateCode;
use fakturera_app::invoice_form::VatTreatmentCode;
use fakturera_app::invoice_form::{InvoiceForm, InvoiceLineForm};
use fakturera_app::invoices::InvoiceStatusCode;
use fakturera_app::register_fields::{AddressForm, CustomerKindCode, DeliveryChoiceCode};
use fakturera_app::routing::ChannelCode;
use fakturera_app::{ErrorCode, LanguageCode};
use fakturera_core::ids::luhn;

use super::{Setup, fast_options, later, pass_until, setup_with};

/// The customers a Swedish small business invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    SwedishCompany,
    /// A public body with its referenskod, which it routes e-invoices on.
    PublicBody,
    PrivatePerson,
    /// An EU company the seller knows only by its VAT number (a Finnish one: no Swedish org
    /// number, and Finland's VAT numbers have no VAT scheme of their own in Peppol).
    EuByVatNumber,
    NorwegianCompany,
    /// A company outside Europe, known by its US employer identification number.
    OutsideEurope,
}

/// How the invoice's VAT is treated, by the customer's VAT treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vat {
    /// Rows at 25, 12 and 6 %.
    Swedish,
    ReverseCharge,
    EuGoods,
    EuServices,
    Export,
    Exempt,
}

impl Vat {
    fn treatment(self) -> VatTreatmentCode {
        match self {
            Vat::Swedish => VatTreatmentCode::Swedish,
            Vat::ReverseCharge => VatTreatmentCode::DomesticReverseCharge,
            Vat::EuGoods => VatTreatmentCode::EuGoods,
            Vat::EuServices => VatTreatmentCode::EuServices,
            Vat::Export => VatTreatmentCode::Export,
            Vat::Exempt => VatTreatmentCode::Exempt,
        }
    }

    /// The EN 16931 categories of the UBL's VAT breakdown.
    fn categories(self) -> &'static [&'static str] {
        match self {
            Vat::Swedish => &["S"],
            Vat::ReverseCharge | Vat::EuServices => &["AE"],
            Vat::EuGoods => &["K"],
            Vat::Export => &["G"],
            Vat::Exempt => &["E"],
        }
    }

    /// What the PDF and the UBL must say about the VAT, in the invoice's language.
    fn legal_texts(self, language: LanguageCode) -> &'static [&'static str] {
        match (self, language) {
            (Vat::Swedish, _) => &["25 %", "12 %", "6 %"],
            (Vat::ReverseCharge, _) => &["Omvänd betalningsskyldighet"],
            (Vat::EuGoods, LanguageCode::Sv) => &["10 kap. 42 §", "artikel 138"],
            (Vat::EuGoods, LanguageCode::En) => &["Article 138"],
            (Vat::EuServices, LanguageCode::Sv) => &["artikel 196"],
            (Vat::EuServices, LanguageCode::En) => &["Article 196"],
            (Vat::Export, LanguageCode::Sv) => &["Export av varor"],
            (Vat::Export, LanguageCode::En) => &["Export of goods"],
            (Vat::Exempt, LanguageCode::Sv) => &["Undantaget från skatteplikt"],
            (Vat::Exempt, LanguageCode::En) => &["Exempt from VAT"],
        }
    }
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::SwedishCompany,
        Kind::PublicBody,
        Kind::PrivatePerson,
        Kind::EuByVatNumber,
        Kind::NorwegianCompany,
        Kind::OutsideEurope,
    ];

    fn treatments(self) -> &'static [Vat] {
        match self {
            Kind::SwedishCompany => &[Vat::Swedish, Vat::ReverseCharge, Vat::Exempt],
            Kind::PublicBody => &[Vat::Swedish, Vat::Exempt],
            Kind::PrivatePerson => &[Vat::Swedish],
            Kind::EuByVatNumber => &[Vat::EuGoods, Vat::EuServices],
            Kind::NorwegianCompany | Kind::OutsideEurope => &[Vat::Export],
        }
    }

    /// The electronic address scheme the invoice file names the buyer by.
    fn scheme(self) -> &'static str {
        match self {
            Kind::SwedishCompany | Kind::PublicBody | Kind::PrivatePerson => "0007",
            Kind::EuByVatNumber => "0216",
            Kind::NorwegianCompany => "0192",
            Kind::OutsideEurope => "9959",
        }
    }

    fn language(self) -> LanguageCode {
        match self {
            // Swedish-speaking Finland: the invoice (and its legal texts) in Swedish.
            Kind::SwedishCompany | Kind::PublicBody | Kind::PrivatePerson | Kind::EuByVatNumber => {
                LanguageCode::Sv
            }
            Kind::NorwegianCompany | Kind::OutsideEurope => LanguageCode::En,
        }
    }

    /// A customer of this kind; `serial` makes its identifiers unique in the file.
    fn customer(self, serial: u32, vat: Vat, choice: DeliveryChoiceCode) -> CustomerForm {
        let swedish_org =
            |prefix: &str| luhn::with_check_digit(&format!("{prefix}{serial:05}")).expect("digits");
        let address = |street: &str, postal_code: &str, city: &str, country: &str| AddressForm {
            street: street.into(),
            street2: String::new(),
            postal_code: postal_code.into(),
            city: city.into(),
            country_code: country.into(),
        };
        let base = CustomerForm {
            name: format!("{self:?} {serial}"),
            email: format!("faktura{serial}@kund.example"),
            your_reference: "Ekonomiavdelningen".into(),
            language: self.language(),
            delivery_choice: choice,
            vat_treatment: vat.treatment(),
            ..CustomerForm::default()
        };
        match self {
            Kind::SwedishCompany => {
                let org = swedish_org("5567");
                CustomerForm {
                    legal_id: org.clone(),
                    vat_number: format!("SE{org}01"),
                    address: address("Östra Hamngatan 12", "411 10", "Göteborg", "SE"),
                    ..base
                }
            }
            Kind::PublicBody => {
                let org = swedish_org("2120");
                CustomerForm {
                    name: format!("Region Exempel {serial}"),
                    legal_id: org.clone(),
                    vat_number: format!("SE{org}01"),
                    buyer_reference: format!("4711-{serial}"),
                    your_reference: "Karin Sjöberg".into(),
                    address: address("Box 602", "751 25", "Uppsala", "SE"),
                    ..base
                }
            }
            Kind::PrivatePerson => CustomerForm {
                kind: CustomerKindCode::Private,
                name: format!("Åsa Lindqvist {serial}"),
                legal_id: "19811218-9876".into(),
                your_reference: String::new(),
                address: address("Storgatan 3 B", "753 20", "Uppsala", "SE"),
                ..base
            },
            Kind::EuByVatNumber => {
                let id = with_check_digit(serial, &[7, 9, 10, 5, 8, 4, 2]);
                CustomerForm {
                    name: format!("Oy Exempel {serial} Ab"),
                    vat_number: format!("FI{id}"),
                    address: address("Mannerheimintie 12", "00100", "Helsingfors", "FI"),
                    currency: "EUR".into(),
                    ..base
                }
            }
            Kind::NorwegianCompany => {
                let ids = [
                    "923609016",
                    "987654309",
                    "812345672",
                    "912345688",
                    "998877660",
                ];
                let id = ids[serial as usize % ids.len()];
                CustomerForm {
                    name: format!("Fjord Supply {serial} AS"),
                    legal_id: id.into(),
                    vat_number: format!("NO{id}MVA"),
                    address: address("Karl Johans gate 10", "0154", "Oslo", "NO"),
                    ..base
                }
            }
            Kind::OutsideEurope => CustomerForm {
                name: format!("Acme Tools {serial} Inc."),
                legal_id: format!("12-34{serial:05}"),
                address: address("500 Market Street", "94105", "San Francisco", "US"),
                currency: "USD".into(),
                ..base
            },
        }
    }
}

/// A Finnish business id (weights 7, 9, 10, 5, 8, 4, 2) or a Norwegian organisation number (3, 2,
/// 7, 6, 5, 4, 3, 2) of its own for `serial`: a body made from it and the modulus 11 check digit,
/// skipping the bodies that have none.
fn with_check_digit(serial: u32, weights: &[u32]) -> String {
    (0..)
        .map(|step: u32| format!("9{:0width$}", serial * 10 + step, width = weights.len() - 1))
        .find_map(|body| {
            let sum: u32 = body
                .bytes()
                .zip(weights)
                .map(|(digit, weight)| u32::from(digit - b'0') * weight)
                .sum();
            let check = (11 - sum % 11) % 11;
            (check < 10).then(|| format!("{body}{check}"))
        })
        .expect("a body with a check digit")
}

/// One cell of the matrix and what must come of it.
#[derive(Debug)]
struct Cell {
    kind: Kind,
    vat: Vat,
    choice: DeliveryChoiceCode,
    /// The customer is in the Peppol directory (and an automatic one has been looked up).
    in_directory: bool,
    channel: ChannelCode,
}

fn cells() -> Vec<Cell> {
    let mut cells = Vec::new();
    for kind in Kind::ALL {
        for &vat in kind.treatments() {
            for choice in [
                DeliveryChoiceCode::Automatic,
                DeliveryChoiceCode::Einvoice,
                DeliveryChoiceCode::Email,
                DeliveryChoiceCode::Letter,
            ] {
                let swedish_business = matches!(kind, Kind::SwedishCompany | Kind::PublicBody);
                let (in_directory, channel) = match choice {
                    // Peppol has no address for a private person; the register refuses it.
                    DeliveryChoiceCode::Einvoice if kind == Kind::PrivatePerson => continue,
                    DeliveryChoiceCode::Einvoice => (true, ChannelCode::Einvoice),
                    // Automatic: the lookup finds Swedish businesses; the others get e-mail.
                    DeliveryChoiceCode::Automatic if swedish_business => {
                        (true, ChannelCode::Einvoice)
                    }
                    DeliveryChoiceCode::Automatic => (false, ChannelCode::Email),
                    DeliveryChoiceCode::Email => (false, ChannelCode::Email),
                    DeliveryChoiceCode::Letter => (false, ChannelCode::Print),
                };
                cells.push(Cell {
                    kind,
                    vat,
                    choice,
                    in_directory,
                    channel,
                });
            }
        }
    }
    cells
}

fn lines(vat: Vat, blank: &InvoiceLineForm) -> Vec<InvoiceLineForm> {
    let row = |description: &str, quantity: &str, unit: &str, price: &str| InvoiceLineForm {
        description: description.into(),
        quantity: quantity.into(),
        unit: unit.into(),
        unit_price: price.into(),
        ..blank.clone()
    };
    match vat {
        Vat::Swedish => vec![
            InvoiceLineForm {
                vat_rate: "25".into(),
                ..row("Konsultarvode", "8", "tim", "1150")
            },
            InvoiceLineForm {
                vat_rate: "12".into(),
                ..row("Lunch till workshop", "6", "st", "125")
            },
            InvoiceLineForm {
                vat_rate: "6".into(),
                ..row("Handbok: Fakturering i praktiken", "2", "st", "349")
            },
        ],
        // The rows take their VAT from the customer's treatment, as a new row in the editor does.
        Vat::EuGoods | Vat::Export => vec![row("Bildskärm 27\" USB-C", "3", "st", "329")],
        _ => vec![row("Konsultarvode", "8", "tim", "1150")],
    }
}

/// The UBL and the PDF the sandbox received for one upload: a ZIP holds both, an e-invoice is
/// the UBL alone with our PDF embedded.
fn received_documents(
    file: &autoinvoice_sandbox::intake::Received,
    dir: &std::path::Path,
    name: &str,
) -> (PathBuf, PathBuf) {
    let upload = &file.files[0];
    let entry = |suffix: &str| {
        upload
            .zip_entries
            .iter()
            .find(|entry| entry.name.ends_with(suffix))
            .map(|entry| entry.bytes.clone())
    };
    let xml = entry(".xml").unwrap_or_else(|| upload.bytes.clone());
    let pdf = entry(".pdf").unwrap_or_else(|| {
        let text = String::from_utf8_lossy(&xml);
        let start = text
            .find("<cbc:EmbeddedDocumentBinaryObject")
            .and_then(|at| text[at..].find('>').map(|end| at + end + 1))
            .expect("embedded PDF");
        let end = start + text[start..].find('<').expect("end of PDF");
        base64::engine::general_purpose::STANDARD
            .decode(text[start..end].trim())
            .expect("base64 PDF")
    });
    let xml_path = dir.join(format!("{name}.xml"));
    let pdf_path = dir.join(format!("{name}.pdf"));
    std::fs::write(&xml_path, xml).expect("xml written");
    std::fs::write(&pdf_path, pdf).expect("pdf written");
    (xml_path, pdf_path)
}

fn pdf_text(path: &std::path::Path) -> String {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(output.status.success(), "pdftotext {}", path.display());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The part of `xml` between `<tag>` and `</tag>`, first occurrence.
fn element<'a>(xml: &'a str, tag: &str) -> &'a str {
    let start = xml.find(&format!("<{tag}>")).unwrap_or(0);
    let end = xml[start..]
        .find(&format!("</{tag}>"))
        .map_or(xml.len(), |end| start + end);
    &xml[start..end]
}

fn directory_entry(eia: &str, name: &str) -> ReceiverEntry {
    let (_, id) = eia.split_once(':').expect("scheme:id");
    ReceiverEntry {
        bid: id.chars().filter(char::is_ascii_digit).collect(),
        eia: eia.into(),
        network: "PEPPOL".into(),
        operator: "PEPPOL".into(),
        document_types: vec!["INVOICE".into(), "CREDIT_NOTE".into()],
        name: name.into(),
        country: "SE".into(),
    }
}

/// The electronic address the customer of `form` has in the invoice file.
fn address_of(kind: Kind, form: &CustomerForm) -> String {
    let digits = |text: &str| {
        text.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    };
    match kind {
        Kind::SwedishCompany | Kind::PublicBody => format!("0007:{}", digits(&form.legal_id)),
        Kind::PrivatePerson => format!("0007:{}", &digits(&form.legal_id)[2..]),
        Kind::EuByVatNumber => format!("0216:0037{}", digits(&form.vat_number)),
        Kind::NorwegianCompany => format!("0192:{}", digits(&form.legal_id)),
        Kind::OutsideEurope => format!("9959:{}", digits(&form.legal_id)),
    }
}

fn invoice_form(setup: &Setup, customer: i64, vat: Vat) -> InvoiceForm {
    let new = setup
        .app
        .new_invoice(customer, "2026-05-04".parse().expect("date"))
        .expect("new invoice");
    let mut form = new.form;
    form.lines = lines(vat, &new.blank_line);
    if form.currency != "SEK" {
        form.exchange_rate = "11.45".into();
    }
    form
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_customer_kind_delivery_choice_and_vat_treatment_reaches_its_customer() {
    let cells = cells();
    // The directory knows exactly the customers of the cells that go by e-invoice.
    let forms: Vec<CustomerForm> = cells
        .iter()
        .enumerate()
        .map(|(serial, cell)| {
            cell.kind
                .customer(u32::try_from(serial).expect("small"), cell.vat, cell.choice)
        })
        .collect();
    let receivers: Vec<ReceiverEntry> = cells
        .iter()
        .zip(&forms)
        .filter(|(cell, _)| cell.in_directory)
        .map(|(cell, form)| directory_entry(&address_of(cell.kind, form), &form.name))
        .collect();
    let setup = setup_with(
        SandboxConfig {
            receivers,
            ..SandboxConfig::default()
        },
        fast_options(),
    )
    .await;
    let today = "2026-05-04".parse().expect("date");

    let mut sent: Vec<(&Cell, i64)> = Vec::new();
    for (cell, form) in cells.iter().zip(&forms) {
        let customer = setup
            .app
            .add_customer(form, today)
            .unwrap_or_else(|error| panic!("{cell:?}: {error:?}"))
            .id;
        if cell.choice == DeliveryChoiceCode::Automatic && cell.in_directory {
            let found = setup
                .app
                .lookup_customer_receiver(customer, setup.keychain.as_ref(), later(0))
                .await
                .expect("lookup");
            assert!(found.found, "{cell:?}");
        }
        let draft = setup
            .app
            .create_invoice_draft(
                customer,
                &invoice_form(&setup, customer, cell.vat),
                today,
                later(0),
            )
            .unwrap_or_else(|error| panic!("{cell:?}: {error:?}"))
            .id;
        let queued = setup
            .app
            .send_invoice(draft, later(0))
            .unwrap_or_else(|error| panic!("{cell:?}: {error:?}"));
        assert_eq!(queued.state, DeliveryStateCode::Queued, "{cell:?}");
        sent.push((cell, draft));
    }

    pass_until(&setup, 0, 20, |setup| {
        sent.iter().all(|(_, id)| {
            setup.app.delivery_status(*id).expect("status").state == DeliveryStateCode::Delivered
        })
    })
    .await;

    let received = setup.sandbox.state().lock().received();
    let folder = setup.dir.path().join("matrix");
    std::fs::create_dir_all(&folder).expect("folder");
    let mut documents: BTreeMap<PathBuf, (&Cell, i64, PathBuf)> = BTreeMap::new();
    for (index, (cell, id)) in sent.iter().enumerate() {
        let status = setup.app.delivery_status(*id).expect("status");
        assert_eq!(status.channel, Some(cell.channel), "{cell:?}");
        let key = setup
            .app
            .with_store(|store| store.outbox_entry(fakturera_store::InvoiceId(*id)))
            .expect("read")
            .expect("sent")
            .idempotency_key;
        let upload = received
            .iter()
            .find(|upload| upload.uuid == key)
            .unwrap_or_else(|| panic!("{cell:?} was not received"));
        let (xml, pdf) = received_documents(upload, &folder, &format!("cell-{index}"));
        documents.insert(xml, (*cell, *id, pdf));
    }

    let paths: Vec<PathBuf> = documents.keys().cloned().collect();
    let verdicts = fakturera_official_validator::validate(&paths);
    let mut failures = Vec::new();
    for (xml_path, (cell, _, pdf_path)) in &documents {
        let verdict = &verdicts[xml_path];
        if verdict.fatal != 0 {
            failures.push(format!("{cell:?}: {:?}", verdict.fatal_ids()));
        }
        let xml = std::fs::read_to_string(xml_path).expect("xml");
        let buyer = element(&xml, "cac:AccountingCustomerParty");
        if !buyer.contains(&format!(
            "<cbc:EndpointID schemeID=\"{}\">",
            cell.kind.scheme()
        )) {
            failures.push(format!(
                "{cell:?}: buyer address is not {}",
                cell.kind.scheme()
            ));
        }
        if !xml.contains("<cbc:BuyerReference>") {
            failures.push(format!("{cell:?}: no buyer reference"));
        }
        let breakdown = element(&xml, "cac:TaxTotal");
        for category in cell.vat.categories() {
            if !breakdown.contains(&format!("<cbc:ID>{category}</cbc:ID>")) {
                failures.push(format!("{cell:?}: no VAT category {category}"));
            }
        }
        // Compared without white space: a long legal text wraps onto the next line.
        let squeezed = |text: &str| text.split_whitespace().collect::<String>();
        let text = squeezed(&pdf_text(pdf_path));
        for legal in cell.vat.legal_texts(cell.kind.language()) {
            if !text.contains(&squeezed(legal)) {
                failures.push(format!("{cell:?}: the PDF lacks \"{legal}\""));
            }
            if cell.vat != Vat::Swedish && !breakdown.contains(legal) {
                failures.push(format!("{cell:?}: the UBL lacks \"{legal}\""));
            }
        }
    }
    println!("{} cells sent, delivered and validated", documents.len());
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_e_invoice_to_a_public_body_without_its_referenskod_is_refused_before_it_is_locked() {
    let public_body = Kind::PublicBody.customer(900, Vat::Swedish, DeliveryChoiceCode::Einvoice);
    let receivers = vec![directory_entry(
        &address_of(Kind::PublicBody, &public_body),
        &public_body.name,
    )];
    let setup = setup_with(
        SandboxConfig {
            receivers,
            ..SandboxConfig::default()
        },
        fast_options(),
    )
    .await;
    let today = "2026-05-04".parse().expect("date");
    let without_reference = CustomerForm {
        buyer_reference: String::new(),
        your_reference: String::new(),
        ..public_body
    };
    for choice in [DeliveryChoiceCode::Einvoice, DeliveryChoiceCode::Automatic] {
        let customer = setup
            .app
            .add_customer(
                &CustomerForm {
                    customer_number: String::new(),
                    delivery_choice: choice,
                    ..without_reference.clone()
                },
                today,
            )
            .expect("customer")
            .id;
        if choice == DeliveryChoiceCode::Automatic {
            setup
                .app
                .lookup_customer_receiver(customer, setup.keychain.as_ref(), later(0))
                .await
                .expect("found");
        }
        let draft = setup
            .app
            .create_invoice_draft(
                customer,
                &invoice_form(&setup, customer, Vat::Swedish),
                today,
                later(0),
            )
            .expect("draft")
            .id;
        let sent = setup
            .app
            .send_invoice(draft, later(0))
            .expect_err("sending refused");
        let issued = setup
            .app
            .issue_invoice(draft, today, later(0))
            .expect_err("issuing refused");
        for error in [sent, issued] {
            assert_eq!(error.code, ErrorCode::InvalidInput, "{choice:?}");
            assert!(error.message.starts_with("E-fakturan"), "{}", error.message);
            let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(fields, ["buyer_reference"], "{choice:?}");
        }
        let detail = setup.app.invoice_detail(draft, today).expect("detail");
        assert_eq!(
            (detail.status, detail.number),
            (InvoiceStatusCode::Draft, None)
        );
        assert_eq!(
            setup.app.delivery_status(draft).expect("status").state,
            DeliveryStateCode::NotSent
        );
    }
    // The register itself refuses e-invoices to a private person (Peppol has no address for one).
    let refused = setup
        .app
        .add_customer(
            &Kind::PrivatePerson.customer(901, Vat::Swedish, DeliveryChoiceCode::Einvoice),
            today,
        )
        .expect_err("no e-invoice for a private person");
    assert_eq!(refused.fields[0].field, "delivery_choice");
    assert!(setup.sandbox.state().lock().received().is_empty());
}
