"""Every answer to a request that changes the ledger is definite — recorded, already recorded,
or nothing recorded — and a retry never counts twice.

The daemon is stopped (SIGSTOP) or its ledger locked by another process while `ctl done` waits,
as a frozen disk, a busy machine or a restarting service would make it wait.
"""

import json
import signal
import sqlite3
import subprocess
import threading
import time

from harness.daemon import run_salesd
from harness.plans import action, plan
from robustness_support import start_daemon

ACTION = "calls"


def start_calls_daemon(make_daemon):
    """A running daemon whose plan is one action, ACTION, with a target of 3."""
    return start_daemon(make_daemon, plan(action(ACTION, "Call three warm leads", target=3)))


def lock_ledger(daemon):
    """Another process's connection holding the ledger's write lock until it commits."""
    holder = sqlite3.connect(daemon.state_dir / "ledger.sqlite", timeout=10, isolation_level=None,
                             check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def done_events(daemon):
    result = run_salesd(daemon.binary, ["export", "--json"], daemon.env)
    assert result.rc == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [e for e in events if e["kind"] == "done" and e.get("action") == ACTION]


def start_ctl(daemon, *args):
    return subprocess.Popen([daemon.binary, "ctl", *args], env=daemon.env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def stop_for(daemon, seconds):
    """SIGSTOPs the daemon now and SIGCONTs it after `seconds`, in the background."""
    daemon.signal(signal.SIGSTOP)
    timer = threading.Timer(seconds, daemon.signal, args=(signal.SIGCONT,))
    timer.start()
    return timer


def test_a_stopped_daemon_records_a_done_once_and_ctl_says_so(make_daemon):
    """Stopped for 8 s (past ctl's 5 s wait), the daemon records one done and ctl prints Recorded."""
    daemon = start_calls_daemon(make_daemon)
    timer = stop_for(daemon, 8)
    ctl = start_ctl(daemon, "done", ACTION)
    out, err = ctl.communicate(timeout=60)
    timer.join()
    assert ctl.returncode == 0, out + err
    assert "Recorded: calls +1" in out, out + err
    assert len(done_events(daemon)) == 1, done_events(daemon)
    assert daemon.stop() == 0


def test_a_daemon_gone_too_long_gets_outcome_unknown_and_a_safe_retry(make_daemon):
    """Stopped past ctl's patience: exit 4, nothing half-done later, and the printed retry counts once."""
    daemon = start_calls_daemon(make_daemon)
    timer = stop_for(daemon, 24)
    ctl = start_ctl(daemon, "done", ACTION, "--note", "met Dana")
    out, err = ctl.communicate(timeout=90)
    assert ctl.returncode == 4, f"exit {ctl.returncode}:\n{out}{err}"
    assert "whether it was recorded is unknown" in err and "Check with: salesd ctl today" in err, err
    retry_line = next(line for line in err.splitlines() if line.startswith("Retry without counting twice: "))
    assert "--request" in retry_line, retry_line
    timer.join()
    daemon.status()  # the daemon is back and has worked through what was queued
    assert done_events(daemon) == [], "a request its client had given up on was recorded after all"

    key = retry_line.split("--request", 1)[1].split()[0]
    first = daemon.ctl("done", ACTION, "--note", "met Dana", "--request", key, "--json")
    assert first.rc == 0 and json.loads(first.stdout)["outcome"] == "recorded", first.output
    again = daemon.ctl("done", ACTION, "--note", "met Dana", "--request", key, "--json")
    assert again.rc == 0, again.output
    assert json.loads(again.stdout)["outcome"] == "already"
    assert json.loads(again.stdout)["event"]["id"] == json.loads(first.stdout)["event"]["id"]
    assert len(done_events(daemon)) == 1
    assert daemon.stop() == 0


def test_a_retried_undo_undoes_once(make_daemon):
    """The same undo request twice takes back one done, not two."""
    daemon = start_calls_daemon(make_daemon)
    for _ in range(2):
        assert daemon.ctl("done", ACTION).rc == 0
    for _ in range(2):
        result = daemon.ctl("undo", ACTION, "--request", "undo-key-1", "--json")
        assert result.rc == 0, result.output
    today = json.loads(daemon.ctl("today", "--json").stdout)
    assert [a["done"] for a in today["actions"] if a["action"] == ACTION] == [1]
    assert daemon.stop() == 0


def test_a_locked_ledger_gives_a_definite_answer(make_daemon):
    """Another process holds the ledger's write lock for 7 s: ctl done still ends recorded, once."""
    daemon = start_calls_daemon(make_daemon)
    holder = lock_ledger(daemon)
    release = threading.Timer(7, holder.execute, args=("COMMIT",))
    release.start()
    ctl = start_ctl(daemon, "done", ACTION)
    out, err = ctl.communicate(timeout=90)
    release.join()
    holder.close()
    assert ctl.returncode in (0, 1), f"exit {ctl.returncode}: the answer was not definite:\n{out}{err}"
    recorded = done_events(daemon)
    if ctl.returncode == 0:
        assert "Recorded" in out and len(recorded) == 1, (out, recorded)
    else:
        assert "nothing was recorded" in err and recorded == [], (err, recorded)
    assert daemon.stop() == 0


def test_a_refusal_says_nothing_was_recorded(make_daemon):
    """A refused done says, in so many words, that nothing was recorded."""
    daemon = start_calls_daemon(make_daemon)
    result = daemon.ctl("done", "nope")
    assert result.rc == 1 and "nothing was recorded" in result.stderr, result.output
    assert daemon.stop() == 0


def test_status_today_and_next_answer_while_a_done_waits_for_the_ledger(make_daemon):
    """A done waiting on a ledger another process has locked does not hold up status, today or next."""
    daemon = start_calls_daemon(make_daemon)
    holder = lock_ledger(daemon)
    waiting = start_ctl(daemon, "done", ACTION)
    try:
        # For 6 s, while the done waits on the lock, every question is answered at once: a 2 s
        # bound against SQLite's 5 s busy wait, which a stalled daemon would make them share.
        deadline = time.monotonic() + 6
        answered = 0
        while time.monotonic() < deadline:
            for method in ("Status", "Today", "Next"):
                daemon.call(method, timeout=2)
                answered += 1
        assert answered >= 9
    finally:
        holder.execute("COMMIT")
        holder.close()
    out, err = waiting.communicate(timeout=60)
    # The done itself gets a definite answer either way: recorded once, or refused with nothing recorded.
    if waiting.returncode == 0:
        assert "Recorded" in out and len(done_events(daemon)) == 1, out
    else:
        assert waiting.returncode == 1 and "nothing was recorded" in err and done_events(daemon) == [], err
    assert daemon.stop() == 0
