# Builds ui/dist, which the desktop binary embeds (the cargo steps below need it).
source "$REPO_ROOT/scripts/lib.sh"
npm --prefix "$REPO_ROOT/ui" run --silent build
