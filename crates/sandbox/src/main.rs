//! `autoinvoice-sandbox --port N`: runs the sandbox with the demo company until Ctrl-C, and prints the
//! address it bound so that a script or test can read it (port 0 picks a free port).

use autoinvoice_sandbox::{Sandbox, SandboxConfig};
use clap::Parser;
use std::io::Write;

/// Local stand-in for the AutoInvoice (AX) API, for demos and tests.
#[derive(Debug, Parser)]
#[command(version)]
struct Arguments {
    /// Port on 127.0.0.1 to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// Milliseconds before a pending invoice is delivered by itself.
    #[arg(long, default_value_t = 3000)]
    delivery_delay_ms: u64,
    /// Keep the state in this JSON file: loaded at start, saved after every change.
    #[arg(long)]
    state_file: Option<std::path::PathBuf>,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let arguments = Arguments::parse();
    let mut config = SandboxConfig::demo(arguments.port);
    config.progression.delay_ms = arguments.delivery_delay_ms;
    config.state_file = arguments.state_file.clone();
    let sandbox = match Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!(
                "autoinvoice-sandbox: cannot listen on 127.0.0.1:{}: {error}",
                arguments.port
            );
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("autoinvoice-sandbox listening on {}", sandbox.base_url());
    let _ = std::io::stdout().flush();
    let _ = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
    std::process::ExitCode::SUCCESS
}
