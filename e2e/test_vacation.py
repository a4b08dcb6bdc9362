"""Vacations: `ctl off --from D --to D` records every day of it, whole or not at all, and
`daysOff` ranges in the config; both are off in the plan, the scoreboard and the calendar feed."""

import datetime as dt

import icalendar

from cli_support import ctl_json, today, two_action_plan
from harness.polling import wait_until


def days_from(first, count):
    return [(first + dt.timedelta(days=n)).isoformat() for n in range(count)]


def feed_days(daemon):
    feed = daemon.state_dir / "calendar.ics"
    # Written beside the daemon's start: it may come a moment after the daemon answers.
    wait_until(feed.exists, timeout=20, what="the calendar feed written at start")
    events = icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    return {str(e["UID"]).split("/")[1] for e in events}


def test_a_vacation_is_recorded_whole_and_is_off_everywhere(make_daemon):
    """Five days from tomorrow: each is off in `ctl plan` and in the scoreboard, the feed has no
    events on them, the same request again is "already", and undo takes back one day."""
    daemon = make_daemon(two_action_plan())
    first = today() + dt.timedelta(days=1)
    vacation = days_from(first, 5)
    assert set(vacation) <= feed_days(daemon)
    # The third day is off already: it stays as it was, the others are recorded.
    assert daemon.ctl("off", vacation[2]).rc == 0

    rc, reply = ctl_json(daemon, "off", "--from", vacation[0], "--to", vacation[-1], "--reason", "holidays")
    assert rc == 0, reply
    assert reply == {"outcome": "recorded", "day": vacation[0], "through": vacation[-1], "days": vacation}
    human = daemon.ctl("off", "--from", vacation[0], "--to", vacation[-1])
    assert human.rc == 0 and human.stdout.startswith("Already days off: "), human.output

    rc, plan = ctl_json(daemon, "plan", "--day", vacation[0], "--days", "6")
    assert [d["off"] for d in plan["days"]] == [True] * 5 + [False]
    assert [d.get("offReason") for d in plan["days"][:5]] == ["holidays", "holidays", None, "holidays", "holidays"]
    assert not set(vacation) & feed_days(daemon), "the feed still has events on the vacation"

    rc, log = ctl_json(daemon, "log", "--from", vacation[0], "--to", vacation[-1])
    assert [e["event"]["kind"] for e in log["entries"]] == ["day-off"] * 5

    # Undo takes back the latest entry: one day of the vacation.
    assert daemon.ctl("undo", "--day", vacation[-1]).rc == 0
    rc, plan = ctl_json(daemon, "plan", "--day", vacation[-1], "--days", "1")
    assert plan["days"][0]["off"] is False


def test_bad_vacations_are_refused_and_record_nothing(make_daemon):
    """A range that ends before it starts is refused (exit 1, nothing recorded); --from without
    --to is a usage error (exit 2)."""
    daemon = make_daemon(two_action_plan())
    later = (today() + dt.timedelta(days=9)).isoformat()
    earlier = (today() + dt.timedelta(days=3)).isoformat()
    refused = daemon.ctl("off", "--from", later, "--to", earlier)
    assert refused.rc == 1 and "nothing was recorded" in refused.stderr and "before the first day" in refused.stderr, \
        refused.output
    usage = daemon.ctl("off", "--from", later)
    assert usage.rc == 2 and "--from needs --to" in usage.stderr, usage.output
    rc, log = ctl_json(daemon, "log", "--from", "today", "--to", later)
    assert log["entries"] == []


def test_a_days_off_range_in_the_config(make_daemon):
    """`"daysOff": ["FIRST..LAST"]` puts every day of the range off, as the config's."""
    first = today() + dt.timedelta(days=2)
    vacation = days_from(first, 3)
    daemon = make_daemon(two_action_plan(daysOff=[f"{vacation[0]}..{vacation[-1]}"]))
    rc, plan = ctl_json(daemon, "plan", "--day", vacation[0], "--days", "4")
    assert [(d["off"], d.get("offBy")) for d in plan["days"]] == [(True, "config")] * 3 + [(False, None)]
    assert not set(vacation) & feed_days(daemon)
