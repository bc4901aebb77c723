#!/usr/bin/env bash
# Runs tests/e2e against the built desktop binary in a real window: a private Xvfb display, a
# private D-Bus session, tauri-driver with WebKitWebDriver, and a fresh company file per spec. Every process
# it starts is stopped by PID when it exits, pass or fail.
#
# Usage: scripts/e2e.sh [wdio arguments, e.g. --spec specs/shell.e2e.js]
# Expects the binary from `cargo build -p fakturera-desktop --features tauri/custom-protocol`
# (scripts/test-all.sh builds it first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -x "$DESKTOP_BINARY" ] || die "$DESKTOP_BINARY is missing; build it with: npm --prefix ui run build && cargo build -p fakturera-desktop --features $DESKTOP_FEATURES"

# Inside the private D-Bus session (see below): start tauri-driver, run the specs, stop it.
if [ "${1:-}" = "--inside-dbus" ]; then
  shift
  trap stop_background_processes EXIT
  start_background tauri-driver "$E2E_WORK/tauri-driver.log" \
    tauri-driver --port "$TAURI_DRIVER_PORT" --native-port "$NATIVE_DRIVER_PORT" --native-driver /usr/bin/WebKitWebDriver
  wait_until 30 "tauri-driver on port $TAURI_DRIVER_PORT" \
    bash -c "exec 3<>/dev/tcp/127.0.0.1/$TAURI_DRIVER_PORT"
  status=0
  npm --prefix "$REPO_ROOT/tests/e2e" run --silent wdio -- "$@" || status=$?
  exit "$status"
fi

command -v tauri-driver >/dev/null || die "tauri-driver is missing; run scripts/setup.sh"

E2E_WORK="$(mktemp -d -t fakturera-e2e.XXXXXX)"
export E2E_WORK
# Pick a display and ports nobody else uses, so parallel runs do not collide.
display_number=$((100 + RANDOM % 400))
while [ -e "/tmp/.X11-unix/X$display_number" ] || [ -e "/tmp/.X$display_number-lock" ]; do
  display_number=$((display_number + 1))
done
export DISPLAY=":$display_number"
export TAURI_DRIVER_PORT="${TAURI_DRIVER_PORT:-$((20000 + RANDOM % 20000))}"
export NATIVE_DRIVER_PORT="$((TAURI_DRIVER_PORT + 1))"
export FAKTURERA_DB="$E2E_WORK/company.fakturera"
# "Spara PDF", "Spara e-faktura" and "Förhandsgranska" write here instead of a native dialog or viewer.
export FAKTURERA_DOCUMENTS_DIR="$E2E_WORK/documents"
mkdir -p "$FAKTURERA_DOCUMENTS_DIR"
# "Importera…" reads this file instead of asking with a native dialog; the recent-companies list
# lives here instead of in the user's own settings.
export FAKTURERA_IMPORT_FILE="$E2E_WORK/import.xlsx"
export FAKTURERA_RECENT_COMPANIES="$E2E_WORK/recent-companies.json"
export FAKTURERA_APP_BINARY="$DESKTOP_BINARY"
# AutoInvoice keys typed in the window stay in the app's memory: the private D-Bus session has no
# unlocked keyring (the Secret Service round trip is tested on its own, see scripts/steps).
export FAKTURERA_KEYCHAIN=memory
# Keep GTK from starting the accessibility bus, which would outlive the window.
export NO_AT_BRIDGE=1
mkdir -p "$REPO_ROOT/tests/e2e/screenshots"

cleanup() {
  local status=$?
  stop_background_processes
  # The app's own output (its stderr goes through tauri-driver) says what Rust saw when a spec failed.
  if [ "$status" -ne 0 ] && [ -s "$E2E_WORK/tauri-driver.log" ]; then
    log "    e2e failed; the last lines from tauri-driver and the app:"
    tail -n 60 "$E2E_WORK/tauri-driver.log" >&2
  fi
  rm -rf "$E2E_WORK"
}
trap cleanup EXIT

start_background Xvfb "$E2E_WORK/xvfb.log" Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp
wait_until 20 "Xvfb on $DISPLAY" test -S "/tmp/.X11-unix/X$display_number"

# dbus-run-session ends its bus when the command inside it ends.
log "    e2e: display $DISPLAY, tauri-driver port $TAURI_DRIVER_PORT, company file $FAKTURERA_DB"
dbus-run-session -- "$0" --inside-dbus "$@"
