//! The pre-send checks as the editor and the issue use case see them: crates/peppol's findings in
//! the user's language, made blocking only when the invoice leaves as an e-invoice.

use fakturera_core::invoice::Invoice;
use fakturera_core::{Language, Text};
use fakturera_peppol::{Finding, Severity, check_before_send};
use fakturera_store::{Customer, InvoiceId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::request::DocumentRequest;
use super::route::DeliveryRoute;
use super::source::{DocumentSource, form_source, stored_source};
use crate::app::App;
use crate::error::{AppError, ErrorCode, FieldMessage};

/// Whether a finding stops the invoice from being issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FindingSeverity {
    /// The receiver's operator would reject the e-invoice: issuing is blocked until it is fixed.
    Error,
    /// Worth fixing, but the invoice may be issued.
    Warning,
}

/// One broken e-invoice rule, tied to the field to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresendFinding {
    /// The id the official validator reports, e.g. `PEPPOL-EN16931-R003`.
    pub rule_id: String,
    /// The editor field (`buyer_reference`, `lines[2].vat`) or a register field (`buyer.legal_id`,
    /// `seller.org_number`) that must change.
    pub field: String,
    pub message: String,
    pub severity: FindingSeverity,
}

/// The pre-send checks of one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresendReport {
    /// `false` while the form has values that cannot be read; the editor shows those first.
    pub checked: bool,
    pub route: DeliveryRoute,
    /// Some finding is an error: issuing is refused.
    pub blocking: bool,
    pub findings: Vec<PresendFinding>,
}

impl PresendReport {
    fn unchecked(route: DeliveryRoute) -> PresendReport {
        PresendReport {
            checked: false,
            route,
            blocking: false,
            findings: Vec::new(),
        }
    }
}

fn finding_view(finding: Finding, route: DeliveryRoute, language: Language) -> PresendFinding {
    let blocks = finding.severity == Severity::Error && route == DeliveryRoute::EInvoice;
    PresendFinding {
        rule_id: finding.rule_id.to_owned(),
        field: finding.field,
        message: finding.message.in_language(language).to_owned(),
        severity: if blocks {
            FindingSeverity::Error
        } else {
            FindingSeverity::Warning
        },
    }
}

/// The checks of `invoice` for a customer reached by `route`, in `language`.
pub(crate) fn report_for(
    invoice: &Invoice,
    route: DeliveryRoute,
    language: Language,
) -> PresendReport {
    let findings: Vec<PresendFinding> = check_before_send(invoice)
        .into_iter()
        .map(|finding| finding_view(finding, route, language))
        .collect();
    PresendReport {
        checked: true,
        route,
        blocking: findings
            .iter()
            .any(|finding| finding.severity == FindingSeverity::Error),
        findings,
    }
}

fn report_for_source(source: &DocumentSource, language: Language) -> PresendReport {
    report_for(
        &source.invoice,
        DeliveryRoute::for_customer(&source.customer),
        language,
    )
}

/// Refuses to issue `invoice` for `customer` while an e-invoice rule would reject it, listing every
/// field to fix with the rule id, so the user sees the same marks as in the editor.
pub(crate) fn refuse_when_blocked(
    invoice: &Invoice,
    customer: &Customer,
    language: Language,
) -> Result<(), AppError> {
    let report = report_for(invoice, DeliveryRoute::for_customer(customer), language);
    if !report.blocking {
        return Ok(());
    }
    let fields: Vec<FieldMessage> = report
        .findings
        .into_iter()
        .filter(|finding| finding.severity == FindingSeverity::Error)
        .map(|finding| FieldMessage {
            field: finding.field,
            message: format!("{} ({})", finding.message, finding.rule_id),
        })
        .collect();
    let count = fields.len();
    let message = Text::new(
        format!(
            "Fakturan skulle stoppas som e-faktura: {count} fel behöver rättas innan den kan utfärdas. Se markerade fält."
        ),
        format!(
            "The e-invoice would be rejected: {count} errors must be fixed before it can be issued. See the marked fields."
        ),
    );
    Err(AppError {
        code: ErrorCode::InvalidInput,
        message: message.in_language(language).to_owned(),
        fields,
    })
}

impl App {
    /// The pre-send checks of what the editor shows right now, run while the user works.
    ///
    /// A form that cannot be read yet gives `checked: false` rather than an error: the editor's
    /// preview already marks those fields.
    pub fn presend_findings(&self, request: &DocumentRequest) -> Result<PresendReport, AppError> {
        let language = self.language();
        self.with_store(|store| match form_source(store, request, language) {
            Ok(source) => Ok(report_for_source(&source, language)),
            Err(error) if error.code == ErrorCode::InvalidInput => {
                let customer = store
                    .customer(fakturera_store::CustomerId(request.customer_id))
                    .map_err(|error| crate::IntoAppError::into_app_error(error, language))?;
                Ok(PresendReport::unchecked(DeliveryRoute::for_customer(
                    &customer,
                )))
            }
            Err(error) => Err(error),
        })
    }

    /// The pre-send checks of the saved invoice `id` (a draft as it would be issued, an issued
    /// invoice as it is).
    pub fn invoice_findings(&self, id: i64) -> Result<PresendReport, AppError> {
        let language = self.language();
        self.with_store(|store| {
            stored_source(store, InvoiceId(id)).map(|source| report_for_source(&source, language))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use fakturera_core::samples;

    fn unreferenced() -> Invoice {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        let mut invoice = samples::domestic_invoice(date);
        invoice.buyer_reference.clear();
        invoice.your_reference.clear();
        invoice.order_reference.clear();
        invoice
    }

    #[test]
    fn errors_block_only_on_the_e_invoice_route() {
        let cases = [
            (DeliveryRoute::EInvoice, true, FindingSeverity::Error),
            (DeliveryRoute::Paper, false, FindingSeverity::Warning),
        ];
        for (route, blocking, severity) in cases {
            let report = report_for(&unreferenced(), route, Language::English);
            assert!(report.checked);
            assert_eq!(report.blocking, blocking, "{route:?}");
            assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
            let finding = &report.findings[0];
            assert_eq!(
                (
                    finding.rule_id.as_str(),
                    finding.field.as_str(),
                    finding.severity
                ),
                ("PEPPOL-EN16931-R003", "buyer_reference", severity)
            );
            assert!(
                finding.message.contains("buyer reference"),
                "{}",
                finding.message
            );
        }
    }

    #[test]
    fn a_clean_invoice_has_no_findings() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        let report = report_for(
            &samples::domestic_invoice(date),
            DeliveryRoute::EInvoice,
            Language::Swedish,
        );
        assert_eq!((report.blocking, report.findings.len()), (false, 0));
    }

    #[test]
    fn a_blocked_issue_lists_every_error_field_with_its_rule() {
        let mut customer = Customer::new("1", "Kund AB");
        customer.delivery_choice = fakturera_store::DeliveryChoice::EInvoice;
        let error = refuse_when_blocked(&unreferenced(), &customer, Language::Swedish)
            .expect_err("blocked");
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.contains("1 fel"), "{}", error.message);
        assert_eq!(error.fields.len(), 1);
        assert_eq!(error.fields[0].field, "buyer_reference");
        assert!(error.fields[0].message.ends_with("(PEPPOL-EN16931-R003)"));

        customer.delivery_choice = fakturera_store::DeliveryChoice::Letter;
        assert_eq!(
            refuse_when_blocked(&unreferenced(), &customer, Language::Swedish),
            Ok(())
        );
    }
}
