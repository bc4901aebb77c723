# Shared by the scripts in this folder: where things are, logging, and starting background
# processes that are always stopped again (by PID, from an EXIT trap).
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# CI leaves CARGO_TARGET_DIR unset, so builds land in ./target; developers may point it elsewhere.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# The desktop binary is always built with the UI embedded; building and testing with the same
# features keeps cargo from compiling tauri twice.
DESKTOP_FEATURES="tauri/custom-protocol"
DESKTOP_BINARY="$CARGO_TARGET_DIR/debug/fakturera-desktop"

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# PIDs started with start_background, stopped in reverse order by stop_background_processes.
BACKGROUND_PIDS=()
BACKGROUND_NAMES=()

# start_background NAME LOGFILE COMMAND...: starts COMMAND in the background in its own process
# group (so its children go with it) and remembers its PID.
start_background() {
  local name="$1" logfile="$2"
  shift 2
  setsid "$@" >"$logfile" 2>&1 &
  BACKGROUND_PIDS+=("$!")
  BACKGROUND_NAMES+=("$name")
  log "    started $name (pid $!, log $logfile)"
}

# Stops every process start_background started: TERM to its process group, then KILL after a
# grace period; waits for each so nothing outlives the script.
stop_background_processes() {
  local index pid
  for ((index = ${#BACKGROUND_PIDS[@]} - 1; index >= 0; index--)); do
    pid="${BACKGROUND_PIDS[$index]}"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -KILL -- "-$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      log "    stopped ${BACKGROUND_NAMES[$index]} (pid $pid)"
    fi
  done
  BACKGROUND_PIDS=()
  BACKGROUND_NAMES=()
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds or the deadline passes.
wait_until() {
  local seconds="$1" description="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${seconds}s waiting for $description"
      return 1
    fi
    sleep 0.2
  done
}
