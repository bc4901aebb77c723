#!/usr/bin/env bash
# Builds installers with the Tauri CLI from ui/node_modules. Arguments go to `tauri build`, e.g.
#   scripts/bundle.sh --bundles deb              (Linux)
#   scripts/bundle.sh --bundles msi,nsis         (Windows, from Git Bash)
#   scripts/bundle.sh --bundles app,dmg          (macOS)
#
# tauri.conf.json lives at the repository root; src-tauri/tauri.conf.json is a symlink to it, so
# cargo (tauri-build) and the CLI read the same file and paths inside it are relative to src-tauri/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$REPO_ROOT"
export TAURI_APP_PATH="$REPO_ROOT/src-tauri"
export TAURI_FRONTEND_PATH="$REPO_ROOT/ui"
"$REPO_ROOT/ui/node_modules/.bin/tauri" build "$@"
