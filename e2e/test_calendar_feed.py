"""`salesd calendar` writes the plan as RFC 5545 iCalendar that real readers agree with.

The feed is read back with the `icalendar` library (each event's start through the zone
database and through the feed's own VTIMEZONE) and loaded into `khal`, a calendar client, and
every event's instant is compared with the time oracle's independent schedule
(e2e/time_oracle.py), DST weeks included.
"""

import datetime as dt
import json
import re
import shutil
import subprocess
import time

import icalendar
import pytest

import time_oracle
from harness.polling import wait_until

UTC = dt.timezone.utc

LONDON = {
    "version": 1, "timeZone": "Europe/London", "weekStart": "mon",
    "weeklyReview": {"day": "fri", "at": "16:00"},
    "morningPrompt": "08:30",
    "steps": [{"id": "connect", "name": "Connect, then follow up"}, {"id": "follow-up", "name": "Follow up"}],
    "actions": [
        # 01:30 does not exist on 2027-03-28 and occurs twice on 2027-10-31.
        {"id": "night-owl", "step": "connect", "title": "Night-owl post; with commas, and ü", "at": ["01:30", "09:30"]},
        {"id": "calls", "step": "follow-up", "title": "Follow-up calls: " + "Überprüfung " * 8,
         "days": ["weekdays"], "at": ["10:00", "15:45"], "repeat": "1h", "until": "17:00"},
    ],
    "daysOff": ["2027-03-24"],
}

# Half-hour DST: 02:00 → 02:30 on 2026-10-04, 02:00 → 01:30 on 2027-04-04.
LORD_HOWE = {
    "version": 1, "timeZone": "Australia/Lord_Howe",
    "steps": [{"id": "connect", "name": "Connect"}],
    "actions": [{"id": "dawn", "step": "connect", "title": "Dawn", "at": ["01:45", "02:15", "07:00"]}],
}

CASES = [
    (LONDON, "2027-03-22", 2),
    (LONDON, "2027-10-25", 1),
    (LORD_HOWE, "2026-09-28", 1),
    (LORD_HOWE, "2027-03-29", 1),
]

UID = re.compile(r"^(?P<action>[^/]+)/(?P<day>\d{4}-\d{2}-\d{2})/(?P<hh>\d{2})(?P<mm>\d{2})(?P<ss>\d{2})?@salesd$")


def expected_events(plan, first, days):
    """(action, planned, instant) of every event the feed must have: each planned time of each
    action (not its re-reminders) and the weekly review, by the time oracle."""
    rows = time_oracle.reminders(plan, dt.date.fromisoformat(first), days)
    return sorted((r["action"], r["planned"], r["instant"]) for r in rows if not r["repeat"] and r["action"] != "@morning")


def feed_events(text, through_vtimezone=False):
    """(action, planned, instant) of every VEVENT, as the icalendar library reads them.

    `through_vtimezone` resolves local times with a zone built from the feed's own VTIMEZONE
    instead of the zone database entry of the same name.
    """
    calendar = icalendar.Calendar.from_ical(text)
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in calendar.walk("VTIMEZONE")}
    out = []
    for event in calendar.walk("VEVENT"):
        start = event["DTSTART"].dt
        assert isinstance(start, dt.datetime) and start.tzinfo is not None, f"floating start: {event['UID']}"
        tzid = event["DTSTART"].params.get("TZID")
        if through_vtimezone and tzid:
            # dateutil's reading of the VTIMEZONE, not the zone database's entry of that name.
            start = start.replace(tzinfo=zones[tzid])
        m = UID.match(str(event["UID"]))
        assert m, f"UID {event['UID']} is not action/day/time@salesd"
        planned = f"{m['hh']}:{m['mm']}" + (f":{m['ss']}" if m["ss"] else "")
        out.append((m["action"], planned, int(start.astimezone(UTC).timestamp())))
    return sorted(out)


def differences(expected, actual):
    """What the feed has wrong, readable: missing, extra, or at another instant."""
    def describe(row):
        return f"{row[0]} {row[1]} at {dt.datetime.fromtimestamp(row[2], UTC):%Y-%m-%d %H:%M}Z"
    e, a = set(expected), set(actual)
    return [f"missing {describe(r)}" for r in sorted(e - a)] + [f"extra {describe(r)}" for r in sorted(a - e)]


def write_plan(short_tmp, plan):
    path = short_tmp / f"{plan['timeZone'].replace('/', '-')}.json"
    path.write_text(json.dumps(plan))
    return path


def calendar_text(salesd, config, first, weeks):
    """The feed as written, line endings untouched (stdout read as text would turn CRLF into LF)."""
    out = config.parent / f"feed-{time.monotonic_ns()}.ics"
    result = salesd("calendar", "--config", config, "--from", first, "--weeks", weeks, "--output", out)
    assert result.rc == 0, result.output
    return out.read_bytes().decode("utf-8")


@pytest.mark.parametrize("plan,first,weeks", CASES, ids=[f"{p['timeZone']}-{d}" for p, d, _ in CASES])
def test_every_event_is_at_the_scheduled_instant(salesd, short_tmp, plan, first, weeks):
    """Read by the icalendar library, through the zone's name and through the feed's own
    VTIMEZONE, every event starts at the instant the schedule reminds at, DST changes included."""
    text = calendar_text(salesd, write_plan(short_tmp, plan), first, weeks)
    expected = expected_events(plan, first, weeks * 7)
    assert expected, "the oracle expects no events: the case tests nothing"
    assert differences(expected, feed_events(text)) == []
    assert differences(expected, feed_events(text, through_vtimezone=True)) == []


def test_lines_are_crlf_folded_at_75_octets_and_uids_stable(salesd, short_tmp):
    """Every line ends in CRLF and has at most 75 octets, split only between UTF-8 characters;
    the same plan gives the same UIDs (only DTSTAMP changes)."""
    config = write_plan(short_tmp, LONDON)
    first = calendar_text(salesd, config, "2027-03-22", 1)
    raw = first.encode()
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a fold inside a character would not decode
    assert any(line.startswith(b" ") for line in lines), "nothing was folded: the case tests nothing"
    titles = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    assert LONDON["actions"][0]["title"] in titles and LONDON["actions"][1]["title"] in titles
    time.sleep(1.1)  # DTSTAMP has whole seconds: a later run must differ in it, and only in it
    second = calendar_text(salesd, config, "2027-03-22", 1)
    strip = lambda text: [l for l in text.replace("\r\n ", "").split("\r\n") if not l.startswith("DTSTAMP")]
    assert strip(first) == strip(second) and first != second


def test_the_comparison_catches_a_gap_time_written_as_local(salesd, short_tmp):
    """The wrong variant: a spring-forward time written as its planned local time (as a naive
    writer would) is read at another instant than salesd reminds (zoneinfo takes the offset
    before the gap, 01:30Z; dateutil's VTIMEZONE reading the one after, 00:30Z), and the
    comparison names exactly that event."""
    plan = LONDON
    text = calendar_text(salesd, write_plan(short_tmp, plan), "2027-03-22", 1)
    wrong, count = re.subn(
        r"UID:(night-owl/2027-03-28/(\d\d)(\d\d)@salesd)\r\nDTSTAMP:(\w+)\r\nDTSTART:\w+Z",
        lambda m: f"UID:{m[1]}\r\nDTSTAMP:{m[4]}\r\nDTSTART;TZID=Europe/London:20270328T{m[2]}{m[3]}00", text)
    assert count == 1, "the gap event is not written in UTC"
    expected = expected_events(plan, "2027-03-22", 7)
    assert differences(expected, feed_events(text)) == []
    assert differences(expected, feed_events(wrong)) == [
        "missing night-owl 01:30 at 2027-03-28 01:00Z", "extra night-owl 01:30 at 2027-03-28 01:30Z"]
    assert differences(expected, feed_events(wrong, through_vtimezone=True)) == [
        "missing night-owl 01:30 at 2027-03-28 01:00Z", "extra night-owl 01:30 at 2027-03-28 00:30Z"]


def khal_listing(tmp, feed, first, days):
    """`khal list` of the feed imported into a fresh khal calendar: (date, HH:MM, title) rows."""
    if shutil.which("khal") is None:
        pytest.skip("khal is not installed (apt-get install khal; make test-deps does)")
    config_home = tmp / "khal-config"
    (config_home / "khal").mkdir(parents=True)
    vdir = tmp / "khal-calendar"
    vdir.mkdir()
    (config_home / "khal" / "config").write_text(f"""
[calendars]
[[salesd]]
path = {vdir}
type = calendar

[locale]
local_timezone = Europe/London
default_timezone = Europe/London
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
""")
    env = {"HOME": str(tmp), "XDG_CONFIG_HOME": str(config_home), "XDG_DATA_HOME": str(tmp / "khal-data"),
           "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"}
    ics = tmp / "feed.ics"
    ics.write_text(feed, newline="")
    imported = subprocess.run(["khal", "import", "--batch", "-a", "salesd", str(ics)],
                              env=env, capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    listed = subprocess.run(
        ["khal", "list", "--format", "{start-date}|{start-time}|{title}", "--day-format", "", first, f"{days}d"],
        env=env, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    return sorted(tuple(line.split("|", 2)) for line in listed.stdout.splitlines() if "|" in line)


@pytest.mark.parametrize("first", ["2027-03-22", "2027-10-25"])
def test_khal_lists_the_actions_at_their_local_times(salesd, short_tmp, first):
    """Loaded into khal, a DST fortnight lists every planned action and the review on its local
    day at the local time salesd reminds (01:30 on the spring-forward Sunday shows as 02:00)."""
    config = write_plan(short_tmp, LONDON)
    days = 14
    listing = khal_listing(short_tmp, calendar_text(salesd, config, first, 2), first, days)
    tz = time_oracle.zone("Europe/London")
    titles = {a["id"]: a["title"] for a in LONDON["actions"]} | {"@review": "Weekly review"}
    expected = sorted(
        (f"{local:%Y-%m-%d}", f"{local:%H:%M}", titles[action])
        for action, _, instant in expected_events(LONDON, first, days)
        for local in [dt.datetime.fromtimestamp(instant, UTC).astimezone(tz)])
    assert listing == expected
    if first == "2027-03-22":
        assert ("2027-03-28", "02:00", titles["night-owl"]) in listing
        assert ("2027-03-29", "01:30", titles["night-owl"]) in listing
        assert not any(row[0] == "2027-03-24" for row in listing), "a day off has events"
    else:
        assert [r for r in listing if r[0] == "2027-10-31" and r[2] == titles["night-owl"]] == [
            ("2027-10-31", "01:30", titles["night-owl"]), ("2027-10-31", "09:30", titles["night-owl"])]


def test_output_file_and_json(salesd, short_tmp):
    """--output writes the file and says what it wrote; --json says it as JSON; bad input is refused."""
    config = write_plan(short_tmp, LONDON)
    out = short_tmp / "plan.ics"
    result = salesd("calendar", "--config", config, "--from", "2027-03-22", "--weeks", "1", "--output", out, "--json")
    assert result.rc == 0, result.output
    reply = json.loads(result.stdout)
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert reply == {"file": str(out), "from": "2027-03-22", "through": "2027-03-28", "events": len(events),
                     "timeZone": "Europe/London"}
    bad = salesd("calendar", "--weeks", "0", "--json")
    assert bad.rc == 2 and json.loads(bad.stdout)["kind"] == "UsageError", bad.output
    unwritable = salesd("calendar", "--config", config, "--output", short_tmp / "no" / "such" / "x.ics")
    assert unwritable.rc == 1 and "cannot write" in unwritable.stderr, unwritable.output


def test_the_daemon_keeps_its_copy_current(make_daemon, short_tmp):
    """The daemon writes calendar.ics into its ledger folder at start, again on reload with the
    new plan, and again at local midnight, from the new week's start."""
    from harness.clock import DaemonTestClock

    plan = {**LONDON, "timeZone": "UTC"}
    daemon = make_daemon(plan, start=False)
    clock = DaemonTestClock(daemon)
    # Sunday 2027-01-10, 3 s before midnight: the week of Monday the 4th, then that of the 11th.
    clock.start_at(dt.datetime(2027, 1, 10, 23, 59, 57, tzinfo=UTC))
    feed = daemon.state_dir / "calendar.ics"

    def first_day():
        events = icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
        return min(str(e["UID"]).split("/")[1] for e in events)

    # Written beside the daemon's start: it may come a moment after the daemon answers.
    wait_until(feed.exists, timeout=20, what="the calendar feed written at start")
    assert first_day() == "2027-01-04"
    wait_until(lambda: first_day() == "2027-01-11", timeout=20, what="the feed rewritten at midnight")
    daemon.write_config({**plan, "actions": [{**LONDON["actions"][0], "title": "Renamed post"}]})
    reloaded = daemon.ctl("reload")
    assert reloaded.rc == 0, reloaded.output
    titles = {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")}
    assert titles == {"Renamed post", "Weekly review"}
