# The real window under Xvfb, driven through tauri-driver and WebKitWebDriver.
source "$REPO_ROOT/scripts/lib.sh"
"$REPO_ROOT/scripts/with-cups.sh" "$REPO_ROOT/scripts/e2e.sh"
