"""Starting and stopping what the benchmarks measure: salesd, its peers, journald, hyperfine."""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from varlink import wait_until_answers

REPO = Path(__file__).resolve().parents[1]

# Variables a shell may carry that would change how salesd runs (systemd, a desktop session).
DROPPED_VARIABLES = (
    "JOURNAL_STREAM", "STATE_DIRECTORY", "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
    "WATCHDOG_USEC", "WATCHDOG_PID", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY",
    "SALESD_TEST_CLOCK_OFFSET_FILE",
)


def ensure_packages(commands):
    """apt-get installs the Debian package of each missing command ({command: package})."""
    missing = sorted({package for command, package in commands.items() if shutil.which(command) is None})
    if not missing:
        return
    print(f"bench: installing {' '.join(missing)}", flush=True)
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", *missing], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


class Salesd:
    """One `salesd run` in a private tree under `root`, with desktop notifications off."""

    def __init__(self, binary, root, config):
        self.binary = str(binary)
        self.root = Path(root)
        for name in ("home", "run", "state", "config"):
            (self.root / name).mkdir(mode=0o700, parents=True, exist_ok=True)
        self.config_path = self.root / "config" / "config.json"
        self.config_path.write_text(config if isinstance(config, str) else json.dumps(config, indent=1))
        self.state_dir = self.root / "state"
        self.socket = self.root / "run" / "control.sock"
        self.ledger = self.state_dir / "ledger.sqlite"
        self.env = {k: v for k, v in os.environ.items() if k not in DROPPED_VARIABLES}
        self.env.update(HOME=str(self.root / "home"), XDG_RUNTIME_DIR=str(self.root / "run"),
                        XDG_STATE_HOME=str(self.root / "state"), XDG_CONFIG_HOME=str(self.root / "config"),
                        SALESD_NO_DESKTOP="1")
        self.process = None

    def args(self):
        return ["run", "--config", str(self.config_path), "--socket", str(self.socket),
                "--state-dir", str(self.state_dir)]

    def start(self, timeout=60.0, memory_bytes=None):
        """Starts the daemon (its address space capped at `memory_bytes` when given); returns the
        seconds from spawn until it answered Status."""
        log = open(self.root / "daemon.log", "ab")
        started = time.monotonic()
        self.process = subprocess.Popen([self.binary, *self.args()], env=self.env, cwd=self.root / "home",
                                        stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                        preexec_fn=limited(memory_bytes) if memory_bytes else None)
        log.close()
        try:
            wait_until_answers(self.socket, self.process, timeout)
        except RuntimeError as error:
            log_text = (self.root / "daemon.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{error}; its output:\n{log_text}") from None
        return time.monotonic() - started

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        if self.process:
            terminate(self.process, grace=30)
        self.process = None

    def run(self, *args, timeout=600):
        """Runs a salesd subcommand (not the daemon) to completion in the same tree."""
        return subprocess.run([self.binary, *args], env=self.env, cwd=self.root / "home", capture_output=True,
                              text=True, timeout=timeout, check=True)


class Peer:
    """A peer daemon measured beside salesd: started here, ended here by its own pid."""

    def __init__(self, name, command, root):
        self.name = name
        log = open(Path(root) / f"{name}.log", "ab")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                        start_new_session=True)
        log.close()

    @property
    def pid(self):
        return self.process.pid

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        terminate(self.process, grace=10)


def start_remind(root):
    """`remind -z1` on a file whose only reminder is decades away."""
    path = Path(root) / "reminders.rem"
    path.write_text("REM 1 Jan 2099 AT 09:00 MSG a reminder decades away\n")
    return Peer("remind", ["remind", "-z1", str(path)], root), f"remind -z1 FILE  # FILE: {path.read_text().strip()}"


# cron reads the system's crontabs; in a private mount namespace it sees one far-future line only.
CRON_WRAPPER = """set -e
mount --bind "$1" /etc/crontab
mount -t tmpfs tmpfs /etc/cron.d
mount -t tmpfs -o mode=1730 tmpfs /var/spool/cron/crontabs
exec cron -f
"""


def start_cron(root):
    """`cron -f` with a crontab of one far-future line (needs root for the mount namespace)."""
    crontab = Path(root) / "crontab"
    crontab.write_text("SHELL=/bin/sh\n0 9 1 1 * root true\n")
    command = ["unshare", "-m", "--propagation", "private", "sh", "-c", CRON_WRAPPER, "cron-wrapper", str(crontab)]
    return Peer("cron", command, root), "cron -f  # in a private mount namespace; crontab: 0 9 1 1 * root true"


class Journald:
    """A real journald: the one already answering, else one started (and later stopped) here."""

    SCRIPT = REPO / "e2e" / "services" / "journald.sh"

    def __init__(self):
        self.started_here = subprocess.run([str(self.SCRIPT), "status"], capture_output=True).returncode != 0
        if self.started_here:
            subprocess.run([str(self.SCRIPT), "start"], check=True)

    def stop(self):
        if self.started_here:
            subprocess.run([str(self.SCRIPT), "stop"], check=False)


def hyperfine(commands, runs, warmup, root, min_runs=None):
    """Times whole processes; returns ({command: [seconds]}, the hyperfine command line).

    With `min_runs`, `runs` is a maximum: hyperfine does as many as fit in about 3 s.
    """
    export = Path(tempfile.mkstemp(prefix="hyperfine-", suffix=".json", dir=root)[1])
    counts = ["--runs", str(runs)] if min_runs is None else ["--min-runs", str(min_runs), "--max-runs", str(runs)]
    args = ["hyperfine", "--shell=none", "--style", "none", *counts, "--warmup", str(warmup),
            "--export-json", str(export), *commands]
    if shutil.which("hyperfine") is None:
        return _time_processes(commands, min_runs or runs, warmup), "a timing loop (hyperfine is not installed)"
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    results = json.loads(export.read_text())["results"]
    shown = [a for a in args[:-len(commands)] if a != str(export)]
    return {r["command"]: r["times"] for r in results}, " ".join(shown)


def compile_helpers(folder):
    """Compiles the C helpers of bench/c (the interleaving timer, the C Varlink client) into `folder`."""
    built = {}
    for name in ("interleave", "varlink-status"):
        output = Path(folder) / name
        subprocess.run(["cc", "-O2", "-Wall", "-o", str(output), str(REPO / "bench" / "c" / f"{name}.c")], check=True)
        built[name] = output
    return built


def interleave(helper, commands, rounds, warmup):
    """Whole-process times of `commands`, interleaved round by round; returns {command: [ms]}.

    Each round runs every command once (in a rotating order), so a change in the machine's load
    during the run touches every command alike: the figures of one run compare.
    """
    result = subprocess.run([str(helper), str(rounds), str(warmup), *commands], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"interleave failed: {result.stderr.strip()[-2000:]}")
    lines = result.stdout.splitlines()
    return {command: [float(x) / 1000 for x in line.split()] for command, line in zip(commands, lines)}


def terminate(process, grace):
    """SIGTERM, then SIGKILL when the process has not ended within `grace` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def limited(memory_bytes):
    """A preexec_fn capping a child's address space, so a plan that needs gigabytes fails alone
    instead of pushing a shared machine out of memory."""
    import resource

    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    return apply


def run_measured(argv, timeout, memory_bytes, env=None, cwd=None):
    """Runs a process to completion under a memory cap; returns (exit status or None when killed
    at the timeout, seconds, peak RSS in KiB from wait4)."""
    import time as _time
    started = _time.monotonic()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env, cwd=cwd, preexec_fn=limited(memory_bytes))
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            elapsed = _time.monotonic() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            stderr = process.stderr.read().decode(errors="replace")
            process.stderr.close()
            return process.returncode, elapsed, usage.ru_maxrss, stderr[-500:]
        if _time.monotonic() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            process.stderr.close()
            return None, _time.monotonic() - started, usage.ru_maxrss, f"killed after {timeout:.0f} s"
        _time.sleep(0.01)


def _time_processes(commands, runs, warmup):
    times = {}
    for command in commands:
        argv = command.split()
        samples = []
        for i in range(warmup + runs):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if i >= warmup:
                samples.append(time.perf_counter() - start)
        times[command] = samples
    return times
