# Installs whatever is missing (apt packages, Rust, npm packages, tauri-driver).
source "$REPO_ROOT/scripts/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
