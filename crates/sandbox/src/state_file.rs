//! The optional state file: loaded once at start, and rewritten whole after every request that may have
//! changed something (write to a temporary file, then rename, so a crash never leaves half a file).

use crate::state::{SharedState, Snapshot};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use std::io;
use std::path::Path;

/// The saved state, or None when the file does not exist yet.
pub fn load(path: &Path) -> io::Result<Option<Snapshot>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {error}", path.display()),
        )
    })
}

pub fn save(path: &Path, snapshot: &Snapshot) -> io::Result<()> {
    let bytes = serde_json::to_vec(snapshot).map_err(io::Error::other)?;
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}

/// Saves after every call that is not a plain read.
pub async fn save_after_changes(
    State(state): State<SharedState>,
    request: Request,
    next: Next,
) -> Response {
    let changes = request.method() != Method::GET;
    let response = next.run(request).await;
    if changes {
        let (path, snapshot) = {
            let state = state.lock();
            (
                state.state_file.clone(),
                state.state_file.as_ref().map(|_| state.snapshot()),
            )
        };
        if let (Some(path), Some(snapshot)) = (path, snapshot)
            && let Err(error) = save(&path, &snapshot)
        {
            eprintln!(
                "autoinvoice-sandbox: cannot save the state to {}: {error}",
                path.display()
            );
        }
    }
    response
}
