# Rust unit and integration tests of the whole workspace.
source "$REPO_ROOT/scripts/lib.sh"
cd "$REPO_ROOT"
cargo test --workspace --no-fail-fast --features "$DESKTOP_FEATURES"
