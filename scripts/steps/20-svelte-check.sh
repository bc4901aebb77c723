# TypeScript and Svelte diagnostics of the UI; warnings fail too.
source "$REPO_ROOT/scripts/lib.sh"
npm --prefix "$REPO_ROOT/ui" run --silent check
