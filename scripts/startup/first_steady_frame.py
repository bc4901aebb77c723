"""Times one program from spawn to its first steady frame on an X display, and its memory.

Usage: first_steady_frame.py COMMAND [ARG...]   (DISPLAY must name a running Xvfb)

Grabs the whole screen as fast as it can from the moment before the program is spawned, and
notes when each grab differs from the one before. A change no wider than a text caret (at most
3 pixels wide and 40 high) is ignored, so a blinking caret does not keep the window "moving".
The first steady frame is the last real change before the screen stays still for STEADY_SECONDS.
Five seconds after the spawn it sums the proportional set size (PSS) of the program and every
process it started (WebKit's web and network processes), then stops them all.

With STEADY_SCREENSHOT=FILE.png it saves the screen as it stands at 5 s, to see what was timed;
with STEADY_FRAMES_DIR=DIR it also saves every changed frame (slowing the grabbing, so only to look).
Prints one JSON line: {"steady_ms": …, "changes": …, "change_ms": [when each change came], "pss_mib": …}.
"""

import json
import os
import signal
import subprocess
import sys
import time

from Xlib import X, display

STEADY_SECONDS = 1.5
GIVE_UP_SECONDS = 30.0
MEMORY_AT_SECONDS = 5.0
BLOCK = 16  # pixels compared at a time when finding how wide a change is


def is_real_change(before, after, width, height):
    """True when the frames differ by more than a caret could: a change taller than 40 pixels, or
    wider than one block of BLOCK pixels."""
    stride = width * 4
    rows = [y for y in range(height) if before[y * stride:(y + 1) * stride] != after[y * stride:(y + 1) * stride]]
    if not rows:
        return False
    if rows[-1] - rows[0] >= 40:
        return True
    columns = set()
    for y in rows:
        start = y * stride
        for x in range(0, width, BLOCK):
            a = start + x * 4
            if before[a:a + BLOCK * 4] != after[a:a + BLOCK * 4]:
                columns.add(x)
    # A caret may straddle two neighbouring blocks.
    return max(columns) - min(columns) > BLOCK


def descendants(pid):
    """`pid` and every process below it."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def pss_mib(pids):
    total_kib = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total_kib += int(line.split()[1])
        except OSError:
            continue
    return total_kib / 1024


def main():
    command = sys.argv[1:]
    screen = display.Display().screen()
    root = screen.root
    width, height = screen.width_in_pixels, screen.height_in_pixels

    def grab():
        return root.get_image(0, 0, width, height, X.ZPixmap, 0xFFFFFFFF).data

    previous = grab()
    started = time.monotonic()
    program = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last_change = None
    changes = 0
    change_times = []
    while True:
        frame = grab()
        now = time.monotonic() - started
        if frame != previous:
            if is_real_change(previous, frame, width, height):
                last_change = now
                changes += 1
                change_times.append(round(now * 1000))
                if os.environ.get("STEADY_FRAMES_DIR"):
                    subprocess.run(["import", "-window", "root", f"{os.environ['STEADY_FRAMES_DIR']}/{changes:02d}-{round(now * 1000)}ms.png"], check=False)
            previous = frame
        if last_change is not None and now - last_change >= STEADY_SECONDS:
            break
        if now >= GIVE_UP_SECONDS or program.poll() is not None:
            last_change = None
            break
    wait = MEMORY_AT_SECONDS - (time.monotonic() - started)
    if wait > 0:
        time.sleep(wait)
    memory = pss_mib(descendants(program.pid))
    # What the steady frame looked like (ImageMagick's import), when asked for.
    if os.environ.get("STEADY_SCREENSHOT"):
        subprocess.run(["import", "-window", "root", os.environ["STEADY_SCREENSHOT"]], check=False)
    os.killpg(program.pid, signal.SIGTERM)
    program.wait()
    print(json.dumps({
        "steady_ms": None if last_change is None else round(last_change * 1000, 1),
        "changes": changes,
        "change_ms": change_times,
        "pss_mib": round(memory, 1),
    }))


if __name__ == "__main__":
    main()
