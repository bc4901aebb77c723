#!/usr/bin/env bash
# Runs a command with a private CUPS scheduler that has one virtual PDF printer (Debian's
# cups-pdf), the default printer, then stops the scheduler again. Printing tests use it to print
# through the app's real code path (`lp`), and read back the PDF the printer wrote.
#
#   scripts/with-cups.sh cargo test -p fakturera-app --test it documents::printing
#
# The command sees CUPS_SERVER (the private scheduler's socket) and FAKTURERA_TEST_PRINTER (the
# queue's name). cups-pdf writes each job to $HOME/PDF of the user who printed. The scheduler has
# its own folders under a temporary directory, so it leaves the system's CUPS alone and several
# runs can go side by side.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-cups.sh COMMAND [ARGS...]" >&2
  exit 2
fi
CUPSD=/usr/sbin/cupsd
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
for needed in "$CUPSD" "$PPD" /usr/lib/cups/backend/cups-pdf; do
  if [ ! -e "$needed" ]; then
    echo "with-cups: $needed is missing; run scripts/setup.sh (apt packages cups, printer-driver-cups-pdf)" >&2
    exit 1
  fi
done

work="$(mktemp -d /tmp/fakturera-cups.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work"/{root,spool,cache,state,log,run}
# The scheduler drops to the lp user for filters; its folders must be its.
chown -R lp "$work/spool" "$work/cache" "$work/state" 2>/dev/null || true
cp -r /etc/cups/ppd "$work/root/" 2>/dev/null || mkdir -p "$work/root/ppd"
cat >"$work/root/cupsd.conf" <<CONF
Listen $work/run/cups.sock
LogLevel warn
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cat >"$work/root/cups-files.conf" <<CONF
ServerRoot $work/root
RequestRoot $work/spool
CacheDir $work/cache
StateDir $work/state
TempDir $work/spool
ErrorLog $work/log/error_log
AccessLog $work/log/access_log
PageLog $work/log/page_log
User lp
Group lp
FileDevice Yes
CONF

"$CUPSD" -f -c "$work/root/cupsd.conf" -s "$work/root/cups-files.conf" >"$work/log/stdout" 2>&1 &
cupsd_pid=$!
stop() {
  kill "$cupsd_pid" 2>/dev/null || true
  wait "$cupsd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

export CUPS_SERVER="$work/run/cups.sock"
# Wait for the scheduler to answer (it is up in well under a second); give up if it died.
# `lpstat -r` exits 0 either way, so its words decide.
until [ "$(lpstat -r 2>/dev/null)" = "scheduler is running" ]; do
  if ! kill -0 "$cupsd_pid" 2>/dev/null; then
    echo "with-cups: cupsd did not start:" >&2
    cat "$work/log/stdout" "$work/log/error_log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.1
done
queue="Fakturera-PDF"
# PDF reaches cups-pdf as PostScript; made by pdftocairo it keeps its text layer, so the printed
# file can be read back with pdftotext (Ghostscript's conversion loses it).
lpadmin -p "$queue" -E -v cups-pdf:/ -P "$PPD" -o pdftops-renderer-default=pdftocairo 2>&1 \
  | { grep -v "drivers are deprecated" >&2 || true; }
lpadmin -d "$queue"
export FAKTURERA_TEST_PRINTER="$queue"
"$@"
