//! Text rows, the invoice discount and "Kopiera till ny faktura" through the app: the form's
//! rows and discount survive saving and issuing, and a copy (also from a credit invoice) is a
//! new draft dated today with the same rows.

use fakturera_app::invoice_form::{DiscountKindCode, InvoiceLineForm, RowKindCode};
use fakturera_app::invoices::{CreditRequest, InvoiceStatusCode};

use super::{add_customer, at, date, fixture, two_line_form};

fn text_row(text: &str) -> InvoiceLineForm {
    InvoiceLineForm {
        kind: RowKindCode::Text,
        description: text.into(),
        ..InvoiceLineForm::default()
    }
}

#[test]
fn text_rows_and_the_discount_are_kept_and_a_copy_starts_today() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let mut form = two_line_form(&fixture, customer);
    form.lines.insert(0, text_row("Arbete vecka 12"));
    form.lines.insert(2, text_row("Resor:"));
    form.discount = "10".into();
    form.discount_kind = DiscountKindCode::Percent;

    let preview = fixture.app.preview_invoice(&form);
    let totals = preview.totals.expect("totals");
    assert_eq!(totals.line_nets[0], "", "a text row has no amount");
    assert_eq!(totals.line_nets[2], "");
    assert_ne!(totals.allowance_total, "0.00");

    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect("draft");
    let shape = |lines: &[InvoiceLineForm]| -> Vec<(RowKindCode, String)> {
        lines
            .iter()
            .map(|line| (line.kind, line.description.clone()))
            .collect()
    };
    assert_eq!(shape(&draft.form.lines), shape(&form.lines));
    assert_eq!(draft.form.discount, "10");
    let issued = fixture
        .app
        .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
        .expect("issued");

    let copy = fixture
        .app
        .copy_invoice(issued.id, date("2026-12-03"), at("2026-12-03"))
        .expect("copy");
    assert_ne!(copy.id, issued.id);
    assert_eq!(copy.status, InvoiceStatusCode::Draft);
    assert!(!copy.is_credit);
    assert_eq!(copy.number, None);
    assert_eq!(copy.form.issue_date, "2026-12-03");
    assert_eq!(copy.form.lines, issued.form.lines);
    assert_eq!(copy.form.discount, "10");
    assert_eq!(copy.customer.id, customer);
    assert_eq!(copy.totals.payable, issued.totals.payable);

    // From a credit invoice, "copy" takes the invoice it credits.
    let credit = fixture
        .app
        .credit_invoice(
            issued.id,
            &CreditRequest::default(),
            date("2026-12-04"),
            at("2026-12-04"),
        )
        .expect("credit");
    let from_credit = fixture
        .app
        .copy_invoice(credit.id, date("2026-12-05"), at("2026-12-05"))
        .expect("copy of the original");
    assert!(!from_credit.is_credit);
    assert_eq!(from_credit.form.lines, issued.form.lines);
    assert_eq!(from_credit.form.issue_date, "2026-12-05");
}

#[test]
fn an_empty_text_row_and_a_discount_beyond_the_lines_name_their_cells() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let mut form = two_line_form(&fixture, customer);
    form.lines.insert(1, text_row("   "));
    form.discount = "999999".into();
    form.discount_kind = DiscountKindCode::Amount;
    let fields: Vec<String> = fixture
        .app
        .preview_invoice(&form)
        .problems
        .into_iter()
        .map(|problem| problem.field)
        .collect();
    assert!(
        fields.contains(&"lines[1].description".to_owned()),
        "{fields:?}"
    );
    assert!(fields.contains(&"discount".to_owned()), "{fields:?}");
}
