#!/usr/bin/env bash
# Checks our assumptions about the real AutoInvoice (AX) API against its test service,
# ax-stage.maventa.com, by running the client's whole cycle with your test credentials: token, the
# company's authorization state, a receiver lookup, one test invoice e-mailed to your own address
# with a fresh uuid, the same uuid again (it must be recognised as already sent), the invoice's
# shape, a list query, and polling to a final status. It prints one line per assumption
# ([holds], [DIFFERS], [info]) and exits 1 when one did not hold. Not part of CI (no network there).
#
# Usage:
#   FAKTURERA_AX_COMPANY_ID=<company uuid> FAKTURERA_AX_EMAIL=<your address> scripts/ax-stage-check.sh
#     The keys come from FAKTURERA_AX_API_KEY and FAKTURERA_AX_VENDOR_KEY, or else from the OS
#     keychain where Fakturera saved them (Inställningar > AutoInvoice). Optional:
#     FAKTURERA_AX_LOOKUP_ORG (an org number that receives e-invoices), FAKTURERA_AX_BASE_URL,
#     FAKTURERA_AX_WAIT_SECONDS (default 900), FAKTURERA_AX_POLL_SECONDS (default 10).
#   scripts/ax-stage-check.sh --sandbox
#     The same run against a local sandbox this script starts (and stops), with the demo
#     credentials: proves the check itself works without network or credentials.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

if [ "${1:-}" = "--sandbox" ]; then
  cargo build --quiet -p autoinvoice-sandbox
  work="$(mktemp -d -t fakturera-ax-check.XXXXXX)"
  trap 'stop_background_processes; rm -rf "$work"' EXIT
  start_background autoinvoice-sandbox "$work/sandbox.log" \
    "$CARGO_TARGET_DIR/debug/autoinvoice-sandbox" --port 0 --delivery-delay-ms 1500
  wait_until 20 "the sandbox" grep -q "listening on" "$work/sandbox.log"
  FAKTURERA_AX_BASE_URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sandbox.log" | head -n 1)"
  export FAKTURERA_AX_BASE_URL
  export FAKTURERA_AX_COMPANY_ID=7e5b0a34-5c2f-4b8e-9a61-2f0c8d9e4a10
  export FAKTURERA_AX_API_KEY=sandbox-api-key FAKTURERA_AX_VENDOR_KEY=sandbox-vendor-key
  export FAKTURERA_AX_EMAIL="${FAKTURERA_AX_EMAIL:-du@example.se}"
  export FAKTURERA_AX_POLL_SECONDS=1 FAKTURERA_AX_WAIT_SECONDS=60
  status=0
  cargo run --quiet -p fakturera-app --example ax_stage_check || status=$?
  exit "$status"
fi

[ -n "${FAKTURERA_AX_COMPANY_ID:-}" ] || die "set FAKTURERA_AX_COMPANY_ID (your AutoInvoice test company id)"
[ -n "${FAKTURERA_AX_EMAIL:-}" ] || die "set FAKTURERA_AX_EMAIL (your own address; the test invoice goes there)"
exec cargo run --quiet -p fakturera-app --example ax_stage_check
