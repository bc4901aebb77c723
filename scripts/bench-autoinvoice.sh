#!/usr/bin/env bash
# The outbox benchmark (docs/benchmarks.md "AutoInvoice"): 1,000 invoices sent from the command line
# through the sandbox on loopback, for several concurrency bounds. Each run starts from the same
# company file with 1,000 drafts and a reset sandbox; `send --all --include-drafts` issues, queues and
# delivers them all, and `/usr/bin/time` gives the drain time and the process's peak memory.
#
# Usage: scripts/bench-autoinvoice.sh [COUNT] [CONCURRENCY...]   (defaults: 1000, then 1 4 16)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

count="${1:-1000}"
shift || true
bounds=("$@")
[ "${#bounds[@]}" -gt 0 ] || bounds=(1 4 16)

cargo build --release -p fakturera-cli -p autoinvoice-sandbox --features fakturera-cli/sandbox-environment
cli="$CARGO_TARGET_DIR/release/fakturera"
work="$(mktemp -d -t fakturera-bench.XXXXXX)"
trap 'stop_background_processes; rm -rf "$work"' EXIT

start_background autoinvoice-sandbox "$work/sandbox.log" \
  "$CARGO_TARGET_DIR/release/autoinvoice-sandbox" --port 0 --delivery-delay-ms 0
wait_until 20 "the sandbox" grep -q "listening on" "$work/sandbox.log"
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sandbox.log" | head -n 1)"

export FAKTURERA_KEYCHAIN=env FAKTURERA_AX_API_KEY=sandbox-api-key FAKTURERA_AX_VENDOR_KEY=sandbox-vendor-key
fixture="$work/fixture.fakturera"
"$cli" --db "$fixture" company set - >/dev/null <<'JSON'
{"name": "Bänkföretaget AB", "org_number": "556036-0793", "vat_number": "SE556036079301",
 "f_tax_approved": true, "bankgiro": "5678-1230", "invoice_fee": "0", "cash_rounding": true,
 "address": {"street": "Sveavägen 44", "street2": "", "postal_code": "111 34", "city": "Stockholm", "country_code": "SE"}}
JSON
"$cli" --db "$fixture" customers add - >/dev/null <<'JSON'
{"customer_number": "1001", "name": "Mejlkunden AB", "legal_id": "556721-2047", "email": "faktura@mejlkunden.se",
 "buyer_reference": "PROJ-1", "delivery_choice": "email",
 "address": {"street": "Storgatan 1", "street2": "", "postal_code": "111 22", "city": "Stockholm", "country_code": "SE"}}
JSON
log "creating $count drafts"
for _ in $(seq 1 "$count"); do
  echo '{"customer_number": "1001", "form": {"lines": [{"description": "Konsultarvode", "quantity": "8", "unit": "tim", "unit_price": "1150"}]}}'
done | while read -r line; do "$cli" --db "$fixture" invoices create - <<<"$line" >/dev/null; done
"$cli" --db "$fixture" autoinvoice set --company-id 7e5b0a34-5c2f-4b8e-9a61-2f0c8d9e4a10 \
  --environment sandbox --url "$url" >/dev/null

printf '| In flight | Drain time for %s | CPU time | Peak memory | Handed over | Left queued |\n|---|---|---|---|---|---|\n' "$count"
for bound in "${bounds[@]}"; do
  curl -fsS -X POST "$url/_sandbox/reset" >/dev/null
  rm -f "$work/run.fakturera"*
  # A plain cp would miss what is still in the fixture's WAL (the AutoInvoice settings, written last).
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))' \
    "$fixture" "$work/run.fakturera"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
    "$cli" --db "$work/run.fakturera" send --all --include-drafts --concurrency "$bound" --wait 600 >"$work/out.json"
  read -r seconds peak_kb user_s sys_s <"$work/time"
  # Handed over by this run (some are already polled to delivered); left queued must be 0.
  read -r handed left < <(python3 -c 'import json, sys
out = json.load(open(sys.argv[1]))
print(out["pass"]["handed_over"], out["summary"]["queued"] + out["summary"]["sending"])' "$work/out.json")
  cpu=$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { printf "%.1f s", u + s }')
  printf '| %s | %s s | %s | %s MB | %s | %s |\n' "$bound" "$seconds" "$cpu" "$((peak_kb / 1024))" "$handed" "$left"
done
