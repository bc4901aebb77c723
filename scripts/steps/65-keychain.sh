# A real round trip through the Secret Service: a private D-Bus session with a new gnome-keyring,
# unlocked, and the feature-gated keychain tests of the app crate. The keyring lives in a temporary
# XDG_DATA_HOME so a keyring left by an earlier run (with another password) cannot interfere;
# dbus-run-session stops the bus and the keyring daemon when the tests end.
source "$REPO_ROOT/scripts/lib.sh"
cd "$REPO_ROOT"
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -euo pipefail -c '
  printf "%s" "fakturera-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cargo test -p fakturera-app --features os-keychain-tests --test os_keychain
'
