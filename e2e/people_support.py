"""Helpers for the people-in-the-pipeline end-to-end tests: a plan with follow-ups, a daemon on
the test clock, and `ctl` calls that return parsed JSON."""

import datetime as dt
import json

from harness.clock import DaemonTestClock

UTC = dt.timezone.utc

# Europe/London: GMT until 2027-03-28 01:00 UTC, then BST (UTC+1), so the tests cross a DST change.
ZONE = "Europe/London"
START = dt.datetime(2027, 3, 24, 12, 0, tzinfo=UTC)


def people_plan():
    return {
        "version": 1, "timeZone": ZONE, "morningPrompt": "08:30",
        "steps": [
            {"id": "connect", "name": "Connect", "followUp": {"ideal": "3d", "max": "7d"}},
            {"id": "invite", "name": "Invite", "followUp": {"ideal": "2d", "max": "5d"}},
            {"id": "converse", "name": "Converse"},
        ],
        "actions": [{"id": "requests", "step": "connect", "title": "Send connection requests", "target": 5,
                     "at": "09:30", "days": ["daily"]}],
        "notifications": {"enabled": False},
    }


def start_daemon(make_daemon, at=START, config=None):
    """A daemon whose clock shows `at` (UTC), and its test clock."""
    daemon = make_daemon(config or people_plan(), start=False)
    clock = DaemonTestClock(daemon)
    clock.start_at(at)
    return daemon, clock


def ctl_json(daemon, *args, rc=0):
    result = daemon.ctl(*args, "--json")
    assert result.rc == rc, f"ctl {' '.join(args)} exited {result.rc}: {result.output}"
    return json.loads(result.stdout)


def people(daemon, *args):
    """Name → person record, of everyone (won and lost too)."""
    return {p.get("name") or f"#{p['id']}": p for p in ctl_json(daemon, "people", "--all", *args)["people"]}


def ledger_bytes(daemon):
    """The bytes of every ledger file: the database, its write-ahead log and shared memory."""
    data = b""
    for path in sorted(daemon.state_dir.iterdir()):
        if path.name.startswith("ledger.sqlite") and path.is_file():
            data += path.read_bytes()
    return data
