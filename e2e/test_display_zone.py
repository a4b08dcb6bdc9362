"""Every time a person reads on the daemon's stderr is in the plan's zone (issue #13)."""

import datetime as dt
import re
import signal
import zoneinfo

from harness.plans import unique_id

# The stamp, then the kind: a log level, or an announcement's kind (a message that names its
# kind, `salesd 0.1.0 started: …`, stands without it).
STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?:salesd \S+ )?(\w+)", re.M)


def test_stderr_lines_are_in_the_plans_zone(make_daemon, journal):
    """With the plan in Asia/Tokyo on a UTC machine, announcement and log lines alike show Tokyo time."""
    plan = {"version": 1, "timeZone": "Asia/Tokyo", "steps": [{"id": "s", "name": "Step"}],
            "actions": [{"id": unique_id("call"), "step": "s", "title": "Call", "at": "12:00"}]}
    daemon = make_daemon(plan, start=False)
    daemon.env["TZ"] = "UTC"
    before = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Tokyo")).replace(tzinfo=None, microsecond=0)
    daemon.start()
    done = len(journal(at_least=0, _PID=str(daemon.pid), MESSAGE="wall clock changed; rescheduled"))
    daemon.signal(signal.SIGUSR2)  # a log line ("wall clock changed"), not an announcement
    journal(at_least=done + 1, _PID=str(daemon.pid), MESSAGE="wall clock changed; rescheduled")
    after = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Tokyo")).replace(tzinfo=None) + dt.timedelta(seconds=1)
    stamps = {kind: dt.datetime.fromisoformat(text) for text, kind in STAMP.findall(daemon.stderr())}
    assert {"started", "notice"} <= set(stamps), daemon.stderr()
    for kind, stamp in stamps.items():
        assert before - dt.timedelta(seconds=1) <= stamp <= after, (kind, stamp, before, after, daemon.stderr())
