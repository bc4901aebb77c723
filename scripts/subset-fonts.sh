#!/usr/bin/env bash
# Regenerates the common faces crates/pdf/fonts/DejaVuSansCondensed{,-Bold}-common.ttf from the
# full DejaVu Sans Condensed faces of the `dejavu` crate in Cargo.lock, keeping the characters of
# crates/pdf/fonts/common-characters.txt. Run it after changing that list or the dejavu version;
# `cargo test -p fakturera-pdf` then checks the result against the full faces.
#
# Uses fontTools' pyftsubset (pinned below) in a private virtualenv under target/. The subset
# keeps the hinting, the names and the .notdef outline, and leaves out what the PDF renderer
# never reads: OpenType layout (GSUB, GPOS, GDEF), kerning, the MATH table and glyph names.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

FONTTOOLS_VERSION=4.69.1
venv="$CARGO_TARGET_DIR/fonttools-venv"
if [ ! -x "$venv/bin/pyftsubset" ] || ! "$venv/bin/pip" show fonttools 2>/dev/null | grep -qx "Version: $FONTTOOLS_VERSION"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "fonttools==$FONTTOOLS_VERSION"
fi

dejavu=$(cargo metadata --format-version 1 --locked --filter-platform "$(rustc -vV | sed -n 's/^host: //p')" |
  python3 -c 'import json, os, sys
packages = json.load(sys.stdin)["packages"]
print(next(os.path.dirname(p["manifest_path"]) for p in packages if p["name"] == "dejavu"))')
source_dir=$(dirname "$(find "$dejavu" -name DejaVuSansCondensed.ttf | head -1)")

for face in DejaVuSansCondensed DejaVuSansCondensed-Bold; do
  "$venv/bin/pyftsubset" "$source_dir/$face.ttf" \
    --unicodes-file=crates/pdf/fonts/common-characters.txt \
    --output-file="crates/pdf/fonts/$face-common.ttf" \
    --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,kern,MATH,FFTM \
    --no-glyph-names \
    --notdef-outline \
    --name-IDs='*' \
    --name-languages='*'
  log "crates/pdf/fonts/$face-common.ttf: $(wc -c < "crates/pdf/fonts/$face-common.ttf") bytes"
done
