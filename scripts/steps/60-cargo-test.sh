# Rust unit and integration tests of the whole workspace, with a private CUPS scheduler and a
# virtual PDF printer for the printing tests (started here, stopped when the tests end).
source "$REPO_ROOT/scripts/lib.sh"
cd "$REPO_ROOT"
scripts/with-cups.sh cargo test --workspace --no-fail-fast --features "$DESKTOP_FEATURES"
