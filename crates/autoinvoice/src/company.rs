//! The company's own state at AutoInvoice: whether it is verified (`GET /v1/company/authorization`,
//! `company_state` VERIFIED / UNVERIFIED / UNKNOWN), and whether letters are printed from our PDF
//! (`send_invoice_print.use_own_pdf` in `GET`/`PATCH /v1/company/settings`). Both are in the
//! AutoXChange swagger (rantalainen/maventa-api-client `src/api.ts`, API 0.85.263).

use crate::client::AxClient;
use crate::error::{AxError, PermanentKind};
use crate::lenient;
use reqwest::Method;
use serde::Deserialize;

/// The company's trust state. The documentation says an unverified company may not send or
/// receive and gets "Unauthorized" (documentation.maventa.com, invoice sending via API).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CompanyState {
    Verified,
    Unverified,
    #[default]
    #[serde(other)]
    Unknown,
}

impl CompanyState {
    pub fn as_str(self) -> &'static str {
        match self {
            CompanyState::Verified => "VERIFIED",
            CompanyState::Unverified => "UNVERIFIED",
            CompanyState::Unknown => "UNKNOWN",
        }
    }
}

/// `APIEntitiesCompanyAuthorizationStatus`: the signing of the authorization and the trust state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct CompanyAuthorization {
    /// PENDING, SENT, SIGNED, CANCELED or NONE.
    #[serde(default, deserialize_with = "lenient::text")]
    pub auth_state: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub auth_email: Option<String>,
    #[serde(default, deserialize_with = "lenient::enum_or_default")]
    pub company_state: CompanyState,
}

#[derive(Debug, Default, Deserialize)]
struct SettingsAnswer {
    #[serde(default, deserialize_with = "lenient::optional")]
    send_invoice_print: Option<PrintSettings>,
}

/// `send_invoice_print` of the company settings, as far as the app cares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PrintSettings {
    /// The print service is on.
    #[serde(default, deserialize_with = "lenient::optional")]
    pub enabled: Option<bool>,
    /// Letters are printed from the invoice image we send, not from the operator's template.
    #[serde(default, deserialize_with = "lenient::optional")]
    pub use_own_pdf: Option<bool>,
}

/// What `ensure_own_pdf` found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnPdf {
    /// It was on already.
    AlreadyOn,
    /// It was off (or not reported) and the client turned it on.
    TurnedOn,
}

impl AxClient {
    /// The company's authorization state. It answers for an unverified company too, which is
    /// what lets "Testa anslutningen" tell bad keys from a company that is not verified yet.
    pub async fn company_authorization(&self) -> Result<CompanyAuthorization, AxError> {
        let url = self.url("v1/company/authorization", &[])?;
        self.execute_plain("company authorization", |http, token| {
            http.get(url.clone()).bearer_auth(token)
        })
        .await?
        .into_json("company authorization")
    }

    /// The print settings (`GET /v1/company/settings?fields[]=send_invoice_print`).
    pub async fn print_settings(&self) -> Result<PrintSettings, AxError> {
        let url = self.url("v1/company/settings", &[("fields[]", "send_invoice_print")])?;
        let answer: SettingsAnswer = self
            .execute("company settings", |http, token| {
                http.get(url.clone()).bearer_auth(token)
            })
            .await?
            .into_json("company settings")?;
        Ok(answer.send_invoice_print.unwrap_or_default())
    }

    /// Makes sure letters are printed from our PDF: reads the setting and, when it is not on,
    /// turns it on with `PATCH /v1/company/settings {"send_invoice_print": {"use_own_pdf": true}}`.
    pub async fn ensure_own_pdf(&self) -> Result<OwnPdf, AxError> {
        if self.print_settings().await?.use_own_pdf == Some(true) {
            return Ok(OwnPdf::AlreadyOn);
        }
        let url = self.url("v1/company/settings", &[])?;
        let body = serde_json::json!({ "send_invoice_print": { "use_own_pdf": true } });
        self.execute("company settings", |http, token| {
            http.request(Method::PATCH, url.clone())
                .bearer_auth(token)
                .json(&body)
        })
        .await?
        .into_unit()?;
        match self.print_settings().await?.use_own_pdf {
            Some(true) => Ok(OwnPdf::TurnedOn),
            _ => Err(AxError::permanent(
                PermanentKind::InvalidResponse,
                "company settings: use_own_pdf is still off after it was turned on",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_is_read_leniently() {
        let cases = [
            (r#"{"company_state":"VERIFIED"}"#, CompanyState::Verified),
            (
                r#"{"auth_state":"SENT","auth_email":"a@b.se","company_state":"UNVERIFIED"}"#,
                CompanyState::Unverified,
            ),
            (r#"{"company_state":"UNKNOWN"}"#, CompanyState::Unknown),
            (r#"{"company_state":"SUSPENDED"}"#, CompanyState::Unknown),
            (r#"{"company_state":-1}"#, CompanyState::Unknown),
            ("{}", CompanyState::Unknown),
        ];
        for (json, expected) in cases {
            let read: CompanyAuthorization = serde_json::from_str(json).expect(json);
            assert_eq!(read.company_state, expected, "{json}");
        }
    }
}
