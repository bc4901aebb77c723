//! A resend after a lost reply. The documentation says to set the invoice's `uuid` yourself and,
//! after a timeout, retry with the same `uuid`: "if it already exists you know the invoice got
//! created already" (documentation.maventa.com, integration guide, invoice sending via API). What
//! the refusal of a reused `uuid` looks like is not documented; the sibling `POST /v1/documents`
//! answers a reused id with `422 document_duplicate_transmission_id` (rantalainen/maventa-api-client
//! `src/api.ts`), and error codes are lowercase snake_case. So no single answer is trusted: a
//! refusal that says "duplicate" in any case or shape, or any refusal of an invoice that an earlier
//! attempt may have delivered, is checked by asking the operator what it has, first by `uuid`
//! (the operator's id for the invoice), then by number in the list of sent invoices.

use crate::classify::ErrorBody;
use crate::client::AxClient;
use crate::error::{AxError, PermanentKind};
use crate::model::{FoundBy, ListQuery, SendInvoice, SendOutcome};

/// Whether a refusal says the `uuid` is already taken: any 409, or a 400 or 422 whose code or
/// message speaks of a duplicate, of something already there, taken or in use. Case-insensitive.
pub(crate) fn is_duplicate_refusal(status: u16, body: &ErrorBody) -> bool {
    if status == 409 {
        return true;
    }
    if !matches!(status, 400 | 422) {
        return false;
    }
    let words = ["duplicate", "already", "taken", "in use", "exists"];
    [body.code.as_deref(), body.message.as_deref()]
        .into_iter()
        .flatten()
        .map(str::to_ascii_lowercase)
        .any(|text| words.iter().any(|word| text.contains(word)))
}

/// Whether a refusal of `POST /v1/invoices` can hide an invoice the operator already has. Refused
/// credentials, rate limits and timeouts are not about the invoice.
pub(crate) fn may_hide_an_earlier_send(status: u16) -> bool {
    (400..500).contains(&status) && !matches!(status, 401 | 403 | 408 | 429)
}

impl AxClient {
    /// After a refusal of `request`, asks the operator whether it has the invoice already. `Some`
    /// when it has, `None` when the refusal stands; a transient failure of the questions is
    /// returned as it is, so the outbox asks again later instead of failing the invoice.
    pub(crate) async fn find_earlier_send(
        &self,
        request: &SendInvoice,
        status: u16,
        refusal: &ErrorBody,
    ) -> Result<Option<SendOutcome>, AxError> {
        let duplicate = is_duplicate_refusal(status, refusal);
        let refused_with = (status, refusal.code.clone());
        let found = |id: String, found_by: FoundBy| {
            Some(SendOutcome::AlreadySent {
                id: if id.is_empty() {
                    request.uuid.clone()
                } else {
                    id
                },
                refused_with: refused_with.clone(),
                found_by,
            })
        };
        match self.invoice(&request.uuid).await {
            Ok(invoice) => return Ok(found(invoice.id, FoundBy::Uuid)),
            Err(error) if stops_the_search(&error) => return Err(error),
            Err(_) => {}
        }
        if let Some(identity) = &request.identity {
            let query = ListQuery {
                number: Some(identity.number.clone()),
                ..ListQuery::default()
            };
            match self.list_invoices(&query).await {
                Ok(listed) => {
                    if let Some(invoice) =
                        listed.into_iter().find(|invoice| identity.matches(invoice))
                    {
                        return Ok(found(invoice.id, FoundBy::Number));
                    }
                }
                Err(error) if stops_the_search(&error) => return Err(error),
                Err(_) => {}
            }
        }
        Ok(duplicate
            .then(|| found(String::new(), FoundBy::RefusalOnly))
            .flatten())
    }
}

/// A failure while asking that must reach the caller: the operator could not be asked now, or
/// does not accept us at all. Anything else (404, 400) only means "not found this way".
fn stops_the_search(error: &AxError) -> bool {
    error.is_transient()
        || error.is_credentials_problem()
        || matches!(
            error,
            AxError::Permanent {
                kind: PermanentKind::InvalidConfiguration,
                ..
            }
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_refusals_are_recognised_in_any_case_and_shape() {
        let body = |json: &str| ErrorBody::parse(json.as_bytes());
        let cases = [
            (422, r#"{"code":"invoice_duplicate_uuid"}"#, true),
            (
                422,
                r#"{"code":"DOCUMENT_DUPLICATE_TRANSMISSION_ID"}"#,
                true,
            ),
            (
                409,
                r#"{"code":"DUPLICATE_UUID","details":["inv-1"]}"#,
                true,
            ),
            (409, "", true),
            (
                400,
                r#"{"code":"invalid_parameters","message":"uuid has already been taken"}"#,
                true,
            ),
            (
                400,
                r#"{"message":"Invoice with this UUID Already Exists"}"#,
                true,
            ),
            (
                422,
                r#"{"code":"validation_failed","details":["BR-CO-15"]}"#,
                false,
            ),
            (
                400,
                r#"{"code":"invalid_parameters","message":"format is invalid"}"#,
                false,
            ),
            (404, r#"{"code":"duplicate"}"#, false),
            (401, r#"{"code":"duplicate"}"#, false),
        ];
        for (status, json, expected) in cases {
            assert_eq!(
                is_duplicate_refusal(status, &body(json)),
                expected,
                "{status} {json}"
            );
        }
    }

    #[test]
    fn only_refusals_about_the_invoice_are_checked() {
        for status in [400, 404, 409, 410, 413, 415, 422] {
            assert!(may_hide_an_earlier_send(status), "{status}");
        }
        for status in [200, 201, 401, 403, 408, 429, 500, 503] {
            assert!(!may_hide_an_earlier_send(status), "{status}");
        }
    }
}
