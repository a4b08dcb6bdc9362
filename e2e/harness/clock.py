"""The daemon's test clock (SALESD_TEST_CLOCK_OFFSET_FILE + SIGUSR2) and waiting on its reminders."""

import datetime as dt
import json
import signal
import time

from .daemon import run_salesd

UTC = dt.timezone.utc
RESCHEDULED = "wall clock changed; rescheduled"


class DaemonTestClock:
    """The daemon's clock: `set(instant)` makes it show `instant` now."""

    def __init__(self, daemon):
        self.daemon = daemon
        self.file = daemon.root / "clock-offset"

    def start_at(self, instant):
        self.file.write_text(f"{instant.timestamp() - time.time():.3f}\n")
        self.daemon.env["SALESD_TEST_CLOCK_OFFSET_FILE"] = str(self.file)
        self.daemon.start()

    def set(self, instant, journal):
        """Jumps the daemon's clock and waits until it has rescheduled."""
        done = len(journal(at_least=0, _PID=str(self.daemon.pid), MESSAGE=RESCHEDULED))
        self.file.write_text(f"{instant.timestamp() - time.time():.3f}\n")
        self.daemon.signal(signal.SIGUSR2)
        journal(at_least=done + 1, _PID=str(self.daemon.pid), MESSAGE=RESCHEDULED)


def watch(daemon):
    """A Watch stream the daemon has registered, so no announcement can slip past it."""
    watcher = daemon.watch()
    deadline = time.monotonic() + 10
    while daemon.status()["watchers"] < 1:
        assert time.monotonic() < deadline, "the daemon never registered the Watch call"
    return watcher


def utc(seconds):
    return dt.datetime.fromtimestamp(seconds, UTC)


def wire(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def wait_reminder(watcher, action, instant, timeout=20.0, tolerance=0.0):
    """Waits for the reminder of `action` scheduled at `instant` (UTC seconds) on the Watch stream."""
    deadline = time.monotonic() + timeout
    with watcher.condition:
        # Watch shows whole seconds: a snooze's end is no whole second.
        while not any(abs(wire(a["scheduled"]).timestamp() - instant) <= tolerance
                      for a in watcher.matching("reminder", action=action)):
            remaining = deadline - time.monotonic()
            assert remaining > 0 and watcher.ended is None, (
                f"no reminder of {action} at {utc(instant)} within {timeout}s ({watcher.ended}); "
                f"seen: {watcher.announcements}")
            watcher.condition.wait(remaining)


def ledger(daemon):
    """The whole ledger as JSON Lines, read while the daemon runs."""
    exported = run_salesd(daemon.binary, ["export", "--json"], daemon.env)
    assert exported.rc == 0, exported.output
    return [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]


def daemon_now(clock):
    """What the daemon's clock shows now."""
    return time.time() + float(clock.file.read_text())
