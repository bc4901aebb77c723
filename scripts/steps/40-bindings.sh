# The committed TypeScript bindings match the Rust IPC types.
source "$REPO_ROOT/scripts/lib.sh"
"$REPO_ROOT/scripts/check-bindings.sh"
