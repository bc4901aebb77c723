//! The receiver lookup, `GET /v1/lookup/receivers`, asked the way the real API takes it: `network[]`
//! is required and `country[]` is an array (rantalainen/maventa-api-client `src/api.ts`,
//! `getV1LookupReceivers`; vertaislaina/maventa-autoxchange `docs/Api/LookupApi.md`). The API is
//! built with Ruby Grape, which answers 400 to a single value for an array parameter
//! (ruby-grape/grape#2028), so every list goes out with `[]`. An organisation is asked for by
//! business id and by its Swedish Peppol address (`0007:<org no>`), in the PEPPOL and INTERNAL
//! networks, and the hits are merged.

use crate::client::AxClient;
use crate::error::AxError;
use crate::lenient;
use crate::model::Receiver;

/// The networks a Swedish sender's customers are found in: Peppol, and AutoInvoice's own.
pub const LOOKUP_NETWORKS: [&str; 2] = ["PEPPOL", "INTERNAL"];

/// One receiver lookup: by business id or by e-invoice address, in some networks and countries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiverQuery {
    /// `bid=<digits>`.
    BusinessId { bid: String, country: String },
    /// `eia=<scheme:id>`.
    Address { eia: String, country: String },
}

impl ReceiverQuery {
    /// The query pairs, every list as `name[]`.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let (key, value, country) = match self {
            ReceiverQuery::BusinessId { bid, country } => ("bid", bid, country),
            ReceiverQuery::Address { eia, country } => ("eia", eia, country),
        };
        let mut pairs = vec![(key, value.clone())];
        pairs.extend(
            LOOKUP_NETWORKS
                .iter()
                .map(|network| ("network[]", (*network).to_owned())),
        );
        pairs.push(("country[]", country.clone()));
        pairs
    }
}

/// The best hit for sending an invoice: one with an address that takes invoices, in Peppol
/// before AutoInvoice's own network, else any hit with an address.
pub fn best_receiver(receivers: &[Receiver]) -> Option<&Receiver> {
    let usable = |receiver: &&Receiver| receiver.eia.as_deref().is_some_and(|eia| !eia.is_empty());
    receivers
        .iter()
        .filter(usable)
        .filter(|receiver| receiver.accepts("INVOICE"))
        .min_by_key(|receiver| !receiver.in_network("PEPPOL"))
        .or_else(|| receivers.iter().find(usable))
}

impl AxClient {
    /// Which e-invoice addresses an organisation number has (empty: none), asked by business id
    /// and, unless that found a usable address already, by `0007:<org no>`, in both networks. One
    /// of the two answering is enough; when both fail, the first failure is returned.
    pub async fn lookup_receivers(
        &self,
        org_number: &str,
        country: &str,
    ) -> Result<Vec<Receiver>, AxError> {
        let digits: String = org_number.chars().filter(char::is_ascii_digit).collect();
        let by_bid = self
            .lookup_receivers_by(&ReceiverQuery::BusinessId {
                bid: digits.clone(),
                country: country.to_owned(),
            })
            .await;
        match &by_bid {
            Err(error) if error.is_transient() || error.is_credentials_problem() => return by_bid,
            Ok(hits) if best_receiver(hits).is_some() => return by_bid,
            _ => {}
        }
        let by_address = self
            .lookup_receivers_by(&ReceiverQuery::Address {
                eia: format!("0007:{digits}"),
                country: country.to_owned(),
            })
            .await;
        match (by_bid, by_address) {
            (Err(error), Err(_)) => Err(error),
            (first, second) => Ok(first.into_iter().chain(second).flatten().collect()),
        }
    }

    /// One lookup call; entries that cannot be read at all are skipped.
    pub async fn lookup_receivers_by(
        &self,
        query: &ReceiverQuery,
    ) -> Result<Vec<Receiver>, AxError> {
        let pairs = query.pairs();
        let borrowed: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(key, value)| (*key, value.as_str()))
            .collect();
        let url = self.url("v1/lookup/receivers", &borrowed)?;
        let items: serde_json::Value = self
            .execute("receiver lookup", |http, token| {
                http.get(url.clone()).bearer_auth(token)
            })
            .await?
            .into_json("receiver lookup")?;
        Ok(lenient::readable_items(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_goes_out_as_an_array() {
        let query = ReceiverQuery::BusinessId {
            bid: "5567212047".into(),
            country: "SE".into(),
        };
        let expected: Vec<(&str, String)> = [
            ("bid", "5567212047"),
            ("network[]", "PEPPOL"),
            ("network[]", "INTERNAL"),
            ("country[]", "SE"),
        ]
        .into_iter()
        .map(|(key, value)| (key, value.to_owned()))
        .collect();
        assert_eq!(query.pairs(), expected);
    }

    #[test]
    fn peppol_hits_that_take_invoices_come_first() {
        let hit = |eia: Option<&str>, network: &str, types: &[&str]| Receiver {
            eia: eia.map(str::to_owned),
            network: Some(network.to_owned()),
            document_types: types
                .iter()
                .map(|name| crate::model::DocumentType {
                    document_type: Some((*name).to_owned()),
                })
                .collect(),
            ..Receiver::default()
        };
        let internal = hit(Some("0007:1"), "INTERNAL", &["INVOICE"]);
        let peppol = hit(Some("0007:2"), "PEPPOL", &["INVOICE"]);
        let credit_only = hit(Some("0007:3"), "PEPPOL", &["CREDIT_NOTE"]);
        let no_address = hit(None, "PEPPOL", &["INVOICE"]);
        let cases: [(Vec<Receiver>, Option<&str>); 5] = [
            (vec![internal.clone(), peppol.clone()], Some("0007:2")),
            (vec![internal.clone()], Some("0007:1")),
            (vec![credit_only.clone(), internal.clone()], Some("0007:1")),
            (
                vec![no_address.clone(), credit_only.clone()],
                Some("0007:3"),
            ),
            (vec![no_address], None),
        ];
        for (receivers, expected) in cases {
            assert_eq!(
                best_receiver(&receivers).and_then(|hit| hit.eia.as_deref()),
                expected,
                "{receivers:?}"
            );
        }
    }
}
