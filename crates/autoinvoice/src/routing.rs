//! The customer's delivery choice (utskriftsval) as AX routing fields, per the contract's table.

/// How the operator should deliver one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// E-faktura: this e-invoice address and operator only; no fallback, a failure is reported.
    EInvoice { eia: String, operator: String },
    /// E-post med PDF: to this address; e-invoice and print are disabled.
    Email { address: String },
    /// Brev: printed and posted to the address in the XML; e-invoice and e-mail are disabled.
    Print,
    /// [ours] No route fields: the operator's own order (e-invoice, e-mail, print).
    Automatic,
}

impl Routing {
    /// E-faktura to a Swedish organisation number over Peppol (`0007:<orgnr>`, operator `PEPPOL`).
    pub fn einvoice_for_org_number(org_number: &str) -> Routing {
        let digits: String = org_number.chars().filter(char::is_ascii_digit).collect();
        Routing::EInvoice {
            eia: format!("0007:{digits}"),
            operator: "PEPPOL".to_owned(),
        }
    }

    /// The multipart form fields this choice adds to `POST /v1/invoices`.
    pub fn form_fields(&self) -> Vec<(&'static str, String)> {
        let disabled = |route: &str| ("disabled_routes[]", route.to_owned());
        match self {
            Routing::EInvoice { eia, operator } => vec![
                ("recipient_eia", eia.clone()),
                ("recipient_operator", operator.clone()),
            ],
            Routing::Email { address } => vec![
                ("recipient_email", address.clone()),
                disabled("einvoice"),
                disabled("print"),
            ],
            Routing::Print => vec![disabled("einvoice"), disabled("email")],
            Routing::Automatic => Vec::new(),
        }
    }

    /// Whether the operator needs our PDF (e-mail and letter carry it; an e-invoice is the XML).
    pub fn needs_pdf(&self) -> bool {
        !matches!(self, Routing::EInvoice { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_table() {
        let owned = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            pairs
                .iter()
                .map(|(key, value)| (*key, (*value).to_owned()))
                .collect()
        };
        let cases = [
            (
                Routing::einvoice_for_org_number("556721-2047"),
                owned(&[
                    ("recipient_eia", "0007:5567212047"),
                    ("recipient_operator", "PEPPOL"),
                ]),
            ),
            (
                Routing::Email {
                    address: "faktura@kund.se".to_owned(),
                },
                owned(&[
                    ("recipient_email", "faktura@kund.se"),
                    ("disabled_routes[]", "einvoice"),
                    ("disabled_routes[]", "print"),
                ]),
            ),
            (
                Routing::Print,
                owned(&[
                    ("disabled_routes[]", "einvoice"),
                    ("disabled_routes[]", "email"),
                ]),
            ),
            (Routing::Automatic, Vec::new()),
        ];
        for (routing, expected) in cases {
            assert_eq!(routing.form_fields(), expected, "{routing:?}");
        }
    }
}
