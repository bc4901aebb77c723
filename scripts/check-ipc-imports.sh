#!/usr/bin/env bash
# Only ui/src/ipc/ may import @tauri-apps/*: the rest of the UI talks to Rust through its typed
# functions, so it can be tested and reasoned about without Tauri.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$REPO_ROOT/ui/src"
offenders="$(grep -rlE "(from|import)[[:space:]]*\(?[[:space:]]*['\"]@tauri-apps/" --include='*.ts' --include='*.js' --include='*.svelte' . | grep -v '^\./ipc/' || true)"
if [ -n "$offenders" ]; then
  log "These files import @tauri-apps/* outside ui/src/ipc/; call a function of ui/src/ipc/ instead:"
  log "$offenders"
  exit 1
fi
log "ipc imports: only ui/src/ipc/ imports @tauri-apps/*"
