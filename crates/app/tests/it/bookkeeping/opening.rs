//! Opening items: the unpaid invoices of the previous program, imported so payment matching by OCR
//! and the ledger work from the first day, with their old numbers and without touching the series.

use fakturera_app::bookkeeping::SieExportForm;
use fakturera_app::invoices::PaymentRequest;
use fakturera_app::transfer::{ExportFormat, ExportRequest, ImportRequest, RegisterKind};
use fakturera_store::InvoiceId;

use super::{at, date, fresh_app};

fn import(kind: RegisterKind, path: &std::path::Path) -> ImportRequest {
    ImportRequest {
        kind,
        path: path.display().to_string(),
        ..ImportRequest::default()
    }
}

#[test]
fn unpaid_invoices_of_the_old_program_become_opening_items() {
    let (folder, app) = fresh_app();
    let customers = folder.path().join("kunder.csv");
    std::fs::write(
        &customers,
        "Kundnr;Namn;Org.nr;Postnr;Ort\r\n501;Åström & Öberg AB;556036-0793;903 25;Umeå\r\n502;Berg AB;556721-2047;111 22;Stockholm\r\n",
    )
    .expect("customers");
    app.run_import(
        &import(RegisterKind::Customers, &customers),
        date("2026-01-02"),
        at("2026-01-02"),
    )
    .expect("customers imported");
    let next_before = app.number_series().expect("series")[0]
        .next_invoice_number
        .clone();

    let opening = folder.path().join("obetalda.csv");
    std::fs::write(
        &opening,
        "Fakturanr;Kundnr;Fakturadatum;Förfallodatum;Restbelopp;OCR\r\n\
         F-2025-118;501;2025-12-01;2025-12-31;12 500,00;118000058\r\n\
         F-2025-121;502;20251215;20260114;980,50;\r\n\
         F-2025-122;999;2025-12-16;2026-01-15;100;\r\n\
         F-2025-123;502;2025-12-16;2025-12-01;100;\r\n\
         F-2025-124;502;2025-12-16;2026-01-15;0;\r\n\
         F-2025-125;502;2025-12-16;2026-01-15;100;12345\r\n",
    )
    .expect("opening");
    let preview = app
        .preview_import(
            &import(RegisterKind::OpeningInvoices, &opening),
            date("2026-01-02"),
        )
        .expect("preview");
    let problems: Vec<(u32, &str)> = preview
        .problems
        .iter()
        .map(|problem| {
            (
                problem.line,
                problem.reasons[0].split(':').next().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (4, "Kundnummer"),
            (5, "Förfallodatum"),
            (6, "Restbelopp"),
            (7, "OCR")
        ],
        "{:?}",
        preview.problems
    );
    let outcome = app
        .run_import(
            &import(RegisterKind::OpeningInvoices, &opening),
            date("2026-01-02"),
            at("2026-01-02"),
        )
        .expect("imported");
    assert_eq!((outcome.added, outcome.invalid), (2, 4));

    // They are issued, unpaid, with the old numbers and OCR; the company's series is untouched.
    let list = app
        .list_invoices(
            &fakturera_app::invoices::InvoiceListRequest::default(),
            date("2026-01-20"),
        )
        .expect("list");
    let numbers: Vec<&str> = list
        .rows
        .iter()
        .filter_map(|row| row.number.as_deref())
        .collect();
    assert!(
        numbers.contains(&"F-2025-118") && numbers.contains(&"F-2025-121"),
        "{numbers:?}"
    );
    assert_eq!(
        app.number_series().expect("series")[0].next_invoice_number,
        next_before
    );
    let first = list
        .rows
        .iter()
        .find(|row| row.number.as_deref() == Some("F-2025-118"))
        .expect("118");
    let detail = app
        .invoice_detail(first.id, date("2026-01-20"))
        .expect("detail");
    assert_eq!(detail.form.lines[0].unit_price, "12500");
    assert!(detail.overdue);
    app.with_store(|store| {
        assert!(store.is_opening_item(InvoiceId(first.id))?);
        assert_eq!(store.invoice(InvoiceId(first.id))?.invoice.ocr, "118000058");
        assert!(
            store.issued_unsent_invoices()?.is_empty(),
            "never sent again"
        );
        Ok::<_, fakturera_store::StoreError>(())
    })
    .expect("stored");

    // The same file again adds nothing: the numbers are already opening items.
    let again = app
        .preview_import(
            &import(RegisterKind::OpeningInvoices, &opening),
            date("2026-01-02"),
        )
        .expect("again");
    assert_eq!(again.valid, 0);

    // In the books only the payment counts: the sale was booked by the old program.
    app.record_invoice_payment(
        first.id,
        &PaymentRequest {
            paid_on: "2026-01-10".into(),
            amount: "12500".into(),
            reference: "118000058".into(),
        },
        at("2026-01-10"),
    )
    .expect("paid");
    let result = app
        .export_sie(
            &SieExportForm {
                period: "2026-01".into(),
                ..SieExportForm::default()
            },
            &folder.path().join("jan.si"),
            date("2026-01-31"),
            at("2026-01-31"),
        )
        .expect("sie");
    assert_eq!(result.verifications, 1, "{}", result.message);
    let december = app.vat_report("2025-12", "", "").expect("vat");
    assert!(
        december
            .boxes
            .iter()
            .all(|vat_box| vat_box.invoices.is_empty())
    );

    // Exported invoices read back as opening items in another file (same columns).
    let invoices = folder.path().join("fakturor.xlsx");
    app.export_register(
        &ExportRequest {
            kind: RegisterKind::Invoices,
            format: ExportFormat::Xlsx,
            ..ExportRequest::default()
        },
        &invoices,
    )
    .expect("export");
    let (_other_folder, other) = fresh_app();
    other
        .run_import(
            &import(RegisterKind::Customers, &customers),
            date("2026-01-02"),
            at("2026-01-02"),
        )
        .expect("customers");
    let preview = other
        .preview_import(
            &import(RegisterKind::OpeningInvoices, &invoices),
            date("2026-02-01"),
        )
        .expect("preview invoices file");
    assert!(
        preview.missing_fields.is_empty(),
        "{:?}",
        preview.missing_fields
    );
    // 121 is unpaid and reads back; 118 is paid (Restbelopp 0) and is named as not importable.
    assert_eq!(preview.valid, 1, "{:?}", preview.problems);
}
