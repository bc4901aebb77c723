# Builds the Linux .deb with the Tauri CLI, which proves the bundle configuration. A debug build,
# so it reuses the binary of the steps above; release installers: see README.md.
source "$REPO_ROOT/scripts/lib.sh"
bundle_dir="$CARGO_TARGET_DIR/debug/bundle/deb"
rm -rf "$bundle_dir"
"$REPO_ROOT/scripts/bundle.sh" --debug --bundles deb
deb="$(find "$bundle_dir" -maxdepth 1 -name '*.deb' | head -n1)"
[ -n "$deb" ] || die "no .deb was produced in $bundle_dir"
dpkg-deb --field "$deb" Package Version Architecture Depends
contents="$(dpkg-deb --contents "$deb")"
for expected in usr/bin/fakturera-desktop usr/share/applications/Fakturera.desktop usr/share/icons/hicolor/128x128/apps/fakturera-desktop.png; do
  grep -q "$expected" <<<"$contents" || die "$deb lacks $expected"
done
log "deb: $deb ($(du -h "$deb" | cut -f1))"
