//! Import and export of the registers with real-looking files: 5,000 customers in CSV (semicolon
//! and comma, UTF-8 with and without BOM, Windows-1252) and xlsx, with rows broken in every way the
//! customer register's rules catch. The preview names every bad row and its reasons, the import
//! writes all valid rows in one transaction or nothing, and an export reads back identically.

use std::path::Path;

use fakturera_app::App;
use fakturera_app::customers::form_from_customer;
use fakturera_app::transfer::{
    ExistingChoice, ExportFormat, ExportRequest, ImportRequest, RegisterKind,
};
use fakturera_core::ids::luhn;

use super::{at, date, fresh_app};

const HEADINGS: [&str; 12] = [
    "Kundnummer",
    "Namn",
    "Organisationsnummer",
    "Momsregistreringsnummer",
    "Adress",
    "Postnummer",
    "Ort",
    "Land",
    "E-post",
    "Utskriftsval",
    "Momsbehandling",
    "Betalningsvillkor",
];

/// The same columns as another program or an English speaker would head them.
const OTHER_HEADINGS: [&str; 12] = [
    "Kundnr",
    "Kundnamn",
    "Org.nr",
    "Momsreg.nr",
    "Utdelningsadress",
    "Postnr",
    "Postort",
    "Landskod",
    "E-post faktura",
    "Fakturaleverans",
    "Momstyp",
    "Villkor",
];

const ENGLISH_HEADINGS: [&str; 12] = [
    "Customer number",
    "Name",
    "Organisation number",
    "VAT number",
    "Address",
    "Postal code",
    "City",
    "Country",
    "Email",
    "Delivery choice",
    "VAT treatment",
    "Payment terms",
];

fn org_number(index: usize) -> String {
    let payload = format!("556{:06}", index % 1_000_000);
    luhn::with_check_digit(&payload).expect("digits")
}

/// A valid customer row.
fn good_row(index: usize) -> Vec<String> {
    let names = [
        "Åström & Öberg",
        "Ängelholms Bygg",
        "Sjöberg Konsult",
        "Nordin Frukt",
        "Lindqvist Data",
    ];
    let towns = [
        ("Umeå", "903 25"),
        ("Göteborg", "411 10"),
        ("Malmö", "211 20"),
        ("Örebro", "702 10"),
    ];
    let (town, postal) = towns[index % towns.len()];
    let org = org_number(index);
    vec![
        format!("{}", 10_000 + index),
        format!("{} AB {index}", names[index % names.len()]),
        format!("{}-{}", &org[..6], &org[6..]),
        format!("SE{org}01"),
        format!("Storgatan {}", index % 90 + 1),
        postal.to_owned(),
        town.to_owned(),
        "SE".to_owned(),
        format!("faktura{index}@exempel.se"),
        ["e-faktura", "e-post", "brev", ""][index % 4].to_owned(),
        "Svensk moms".to_owned(),
        ["30 dagar", "net:10", "", "kontant"][index % 4].to_owned(),
    ]
}

/// Rows broken in every way the rules catch: (column to break, bad value, field named in the reason).
fn breaks() -> Vec<(usize, &'static str, &'static str)> {
    vec![
        (1, "", "Namn"),
        (2, "556000-0017", "Org-/personnummer"),
        (3, "SE12", "Momsregistreringsnummer"),
        (5, "1234", "Postnummer"),
        (8, "inte en adress", "E-post"),
        (9, "fax", "Utskriftsval"),
        (7, "Sverige och Norge", "Land"),
        (10, "eu_services", "Momsbehandling"),
        (11, "någon gång", "Betalningsvillkor"),
        (1, "rad ett\u{7}rad två", "Namn"),
    ]
}

/// 5,000 rows, every 500th broken (one of each break), and one customer number twice.
fn customer_rows() -> (Vec<Vec<String>>, Vec<(usize, &'static str)>) {
    let mut rows: Vec<Vec<String>> = (0..5_000).map(good_row).collect();
    let mut expected = Vec::new();
    for (n, (column, value, field)) in breaks().into_iter().enumerate() {
        let index = n * 500 + 7;
        rows[index][column] = value.to_owned();
        if column == 10 {
            rows[index][3] = String::new(); // an EU customer without a VAT number
        }
        expected.push((index + 2, field));
    }
    rows[4_999][0] = rows[4_998][0].clone();
    expected.push((5_001, "duplicate"));
    (rows, expected)
}

fn csv_text(headings: &[&str], rows: &[Vec<String>], separator: char) -> String {
    let quote = |cell: &str| {
        if cell.contains(separator) || cell.contains('"') {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.to_owned()
        }
    };
    let mut text = headings.join(&separator.to_string());
    text.push_str("\r\n");
    for row in rows {
        text.push_str(
            &row.iter()
                .map(|cell| quote(cell))
                .collect::<Vec<_>>()
                .join(&separator.to_string()),
        );
        text.push_str("\r\n");
    }
    text
}

fn xlsx(headings: &[&str], rows: &[Vec<String>], path: &Path) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, heading) in headings.iter().enumerate() {
        sheet
            .write_string(0, column as u16, *heading)
            .expect("heading");
    }
    for (line, row) in rows.iter().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            // Numbers as numbers, the way a user's spreadsheet has them.
            match cell.parse::<u32>() {
                Ok(number) if column == 0 => {
                    sheet.write_number(line as u32 + 1, column as u16, f64::from(number))
                }
                _ => sheet.write_string(line as u32 + 1, column as u16, cell),
            }
            .expect("cell");
        }
    }
    workbook.save(path).expect("xlsx");
}

fn request(path: &Path) -> ImportRequest {
    ImportRequest {
        kind: RegisterKind::Customers,
        path: path.display().to_string(),
        ..ImportRequest::default()
    }
}

fn customer_forms(app: &App) -> Vec<fakturera_app::customers::CustomerForm> {
    app.with_store(|store| store.all_customers())
        .expect("customers")
        .iter()
        .map(|(_, customer)| form_from_customer(customer))
        .collect()
}

#[test]
fn every_file_variant_previews_every_bad_row_and_imports_the_rest() {
    let (folder, _) = fresh_app();
    let (rows, expected) = customer_rows();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("semicolon-bom.csv", {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(csv_text(&HEADINGS, &rows, ';').into_bytes());
            bytes
        }),
        (
            "comma.csv",
            csv_text(&ENGLISH_HEADINGS, &rows, ',').into_bytes(),
        ),
        (
            "windows-1252.csv",
            encoding_rs::WINDOWS_1252
                .encode(&csv_text(&OTHER_HEADINGS, &rows, ';'))
                .0
                .into_owned(),
        ),
    ];
    let mut paths: Vec<_> = files
        .into_iter()
        .map(|(name, bytes)| {
            let path = folder.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            path
        })
        .collect();
    let xlsx_path = folder.path().join("kunder.xlsx");
    xlsx(&HEADINGS, &rows, &xlsx_path);
    paths.push(xlsx_path);

    let mut imported = Vec::new();
    for path in &paths {
        let app = App::open(
            folder.path().join(format!(
                "{}.fakturera",
                path.display().to_string().replace('/', "_")
            )),
            fakturera_core::Language::Swedish,
        )
        .expect("file");
        let preview = app
            .preview_import(&request(path), date("2026-05-04"))
            .expect("preview");
        assert_eq!(preview.rows, 5_000, "{path:?}");
        assert!(
            preview.missing_fields.is_empty(),
            "{path:?}: {:?}",
            preview.missing_fields
        );
        assert!(
            preview
                .columns
                .iter()
                .all(|column| !column.field.is_empty()),
            "{path:?}: {:?}",
            preview.columns
        );
        let lines: Vec<u32> = preview
            .problems
            .iter()
            .map(|problem| problem.line)
            .collect();
        assert_eq!(
            lines,
            expected
                .iter()
                .map(|(line, _)| *line as u32)
                .collect::<Vec<_>>(),
            "{path:?}"
        );
        for (problem, (_, field)) in preview.problems.iter().zip(&expected) {
            let said = problem.reasons.join(" | ");
            let named = if *field == "duplicate" {
                said.contains("finns redan på rad")
            } else {
                said.starts_with(&format!("{field}:")) || said.contains(&format!("| {field}:"))
            };
            assert!(named, "{path:?} line {}: {said}", problem.line);
        }
        assert_eq!(preview.valid as usize, 5_000 - expected.len());
        assert_eq!(
            app.with_store(|store| store.all_customers())
                .expect("none yet")
                .len(),
            0,
            "the preview writes nothing"
        );

        let outcome = app
            .run_import(&request(path), date("2026-05-04"), at("2026-05-04"))
            .expect("import");
        assert_eq!(
            (outcome.added as usize, outcome.invalid as usize),
            (5_000 - expected.len(), expected.len())
        );
        imported.push(customer_forms(&app));
    }
    for forms in &imported[1..] {
        assert_eq!(forms, &imported[0], "every variant gives the same register");
    }
    let astrom = imported[0]
        .iter()
        .find(|form| form.customer_number == "10000")
        .expect("first");
    assert_eq!(astrom.name, "Åström & Öberg AB 0");
    assert_eq!(astrom.address.postal_code, "903 25");
    assert_eq!(astrom.payment_terms, "net:30");
}

#[test]
fn existing_numbers_are_skipped_or_updated_as_chosen() {
    let (folder, app) = fresh_app();
    let rows: Vec<Vec<String>> = (0..3).map(good_row).collect();
    let path = folder.path().join("three.csv");
    std::fs::write(&path, csv_text(&HEADINGS, &rows, ';')).expect("write");
    app.run_import(&request(&path), date("2026-05-04"), at("2026-05-04"))
        .expect("first");
    let mut changed = rows.clone();
    changed[1][1] = "Nytt Namn AB".into();
    changed.push(good_row(3));
    std::fs::write(&path, csv_text(&HEADINGS, &changed, ';')).expect("write");
    let preview = app
        .preview_import(&request(&path), date("2026-05-04"))
        .expect("preview");
    assert_eq!((preview.valid, preview.existing), (4, 3));
    let skip = app
        .run_import(&request(&path), date("2026-05-04"), at("2026-05-04"))
        .expect("skip");
    assert_eq!((skip.added, skip.updated, skip.skipped), (1, 0, 3));
    assert!(
        customer_forms(&app)
            .iter()
            .all(|form| form.name != "Nytt Namn AB")
    );
    let update = ImportRequest {
        existing: ExistingChoice::Update,
        ..request(&path)
    };
    let updated = app
        .run_import(&update, date("2026-05-04"), at("2026-05-04"))
        .expect("update");
    assert_eq!((updated.added, updated.updated), (0, 4));
    assert!(
        customer_forms(&app)
            .iter()
            .any(|form| form.name == "Nytt Namn AB")
    );
}

#[test]
fn an_import_is_all_or_nothing() {
    let (folder, app) = fresh_app();
    let rows: Vec<Vec<String>> = (0..50).map(good_row).collect();
    let path = folder.path().join("fifty.csv");
    std::fs::write(&path, csv_text(&HEADINGS, &rows, ';')).expect("write");
    // The file itself refuses the 40th customer, after 39 were written in the same transaction.
    app.with_store(|store| {
        store.raw_connection().execute_batch(
            "CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON customers WHEN NEW.customer_number = '10039'
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
        )
        .map_err(fakturera_store::StoreError::from)
    })
    .expect("trigger");
    let error = app
        .run_import(&request(&path), date("2026-05-04"), at("2026-05-04"))
        .expect_err("refused");
    assert_eq!(error.code, fakturera_app::ErrorCode::Internal, "{error:?}");
    assert_eq!(
        customer_forms(&app).len(),
        0,
        "nothing of the 39 before it stayed"
    );
}

#[test]
fn export_then_import_gives_identical_registers() {
    let (folder, app) = fresh_app();
    app.fill_demo_data(date("2026-11-26")).expect("demo");
    let (rows, _) = customer_rows();
    let path = folder.path().join("many.csv");
    std::fs::write(&path, csv_text(&HEADINGS, &rows, ';')).expect("write");
    app.run_import(&request(&path), date("2026-05-04"), at("2026-05-04"))
        .expect("import");
    let mut special = app.new_customer_form().expect("form");
    special.name = "Privat \"Person\"; med semikolon".into();
    special.kind = fakturera_app::register_fields::CustomerKindCode::Private;
    special.legal_id = "19121212-1212".into();
    special.address.street = "Hemvägen 1".into();
    special.address.postal_code = "12345".into();
    special.address.city = "Täby".into();
    special.delivery_address = Some(fakturera_app::register_fields::AddressForm {
        street: "Lagret, Port 4".into(),
        street2: String::new(),
        postal_code: "10115".into(),
        city: "Berlin".into(),
        country_code: "DE".into(),
    });
    special.notes = "Rad ett\nRad två".into();
    special.language = fakturera_app::LanguageCode::En;
    special.archived = true;
    app.add_customer(&special, date("2026-11-26"))
        .expect("special");
    let customers = customer_forms(&app);
    let articles = app.articles_export_forms();
    assert!(
        customers.len() > 4_000 && customers.iter().any(|form| form.delivery_address.is_some())
    );
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let target = App::open(
            folder.path().join(format!("{format:?}.fakturera")),
            fakturera_core::Language::Swedish,
        )
        .expect("target");
        for kind in [RegisterKind::Customers, RegisterKind::Articles] {
            let file = folder.path().join(format!("{kind:?}.{format:?}"));
            let exported = app
                .export_register(
                    &ExportRequest {
                        kind,
                        format,
                        ..ExportRequest::default()
                    },
                    &file,
                )
                .expect("export");
            assert!(exported.rows > 0);
            let import = ImportRequest {
                kind,
                path: file.display().to_string(),
                ..ImportRequest::default()
            };
            let preview = target
                .preview_import(&import, date("2026-11-26"))
                .expect("preview");
            assert!(
                preview.problems.is_empty(),
                "{kind:?} {format:?}: {:?}",
                &preview.problems[..preview.problems.len().min(3)]
            );
            target
                .run_import(&import, date("2026-11-26"), at("2026-11-26"))
                .expect("import");
        }
        assert_eq!(customer_forms(&target), customers, "{format:?}");
        assert_eq!(target.articles_export_forms(), articles, "{format:?}");
    }
}

/// The articles as forms, for comparing registers.
trait ArticleForms {
    fn articles_export_forms(&self) -> Vec<fakturera_app::articles::ArticleForm>;
}

impl ArticleForms for App {
    fn articles_export_forms(&self) -> Vec<fakturera_app::articles::ArticleForm> {
        self.with_store(|store| store.all_articles())
            .expect("articles")
            .iter()
            .map(|(_, article)| fakturera_app::articles::form_from_article(article))
            .collect()
    }
}
