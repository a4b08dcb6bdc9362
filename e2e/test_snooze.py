"""`salesd ctl snooze` postpones a reminder; it never brings one forward (issue #13)."""

import datetime as dt
import json

from harness.plans import unique_id
from harness.clock import DaemonTestClock, ledger, wait_reminder, watch, wire

UTC = dt.timezone.utc


def today_next(daemon, action):
    result = daemon.ctl("today", "--json")
    assert result.rc == 0, result.output
    [entry] = [a for a in json.loads(result.stdout)["actions"] if a["action"] == action]
    return entry.get("next") and wire(entry["next"])


def test_snooze_with_nothing_due_records_nothing_and_the_planned_time_stands(make_daemon, journal):
    """At 08:29 `snooze later 1m` on an action planned for 10:29 says "nothing due before 08:30" and records
    nothing (outcome nothing, exit 0); 10:29 fires as planned."""
    later, mark = unique_id("later"), unique_id("mark")
    plan = {"version": 1, "timeZone": "Europe/London", "grace": "10m", "steps": [{"id": "s", "name": "Step"}],
            "actions": [{"id": later, "step": "s", "title": "Call back later", "at": "10:29"},
                        {"id": mark, "step": "s", "title": "Marker", "at": "08:30:02"}]}
    day = dt.datetime(2027, 1, 12, tzinfo=UTC)  # a Tuesday in GMT
    daemon = make_daemon(plan, start=False)
    clock = DaemonTestClock(daemon)
    clock.start_at(day.replace(hour=8, minute=29))
    watcher = watch(daemon)

    refused = daemon.ctl("snooze", later, "1m")
    assert refused.rc == 0, refused.output
    assert "nothing due before 08:30" in refused.output and "nothing recorded" in refused.output, refused.output
    assert "Snoozed" not in refused.output
    as_json = daemon.ctl("snooze", later, "1m", "--json")
    assert json.loads(as_json.stdout)["outcome"] == "nothing", as_json.output
    assert today_next(daemon, later) == day.replace(hour=10, minute=29), "today keeps the planned time"
    assert not [e for e in ledger(daemon) if e["kind"] == "snooze"], "a snooze with nothing due records nothing"

    # Real time crosses 08:30 (the marker fires after it) without a reminder of `later`.
    clock.set(day.replace(hour=8, minute=29, second=58), journal)
    wait_reminder(watcher, mark, day.replace(hour=8, minute=30, second=2).timestamp())
    assert not watcher.matching("reminder", action=later)

    clock.set(day.replace(hour=10, minute=28, second=57), journal)
    wait_reminder(watcher, later, day.replace(hour=10, minute=29).timestamp())

    # Now it was reminded: a snooze postpones it to the end, once.
    snoozed = daemon.ctl("snooze", later, "4s")
    assert snoozed.rc == 0 and "Snoozed" in snoozed.output, snoozed.output
    [event] = [e for e in ledger(daemon) if e["kind"] == "snooze"]
    end = wire(event["until"])
    assert abs(today_next(daemon, later) - end) <= dt.timedelta(seconds=1)
    wait_reminder(watcher, later, end.timestamp(), tolerance=1.0)

    entries = journal(at_least=2, SALESD_EVENT="reminder", SALESD_ACTION=later)
    assert [e["SALESD_SCHEDULED"][:19] for e in entries] == ["2027-01-12T10:29:00", end.strftime("%Y-%m-%dT%H:%M:%S")]
    assert not journal(at_least=0, SALESD_EVENT="missed", SALESD_ACTION=later)
