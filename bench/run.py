#!/usr/bin/env python3
"""Measures a release build of salesd against its goals and its peers; writes BENCHMARKS.md.

    python3 bench/run.py --salesd PATH [--only SECTION ...] [--output FILE]

BENCH_QUICK=1 makes a short smoke run (fewer iterations, a 5 s idle window) that only checks
the script works; BENCH_IDLE_SECONDS sets the idle window (default 60). Needs root: it installs
the peers (remind, cron, hyperfine) when missing, runs cron in a private mount namespace and
starts a journald when none answers. The C helpers in bench/c (an interleaving process timer
and a C Varlink client, the floor of a Status call) are compiled with cc into the run's folder.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402
import sections  # noqa: E402
from processes import Journald, compile_helpers, ensure_packages  # noqa: E402

SECTIONS = ("idle", "lateness", "done", "scale", "minutely")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--salesd", required=True, help="the release salesd binary")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS),
                        help="run only these sections (idle also covers memory, Status and ctl status)")
    parser.add_argument("--output", default=None, help="where to write the report (default BENCHMARKS.md "
                                                        "for a full run, stdout otherwise)")
    args = parser.parse_args()

    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
    idle_seconds = float(os.environ.get("BENCH_IDLE_SECONDS") or ("5" if quick else "60"))
    binary = Path(args.salesd).resolve()
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: no salesd binary at {binary} (build it: swift build -c release --product salesd)")
    # make bench installs these itself (bench.mk); run alone, the script does.
    ensure_packages({"remind": "remind", "cron": "cron", "hyperfine": "hyperfine", "sqlite3": "sqlite3",
                     "journalctl": "systemd", "busctl": "systemd", "task": "taskwarrior", "cc": "gcc", "valgrind": "valgrind",
                     "perf": "linux-perf"})

    root = Path(tempfile.mkdtemp(prefix="salesd-bench-"))  # short: socket paths must fit 108 bytes
    context = sections.Context(binary=binary, root=root, quick=quick, idle_seconds=idle_seconds,
                               helpers=compile_helpers(root))
    journald = Journald()
    started = time.monotonic()
    results = {}
    try:
        machine = report.machine(binary)
        for name in args.only:
            print(f"bench: {name} …", flush=True)
            section_started = time.monotonic()
            results[name] = getattr(sections, f"bench_{name}")(context)
            print(f"bench: {name} done in {time.monotonic() - section_started:.0f} s", flush=True)
        machine["duration"] = time.monotonic() - started
        machine["load_after"] = os.getloadavg()
        machine["quick"] = quick
        machine["only"] = None if list(args.only) == list(SECTIONS) else args.only
        text = report.render(machine, results, idle_seconds)
    finally:
        context.cleanup()
        journald.stop()
        shutil.rmtree(root, ignore_errors=True)

    output = args.output or ("BENCHMARKS.md" if list(args.only) == list(SECTIONS) else "-")
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text)
        print(f"bench: wrote {output} ({time.monotonic() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
