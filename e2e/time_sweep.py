"""Compares `salesd check-config --from D --days N --json` with the time oracle, case by case.

    python e2e/time_sweep.py SALESD_BIN [--every N] [--zones A,B] [--jobs 2] [--wrong RULE]

Every zone of the oracle's tzdata, every UTC offset change from 2005 to 2037: for each change a
plan that covers it (see `time_oracle.case_plan`), listed over the change day ±1 and over the
change day alone. `--every N` takes every Nth change only (the sample `make test` runs). Prints
the discrepancies and a summary; exits 1 when there is any.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import time_oracle  # noqa: E402


def check_case(binary, zone, plan, first_day, days, wrong=None, mutate=None):
    """(rows compared, discrepancies) for one check-config listing."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(plan, f)
        path = f.name
    try:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir(), "TZ": "UTC"}
        run = subprocess.run([binary, "check-config", path, "--from", first_day.isoformat(), "--days", str(days), "--json"],
                             capture_output=True, text=True, env=env)
    finally:
        os.unlink(path)
    where = f"{zone} --from {first_day} --days {days}"
    if run.returncode != 0:
        return 0, [f"{where}: check-config exited {run.returncode}: {run.stdout[-400:]}{run.stderr[-400:]}"]
    report = json.loads(run.stdout)
    actual = report["reminders"]
    if mutate:
        actual = mutate(actual)
    expected = time_oracle.reminders(plan, first_day, days, wrong=wrong)
    problems = time_oracle.compare(expected, actual)
    if report.get("timeZone") != zone:
        problems.append(f"check-config ran the plan in {report.get('timeZone')!r}")
    return len(expected), [f"{where}: {p}" for p in problems]


def _worker(args):
    binary, zone, plan, first_day, days, wrong = args
    return zone, first_day, check_case(binary, zone, plan, first_day, days, wrong)


def sweep(binary, zones, every=1, jobs=2, wrong=None, first_year=2005, last_year=2037, limit=None, thin=1):
    """Runs every case; returns a summary dict with the discrepancies."""
    started = time.monotonic()
    work = [(binary, z, p, d, n, wrong) for z, p, d, n in time_oracle.cases(zones, first_year, last_year, every, thin)]
    if limit:
        work = work[:limit]
    summary = {"cases": 0, "rows": 0, "zones": set(), "years": set(), "problems": []}
    summary["changes"] = sum(1 for case in work if case[4] == 1)
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        for zone, first_day, (rows, problems) in pool.map(_worker, work, chunksize=8):
            summary["cases"] += 1
            summary["rows"] += rows
            summary["zones"].add(zone)
            summary["years"].add(first_day.year)
            summary["problems"] += problems
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--every", type=int, default=1, help="take every Nth offset change")
    parser.add_argument("--zones", help="comma-separated zone names (default: every zone)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--wrong", help="run a deliberately wrong oracle rule (fall-back-second)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--thin", type=int, default=1,
                        help="zones whose changes repeat an earlier zone's take every Nth change (quicker)")
    args = parser.parse_args(argv)
    zones = args.zones.split(",") if args.zones else time_oracle.all_zones()
    s = sweep(args.binary, zones, args.every, args.jobs, args.wrong or time_oracle.WRONG, limit=args.limit, thin=args.thin)
    for problem in s["problems"][:200]:
        print(problem)
    by_zone = {}
    for problem in s["problems"]:
        zone = problem.split(" ", 1)[0]
        by_zone[zone] = by_zone.get(zone, 0) + 1
    if by_zone:
        print("discrepancies by zone: " + ", ".join(f"{z} {n}" for z, n in sorted(by_zone.items())))
    years = sorted(s["years"])
    print(f"time sweep: tzdata {time_oracle.tzdata_version()}, {s['cases']} cases, {s['rows']} reminders compared, {s['changes']} offset changes, "
          f"{len(s['zones'])} zones, years {years[0] if years else '-'}–{years[-1] if years else '-'}, "
          f"{len(s['problems'])} discrepancies, {s['seconds']} s")
    return 1 if s["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
