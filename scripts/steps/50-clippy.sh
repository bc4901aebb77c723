# Lints of the whole workspace including src-tauri, warnings denied.
source "$REPO_ROOT/scripts/lib.sh"
cd "$REPO_ROOT"
cargo clippy --workspace --all-targets --features "$DESKTOP_FEATURES" -- -D warnings
