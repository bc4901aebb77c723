# Builds the Linux .deb with the Tauri CLI, which proves the bundle configuration. A debug build,
# so it reuses the binary of the steps above; release installers: see README.md.
source "$REPO_ROOT/scripts/lib.sh"
"$REPO_ROOT/scripts/bundle.sh" --debug --bundles deb
deb="$(find "$CARGO_TARGET_DIR/debug/bundle/deb" -name '*.deb' -newer "$REPO_ROOT/tauri.conf.json" | head -n1)"
[ -n "$deb" ] || die "no .deb was produced"
dpkg-deb --info "$deb" | grep -E "Package|Version|Architecture|Depends"
dpkg-deb --contents "$deb" | grep -E "usr/bin/fakturera-desktop|\.desktop|icons" 
