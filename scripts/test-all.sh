#!/usr/bin/env bash
# Runs every check Fakturera has, as named steps, and ends with a one-line summary.
#
# The steps are the files in scripts/steps/, run in name order (NN-name.sh); a new check is a new
# file there. Each runs in its own bash with `set -euo pipefail` and the variables of lib.sh, and
# must stop whatever it starts. The first failing step ends the run.
#
# Usage: scripts/test-all.sh              all steps
#        scripts/test-all.sh clippy e2e   only the steps with these names
# FAKTURERA_SKIP_SETUP=1 skips the setup step (.ci/run has just done it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

wanted=("$@")
steps=()
for file in "$REPO_ROOT"/scripts/steps/[0-9][0-9]-*.sh; do
  name="$(basename "$file" .sh)"
  name="${name#[0-9][0-9]-}"
  if [ "${#wanted[@]}" -gt 0 ] && [[ " ${wanted[*]} " != *" $name "* ]]; then
    continue
  fi
  if [ "$name" = setup ] && [ "${FAKTURERA_SKIP_SETUP:-0}" = 1 ]; then
    continue
  fi
  steps+=("$file")
done
[ "${#steps[@]}" -gt 0 ] || die "no step matches: ${wanted[*]} (see scripts/steps/)"

# A step killed by Ctrl-C or a timeout must not leave its children behind.
current_step_pid=""
on_signal() {
  if [ -n "$current_step_pid" ]; then
    kill -TERM -- "-$current_step_pid" 2>/dev/null || true
    wait "$current_step_pid" 2>/dev/null || true
  fi
  exit 130
}
trap on_signal INT TERM

started=$SECONDS
passed=0
failed=0
failed_name=""
report=()
total=${#steps[@]}
index=0
for file in "${steps[@]}"; do
  index=$((index + 1))
  name="$(basename "$file" .sh)"
  name="${name#[0-9][0-9]-}"
  log ""
  log "==> [$index/$total] $name"
  step_started=$SECONDS
  # Its own process group, so on_signal can stop the whole step.
  setsid bash -euo pipefail "$file" &
  current_step_pid=$!
  status=0
  wait "$current_step_pid" || status=$?
  current_step_pid=""
  seconds=$((SECONDS - step_started))
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    report+=("$(printf '  %-16s ok      %4ss' "$name" "$seconds")")
  else
    failed=$((failed + 1))
    failed_name="$name"
    report+=("$(printf '  %-16s FAILED  %4ss (exit %s)' "$name" "$seconds" "$status")")
    break
  fi
done

elapsed=$((SECONDS - started))
log ""
log "steps:"
printf '%s\n' "${report[@]}" >&2
skipped=$((total - passed - failed))
if [ "$failed" -eq 0 ]; then
  log "test result: ok. $passed passed; 0 failed; $skipped skipped; finished in ${elapsed}s"
else
  log "test result: FAILED. $passed passed; $failed failed ($failed_name); $skipped skipped; finished in ${elapsed}s"
  exit 1
fi
