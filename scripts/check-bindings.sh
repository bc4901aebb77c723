#!/usr/bin/env bash
# Fails when ui/src/ipc/bindings/ differs from what the Rust types generate now: regenerates every
# ts-rs binding into a temp folder and compares. To update the committed bindings after changing
# an IPC type: `cargo test --workspace --features tauri/custom-protocol export_bindings`, then commit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

committed="$REPO_ROOT/ui/src/ipc/bindings"
generated="$(mktemp -d -t fakturera-bindings.XXXXXX)"
trap 'rm -rf "$generated"' EXIT

cd "$REPO_ROOT"
TS_RS_EXPORT_DIR="$generated" cargo test --workspace --features "$DESKTOP_FEATURES" --quiet export_bindings >/dev/null

if ! diff -ru "$committed" "$generated"; then
  log ""
  log "The TypeScript bindings in ui/src/ipc/bindings/ are out of date with the Rust IPC types."
  log "Regenerate them with: cargo test --workspace --features $DESKTOP_FEATURES export_bindings"
  log "and commit the result."
  exit 1
fi
log "bindings: $(find "$committed" -name '*.ts' | wc -l) files match the Rust types"
