//! Measures the client and sandbox alone: sends N invoices with C in flight to an in-process sandbox
//! and prints the time taken, so the app's outbox benchmark can tell transport cost from its own.
//! `cargo run --release -p fakturera-autoinvoice --example send_burst -- 1000 8`

use autoinvoice_sandbox::{
    DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_VENDOR_API_KEY, Sandbox, SandboxConfig,
};
use fakturera_autoinvoice::{
    AxClient, AxConfig, Credentials, Document, Language, Routing, Secret, SendInvoice,
};
use std::sync::Arc;
use std::time::Instant;
use tokio::task::JoinSet;

const INVOICE_XML: &str = include_str!("../tests/fixtures/se-invoice.xml");

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut arguments = std::env::args().skip(1);
    let count: usize = arguments
        .next()
        .map(|text| text.parse())
        .transpose()?
        .unwrap_or(1000);
    let in_flight: usize = arguments
        .next()
        .map(|text| text.parse())
        .transpose()?
        .unwrap_or(8)
        .max(1);
    let sandbox = Sandbox::start(SandboxConfig::default()).await?;
    let credentials = Credentials {
        company_id: DEMO_CLIENT_ID.to_owned(),
        api_key: Secret::new(DEMO_API_KEY),
        vendor_api_key: Secret::new(DEMO_VENDOR_API_KEY),
    };
    let client = Arc::new(AxClient::new(
        AxConfig::new(sandbox.base_url()),
        credentials,
    )?);
    let started = Instant::now();
    let mut running = JoinSet::new();
    for number in 0..count {
        if running.len() >= in_flight
            && let Some(finished) = running.join_next().await
        {
            finished??;
        }
        let client = client.clone();
        running.spawn(async move {
            let request = SendInvoice {
                uuid: format!("00000000-0000-4000-8000-{number:012}"),
                document: Document::Xml {
                    filename: format!("f{number}.xml"),
                    bytes: INVOICE_XML.as_bytes().to_vec(),
                },
                language: Language::Swedish,
                routing: Routing::Print,
                sender_comment: None,
                earlier_attempt: false,
                identity: None,
            };
            client.send_invoice(&request).await.map(|_| ())
        });
    }
    while let Some(finished) = running.join_next().await {
        finished??;
    }
    let elapsed = started.elapsed();
    let stored = sandbox.state().lock().received().len();
    let millis = elapsed.as_millis().max(1);
    println!(
        "{count} invoices, {in_flight} in flight: {millis} ms ({} per second), sandbox holds {stored}",
        count as u128 * 1000 / millis
    );
    sandbox.shutdown().await;
    Ok(())
}
