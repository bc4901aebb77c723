# Rust formatting, the whole workspace including src-tauri.
source "$REPO_ROOT/scripts/lib.sh"
cargo fmt --all --check
