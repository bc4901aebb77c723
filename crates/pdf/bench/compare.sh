#!/usr/bin/env bash
# Renders the same 1-page and 10-page invoice with Fakturera's renderer and with the HTML-to-PDF
# engines other invoicing tools use, and prints median time per invoice, peak memory and ratios.
#
#   crates/pdf/bench/compare.sh            # 200 runs of everything
#   RUNS_EXTERNAL=20 crates/pdf/bench/compare.sh   # fewer runs of the slow external engines
#   RUNS_WEASYPRINT=50 crates/pdf/bench/compare.sh # fewer runs of one engine (RUNS_CHROMIUM, ...)
#   ENGINES=chromium crates/pdf/bench/compare.sh   # only some of the external engines
#
# It also times a whole `fakturera invoices pdf ID --out F` process (RUNS_CLI times, 200 unless
# given) on the demo company: what a user or a script waits for, opening the company file and
# writing the file included, with ten runs of Chromium's 1-page invoice in between.
#
# Installs what it needs from Debian (chromium, wkhtmltopdf, php-dompdf, weasyprint); an engine
# that does not install is reported as such and skipped.
set -euo pipefail

RUNS=${RUNS:-200}
RUNS_EXTERNAL=${RUNS_EXTERNAL:-$RUNS}
RUNS_CLI=${RUNS_CLI:-200}
ENGINES=${ENGINES:-chromium wkhtmltopdf dompdf weasyprint}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
  [ -f /usr/share/php/dompdf/autoload.php ] || missing+=(php-cli php-dompdf)
  command -v weasyprint >/dev/null || missing+=(weasyprint)
  command -v /usr/bin/time >/dev/null || missing+=(time)
  fc-list | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null || true
  fi
fi

cargo build --release -q -p fakturera-pdf --example bench
BENCH="$CARGO_TARGET_DIR/release/examples/bench"
"$BENCH" html "$WORK"

cat > "$WORK/dompdf.php" <<'PHP'
<?php
require '/usr/share/php/dompdf/autoload.php';
$dompdf = new Dompdf\Dompdf(['isRemoteEnabled' => false]);
$dompdf->loadHtml(file_get_contents($argv[1]));
$dompdf->setPaper('A4');
$dompdf->render();
file_put_contents($argv[2], $dompdf->output());
PHP

# Median of the numbers on stdin.
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# engine_command NAME HTML PDF -> the command line rendering HTML to PDF with that engine.
engine_command() {
  case "$1" in
    chromium) echo "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer --print-to-pdf=$3 file://$2" ;;
    wkhtmltopdf) echo "wkhtmltopdf --quiet --disable-smart-shrinking --page-size A4 $2 $3" ;;
    dompdf) echo "php $WORK/dompdf.php $2 $3" ;;
    weasyprint) echo "weasyprint $2 $3" ;;
  esac
}

available() {
  case "$1" in
    dompdf) command -v php >/dev/null && [ -f /usr/share/php/dompdf/autoload.php ] ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

declare -A MEDIAN_MS CPU_MS PEAK_KB PAGES RUNS_OF
for size in 1 10; do
  printf '%s\n' "Measuring Fakturera, $size-page invoice ($RUNS runs in one process)..." >&2
  /usr/bin/time -f '%U %S %M' -o "$WORK/fakturera.time" "$BENCH" "$RUNS" "$size" > "$WORK/fakturera.out"
  line=$(grep "fakturera $size-page" "$WORK/fakturera.out")
  us=$(sed -E 's/.*median_us=([0-9]+).*/\1/' <<<"$line")
  MEDIAN_MS[fakturera,$size]=$(awk -v us="$us" 'BEGIN { printf "%.2f", us / 1000 }')
  PAGES[fakturera,$size]=$(sed -E 's/.*pages=([0-9]+).*/\1/' <<<"$line")
  read -r user sys peak < "$WORK/fakturera.time"
  # CPU time of the whole process (font parsing included) shared out over its renders.
  CPU_MS[fakturera,$size]=$(awk -v u="$user" -v s="$sys" -v n="$RUNS" 'BEGIN { printf "%.2f", (u + s) * 1000 / (n + 1) }')
  PEAK_KB[fakturera,$size]=$peak
  RUNS_OF[fakturera,$size]=$RUNS
done
# A cold start too: one render in a fresh process, as a CLI call would do it.
cold=$( { /usr/bin/time -f '%e' "$BENCH" 1 1 >/dev/null; } 2>&1 | tail -1)

# The whole CLI process, timed from Python so no helper process sits inside the interval. When
# Chromium is there, its 1-page invoice runs in between (one Chromium run, then a tenth of the CLI
# runs, and so on), so that a slow minute of a shared machine weighs on both figures alike.
printf '%s\n' "Measuring the fakturera CLI process ($RUNS_CLI runs) beside Chromium..." >&2
cargo build --release -q -p fakturera-cli
"$CARGO_TARGET_DIR/release/fakturera" --db "$WORK/demo.fakturera" demo --today 2026-11-26 >/dev/null
side_engine=""
if [[ " $ENGINES " == *" chromium "* ]] && available chromium; then
  side_engine=$(engine_command chromium "$WORK/invoice-1.html" "$WORK/side-chromium.pdf")
fi
read -r CLI_MS CLI_CPU_MS SIDE_MS < <(python3 - "$CARGO_TARGET_DIR/release/fakturera" "$WORK" "$RUNS_CLI" "$side_engine" <<'PYTHON'
import resource, statistics, subprocess, sys, time
cli, work, runs, side = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split()
command = [cli, "--db", f"{work}/demo.fakturera", "invoices", "pdf", "41", "--out", f"{work}/cli.pdf"]
subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
walls, side_walls, cpu = [], [], 0.0
rounds = 10 if side else 1
for round in range(rounds):
    if side:
        start = time.perf_counter()
        subprocess.run(side, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        side_walls.append((time.perf_counter() - start) * 1000)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs // rounds + (round < runs % rounds)):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        walls.append((time.perf_counter() - start) * 1000)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
side_median = f"{statistics.median(side_walls):.0f}" if side_walls else "-"
print(f"{statistics.median(walls):.2f} {cpu * 1000 / len(walls):.2f} {side_median}")
PYTHON
)

for engine in $ENGINES; do
  if ! available "$engine"; then
    echo "$engine: not installed, skipped" >&2
    continue
  fi
  runs_name="RUNS_${engine^^}"
  runs=${!runs_name:-$RUNS_EXTERNAL}
  for size in 1 10; do
    html="$WORK/invoice-$size.html"
    pdf="$WORK/$engine-$size.pdf"
    cmd=$(engine_command "$engine" "$html" "$pdf")
    printf '%s\n' "Measuring $engine, $size-page invoice ($runs runs)..." >&2
    : > "$WORK/wall"; : > "$WORK/cpu"; : > "$WORK/peak"
    RUNS_OF[$engine,$size]=$runs
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      /usr/bin/time -f '%U %S %M' -o "$WORK/one.time" $cmd >/dev/null 2>&1 || true
      end=$(date +%s%N)
      echo $(( (end - start) / 1000 )) >> "$WORK/wall"
      read -r user sys peak < <(tail -1 "$WORK/one.time")
      awk -v u="$user" -v s="$sys" 'BEGIN { print (u + s) * 1000 }' >> "$WORK/cpu"
      echo "$peak" >> "$WORK/peak"
    done
    MEDIAN_MS[$engine,$size]=$(median < "$WORK/wall" | awk '{ printf "%.0f", $1 / 1000 }')
    CPU_MS[$engine,$size]=$(median < "$WORK/cpu" | awk '{ printf "%.0f", $1 }')
    PEAK_KB[$engine,$size]=$(sort -n "$WORK/peak" | tail -1)
    PAGES[$engine,$size]=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  done
done

echo
echo "Machine: $(nproc) cores, $(uname -sr); Fakturera runs: $RUNS, external runs: $RUNS_EXTERNAL"
echo "Fakturera cold start (one process, one 1-page invoice, including font parsing): ${cold} s"
echo "fakturera invoices pdf 41 --out F (whole process, demo company, $RUNS_CLI runs): median ${CLI_MS} ms wall, ${CLI_CPU_MS} ms CPU"
if [ "$SIDE_MS" != "-" ]; then
  awk -v c="$SIDE_MS" -v f="$CLI_MS" 'BEGIN { printf "  headless Chromium, 1-page invoice, 10 runs in between: %s ms wall = %.0f× the CLI process (target: at least 100×, i.e. the CLI at most %.2f ms)\n", c, c / f, c / 100 }'
fi
echo
echo "| Renderer | Invoice | Pages | Runs | Median wall time | CPU time | Peak memory | Wall vs Fakturera | CPU vs Fakturera |"
echo "|---|---|---|---|---|---|---|---|---|"
for engine in fakturera chromium wkhtmltopdf dompdf weasyprint; do
  for size in 1 10; do
    [ -n "${MEDIAN_MS[$engine,$size]:-}" ] || continue
    wall=$(awk -v a="${MEDIAN_MS[$engine,$size]}" -v b="${MEDIAN_MS[fakturera,$size]}" 'BEGIN { printf "%.0f×", a / b }')
    cpu=$(awk -v a="${CPU_MS[$engine,$size]}" -v b="${CPU_MS[fakturera,$size]}" 'BEGIN { printf "%.0f×", a / b }')
    mem=$(awk -v kb="${PEAK_KB[$engine,$size]:-0}" 'BEGIN { printf "%.0f MB", kb / 1024 }')
    echo "| $engine | $size-page | ${PAGES[$engine,$size]:-?} | ${RUNS_OF[$engine,$size]} | ${MEDIAN_MS[$engine,$size]} ms | ${CPU_MS[$engine,$size]} ms | $mem | $wall | $cpu |"
  done
done
