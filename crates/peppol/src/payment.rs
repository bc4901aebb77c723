//! How the buyer pays: Bankgiro or Plusgiro (code 30, SE-R-007..012) at home, IBAN (code 58) abroad,
//! the OCR number as payment id, and the payment terms with the late-payment interest.

use fakturera_core::Language;
use fakturera_core::party::Seller;
use fakturera_core::text::Text;

use crate::document::Document;
use crate::endpoint::compact;
use crate::xml::UblXml;

/// One way to pay, as written in `cac:PaymentMeans`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentAccount {
    /// UNCL4461: 30 credit transfer, 58 SEPA credit transfer.
    pub means_code: &'static str,
    pub account: String,
    /// `SE:BANKGIRO`, `SE:PLUSGIRO` or the BIC; empty when unknown.
    pub branch: String,
}

/// The accounts offered to the buyer, in order of preference.
///
/// A buyer abroad gets the IBAN when the seller has one, since Bankgiro and Plusgiro only work from
/// Swedish banks; everyone else gets Bankgiro and Plusgiro, and the IBAN only when there is neither.
pub fn payment_accounts(seller: &Seller, buyer_abroad: bool) -> Vec<PaymentAccount> {
    let iban = compact(&seller.iban).to_uppercase();
    let bic = compact(&seller.bic).to_uppercase();
    if buyer_abroad && !iban.is_empty() {
        return vec![PaymentAccount {
            means_code: "58",
            account: iban,
            branch: bic,
        }];
    }
    let mut accounts = Vec::new();
    for (number, branch) in [
        (&seller.bankgiro, "SE:BANKGIRO"),
        (&seller.plusgiro, "SE:PLUSGIRO"),
    ] {
        let number = compact(number);
        if !number.is_empty() {
            accounts.push(PaymentAccount {
                means_code: "30",
                account: number,
                branch: branch.to_owned(),
            });
        }
    }
    if accounts.is_empty() && !iban.is_empty() {
        accounts.push(PaymentAccount {
            means_code: "30",
            account: iban,
            branch: bic,
        });
    }
    accounts
}

/// `cac:PaymentMeans` for each account, with the OCR number (or the invoice number) as payment id.
/// A credit invoice is settled against the invoice it credits, so it offers no account.
pub(crate) fn means(xml: &mut UblXml, document: &Document<'_>, number: &str) {
    if document.is_credit() {
        return;
    }
    let invoice = document.invoice;
    let payment_id = if invoice.ocr.trim().is_empty() {
        number
    } else {
        invoice.ocr.trim()
    };
    for account in payment_accounts(&invoice.seller, invoice.buyer.is_foreign()) {
        xml.group("cac:PaymentMeans", |xml| {
            xml.text("cbc:PaymentMeansCode", account.means_code);
            xml.text("cbc:PaymentID", payment_id);
            xml.group("cac:PayeeFinancialAccount", |xml| {
                xml.text("cbc:ID", &account.account);
                if !account.branch.is_empty() {
                    xml.group("cac:FinancialInstitutionBranch", |xml| {
                        xml.text("cbc:ID", &account.branch)
                    });
                }
            });
        });
    }
}

/// `cac:PaymentTerms`: the terms and the late-payment interest, or for a credit invoice what it credits.
pub(crate) fn terms(xml: &mut UblXml, document: &Document<'_>) {
    let invoice = document.invoice;
    let text = match invoice.credited_invoice() {
        Some(credited) => Text::new(
            format!(
                "Kreditering av faktura {}. Beloppet regleras mot fakturan eller återbetalas.",
                credited.number
            ),
            format!(
                "Credit for invoice {}. The amount is set off against the invoice or refunded.",
                credited.number
            ),
        ),
        None => {
            let interest = match invoice.seller.late_payment_interest {
                Some(rate) => Text::new(
                    format!("Dröjsmålsränta {} %.", rate.normalize()),
                    format!("Late payment interest {} % per year.", rate.normalize()),
                ),
                None => Text::new(
                    "Dröjsmålsränta enligt räntelagen.",
                    "Late payment interest according to the Swedish Interest Act.",
                ),
            };
            Text::new(
                format!(
                    "{}. {}",
                    invoice.payment_terms.describe(Language::Swedish),
                    interest.sv
                ),
                format!(
                    "{}. {}",
                    invoice.payment_terms.describe(Language::English),
                    interest.en
                ),
            )
        }
    };
    xml.group("cac:PaymentTerms", |xml| {
        xml.text("cbc:Note", document.say(&text))
    });
}
