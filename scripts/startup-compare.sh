#!/usr/bin/env bash
# Fakturera's start-up beside an empty Tauri 2 window built from the same Cargo.lock, measured
# side by side in one run on a private Xvfb display: from spawn to the first steady frame (the
# screen grabbed continuously until it stops changing, a blinking caret ignored; see
# scripts/startup/first_steady_frame.py), and the PSS of each program's processes 5 s after spawn.
# Runs alternate (empty, Fakturera, empty, …) so a busy moment hurts both alike. Each run's steady
# frame is saved as target/startup-bench/{empty,fakturera}-RUN.png, to see what was timed. Fakturera opens a
# fresh copy of the demo company each run and draws its first screen, Översikt, with its figures.
#
# Usage: scripts/startup-compare.sh [RUNS]      RUNS per program, 8 unless given
# Not part of the test run (it measures, it does not judge); docs/benchmarks.md keeps its figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

runs="${1:-8}"
work="$CARGO_TARGET_DIR/startup-bench"
mkdir -p "$work"

log "==> building Fakturera (release, UI embedded) and the CLI"
npm --prefix ui run build >/dev/null
cargo build --release -p fakturera-desktop --features "$DESKTOP_FEATURES"
cargo build --release -p fakturera-cli

log "==> building the empty window from a copy of Cargo.lock"
rm -rf "$work/empty-window"
cp -r scripts/startup/empty-window "$work/empty-window"
cp Cargo.lock "$work/empty-window/Cargo.lock"
mkdir -p "$work/empty-window/icons"
cp src-tauri/icons/32x32.png src-tauri/icons/128x128.png "$work/empty-window/icons/"
(cd "$work/empty-window" && cargo build --release)

log "==> the frame grabber's Python environment"
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet python-xlib==0.33
fi

log "==> the demo company"
rm -rf "$work/demo.fakturera"*
"$CARGO_TARGET_DIR/release/fakturera" --db "$work/demo.fakturera" demo >/dev/null

display_number=$((90 + RANDOM % 400))
export DISPLAY=":$display_number"
trap stop_background_processes EXIT
start_background Xvfb "$work/xvfb.log" Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp
wait_until 20 "Xvfb on $DISPLAY" test -S "/tmp/.X11-unix/X$display_number"

# Both programs get the same private folders, so neither reads the caches of a desktop session.
export XDG_CONFIG_HOME="$work/xdg/config" XDG_CACHE_HOME="$work/xdg/cache" XDG_DATA_HOME="$work/xdg/data"
export NO_AT_BRIDGE=1
# No keychain service on a bare display: the demo company has no AutoInvoice keys to read anyway.
export FAKTURERA_KEYCHAIN=env
export FAKTURERA_RECENT_COMPANIES="$work/recent-companies.json"

measure() {
  "$work/venv/bin/python" scripts/startup/first_steady_frame.py "$@"
}

results="$work/results.jsonl"
: >"$results"
for run in $(seq 1 "$runs"); do
  export STEADY_SCREENSHOT="$work/empty-$run.png"
  empty="$(measure "$CARGO_TARGET_DIR/release/empty-window")"
  # The empty window painted on the CPU too, as Fakturera asks WebKitGTK to (src-tauri/src/
  # painting.rs): so the ratio can also be read against an empty window painted the same way.
  export STEADY_SCREENSHOT="$work/empty-cpu-painted-$run.png"
  cpu_painted="$(WEBKIT_SKIA_ENABLE_CPU_RENDERING=1 measure "$CARGO_TARGET_DIR/release/empty-window")"
  rm -rf "$work/run.fakturera"*
  cp "$work/demo.fakturera" "$work/run.fakturera"
  export STEADY_SCREENSHOT="$work/fakturera-$run.png"
  fakturera="$(measure "$CARGO_TARGET_DIR/release/fakturera-desktop" --db "$work/run.fakturera")"
  log "    run $run: empty $empty, empty CPU-painted $cpu_painted, Fakturera $fakturera"
  printf '{"program": "empty", "run": %s, "result": %s}\n' "$run" "$empty" >>"$results"
  printf '{"program": "cpu-painted", "run": %s, "result": %s}\n' "$run" "$cpu_painted" >>"$results"
  printf '{"program": "fakturera", "run": %s, "result": %s}\n' "$run" "$fakturera" >>"$results"
done

python3 - "$results" <<'PYTHON'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def figures(program):
    results = [row["result"] for row in rows if row["program"] == program]
    steady = [result["steady_ms"] for result in results if result["steady_ms"] is not None]
    if len(steady) < len(results):
        sys.exit(f"{program}: {len(results) - len(steady)} run(s) never came to a steady frame")
    return statistics.median(steady), statistics.median(result["pss_mib"] for result in results)
empty_ms, empty_pss = figures("empty")
cpu_ms, cpu_pss = figures("cpu-painted")
app_ms, app_pss = figures("fakturera")
print(f"empty Tauri window:                median {empty_ms:.0f} ms to a steady frame, {empty_pss:.0f} MiB PSS at 5 s")
print(f"empty window painted on the CPU:   median {cpu_ms:.0f} ms to a steady frame, {cpu_pss:.0f} MiB PSS at 5 s")
print(f"Fakturera (demo, painted on CPU):  median {app_ms:.0f} ms to a steady frame, {app_pss:.0f} MiB PSS at 5 s")
print(f"ratio to the empty window: {app_ms / empty_ms:.2f}x the time, {app_pss / empty_pss:.2f}x the memory")
print(f"ratio to the empty window painted on the CPU: {app_ms / cpu_ms:.2f}x the time, {app_pss / cpu_pss:.2f}x the memory")
PYTHON
