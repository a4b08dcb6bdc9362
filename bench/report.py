"""Renders the figures of one bench run as BENCHMARKS.md."""

import datetime as dt
import os
import platform
import subprocess
import tempfile

from processes import REPO

RUN = "python3 bench/run.py --salesd .build-release/release/salesd"
WEEKS12 = 'Varlink `Week` {"weeks": 12}'


def machine(binary):
    """Where and on what the figures were measured."""
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "Sources"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    filesystem = subprocess.run(["df", "--output=fstype", tempfile.gettempdir()], capture_output=True,
                                text=True).stdout.split()[-1]
    return {"date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), "commit": commit,
            "dirty": bool(dirty), "cores": os.cpu_count(), "cpu": cpu, "kernel": platform.release(),
            "filesystem": filesystem, "load_before": os.getloadavg(),
            "version": subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()}


def us(value):
    return f"{value:,.0f} µs" if value < 1000 else f"{value / 1000:,.2f} ms"


def ms(value):
    return f"{value:,.1f} ms" if value < 1000 else f"{value / 1000:,.2f} s"


def kib(value):
    return f"{value / 1024:.2f} MiB"


def met(ok):
    return "met" if ok else "**missed**"


def spread(p, fmt):
    """p50, p99 and max cells of a `percentiles` dict, or the error that stopped the calls."""
    if "error" in p:
        return (f"failed: {p['error']}", "", "")
    return (fmt(p["p50"]), fmt(p["p99"]), fmt(p["max"]))


def median(p, fmt):
    return f"failed: {p['error']}" if "error" in p else f"{fmt(p['p50'])} (median, {p['n']} runs)"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render(m, results, idle_seconds):
    out = ["# Benchmarks\n\n"]
    out.append(
        "Measured by `make bench`: a release build of salesd driven from outside by `bench/run.py`, "
        "with its peers started in the same run. Every figure below can be reproduced alone with "
        f"`{RUN} --only SECTION` (sections: idle, lateness, done, scale, minutely). The binary is "
        "a release build with the Swift runtime linked in (`--static-swift-stdlib`); libc, libsystemd and "
        "libsqlite3 stay shared. Peers run in the same run, interleaved with salesd where they are "
        "processes timed whole; figures are medians unless named otherwise.\n")
    if m["quick"]:
        out.append("\n> **Quick smoke run (BENCH_QUICK=1):** few iterations and a short idle window; "
                   "these figures only show the script works.\n")
    out.append("\n" + table(["", ""], [
        ("Date", m["date"]),
        ("salesd", f"`{m['commit']}`{' (with uncommitted changes in Sources)' if m['dirty'] else ''}, {m['version']}"),
        ("Machine", f"{m['cores']} cores, {m['cpu']}, Linux {m['kernel']}, temporary files on {m['filesystem']}"),
        ("Load average", f"{m['load_before'][0]:.2f} at start, {m['load_after'][0]:.2f} at the end "
                         "(other work shares this machine)"),
        ("Duration", f"{m['duration'] / 60:.1f} min, not counting the build"),
    ]))
    summary = []
    sections = []
    makers = {"idle": lambda r: idle_section(r, idle_seconds), "lateness": lateness_section,
              "done": done_section, "scale": scale_section, "minutely": minutely_section}
    for name, make in makers.items():
        if name in results:
            s, r = make(results[name])
            summary += s
            sections.append(r)
    out.append("\n## Goals\n\nTargets, not tests: a missed goal is a finding to act on. The peer's figure "
               "comes from the same run.\n\n")
    out.append(table(["Goal", "Target", "Measured", "Peer (same run)", "", "Reproduce"], summary))
    out += ["\n" + section for section in sections]
    return "".join(out)


def idle_section(r, idle_seconds):
    idle = r["idle"]
    salesd = idle["salesd"]
    rows = []
    for name in ("salesd", "remind -z1", "cron -f"):
        p = idle[name]
        rows.append((name, p["total"], p["threads"], p["cpu_ticks"], f"`{r['commands'][name]}`"))
    threads = ", ".join(f"{name} {count}" for name, count in sorted(salesd["per_thread"].items()))
    notes = ""
    if salesd["ended"] or salesd["started"]:
        notes = (f"\nThreads of salesd that ended during the window (their switches are not counted): "
                 f"{', '.join(salesd['ended']) or 'none'}; started: {', '.join(salesd['started']) or 'none'}.\n")
    mem = r["memory"]
    growth = mem["after_load"]["Private_Dirty"] - mem["idle"]["Private_Dirty"]
    growth_after_warmup = mem["after_load"]["Private_Dirty"] - mem["after_warmup"]["Private_Dirty"]
    memory_rows = [
        ("salesd", "idle", kib(mem["idle"]["Rss"]), kib(mem["idle"]["Private_Dirty"])),
        ("salesd", f"after {mem['warmup']:,} Status requests", kib(mem["after_warmup"]["Rss"]),
         kib(mem["after_warmup"]["Private_Dirty"])),
        ("salesd", f"after {mem['requests']:,} Status requests", kib(mem["after_load"]["Rss"]),
         kib(mem["after_load"]["Private_Dirty"])),
        ("remind -z1", "idle", kib(idle["remind -z1"]["memory"]["Rss"]),
         kib(idle["remind -z1"]["memory"]["Private_Dirty"])),
        ("cron -f", "idle", kib(idle["cron -f"]["memory"]["Rss"]), kib(idle["cron -f"]["memory"]["Private_Dirty"])),
    ]
    status = r["status"]
    ctl = r["ctl"]
    remind_mem, cron_mem = idle["remind -z1"]["memory"], idle["cron -f"]["memory"]
    ctl_status, busctl, task = ctl["ctl status"]["p50"], ctl["busctl --version"]["p50"], ctl["task --version"]["p50"]
    def ctl_verdict(p50):
        return met(p50 <= busctl) + (" (stretch ≤ task: met)" if p50 <= task else " (stretch ≤ task: missed)")
    salesctl_status = ctl["salesctl status"]["p50"]
    reproduce_idle = f"`{RUN} --only idle`"
    summary = [
        ("Idle wake-ups", "0", f"{salesd['total']} in {idle_seconds:.0f} s",
         f"remind {idle['remind -z1']['total']}, cron {idle['cron -f']['total']}", met(salesd["total"] == 0),
         reproduce_idle),
        ("Private dirty, idle", "≤ 2 MiB", kib(mem["idle"]["Private_Dirty"]),
         f"remind {kib(remind_mem['Private_Dirty'])}, cron {kib(cron_mem['Private_Dirty'])}",
         met(mem["idle"]["Private_Dirty"] <= 2048), reproduce_idle),
        ("RSS, idle", "≤ 20 MiB", kib(mem["idle"]["Rss"]),
         f"remind {kib(remind_mem['Rss'])}, cron {kib(cron_mem['Rss'])}", met(mem["idle"]["Rss"] <= 20 * 1024),
         reproduce_idle),
        (f"Private dirty growth after {mem['requests']:,} requests", "none", f"{growth:+,} KiB "
         f"({growth_after_warmup:+,} KiB after the first {mem['warmup']:,})", "", met(growth_after_warmup <= 0),
         reproduce_idle),
        ("Status round trip p50", "≤ 200 µs", us(status["p50"]) + " (Python client)",
         f"C client {us(r['status_c']['p50'])}", met(status["p50"] <= 200), reproduce_idle),
        ("`salesd ctl status`, whole process", "≤ `busctl --version`; stretch ≤ `task --version`",
         ms(ctl_status), f"busctl {ms(busctl)}, task {ms(task)}; C client {ms(ctl['C client, one Status call']['p50'])}",
         ctl_verdict(ctl_status), f"`{r['interleave']}`"),
        ("`salesctl status`, whole process", "≤ `busctl --version`; stretch ≤ `task --version`",
         ms(salesctl_status), f"busctl {ms(busctl)}, task {ms(task)}", ctl_verdict(salesctl_status),
         f"`{r['interleave']}`"),
    ]
    text = f"""## Idle wake-ups

Context switches (voluntary + involuntary, summed over `/proc/PID/task/*/status`) during
{idle_seconds:.0f} s with nothing due, measured for the three daemons side by side after
{r['settle']:.0f} s of settling. salesd runs a plan in {r['zone']} whose only reminder is two
hours away and whose local midnight is more than eight hours away; no watchdog. CPU ticks:
utime + stime over the window (1 tick = 10 ms).

{table(["Process", "Wake-ups", "Threads", "CPU ticks", "Command"], rows)}
salesd per thread: {threads}.
{notes}
Reproduce: `{RUN} --only idle` (BENCH_IDLE_SECONDS sets the window).

## Memory

RSS and Private_Dirty from `/proc/PID/smaps_rollup`; the peers idle, salesd idle and after
Status requests on one persistent connection (raw Varlink, NUL-framed JSON).

{table(["Process", "When", "RSS", "Private dirty"], memory_rows)}
Reproduce: `{RUN} --only idle`.

## Control round trip

`Status` on one persistent connection, {status['n']:,} calls in a row after 1,000 warm-up calls,
timed in the Python client (which adds its own few µs); the reply is {status['reply_bytes']} bytes.
Beside it, {r['status_c']['n']:,} calls from a C client (`bench/c/varlink-status.c`) on one connection: the floor.
`salesd ctl status` is the whole process, timed by `bench/c/interleave` ({r['rounds']} rounds; each round
runs every command once, in a rotating order) beside `salesctl status` (the small client that prints
the same, linking only FoundationEssentials), `busctl --version` (C), `task --version`
(taskwarrior, C++), the C client making one Status call, `salesd --version` (the same binary doing
no I/O) and `/bin/true` (the cost of starting any process here).

{table(["Figure", "p50", "p99", "max", "Goal"], [
        ("Status round trip (Python client)", us(status["p50"]), us(status["p99"]), us(status["max"]), "p50 ≤ 200 µs"),
        ("Status round trip (C client)", us(r["status_c"]["p50"]), us(r["status_c"]["p99"]), us(r["status_c"]["max"]), ""),
    ] + [
        (f"`{name}`" if not name.startswith("C ") else name, ms(p["p50"]), ms(p["p99"]), ms(p["max"]),
         "≤ busctl" if name in ("ctl status", "salesctl status") else "")
        for name, p in ctl.items()
    ])}
Reproduce: `{RUN} --only idle`; the process times alone: `{r['interleave']}`.

## Where the idle memory and the start-up time go

What remains of the idle-memory and start-up goals, from the same run. The idle daemon's RSS and
private dirty memory by mapping (`/proc/PID/smaps`, read at the end of the idle window):

{table(["Mapping", "RSS", "Private dirty"], [(name, kib(rss), kib(dirty)) for name, rss, dirty in r["mappings"]])}
Code pages are clean and backed by the file: they count in RSS because the kernel maps a
whole 64 KiB window around each page the daemon touched at start (fault-around), and the page
cache can drop them at any time. The read-only data of a position-independent executable is
written once at start, while the loader relocates its pointers, so it stays private dirty.

Starting each command once more, counted rather than timed: instructions from
`valgrind --tool=callgrind` (repeatable on a loaded machine) and the dynamic loader's statistics
(`LD_DEBUG=statistics`: its cycles and the relocations it applied, symbol and relative).

{table(["Command", "Instructions", "Loader cycles", "Symbol relocations", "Relative relocations"], [
        (f"`{name}`", f"{p['instructions']:,}" if p["instructions"] else "n/a",
         f"{p['loader_cycles']:,}" if p["loader_cycles"] else "n/a",
         f"{p['relocations']:,}" if p["relocations"] is not None else "n/a",
         f"{p['relative_relocations']:,}" if p["relative_relocations"] is not None else "n/a")
        for name, p in r["startup"].items()
    ])}
Reproduce: `{RUN} --only idle`; one command alone: `valgrind --tool=callgrind --callgrind-out-file=/dev/null CMD`,
`LD_DEBUG=statistics CMD`.
"""
    return summary, text


def lateness_section(r):
    rows = []
    for label, key in (("Timer to announcement (the daemon's `latenessMs`)", "daemon"),
                       ("Scheduled to arrival on a Watch stream", "arrival"),
                       ("`SALESD_LATENESS_MS` in the journal", "journal")):
        p = r[key]
        if p:
            rows.append((label, p["n"], f"{p['p50']:.1f} ms", f"{p['p99']:.1f} ms", f"{p['max']:.1f} ms"))
    fired, arrival = r["daemon"], r["arrival"]
    ok = fired is not None and fired["p99"] <= 5 and r["received"] == r["count"]
    measured = (f"{fired['p99']:.1f} ms fired (p50 {fired['p50']:.1f} ms); {arrival['p99']:.1f} ms to a Watch "
                f"client; {r['received']} of {r['count']} arrived" if fired else "no reminder arrived")
    summary = [("Reminder lateness p99, scheduled to fired", "≤ 5 ms", measured, "", met(ok),
                f"`{RUN} --only lateness`")]
    text = f"""## Reminder lateness

{r['count']} actions, each reminding once, one per second, in {r['zone']} (times `HH:MM:SS`).
A client on a `Watch` stream stamps each reminder's arrival against its `scheduled` instant; the
daemon's own `latenessMs` and the journal entry's `SALESD_LATENESS_MS` (a real journald runs) are
shown beside it. {r['received']} of {r['count']} reminders arrived; {r['journal_entries']} reached the journal.

{table(["Measure", "Reminders", "p50", "p99", "max"], rows)}
Reproduce: `{RUN} --only lateness`.
"""
    return summary, text


def done_section(r):
    seq, conc, floor = r["sequential"], r["concurrent"], r["floor"]
    summary = [
        ("Durable Done p50", "≤ 3 ms", f"{us(seq['p50'])} (p99 {us(seq['p99'])})",
         f"SQLite commit floor {us(floor['p50'])}", met(seq["p50"] <= 3000), f"`{RUN} --only done`"),
        ("Done, 50 concurrent clients", "(throughput)", f"{conc['per_second']:,.0f} Done/s", "", "",
         f"`{RUN} --only done`"),
    ]
    text = f"""## Durable Done

`Done` on a persistent connection: the reply comes after the event is committed to the SQLite
ledger (WAL, `synchronous = FULL`, so an fsync per commit). Then {conc['clients']} clients, each
on its own connection, send {conc['calls'] // conc['clients']} Done each at once. Afterwards the
ledger held {r['recorded']:,} done events; {r['expected']:,} were sent
({'all recorded' if r['recorded'] == r['expected'] else '**a mismatch**'}). For scale, the floor:
one-row INSERT + COMMIT from Python's sqlite3 in the same folder with the same settings.

{table(["Figure", "p50", "p99", "max", "Goal"], [
        (f"Done, sequential ({seq['n']:,} calls)", us(seq["p50"]), us(seq["p99"]), us(seq["max"]), "p50 ≤ 3 ms"),
        (f"Done, {conc['clients']} concurrent clients ({conc['calls']:,} calls)", us(conc["latency"]["p50"]),
         us(conc["latency"]["p99"]), us(conc["latency"]["max"]), ""),
        ("SQLite commit floor (no salesd)", us(floor["p50"]), us(floor["p99"]), us(floor["max"]), ""),
    ])}
Throughput with {conc['clients']} concurrent clients: **{conc['per_second']:,.0f} Done/s**
({conc['calls']:,} in {conc['seconds']:.2f} s). salesd after these: RSS {kib(r['memory']['Rss'])},
private dirty {kib(r['memory']['Private_Dirty'])}.

Reproduce: `{RUN} --only done`.
"""
    return summary, text


def scale_section(r):
    p, l = r["plan"], r["ledger"]
    ratio = p["check_config"]["p50"] / p["remind"]["p50"]
    week_ok = "error" not in l["week"] and l["week"]["p50"] <= 5_000
    summary = [
        (f"`check-config` on {p['actions']:,} actions", "≤ 3× `remind -n` on the same reminders",
         f"{ms(p['check_config']['p50'])} ({ratio:.1f}× remind)", f"remind -n {ms(p['remind']['p50'])}",
         met(ratio <= 3), f"`{p['hyperfine']}`"),
        (f"`Week` over {l['events']:,} events", "p50 ≤ 5 ms", median(l["week"], us),
         f"Status round trip {us(l['status']['p50'])}" if "error" not in l["status"] else "",
         met(week_ok), f"`{RUN} --only scale`"),
    ]
    text = f"""## Scale: a {p['actions']:,}-action plan

A generated plan ({p['bytes'] / 1024:,.0f} KiB of JSON) mixing daily, weekday, weekend and
one-day-a-week actions, single and listed times, and hourly re-reminders. `salesd check-config
PLAN` is one whole process: read and parse the JSON, validate every field, build the schedule,
and print the plan with the next reminders ({p['output_lines']:,} lines, to /dev/null here).
Beside it, interleaved with it, `remind -n` on the same reminders as REM lines (one line per
reminder time of each action; an hourly repeat is one line `AT last +span *60`), and
check-config on the 9-action example plan.

{table(["Figure", "p50", "p99", "max", "Goal"], [
        (f"`salesd check-config` ({p['actions']:,} actions)", ms(p["check_config"]["p50"]),
         ms(p["check_config"]["p99"]), ms(p["check_config"]["max"]), "≤ 3× remind"),
        (f"`remind -n` on the same reminders ({p['rem_lines']:,} REM lines)", ms(p["remind"]["p50"]),
         ms(p["remind"]["p99"]), ms(p["remind"]["max"]), ""),
        ("`salesd check-config` (example, 9 actions)", ms(p["check_config_example"]["p50"]),
         ms(p["check_config_example"]["p99"]), ms(p["check_config_example"]["max"]), ""),
        ("`salesd run`: spawn to first Status reply (fresh ledger)", ms(p["daemon_ready"]["p50"]),
         ms(p["daemon_ready"]["p99"]), ms(p["daemon_ready"]["max"]), ""),
        ("Status round trip with this plan", *spread(p["status"], us), ""),
        ("Today round trip with this plan", *spread(p["today"], us), ""),
    ])}
The daemon with this plan: RSS {kib(p['memory']['Rss'])}, private dirty {kib(p['memory']['Private_Dirty'])}.

Reproduce: `{RUN} --only scale`; the process times alone: `{p['hyperfine']}`.

## Scale: a ledger of {l['events']:,} events

{l['events']:,} events (reminders, dones, snoozes, skips, results; about
{l['events'] // l['days']:,} a day) over the {l['days']:,} days up to today, written with
SQLite into a ledger salesd created (in {l['generate_seconds']:.0f} s). The file is
**{l['bytes'] / 1024 / 1024:,.0f} MiB**. A daemon on it (the example plan) answers `Week`, which
reads this week and the {120} days before it for the streak.

{table(["Figure", "p50", "p99", "max", "Goal"], [
        ("Varlink `Week` (this week)", *spread(l["week"], us), "p50 ≤ 5 ms"),
        ("Varlink `Status` (the peer)", *spread(l["status"], us), ""),
        (WEEKS12, *spread(l["weeks12"], us), ""),
        ("`salesd ctl week --json` (whole process)", ms(l["ctl_week"]["p50"]), ms(l["ctl_week"]["p99"]),
         ms(l["ctl_week"]["max"]), ""),
    ])}
| Other figure | |
|---|---|
| `salesd run` on this ledger: spawn to first Status reply | {ms(l['daemon_ready_ms'])} |
| `salesd export --json` of a ledger of {l['moved_events']:,} events (same mix) | {l['export_seconds']:.1f} s ({l['export_seconds'] / l['moved_events'] * 1e6:,.0f} µs an event) |
| `salesd import` of that export into an empty ledger | {l['import_seconds']:.1f} s ({l['import_seconds'] / l['moved_events'] * 1e6:,.0f} µs an event) |
| daemon after the Week calls | RSS {kib(l['memory']['Rss'])}, private dirty {kib(l['memory']['Private_Dirty'])} |

Reproduce: `{RUN} --only scale`; the process time alone: `{l['hyperfine']}`.
{week_profile_text(l.get("week_profile"))}"""
    return summary, text


def week_profile_text(profile):
    """Where a `Week` call's time goes, from perf samples taken in the same run."""
    if not profile or "error" in profile.get("calls", {}):
        return ""
    calls = profile["calls"]
    cell = lambda text: "`" + text.replace("|", "\\|").replace("`", "'")[:110] + "`"
    return f"""
### Where a `Week` call's time goes

perf samples of the daemon while it answered {calls['n']:,} more `Week` calls (p50 {us(calls['p50'])} while
sampled): by shared object, then the busiest functions by their own time. Command: `{profile['command']}`.

{table(["Shared object", "Share of samples"], [(name, f"{pct:.1f}%") for pct, name in profile["by_object"]])}
{table(["Function (own time)", "Share"], [(cell(name), f"{pct:.1f}%") for pct, name in profile["own"]])}"""


def minutely_section(r):
    check = r["check_config"]
    cap = f"{r['cap'] / (1 << 30):.0f} GiB"
    check_ok = check["ok"] and check["peak_kib"] <= 64 * 1024 and check["seconds"] <= 2
    check_text = (f"{ms(check['seconds'] * 1000)}, peak RSS {kib(check['peak_kib'])}" if check["ok"] else
                  f"failed under a {cap} cap after {ms(check['seconds'] * 1000)} "
                  f"(peak RSS {kib(check['peak_kib'])}): {check['runs'][-1]['problem'].strip()[-160:]}")
    reproduce = f"`{RUN} --only minutely`"
    summary = [(f"`check-config`, {r['actions']:,} actions every minute", "≤ 64 MiB peak and ≤ 2 s", check_text,
                "", met(check_ok), reproduce)]
    if "status" not in r or r.get("status") is None:
        daemon_text = f"did not run: {r.get('daemon_error', 'no Status answered')}"
        summary.append((f"daemon, {r['actions']:,} actions every minute", "≤ 64 MiB, no stall (Status ≤ 50 ms)",
                        daemon_text, "", met(False), reproduce))
        rows = []
    else:
        st, peak = r["status"], r["peak"]
        ok = peak["Rss"] <= 64 * 1024 and r["stalls"] == 0 and st["max"] <= 50_000 and r["alive"]
        daemon_text = (f"RSS {kib(peak['Rss'])} at most; Status p50 {us(st['p50'])}, max {us(st['max'])}, "
                       f"{r['stalls']} over 50 ms")
        summary.append((f"daemon, {r['actions']:,} actions every minute", "≤ 64 MiB, no stall (Status ≤ 50 ms)",
                        daemon_text, "", met(ok), reproduce))
        rows = [("Status while reminders fire", us(st["p50"]), us(st["p99"]), us(st["max"]), f"{st['n']:,} calls"),
                ("daemon RSS, at most", kib(peak["Rss"]), "", "", f"private dirty {kib(peak['Private_Dirty'])}")]
    night = r.get("midnight") or {"error": "not measured"}
    if night.get("status"):
        st, peak = night["status"], night["peak"]
        ok = (peak["Rss"] <= 64 * 1024 and night["stalls"] == 0 and st["max"] <= 50_000 and night["alive"]
              and not night.get("error"))
        night_text = (f"RSS {kib(peak['Rss'])} at most; Status p50 {us(st['p50'])}, max {us(st['max'])}, "
                      f"{night['stalls']} over 50 ms" + (f"; sampling ended early: {night['error']}" if night.get("error") else ""))
        rows += [("Status across local midnight", us(st["p50"]), us(st["p99"]), us(st["max"]), f"{st['n']:,} calls"),
                 ("daemon RSS across midnight, at most", kib(peak["Rss"]), "", "",
                  f"private dirty {kib(peak['Private_Dirty'])}")]
    else:
        ok, night_text = False, f"did not run: {night.get('error', 'no Status answered')}"
    summary.append((f"daemon, {r['actions']:,} actions every minute, across local midnight",
                    "≤ 64 MiB, no stall (Status ≤ 50 ms)", night_text, "", met(ok), reproduce))
    runs = "; ".join(f"{ms(x['seconds'] * 1000)}, {kib(x['peak_kib'])}" + (
        "" if x["status"] == 0 else " (killed at the timeout)" if x["status"] is None else f" (exit {x['status']})")
        for x in check["runs"])
    daemon_part = ""
    if rows:
        daemon_part = (f"\nThe daemon on the same plan (ready {ms(r['ready_seconds'] * 1000)} after spawn): `Status` "
                       f"every 20 ms\non one connection across {r['boundaries']} minute boundaries, when all "
                       f"{r['actions']:,} reminders fall due\nat once; RSS sampled after each call. The ledger then "
                       f"held {r['reminders']:,} reminder events. A second daemon on the same plan starts with its\n"
                       f"clock (the test clock offset) 30 s before a local midnight, and is sampled the same way until\n"
                       f"15 s after it: the new day's reminders fall due and the calendar feed is rewritten.\n\n" + table(["Figure", "p50", "p99", "max", ""], rows))
    text = f"""## {r['actions']:,} actions reminding every minute

A plan of {r['actions']:,} actions, each `"at": "00:00", "repeat": "1m", "until": "23:59"`, every day, in
{r['zone']}. `salesd check-config PLAN` is timed whole, with its peak RSS from `wait4`; each process
here runs with its address space capped at {cap}, so a plan that needs more fails alone instead
of crowding the machine. Runs: {runs}.
{daemon_part}
Reproduce: {reproduce}.
"""
    return summary, text
