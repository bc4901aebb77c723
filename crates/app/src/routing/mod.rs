//! Which way an invoice goes to its customer: the channel its delivery choice gives it, and the
//! routing snapshot the outbox keeps of that choice. The send check asks what a route needs before
//! an invoice is issued and the outbox sends by it, so both build on this module.

mod channel;
mod snapshot;

pub use channel::{ChannelCode, channel_for_customer};
pub use snapshot::RoutingSnapshot;
