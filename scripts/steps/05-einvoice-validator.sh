# The official Peppol BIS 3 / EN 16931 validator in ../shared/einvoice: builds its Python venv from
# PyPI on first use, then proves it works on an official valid example and catches a broken file,
# so that the Peppol tests later fail for the right reasons.
source "$REPO_ROOT/scripts/lib.sh"
validator="$REPO_ROOT/../shared/einvoice/validate"
[ -x "$validator" ] || die "the validator is missing: expected ../shared beside the repository ($validator)"
"$validator" --quiet "$REPO_ROOT/../shared/einvoice/artifacts/examples/sweden/se-invoice.xml"
broken="$(mktemp --suffix=.xml)"
trap 'rm -f "$broken"' EXIT
sed 's#<cbc:BuyerReference>[^<]*</cbc:BuyerReference>##' \
  "$REPO_ROOT/../shared/einvoice/artifacts/examples/sweden/se-invoice.xml" >"$broken"
if "$validator" --quiet "$broken"; then
  die "the validator accepted an invoice without a buyer reference"
fi
log "    validator ready"
