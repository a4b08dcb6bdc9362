"""Memory follows what is due soon, not the plan's size times its repeats: 2,000 actions that
re-remind every minute (2.9 million reminders a day) in `check-config` and in the daemon."""

import datetime as dt
import json
import os
import subprocess
import time

from harness.clock import DaemonTestClock, ledger
from harness.polling import wait_until

UTC = dt.timezone.utc
ACTIONS = 2000
LIMIT_KIB = 64 * 1024


def every_minute_plan():
    return {
        "version": 1, "timeZone": "Europe/London", "morningPrompt": "08:30",
        "steps": [{"id": "connect", "name": "Connect"}],
        "actions": [{"id": f"a{i:04d}", "step": "connect", "title": f"Action {i}", "days": ["daily"],
                     "at": "00:00", "repeat": "1m"} for i in range(ACTIONS)],
    }


def peak_kib(pid):
    """The process's peak resident set (VmHWM), in KiB."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmHWM in /proc/{pid}/status")


def run_with_peak(command, env):
    """Runs `command`; returns (exit code, stdout, peak resident KiB of that process)."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # communicate() would reap the child; read its output, then reap it with wait4 for its rusage.
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, out, usage.ru_maxrss


def test_check_config_peak_memory(salesd_bin, short_tmp, salesd):
    config = short_tmp / "every-minute.json"
    config.write_text(json.dumps(every_minute_plan()))
    rc, out, peak = run_with_peak([str(salesd_bin), "check-config", str(config)], salesd.env)
    assert rc == 0, out[-2000:]
    listed = [line for line in out.splitlines() if "Z  a0" in line]
    assert len(listed) == 6, out[-2000:]
    print(f"check-config on {ACTIONS} actions every minute: peak {peak} KiB")
    assert peak <= LIMIT_KIB, f"check-config peaked at {peak} KiB (limit {LIMIT_KIB})"


def test_daemon_fires_a_minute_of_reminders_in_bounded_memory(make_daemon):
    daemon = make_daemon(every_minute_plan(), start=False)
    clock = DaemonTestClock(daemon)
    # Start five seconds before a minute turns, so the test sees a whole minute's reminders fire.
    now = time.time()
    boundary = (int(now // 60) + 2) * 60
    clock.start_at(dt.datetime.fromtimestamp(boundary - 5, UTC))
    latencies = []

    def all_fired():
        started = time.monotonic()
        daemon.status()  # raises when the daemon does not answer
        latencies.append(time.monotonic() - started)
        return len([e for e in ledger(daemon) if e["kind"] == "reminder"]) >= ACTIONS

    wait_until(all_fired, timeout=120, what=f"{ACTIONS} reminders recorded", interval=0.5)
    events = [e for e in ledger(daemon) if e["kind"] == "reminder"]
    keys = [(e["action"], e["day"], e["slot"]) for e in events]
    assert len(keys) == len(set(keys)), "a reminder was recorded twice"
    assert {e["action"] for e in events} == {f"a{i:04d}" for i in range(ACTIONS)}
    peak = peak_kib(daemon.pid)
    print(f"daemon with {ACTIONS} actions every minute: peak {peak} KiB after {len(events)} reminders; "
          f"Status answered {len(latencies)} times while they fired, slowest {max(latencies) * 1000:.0f} ms")
    assert peak <= LIMIT_KIB, f"the daemon peaked at {peak} KiB (limit {LIMIT_KIB})"
