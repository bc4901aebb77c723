# Only ui/src/ipc/ may import @tauri-apps/*.
source "$REPO_ROOT/scripts/lib.sh"
"$REPO_ROOT/scripts/check-ipc-imports.sh"
