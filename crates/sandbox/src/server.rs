//! The accept loop. It is ours rather than `axum::serve` so that a fault can close one request's
//! connection without a reply (the "reply lost after storing" case), and so tests can start and stop
//! a sandbox in-process on a free port.

use crate::config::SandboxConfig;
use crate::fault_layer::ConnectionKill;
use crate::state::SharedState;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

/// A running sandbox. Dropping it without `shutdown` leaves the server running until the runtime ends.
#[derive(Debug)]
pub struct SandboxHandle {
    address: SocketAddr,
    state: SharedState,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

/// Starts sandboxes.
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// Binds `config.bind` (port 0 picks a free port) and serves until `shutdown`. With a state file,
    /// the saved state is loaded first.
    pub async fn start(config: SandboxConfig) -> std::io::Result<SandboxHandle> {
        let state = SharedState::new(&config);
        if let Some(path) = &config.state_file
            && let Some(snapshot) = crate::state_file::load(path)?
        {
            state.lock().restore(snapshot, std::time::Instant::now());
        }
        Sandbox::resume(config.bind, state).await
    }

    /// Serves an existing state again, for example the one `shutdown` returned: an outage of the
    /// service during which the operator's data stays as it was.
    pub async fn resume(bind: SocketAddr, state: SharedState) -> std::io::Result<SandboxHandle> {
        let listener = TcpListener::bind(bind).await?;
        let address = listener.local_addr()?;
        let router = crate::router(state.clone());
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, router, stopped));
        Ok(SandboxHandle {
            address,
            state,
            stop,
            task,
        })
    }
}

impl SandboxHandle {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The live state, for in-process tests that prefer it to the HTTP control API.
    pub fn state(&self) -> &SharedState {
        &self.state
    }

    /// Stops accepting, closes every open connection and waits until the port is free. Returns the
    /// state, which `Sandbox::resume` can serve again.
    pub async fn shutdown(self) -> SharedState {
        let _ = self.stop.send(true);
        let _ = self.task.await;
        self.state
    }
}

async fn accept_loop(listener: TcpListener, router: Router, mut stopped: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = stopped.changed() => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                // Small answers go out at once instead of waiting for the client's acknowledgement.
                let _ = stream.set_nodelay(true);
                connections.spawn(serve_connection(stream, router.clone()));
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

async fn serve_connection(stream: tokio::net::TcpStream, router: Router) {
    let kill = Arc::new(Notify::new());
    let request_kill = ConnectionKill(kill.clone());
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(request_kill.clone());
        router.clone().oneshot(request)
    });
    let connection =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        _ = kill.notified() => {}
    }
}
