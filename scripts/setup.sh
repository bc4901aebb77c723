#!/usr/bin/env bash
# Installs what building, running and testing Fakturera needs on Debian/Ubuntu, and only what is
# missing: system packages, Rust, Node packages of ui/ and tests/e2e/, tauri-driver.
# Safe to run again; a second run on a ready machine takes a few seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_PACKAGES=(
  # Building the Tauri app (WebKitGTK 4.1, GTK 3) and its .deb.
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libssl-dev pkg-config build-essential file libxdo-dev
  curl ca-certificates git
  # The real window under Xvfb, driven through WebDriver, with a private D-Bus session.
  xvfb xauth webkit2gtk-driver dbus-daemon dbus-x11 imagemagick fonts-dejavu-core
  # End-to-end specs read and seed the company file with Python's sqlite3.
  python3
  # Keychain and PDF checks used by later test steps.
  gnome-keyring libsecret-tools poppler-utils
  # Printing tests: a private CUPS scheduler with a virtual PDF printer (scripts/with-cups.sh).
  cups cups-client printer-driver-cups-pdf
)
NODE_MINIMUM="20.19.0"

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt: all ${#APT_PACKAGES[@]} packages present"
    return
  fi
  log "apt: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

ensure_node() {
  local version
  version="$(node --version 2>/dev/null | sed 's/^v//' || true)"
  if [ -z "$version" ]; then
    log "node: not found, installing Debian's nodejs and npm"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
    version="$(node --version | sed 's/^v//')"
  fi
  version_at_least "$version" "$NODE_MINIMUM" ||
    die "Node.js $version is too old; Vite needs $NODE_MINIMUM or newer. Install Node 20 LTS or 22 LTS (https://nodejs.org or NodeSource) and run this again."
  log "node: $version"
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    log "rust: not found, installing the stable toolchain with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
  log "rust: $(rustc --version)"
}

# npm ci only when the lock file changed since the last install.
npm_ci() {
  local folder="$REPO_ROOT/$1"
  if [ -f "$folder/node_modules/.package-lock.json" ] && [ "$folder/node_modules/.package-lock.json" -nt "$folder/package-lock.json" ]; then
    log "npm: $1 up to date"
    return
  fi
  log "npm: installing $1"
  npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
}

ensure_tauri_driver() {
  if command -v tauri-driver >/dev/null; then
    log "tauri-driver: $(command -v tauri-driver)"
    return
  fi
  log "tauri-driver: installing with cargo"
  cargo install tauri-driver --locked
}

install_apt_packages
ensure_node
ensure_rust
npm_ci ui
npm_ci tests/e2e
ensure_tauri_driver
log "setup: ready"
