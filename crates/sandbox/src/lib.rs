//! A local stand-in for Visma AutoInvoice's AX API (see shared/autoinvoice/contract.md): the same
//! endpoints over real HTTP on loopback, the operator's routing rules and receipt check, and control
//! endpoints under `/_sandbox/` for tests and demos (seeding, status moves, fault injection, inspection).
//! It knows nothing of Fakturera's domain: bytes and routing fields in, statuses out.

pub mod api;
pub mod config;
pub mod control;
mod fault_layer;
pub mod faults;
pub mod intake;
pub mod model;
pub mod receipt;
pub mod routing;
mod server;
pub mod state;
mod state_file;
pub mod ubl;

pub use config::{
    Company, DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_VENDOR_API_KEY, DuplicateAnswer, Progression,
    ProgressionOutcome, ReceiptMode, SandboxConfig,
};
pub use faults::Fault;
pub use routing::ReceiverEntry;
pub use server::{Sandbox, SandboxHandle};
pub use state::SharedState;

use axum::Router;

/// Every route of a sandbox over the given state: the AX API behind the fault layer, and `/_sandbox/`.
pub fn router(state: SharedState) -> Router {
    let ax = api::routes().layer(axum::middleware::from_fn_with_state(
        state.clone(),
        fault_layer::apply_faults,
    ));
    Router::new()
        .merge(ax)
        .nest("/_sandbox", control::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            state_file::save_after_changes,
        ))
        .with_state(state)
}
