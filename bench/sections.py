"""The measurements. Each `bench_*` returns a dict of figures that report.py renders."""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import ledgergen
import plans
import procstat
from processes import REPO, Salesd, hyperfine, interleave, run_measured, start_cron, start_remind
from varlink import Connection

UTC = dt.timezone.utc


@dataclass
class Context:
    binary: Path
    root: Path
    quick: bool
    idle_seconds: float
    helpers: dict = field(default_factory=dict)  # the compiled bench/c programs, by name
    running: list = field(default_factory=list)  # everything to stop if a section fails

    def pick(self, full, quick):
        return quick if self.quick else full

    def folder(self, name):
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def daemon(self, name, config):
        daemon = Salesd(self.binary, self.folder(name), config)
        self.running.append(daemon)
        return daemon

    def cleanup(self):
        for process in self.running:
            process.stop()
        self.running.clear()


def percentiles(samples):
    """p50, p99 and max (nearest rank) of a list of numbers."""
    ordered = sorted(samples)

    def rank(p):
        return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered))) - 1))]

    return {"n": len(ordered), "p50": rank(50), "p99": rank(99), "max": ordered[-1],
            "mean": sum(ordered) / len(ordered)}


def cpu_ticks(pid):
    """utime + stime of a process, in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def timed_calls(connection, request, count, budget=None):
    """Sends a prepared request `count` times in a row; returns each round trip in µs.

    With a `budget` in seconds it stops early once that is spent (after at least 3 calls), so a
    pathologically slow call cannot stall the whole run.
    """
    samples = []
    clock = time.perf_counter_ns
    roundtrip = connection.roundtrip
    deadline = None if budget is None else clock() + budget * 1e9
    for _ in range(count):
        start = clock()
        roundtrip(request)
        end = clock()
        samples.append((end - start) / 1000)
        if deadline is not None and end > deadline and len(samples) >= 3:
            break
    return samples


def try_calls(connection_path, request, count, budget):
    """`timed_calls` on a fresh connection; an error (a reply too large, a closed connection) is
    returned as text instead of figures."""
    try:
        with Connection(connection_path, timeout=max(120, budget * 4)) as connection:
            return percentiles(timed_calls(connection, request, count, budget))
    except (OSError, EOFError) as error:
        return {"error": f"{type(error).__name__}: {error}"}


# Idle wake-ups, memory, Status round trip, ctl status -------------------------------------------

def bench_idle(ctx):
    now = dt.datetime.now(UTC)
    zone, offset = plans.quiet_zone(now)
    daemon = ctx.daemon("idle", plans.idle_plan(zone, offset, now))
    remind, remind_command = start_remind(ctx.folder("remind"))
    cron, cron_command = start_cron(ctx.folder("cron"))
    ctx.running += [remind, cron]
    daemon.start()
    settle = ctx.pick(10.0, 2.0)
    time.sleep(settle)  # start-up work (ledger, first schedule, thread pool) is over before the window
    subjects = {"salesd": daemon.pid, "remind -z1": remind.pid, "cron -f": cron.pid}
    for name, peer in (("remind -z1", remind), ("cron -f", cron)):
        if not peer.alive():
            raise RuntimeError(f"{name} exited at start (see {ctx.root})")
    before = {name: procstat.context_switches(pid) for name, pid in subjects.items()}
    ticks_before = {name: cpu_ticks(pid) for name, pid in subjects.items()}
    time.sleep(ctx.idle_seconds)
    after = {name: procstat.context_switches(pid) for name, pid in subjects.items()}
    idle = {
        name: {**procstat.wakeups(before[name], after[name]),
               "cpu_ticks": cpu_ticks(pid) - ticks_before[name],
               "memory": procstat.memory(pid)}
        for name, pid in subjects.items()
    }
    idle_mappings = procstat.memory_by_mapping(daemon.pid, ctx.binary)
    remind.stop()
    cron.stop()

    # Memory under load and the Status round trip, on one persistent connection.
    total = ctx.pick(100_000, 5_000)
    warmup = 1_000
    request = Connection.request("Status")
    with Connection(daemon.socket) as connection:
        timed_calls(connection, request, warmup)
        after_warmup = procstat.memory(daemon.pid)
        samples = timed_calls(connection, request, total - warmup)
    after_load = procstat.memory(daemon.pid)
    reply_bytes = len(connection_reply(daemon.socket, request))

    # The same Status calls from a C client on one connection: the floor of the round trip.
    c_client = ctx.helpers["varlink-status"]
    floor_output = subprocess.run([str(c_client), str(daemon.socket), str(ctx.pick(20_000, 2_000))],
                                  check=True, capture_output=True, text=True).stdout
    c_samples = [float(x) for x in floor_output.split()]

    # The whole `salesd ctl status` process, and salesctl's, beside their peers, interleaved round by round.
    rounds = ctx.pick(200, 20)
    ctl = f"{ctx.binary} ctl status --socket {daemon.socket}"
    salesctl = f"{ctx.binary.parent / 'salesctl'} status --socket {daemon.socket}"
    commands = {"ctl status": ctl, "salesctl status": salesctl, "salesd --version": f"{ctx.binary} --version",
                "busctl --version": "busctl --version", "task --version": "task --version",
                "C client, one Status call": f"{c_client} {daemon.socket}", "/bin/true": "/bin/true"}
    times = interleave(ctx.helpers["interleave"], list(commands.values()), rounds=rounds, warmup=10)
    startup = {name: start_up_profile(commands[name])
               for name in ("salesctl status", "ctl status", "busctl --version", "task --version")}
    daemon.stop()
    return {
        "zone": zone, "settle": settle, "idle": idle, "startup": startup,
        "mappings": idle_mappings,
        "commands": {"salesd": "salesd run --config PLAN  # SALESD_NO_DESKTOP=1, no WATCHDOG_USEC",
                     "remind -z1": remind_command, "cron -f": cron_command},
        "memory": {"idle": idle["salesd"]["memory"], "after_warmup": after_warmup, "after_load": after_load,
                   "requests": total, "warmup": warmup},
        "status": {**percentiles(samples), "reply_bytes": reply_bytes},
        "status_c": percentiles(c_samples),
        "ctl": {name: percentiles(times[command]) for name, command in commands.items()},
        "rounds": rounds,
        "interleave": "bench/c/interleave %d 10 %s" % (rounds, " ".join(
            f"'{c}'" for c in ("salesd ctl status --socket SOCK", "salesctl status --socket SOCK",
                               "salesd --version", "busctl --version",
                               "task --version", "varlink-status SOCK", "/bin/true"))),
    }


def start_up_profile(command):
    """What starting `command` costs where: instructions counted by callgrind (the same for the
    same binary whatever the machine's load), and the dynamic loader's own statistics
    (LD_DEBUG=statistics: its cycles, and the relocations it applied)."""
    argv = command.split(" ")
    counted = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                             capture_output=True, text=True)
    instructions = next((int(line.split()[-1]) for line in counted.stderr.splitlines() if "Collected :" in line), None)
    loader = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "LD_DEBUG": "statistics"})
    stats = {}
    for line in loader.stderr.splitlines():
        key, _, value = line.partition(":")[2].partition(":")
        key = key.strip()
        if key in ("total startup time in dynamic loader", "number of relocations", "number of relative relocations") \
                and key not in stats:
            stats[key] = int(value.split()[0])
    return {"instructions": instructions,
            "loader_cycles": stats.get("total startup time in dynamic loader"),
            "relocations": stats.get("number of relocations"),
            "relative_relocations": stats.get("number of relative relocations")}


def profile_calls(ctx, daemon, request, count):
    """Where the daemon's time goes while it answers `count` calls of `request`: perf samples of
    its threads (the cpu-clock event, which works where hardware counters do not), by shared
    object, and the busiest functions by the time spent in themselves (a release build keeps no
    frame pointers, so call chains, and shares with callees, would be cut short). Function names are demangled by `swift demangle` when it is on PATH."""
    data = ctx.folder("profile") / "perf.data"
    perf = subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "4000", "-p", str(daemon.pid),
                             "-o", str(data)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)  # perf attaches
    calls = try_calls(daemon.socket, request, count, budget=120)
    perf.send_signal(2)
    perf.wait(timeout=60)

    def report(*options):
        out = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "-g", "none", *options],
                             capture_output=True, text=True).stdout
        rows = []
        for line in out.splitlines():
            fields = line.split()
            if not fields or line.startswith("#") or not fields[0].endswith("%"):
                continue
            rows.append([float(fields[0].rstrip("%"))] + fields[1:])
        return rows

    by_object = [(round(row[0], 1), row[1]) for row in report("--no-children", "--sort", "dso")][:6]
    own = [(round(row[0], 1), row[2]) for row in report("--no-children", "--sort", "symbol")
           if len(row) > 2 and row[1] == "[.]"][:15]
    names = sorted({name for _, name in own})
    if shutil.which("swift") and names:
        demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                                   capture_output=True, text=True).stdout.splitlines()
        if len(demangled) == len(names):
            readable = dict(zip(names, demangled))
            own = [(pct, readable[name]) for pct, name in own]
    return {"calls": calls, "by_object": by_object, "own": own,
            "command": "perf record -e cpu-clock -F 4000 -p PID (while Week is called); "
                       "perf report --stdio -g none --no-children --sort symbol"}


def connection_reply(socket, request):
    with Connection(socket) as connection:
        return connection.roundtrip(request)


# Reminder lateness ------------------------------------------------------------------------------

def bench_lateness(ctx):
    count = ctx.pick(250, 10)
    now = dt.datetime.now(UTC)
    zone, offset = plans.quiet_zone(now)
    prefix = f"late{int(time.time())}"
    first = (now + dt.timedelta(seconds=8)).replace(microsecond=0)
    plan, instants = plans.lateness_plan(zone, offset, first, count, 1, prefix)
    daemon = ctx.daemon("lateness", plan)
    daemon.start()

    arrivals = {}
    done = threading.Event()
    with Connection(daemon.socket, timeout=count + 60) as watch:
        watch.sock.sendall(Connection.request("Watch", more=True))

        def read():
            while len(arrivals) < count:
                reply = watch.receive()
                received = time.time()
                announcement = (reply.get("parameters") or {}).get("announcement") or {}
                if announcement.get("kind") == "reminder" and announcement.get("action", "").startswith(prefix):
                    arrivals[announcement["action"]] = (received, announcement)
            done.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        last = max(instants.values())
        done.wait(timeout=(last - dt.datetime.now(UTC)).total_seconds() + 30)
    daemon.stop()

    daemon_ms, arrival_ms = [], []
    for action, (received, announcement) in arrivals.items():
        scheduled = dt.datetime.fromisoformat(announcement["scheduled"]).timestamp()
        if abs(scheduled - instants[action].timestamp()) > 0.001:
            raise RuntimeError(f"{action}: scheduled {announcement['scheduled']}, planned {instants[action]}")
        daemon_ms.append(announcement.get("latenessMs", 0))
        arrival_ms.append((received - scheduled) * 1000)
    journal = journal_lateness(prefix, first)
    return {"count": count, "received": len(arrivals), "zone": zone,
            "daemon": percentiles(daemon_ms) if daemon_ms else None,
            "arrival": percentiles(arrival_ms) if arrival_ms else None,
            "journal": percentiles(journal) if journal else None, "journal_entries": len(journal)}


def journal_lateness(prefix, since):
    """SALESD_LATENESS_MS of this run's reminder entries in the journal."""
    import subprocess
    output = subprocess.run(
        ["journalctl", "-o", "json", "--no-pager", "SALESD_EVENT=reminder", f"--since=@{int(since.timestamp()) - 60}"],
        capture_output=True, text=True).stdout
    values = []
    for line in output.splitlines():
        entry = json.loads(line)
        if str(entry.get("SALESD_ACTION", "")).startswith(prefix) and "SALESD_LATENESS_MS" in entry:
            values.append(int(entry["SALESD_LATENESS_MS"]))
    return values


# Durable Done -----------------------------------------------------------------------------------

def bench_done(ctx):
    zone, _ = plans.quiet_zone()
    daemon = ctx.daemon("done", plans.done_plan(zone))
    daemon.start()
    request = Connection.request("Done", {"action": "bench-done"})
    sequential = ctx.pick(1_000, 50)
    with Connection(daemon.socket) as connection:
        timed_calls(connection, request, 20)  # warm-up
        samples = timed_calls(connection, request, sequential)

    clients, per_client = 50, ctx.pick(40, 4)
    connections = [Connection(daemon.socket) for _ in range(clients)]
    barrier = threading.Barrier(clients + 1)
    latencies = [[] for _ in range(clients)]

    def client(index):
        barrier.wait()
        latencies[index] = timed_calls(connections[index], request, per_client)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    for connection in connections:
        connection.close()
    memory = procstat.memory(daemon.pid)
    daemon.stop()

    expected = 20 + sequential + clients * per_client
    with sqlite3.connect(f"file:{daemon.ledger}?mode=ro", uri=True) as db:
        recorded = db.execute("SELECT COUNT(*), COALESCE(SUM(count), 0) FROM events WHERE kind = 'done'").fetchone()
    return {"sequential": percentiles(samples),
            "concurrent": {"clients": clients, "calls": clients * per_client, "seconds": elapsed,
                           "per_second": clients * per_client / elapsed,
                           "latency": percentiles([x for client in latencies for x in client])},
            "expected": expected, "recorded": recorded[0], "memory": memory,
            "floor": sqlite_commit_floor(ctx.folder("floor"), ctx.pick(300, 30))}


def sqlite_commit_floor(folder, count):
    """µs per one-row INSERT committed in WAL mode with synchronous=FULL, as the ledger commits."""
    db = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, day TEXT, n INTEGER)")
    samples = []
    for i in range(count):
        start = time.perf_counter_ns()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t (day, n) VALUES (?, ?)", ("2026-01-01", i))
        db.execute("COMMIT")
        samples.append((time.perf_counter_ns() - start) / 1000)
    db.close()
    return percentiles(samples)


# Scale: a 10,000-action plan and a 1,000,000-event ledger ---------------------------------------

def bench_scale(ctx):
    return {"plan": scale_plan(ctx), "ledger": scale_ledger(ctx)}


def scale_plan(ctx):
    actions = ctx.pick(10_000, 1_000)
    folder = ctx.folder("large-plan")
    path = folder / "plan.json"
    # A zone where it is 04:00: the day's reminders (07:00 to 21:00) all lie ahead, as on a
    # morning start; none is missed whatever the hour of the run.
    zone, _ = plans.quiet_zone(earliest=4, latest=5)
    path.write_text(json.dumps(plans.large_plan(actions, zone), indent=1))
    # The same reminders for remind(1): one REM line per reminder time of each action.
    rem = folder / "plan.rem"
    rem.write_text(plans.remind_lines(json.loads(path.read_text())))
    example = REPO / "config.example.json"
    runs = ctx.pick(10, 3)
    large = f"{ctx.binary} check-config {path}"
    small = f"{ctx.binary} check-config {example}"
    remind = f"remind -n {rem}"
    times = interleave(ctx.helpers["interleave"], [large, remind, small], rounds=runs, warmup=1)
    command = f"bench/c/interleave {runs} 1"
    output_lines = len(Salesd(ctx.binary, folder / "cli", "{}").run("check-config", str(path)).stdout.splitlines())

    starts = []
    for i in range(ctx.pick(3, 1)):
        daemon = ctx.daemon(f"large-plan-{i}", path.read_text())
        starts.append(daemon.start(timeout=600) * 1000)
        if i == 0:
            status = try_calls(daemon.socket, Connection.request("Status"), ctx.pick(200, 20), budget=20)
            today = try_calls(daemon.socket, Connection.request("Today"), ctx.pick(50, 5), budget=20)
            memory = procstat.memory(daemon.pid)
        daemon.stop()
        if starts[-1] > 5000:
            break  # slow enough that one start tells the story
    return {"actions": actions, "bytes": path.stat().st_size, "output_lines": output_lines,
            "check_config": percentiles(times[large]),
            "check_config_example": percentiles(times[small]),
            "remind": percentiles(times[remind]), "rem_lines": len(rem.read_text().splitlines()),
            "hyperfine": f"{command} 'salesd check-config PLAN' 'remind -n PLAN.rem' 'salesd check-config config.example.json'",
            "daemon_ready": percentiles(starts), "status": status, "today": today, "memory": memory}


def scale_ledger(ctx):
    events = ctx.pick(1_000_000, 50_000)
    days = 3650
    example = json.loads((REPO / "config.example.json").read_text())
    example["timeZone"] = "UTC"
    example.pop("daysOff", None)
    daemon = ctx.daemon("large-ledger", example)
    daemon.start()  # creates the ledger: schema, migrations, the plan event
    daemon.stop()
    today = dt.datetime.now(UTC).date()
    started = time.monotonic()
    recorded = ledgergen.fill(str(daemon.ledger), [a["id"] for a in example["actions"]], events, days, today)
    generated = time.monotonic() - started
    size = daemon.ledger.stat().st_size

    ready = daemon.start(timeout=600) * 1000
    week = try_calls(daemon.socket, Connection.request("Week"), ctx.pick(30, 5), budget=30)
    weeks12 = try_calls(daemon.socket, Connection.request("Week", {"weeks": 12}), ctx.pick(10, 3), budget=30)
    week_profile = profile_calls(ctx, daemon, Connection.request("Week"), ctx.pick(200, 10))
    # The peer: the Status round trip of the same daemon, on the same ledger, in the same minute.
    status = try_calls(daemon.socket, Connection.request("Status"), ctx.pick(1000, 100), budget=30)
    ctl = f"{ctx.binary} ctl week --json --socket {daemon.socket}"
    times, command = hyperfine([ctl], runs=ctx.pick(20, 3), warmup=1, root=ctx.root, min_runs=3)
    memory = procstat.memory(daemon.pid)
    daemon.stop()

    # Export and import on a ledger of its own, smaller: the whole million would take minutes.
    moved = ctx.pick(100_000, 5_000)
    small = ctx.daemon("export-ledger", example)
    small.start()
    small.stop()
    ledgergen.fill(str(small.ledger), [a["id"] for a in example["actions"]], moved, days, today)
    started = time.monotonic()
    export = small.run("export", "--json", "--state-dir", str(small.state_dir), timeout=1800).stdout
    exported = time.monotonic() - started
    export_file = ctx.folder("imported") / "export.jsonl"
    export_file.write_text(export)
    del export
    started = time.monotonic()
    small.run("import", str(export_file), "--state-dir", str(ctx.folder("imported") / "state"), timeout=1800)
    imported = time.monotonic() - started
    return {"events": recorded, "days": days, "generate_seconds": generated, "bytes": size,
            "daemon_ready_ms": ready, "week": week, "weeks12": weeks12, "status": status,
            "week_profile": week_profile,
            "ctl_week": percentiles([t * 1000 for t in times[ctl]]),
            "hyperfine": f"{command} 'salesd ctl week --json --socket SOCK'", "memory": memory,
            "moved_events": moved + 1, "export_seconds": exported, "import_seconds": imported}


# 2,000 actions reminding every minute ------------------------------------------------------------

# Far above every goal, far below what would crowd out the other work of a shared machine.
MINUTELY_MEMORY_CAP = 3 << 30


def bench_minutely(ctx):
    """check-config and the daemon on a plan of 2,000 actions that each remind every minute."""
    count = ctx.pick(2_000, 200)
    folder = ctx.folder("minutely")
    zone, zone_offset = plans.quiet_zone(earliest=4, latest=20)
    path = folder / "plan.json"
    path.write_text(json.dumps(plans.minutely_plan(count, zone), indent=1))
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID")}
    runs = []
    for _ in range(ctx.pick(3, 1)):
        status, seconds, peak_kib, problem = run_measured(
            [str(ctx.binary), "check-config", str(path)], timeout=60, memory_bytes=MINUTELY_MEMORY_CAP, env=env)
        runs.append({"status": status, "seconds": seconds, "peak_kib": peak_kib, "problem": problem})
        if status != 0 or seconds > 10:
            break  # one failure, or one slow run, tells the story
    check = {"runs": runs, "ok": all(r["status"] == 0 for r in runs),
             "seconds": sorted(r["seconds"] for r in runs)[len(runs) // 2],
             "peak_kib": max(r["peak_kib"] for r in runs)}

    daemon = ctx.daemon("minutely-daemon", path.read_text())
    result = {"actions": count, "zone": zone, "check_config": check, "cap": MINUTELY_MEMORY_CAP}
    try:
        result["ready_seconds"] = daemon.start(timeout=120, memory_bytes=MINUTELY_MEMORY_CAP)
    except RuntimeError as error:
        result["daemon_error"] = str(error).splitlines()[0]
        daemon.stop()
        return result
    # Status every 20 ms across two minute boundaries, when 2,000 reminders fall due at once.
    boundaries = ctx.pick(2, 1)
    now = time.time()
    samples, peak, error = sample_status(daemon, until=(now // 60 + boundaries) * 60 + 5)
    if error:
        result["daemon_error"] = error
    result["alive"] = daemon.process is not None and daemon.process.poll() is None
    with sqlite3.connect(f"file:{daemon.ledger}?mode=ro", uri=True) as db:
        result["reminders"] = db.execute("SELECT COUNT(*) FROM events WHERE kind = 'reminder'").fetchone()[0]
    daemon.stop()
    result.update(status=percentiles(samples) if samples else None, peak=peak,
                  stalls=sum(1 for x in samples if x > 50_000), boundaries=boundaries)

    # The same plan across local midnight: the new day's first reminders fall due, and the
    # daemon rewrites its calendar feed for the new week. Its clock (the test clock offset)
    # shows 30 s before a local midnight when it starts.
    night = ctx.daemon("minutely-midnight", path.read_text())
    offset = night.root / "clock-offset"
    seconds = zone_offset.total_seconds()
    now = time.time()
    midnight = ((now + seconds) // 86_400 + 1) * 86_400 - seconds  # the next local midnight
    offset.write_text(f"{midnight - 30 - now:.3f}\n")
    night.env["SALESD_TEST_CLOCK_OFFSET_FILE"] = str(offset)
    try:
        night.start(timeout=120, memory_bytes=MINUTELY_MEMORY_CAP)
        # The daemon's clock reaches its midnight 30 s after `now`: sample until 15 s past it.
        night_samples, night_peak, night_error = sample_status(night, until=now + 30 + 15)
        result["midnight"] = {"status": percentiles(night_samples) if night_samples else None, "peak": night_peak,
                              "stalls": sum(1 for x in night_samples if x > 50_000),
                              "alive": night.process.poll() is None, "error": night_error}
    except RuntimeError as error:
        result["midnight"] = {"error": str(error).splitlines()[0]}
    night.stop()
    return result


def sample_status(daemon, until):
    """Status every 20 ms on one connection until `until` (epoch seconds): the round trips in µs,
    the daemon's memory when its RSS was largest (sampled after each call), and what ended the
    sampling early (None when nothing did)."""
    samples, peak = [], procstat.memory(daemon.pid)
    request = Connection.request("Status")
    try:
        with Connection(daemon.socket, timeout=60) as connection:
            while time.time() < until and daemon.process.poll() is None:
                start = time.perf_counter_ns()
                connection.roundtrip(request)
                samples.append((time.perf_counter_ns() - start) / 1000)
                memory = procstat.memory(daemon.pid)
                if memory["Rss"] > peak["Rss"]:
                    peak = memory
                time.sleep(0.02)
    except (OSError, EOFError) as error:
        return samples, peak, f"{type(error).__name__}: {error}"
    return samples, peak, None
