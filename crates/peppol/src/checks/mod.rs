//! Pre-send checks: the Peppol, EN 16931 and Swedish (SE-R) rules that can be decided from our own
//! data, reported per field in Swedish and English with the rule id the official validator would give.
//!
//! The editor shows them while the user works and issue-and-send is blocked on any `Error`. Each check
//! mirrors one validator rule applied to the document `write_ubl` would produce, so that a finding
//! here means the validator fires the same rule id, and a clean result means it does not.

mod content;
mod identifiers;
mod sums;

use fakturera_core::FieldError;
use fakturera_core::invoice::Invoice;
use fakturera_core::text::Text;

pub use content::einvoice_reference_finding;
pub(crate) use identifiers::{is_norwegian_org_number, is_swedish_org_number};
pub use sums::check_totals;

/// How bad a finding is, as the validator flags the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The receiver's operator rejects the invoice (a fatal rule); blocks sending.
    Error,
    /// The invoice is accepted, but something is likely wrong.
    Warning,
}

/// One broken rule, tied to the field the user should change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id as the validator reports it, e.g. `PEPPOL-EN16931-R003` or `SE-R-013`.
    pub rule_id: &'static str,
    /// The field path in the invoice editor, e.g. `buyer_reference` or `lines[2].vat`.
    pub field: String,
    pub message: Text,
    pub severity: Severity,
}

impl Finding {
    pub(crate) fn error(
        rule_id: &'static str,
        field: impl Into<String>,
        sv: String,
        en: String,
    ) -> Finding {
        Finding {
            rule_id,
            field: field.into(),
            message: Text::new(sv, en),
            severity: Severity::Error,
        }
    }

    pub(crate) fn warning(
        rule_id: &'static str,
        field: impl Into<String>,
        sv: String,
        en: String,
    ) -> Finding {
        Finding {
            rule_id,
            field: field.into(),
            message: Text::new(sv, en),
            severity: Severity::Warning,
        }
    }
}

impl From<Finding> for FieldError {
    /// The finding in the shape every other validation error has, with the rule id as its code, so
    /// the editor can show it next to the field like any other error.
    fn from(finding: Finding) -> FieldError {
        FieldError::new(finding.field, finding.rule_id, finding.message)
    }
}

/// Everything we can tell, from our own data, that would make the e-invoice for `invoice` fail, in a
/// stable order (identifiers, content, sums).
pub fn check_before_send(invoice: &Invoice) -> Vec<Finding> {
    let mut findings = Vec::new();
    identifiers::check(invoice, &mut findings);
    content::check(invoice, &mut findings);
    findings.extend(check_totals(&invoice.totals()));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use fakturera_core::samples;

    #[test]
    fn findings_name_field_and_rule_and_become_field_errors() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        let mut invoice = samples::domestic_invoice(date);
        assert_eq!(check_before_send(&invoice), Vec::new());
        invoice.buyer_reference.clear();
        invoice.your_reference.clear();
        // The customer number stands in for the reference on every invoice that has one.
        assert_eq!(check_before_send(&invoice), Vec::new());
        invoice.buyer.customer_number.clear();
        let findings = check_before_send(&invoice);
        assert_eq!(findings.len(), 1, "{findings:?}");
        let error = FieldError::from(findings[0].clone());
        assert_eq!(
            (error.field.as_str(), error.code),
            ("buyer_reference", "PEPPOL-EN16931-R003")
        );
        assert!(
            error.message.sv.contains("referenskod")
                && error.message.en.contains("buyer reference")
        );
    }
}
