#!/usr/bin/env bash
# Installs what is missing, builds the UI and the desktop app, and starts Fakturera.
#
# The company file is the usual one in the OS app-data folder unless FAKTURERA_DB names another
# (one file per company: FAKTURERA_DB=~/foretag/acme.fakturera scripts/launch.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

if [ "${FAKTURERA_SKIP_SETUP:-0}" != 1 ]; then
  "$REPO_ROOT/scripts/setup.sh"
fi

log "building the UI"
npm --prefix ui run --silent build
log "building the desktop app"
cargo build -p fakturera-desktop --features "$DESKTOP_FEATURES"

# ---------------------------------------------------------------------------------------------
# Demo data and the AutoInvoice sandbox start here (later issues): e.g. seed the company file
# with demo customers and articles, start `autoinvoice-sandbox` with start_background and point
# the app at it. Anything started with start_background is stopped when the app closes.
# ---------------------------------------------------------------------------------------------
trap stop_background_processes EXIT

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  die "no display: run this from a desktop session (or set DISPLAY)"
fi
log "starting Fakturera"
"$DESKTOP_BINARY"
