"""The real daemon through real clock changes (issue #13).

The daemon's clock is the test clock (an offset file re-read on SIGUSR2, see harness/clock.py):
the test jumps it to a few seconds before each promised instant and lets real time cross it,
then reads the real journal.
"""

import datetime as dt

import pytest

import time_oracle
from harness.clock import DaemonTestClock, daemon_now, ledger, utc, wait_reminder, watch, wire
from harness.plans import unique_id

UTC = dt.timezone.utc


def changes(zone, year):
    """(spring-forward, fall-back) of `zone` in `year`: (instant, offset before, offset after)."""
    found = time_oracle.transitions(zone, year, year)
    spring = next(c for c in found if c[2] > c[1])
    fall = next(c for c in found if c[2] < c[1])
    return spring, fall


def hhmmss(seconds):
    seconds %= 86_400
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def night_plan(zone, year):
    """Reminders inside and around the changed hour of both nights, each action on its night only."""
    (s_at, s_before, s_after), (f_at, f_before, f_after) = changes(zone, year)
    tz = time_oracle.zone(zone)
    # The days on either side of each change (one day, unless it is at midnight as in Nuuk,
    # whose Saturday 23:xx times spill into Sunday's first instant).
    spring_days = sorted({time_oracle.local_date(tz, s_at - 1).isoformat(), time_oracle.local_date(tz, s_at).isoformat()})
    fall_day = time_oracle.local_date(tz, f_at).isoformat()
    gap_start, gap_end = s_at + s_before, s_at + s_after  # local wall clock, as seconds
    doubled_start, doubled_end = f_at + f_after, f_at + f_before
    middle = (doubled_start + doubled_end) // 2
    ids = {name: unique_id(name) for name in ("spring", "fall", "rep", "mark")}
    actions = [
        # Before, inside (twice: one reminder), at and after the gap.
        {"id": ids["spring"], "step": "s", "title": "Spring night", "days": spring_days,
         "at": [hhmmss(gap_start - 1), hhmmss(gap_start + 600), hhmmss(gap_start + 1800), hhmmss(gap_end),
                hhmmss(gap_end + 2)]},
        # Before, inside and at the end of the doubled hour: each once, at its first occurrence.
        {"id": ids["fall"], "step": "s", "title": "Fall night", "days": [fall_day],
         "at": [hhmmss(doubled_start - 1), hhmmss(middle), hhmmss(doubled_end - 1), hhmmss(doubled_end)]},
        {"id": ids["rep"], "step": "s", "title": "Re-remind through the doubled hour", "days": [fall_day],
         "at": hhmmss(middle - 600), "repeat": "10m", "until": hhmmss(middle + 600)},
        # Snoozed in the second pass of the doubled hour: its end is the event that shows the
        # daemon has lived through that pass.
        {"id": ids["mark"], "step": "s", "title": "Marker", "days": [fall_day], "at": hhmmss(middle + 300)},
    ]
    plan = {"version": 1, "timeZone": zone, "grace": "10m", "steps": [{"id": "s", "name": "Step"}],
            "actions": actions}
    return plan, ids, (f_at, f_before, f_after, middle)


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "America/Nuuk"])
def test_a_spring_and_a_fall_night_fire_each_reminder_once_on_time(make_daemon, journal, zone):
    """Through both 2027 clock changes each reminder fires once, at the instant the oracle promises; none missed."""
    plan, ids, (f_at, f_before, f_after, middle) = night_plan(zone, 2027)
    expected = []
    for day in sorted({d for a in plan["actions"] for d in a["days"]}):
        expected += time_oracle.reminders(plan, dt.date.fromisoformat(day), 1)
    # In Nuuk the gap ends at Sunday 00:00, which the plan names itself: that reminder stands for
    # Saturday's times in the gap, so nothing is marked shifted there.
    assert any(r["shifted"] for r in expected) or zone == "America/Nuuk"
    # The middle of the doubled hour comes round a second time at this instant: real time
    # crosses it too, ended by a snooze of the marker (which was reminded in the first pass).
    second_middle = middle - f_after
    assert time_oracle.local_wall(time_oracle.zone(zone), second_middle) == middle
    stops = sorted({r["instant"] for r in expected} | {second_middle})
    assert len(stops) >= 10

    daemon = make_daemon(plan, start=False)
    clock = DaemonTestClock(daemon)
    clock.start_at(utc(stops[0] - 60))
    watcher = watch(daemon)
    snooze_end = None
    for stop in stops:
        if stop - 5 > daemon_now(clock):
            clock.set(utc(stop - 2), journal)
        if stop == second_middle:
            result = daemon.ctl("snooze", ids["mark"], "6s")
            assert result.rc == 0, result.output
            snooze_end = wire(next(e for e in ledger(daemon) if e["kind"] == "snooze")["until"])
            assert snooze_end > utc(second_middle)
            wait_reminder(watcher, ids["mark"], snooze_end.timestamp(), timeout=30, tolerance=1.0)
            continue
        for row in expected:
            if row["instant"] == stop:
                wait_reminder(watcher, row["action"], stop)

    reminders = [e for name in ids.values() for e in journal(at_least=0, SALESD_EVENT="reminder", SALESD_ACTION=name)]
    # The snooze's end: once, at its end (the export rounds to the millisecond, the journal truncates).
    [end] = [e for e in reminders if abs(wire(e["SALESD_SCHEDULED"]) - snooze_end) <= dt.timedelta(milliseconds=1)]
    assert end["SALESD_ACTION"] == ids["mark"]
    got = sorted((e["SALESD_ACTION"], e["SALESD_SCHEDULED"]) for e in reminders if e is not end)
    want = sorted((r["action"], wire_stamp(r["instant"])) for r in expected)
    assert got == want, f"journal {got}\noracle {want}"
    late = [e for e in reminders if int(e.get("SALESD_LATENESS_MS", "0")) >= 2000]
    assert not late, late
    assert not [e for name in ids.values() for e in journal(at_least=0, SALESD_EVENT="missed", SALESD_ACTION=name)]


def wire_stamp(seconds):
    return utc(seconds).strftime("%Y-%m-%dT%H:%M:%S.000Z")
