"""The real daemon reschedules when the wall clock jumps: the same path a timerfd
cancellation takes, driven here by the test-only clock offset and SIGUSR2."""

import datetime as dt
import signal

from harness.clock import RESCHEDULED, watch
from harness.plans import unique_id

UTC = dt.timezone.utc


def morning_zone():
    """A fixed-offset zone where it is now between 08:00 and 09:00, so an hour or two ahead
    stays on the same local day whatever time CI runs at."""
    now = dt.datetime.now(UTC)
    hours = (8 - now.hour) % 24  # local = UTC + hours
    if hours > 14:
        hours -= 24
    # Etc/GMT-N means UTC+N (POSIX sign convention).
    name = "UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"
    return name, dt.timezone(dt.timedelta(hours=hours))


def clock_plan(action_id, offset_minutes):
    """A plan with one action reminded `offset_minutes` from now, in a morning zone."""
    name, zone = morning_zone()
    at = (dt.datetime.now(zone) + dt.timedelta(minutes=offset_minutes)).strftime("%H:%M:%S")
    return {
        "version": 1, "timeZone": name, "grace": "10m",
        "steps": [{"id": "connect", "name": "Connect"}],
        "actions": [{"id": action_id, "step": "connect", "title": "Call back Acme", "at": at}],
    }


def jump(daemon, offset_file, seconds, journal):
    """Moves the daemon's wall clock by `seconds` from the real one, tells it the clock changed,
    and waits until it has rescheduled (it journals that after any reminder the jump fired)."""
    done = len(journal(at_least=0, _PID=str(daemon.pid), MESSAGE=RESCHEDULED))
    offset_file.write_text(f"{seconds}\n")
    daemon.signal(signal.SIGUSR2)
    journal(at_least=done + 1, _PID=str(daemon.pid), MESSAGE=RESCHEDULED)


def start_with_offset(make_daemon, config):
    daemon = make_daemon(config, start=False)
    offset_file = daemon.root / "clock-offset"
    offset_file.write_text("0\n")
    daemon.env["SALESD_TEST_CLOCK_OFFSET_FILE"] = str(offset_file)
    daemon.start()
    return daemon, offset_file


def test_forward_jump_within_grace_fires_late_once(make_daemon, journal):
    """A clock jumping 61 minutes ahead fires the 60-minute reminder at once, marked late."""
    action = unique_id("jump")
    daemon, offset_file = start_with_offset(make_daemon, clock_plan(action, 60))
    watcher = watch(daemon)
    jump(daemon, offset_file, 61 * 60, journal)
    fired = watcher.wait_for("reminder", timeout=30, action=action)
    assert fired["late"] is True
    assert 55_000 <= fired["latenessMs"] <= 10 * 60_000, fired
    [entry] = journal(SALESD_EVENT="reminder", SALESD_ACTION=action)
    assert entry["SALESD_LATE"] == "1"

    # Back to the real time and forward again: the reminder never fires twice.
    jump(daemon, offset_file, 0, journal)
    jump(daemon, offset_file, 62 * 60, journal)
    assert len(journal(at_least=0, SALESD_EVENT="reminder", SALESD_ACTION=action)) == 1
    assert len(watcher.matching("reminder", action=action)) == 1


def test_forward_jump_beyond_grace_gathers_a_missed_reminder(make_daemon, journal):
    """A clock jumping past the grace window records the reminder missed and says so once."""
    action = unique_id("missed")
    daemon, offset_file = start_with_offset(make_daemon, clock_plan(action, 30))
    watcher = watch(daemon)
    jump(daemon, offset_file, 90 * 60, journal)
    missed = watcher.wait_for("missed", timeout=30)
    assert missed["count"] == 1
    assert "Call back Acme" in missed["message"]
    assert not watcher.matching("reminder", action=action)
    assert journal(SALESD_EVENT="missed", _PID=str(daemon.pid))
    today = daemon.call("Today")
    assert [a["state"] for a in today["actions"]] == ["open"], "missed is not done: the action stays open"
