"""A reminder fires on the wall clock, reaches the journal once, and never fires again after a restart."""

from harness.plans import action, journal_timestamp, plan, soon, unique_id


def test_reminder_reaches_the_journal_once_even_across_a_restart(make_daemon, journal):
    """A reminder due in a few seconds is journaled once with its fields; a restart does not repeat it."""
    ping = unique_id("ping")
    at, scheduled, day = soon(8)
    daemon = make_daemon(plan(action(ping, "Ping a former colleague", at=at)))
    watcher = daemon.watch()

    announced = watcher.wait_for("reminder", timeout=60, action=ping)
    assert announced["step"] == "connect"
    assert announced["day"] == day

    [entry] = journal(SALESD_EVENT="reminder", SALESD_ACTION=ping)
    assert entry["SALESD_STEP"] == "connect"
    assert entry["SALESD_DAY"] == day
    assert entry["SALESD_SCHEDULED"] == journal_timestamp(scheduled)
    assert entry["MESSAGE_ID"]
    assert entry["MESSAGE"]
    assert entry["_PID"] == str(daemon.pid)
    lateness = entry["SALESD_LATENESS_MS"]
    assert lateness.isdigit(), f"SALESD_LATENESS_MS is not a non-negative integer: {lateness!r}"
    # A terminal that started the daemon sees it too, as a readable line.
    assert "Ping a former colleague" in daemon.stderr() or ping in daemon.stderr(), daemon.stderr()

    first_pid = daemon.pid
    daemon.restart()
    assert daemon.pid != first_pid
    journal(SALESD_EVENT="started", _PID=str(daemon.pid))
    daemon.status()

    assert len(journal(at_least=0, SALESD_EVENT="reminder", SALESD_ACTION=ping)) == 1
    assert not watcher.matching("reminder", action=ping)[1:]
