# The desktop binary with the UI embedded, as the end-to-end tests run it.
source "$REPO_ROOT/scripts/lib.sh"
cd "$REPO_ROOT"
cargo build -p fakturera-desktop --features "$DESKTOP_FEATURES"
ls -l "$DESKTOP_BINARY"
