# The UI's unit tests.
source "$REPO_ROOT/scripts/lib.sh"
npm --prefix "$REPO_ROOT/ui" run --silent test
