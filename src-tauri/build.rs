//! Reads tauri.conf.json (a symlink to the one at the repository root) so the context is generated at compile time.

fn main() {
    tauri_build::build();
}
