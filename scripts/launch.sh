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
# Demo mode (the default; FAKTURERA_DEMO=0 opens your own company file without the sandbox):
# a demo company file with a year of invoices, the AutoInvoice sandbox on a free port with the
# demo e-invoice customers in its receiver directory, and the app pointed at it. The sandbox's
# public demo keys are handed to the app through its environment into an in-memory keychain
# (FAKTURERA_KEYCHAIN=memory); your OS keychain is not touched.
# ---------------------------------------------------------------------------------------------
trap stop_background_processes EXIT

if [ "${FAKTURERA_DEMO:-1}" = 1 ]; then
  log "building the command line and the AutoInvoice sandbox"
  cargo build -p fakturera-cli -p autoinvoice-sandbox
  export FAKTURERA_DB="${FAKTURERA_DB:-$CARGO_TARGET_DIR/demo/Demo AB.fakturera}"
  mkdir -p "$(dirname "$FAKTURERA_DB")"
  sandbox_log="$(dirname "$FAKTURERA_DB")/autoinvoice-sandbox.log"
  start_background autoinvoice-sandbox "$sandbox_log" \
    "$CARGO_TARGET_DIR/debug/autoinvoice-sandbox" --port 0 --delivery-delay-ms 3000
  wait_until 20 "the AutoInvoice sandbox" grep -q "listening on" "$sandbox_log"
  sandbox_url="$(grep -o 'http://127.0.0.1:[0-9]*' "$sandbox_log" | head -n 1)"
  # The demo customers that take e-invoices (see crates/app/src/demo/registers.rs).
  curl -fsS -X POST "$sandbox_url/_sandbox/receivers" -H 'content-type: application/json' -d '[
    {"bid":"5560360793","eia":"0007:5560360793","name":"Göteborgs Byggservice AB"},
    {"bid":"2321000024","eia":"0007:2321000024","name":"Region Exempel"}]' >/dev/null
  export FAKTURERA_KEYCHAIN=memory
  export FAKTURERA_AX_API_KEY=sandbox-api-key FAKTURERA_AX_VENDOR_KEY=sandbox-vendor-key
  cli="$CARGO_TARGET_DIR/debug/fakturera"
  # Fills an empty file (a file with records keeps them), then points it at this run's sandbox.
  "$cli" --db "$FAKTURERA_DB" demo >/dev/null || true
  FAKTURERA_KEYCHAIN=env "$cli" --db "$FAKTURERA_DB" autoinvoice set \
    --company-id 7e5b0a34-5c2f-4b8e-9a61-2f0c8d9e4a10 --environment sandbox --url "$sandbox_url" >/dev/null
  log "demo mode: $FAKTURERA_DB, AutoInvoice sandbox at $sandbox_url"
fi


if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  die "no display: run this from a desktop session (or set DISPLAY)"
fi
log "starting Fakturera"
"$DESKTOP_BINARY"
