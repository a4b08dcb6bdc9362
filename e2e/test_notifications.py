"""Desktop notifications with buttons, the morning prompt and the weekly review, end to end.

The real `salesd run` talks to a private dbus-daemon on which dunst (under Xvfb) shows what it
sends; buttons are chosen through dunst's own context menu, and every wait is on an event.
"""

import datetime as dt
import json
import signal

import pytest

from desktop_support import DesktopSession, later, wait_until, weekday
from harness.daemon import run_salesd
from harness.plans import action, plan, soon, unique_id, utc_now

BUTTONS = {"done": "Done", "snooze": "Snooze", "skip": "Skip today"}
SNOOZE_SECONDS = 15


@pytest.fixture
def bare_desktop():
    """A session bus (and display) with no notification server on it."""
    session = DesktopSession().start(dunst=False)
    yield session
    session.stop()
    session.remove()


def first_connect_reminder(watcher, session, action):
    """Waits (on the daemon's `watcher`) for the first reminder of `action` ("Send connection
    requests", target 5) and the notification server's answer; asserts it was shown with its
    progress and buttons, and returns it."""
    watcher.wait_for("reminder", timeout=60, action=action)
    [shown] = session.monitor.wait_for_answered(1)
    assert shown.error is None, shown
    assert (shown.summary, shown.body) == ("Send connection requests", "Connect · 0 of 5 today")
    assert shown.buttons == BUTTONS
    return shown


def start_on(desktop, make_daemon, config, first, available=True, reason=None):
    """Starts `salesd run` on the desktop's bus; waits until notifications are (un)available.

    `first` is the instant of the plan's first reminder: a plan only reminds of what falls after
    it came into force, so a daemon that took longer than that to start would wait forever.
    """
    daemon = make_daemon(config, start=False)
    daemon.env["DBUS_SESSION_BUS_ADDRESS"] = desktop.address
    daemon.start()
    wait_for_notifications(daemon, available, reason)
    if utc_now() >= first:
        pytest.fail(f"salesd took until {utc_now():%H:%M:%S} to start, after the first reminder at "
                    f"{first:%H:%M:%S}; the machine is too busy for this test", pytrace=False)
    return daemon


def status_json(daemon):
    result = daemon.ctl("status", "--json")
    assert result.rc == 0, result.output
    return json.loads(result.stdout)


def wait_for_notifications(daemon, available, reason=None, timeout=15.0):
    """Waits until `ctl status --json` reports notifications `available` (and, when given, a
    reason containing `reason`: "off" also covers the moment the daemon is still asking the bus);
    returns that state."""
    def state():
        notifications = status_json(daemon)["notifications"]
        if notifications["available"] != available:
            return None
        return notifications if reason is None or reason in notifications.get("reason", "") else None
    expected = f"notifications.available {available}" + (f" because {reason!r}" if reason else "")
    return wait_until(state, timeout, f"ctl status --json to say {expected}")


def today_json(daemon):
    result = daemon.ctl("today", "--json")
    assert result.rc == 0, result.output
    return {entry["action"]: entry for entry in json.loads(result.stdout)["actions"]}


def ledger_events(daemon):
    """The whole ledger as JSON Lines, read while the daemon runs."""
    result = run_salesd(daemon.binary, ["export", "--json"], daemon.env)
    assert result.rc == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def wire_time(text):
    """An ISO 8601 time from the daemon (`…Z` or with an offset) as an aware datetime."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_reminder_is_displayed_with_its_buttons(desktop, make_daemon, journal):
    """A reminder shows in dunst with the action's title, its progress and Done/Snooze/Skip today."""
    ping = unique_id("ping")
    at, first, day = soon(6)
    config = plan(action(ping, "Send connection requests", at=at, target=5))
    daemon = start_on(desktop, make_daemon, config, first)
    state = status_json(daemon)["notifications"]
    assert state["server"].startswith("dunst"), state
    assert "actions" in state["capabilities"], state
    assert "on (dunst" in daemon.ctl("status").stdout

    watcher = daemon.watch()
    shown = first_connect_reminder(watcher, desktop, ping)
    desktop.wait_for_displayed(1)
    [entry] = journal(SALESD_EVENT="reminder", SALESD_ACTION=ping)
    assert entry["SALESD_DAY"] == day

    picture = desktop.screenshot("reminder.png")
    print(f"screenshot of the reminder: {picture}")

    # dunst's own context menu lists the buttons of the notification on screen.
    menu = desktop.context_menu(pick=None)
    assert menu == [f"#{label} (Send connection requests) [{shown.id},{key}]" for key, label in BUTTONS.items()]

    desktop.dunstctl("close-all")
    [closed] = desktop.history()
    assert (closed["appname"], closed["summary"], closed["body"]) == \
        ("salesd", "Send connection requests", "Connect · 0 of 5 today")


def test_done_through_dunst_is_recorded_like_ctl_done(desktop, make_daemon, journal):
    """Choosing Done in dunst counts one done today, journals it and closes the notification."""
    call = unique_id("call")
    at, first, day = soon(6)
    config = plan(action(call, "Call a former client", at=at, target=2))
    daemon = start_on(desktop, make_daemon, config, first)
    watcher = daemon.watch()
    watcher.wait_for("reminder", timeout=60, action=call)
    [shown] = desktop.monitor.wait_for_answered(1)
    desktop.wait_for_displayed(1)
    assert today_json(daemon)[call]["done"] == 0

    desktop.context_menu(pick="done", notification_id=shown.id)

    announced = watcher.wait_for("done", timeout=15, action=call)
    assert announced["done"] == 1
    assert today_json(daemon)[call]["done"] == 1
    [entry] = journal(SALESD_EVENT="done", SALESD_ACTION=call)
    assert (entry["SALESD_DAY"], entry["SALESD_COUNT"], entry["SALESD_DONE"]) == (day, "1", "1")
    [recorded] = [e for e in ledger_events(daemon) if e.get("kind") == "done" and e.get("action") == call]
    assert recorded["source"] == "notification"
    assert recorded["count"] == 1
    # A click is an answer: the notification goes away.
    desktop.wait_for_displayed(0)


def test_skip_through_dunst_is_recorded_like_ctl_skip(desktop, make_daemon, journal):
    """Choosing Skip today in dunst marks the action skipped, journals it and closes the notification."""
    webinar = unique_id("webinar")
    at, first, day = soon(6)
    config = plan(action(webinar, "Invite to the webinar", at=at))
    daemon = start_on(desktop, make_daemon, config, first)
    watcher = daemon.watch()
    watcher.wait_for("reminder", timeout=60, action=webinar)
    [shown] = desktop.monitor.wait_for_answered(1)
    desktop.wait_for_displayed(1)

    desktop.context_menu(pick="skip", notification_id=shown.id)

    watcher.wait_for("skip", timeout=15, action=webinar)
    assert today_json(daemon)[webinar]["state"] == "skipped"
    [entry] = journal(SALESD_EVENT="skip", SALESD_ACTION=webinar)
    assert entry["SALESD_DAY"] == day
    [recorded] = [e for e in ledger_events(daemon) if e.get("kind") == "skip" and e.get("action") == webinar]
    assert recorded["source"] == "notification"
    desktop.wait_for_displayed(0)


def test_snooze_through_dunst_moves_the_next_reminder_and_it_fires(desktop, make_daemon, journal):
    """Choosing Snooze in dunst moves the action's next reminder by the plan's snooze, and it fires then."""
    post = unique_id("post")
    at, first, _ = soon(6)
    config = plan(action(post, "Post something useful", at=at))
    config["snooze"] = f"{SNOOZE_SECONDS}s"
    daemon = start_on(desktop, make_daemon, config, first)
    watcher = daemon.watch()
    watcher.wait_for("reminder", timeout=60, action=post)
    [shown] = desktop.monitor.wait_for_answered(1)
    desktop.wait_for_displayed(1)

    before = utc_now().replace(microsecond=0)
    desktop.context_menu(pick="snooze", notification_id=shown.id)
    watcher.wait_for("snooze", timeout=15, action=post)
    after = utc_now()

    [snoozed] = [e for e in ledger_events(daemon) if e.get("kind") == "snooze" and e.get("action") == post]
    assert snoozed["source"] == "notification"
    until = wire_time(snoozed["until"])
    assert until - wire_time(snoozed["at"]) == dt.timedelta(seconds=SNOOZE_SECONDS), snoozed
    assert before <= wire_time(snoozed["at"]) <= after, (before, snoozed, after)
    assert wire_time(today_json(daemon)[post]["next"]) == until.replace(microsecond=0)
    [entry] = journal(SALESD_EVENT="snooze", SALESD_ACTION=post)
    desktop.wait_for_displayed(0)

    # The snoozed reminder fires at `until` and is shown again.
    wait_until(lambda: len(watcher.matching("reminder", action=post)) >= 2, SNOOZE_SECONDS + 30,
               "the snoozed reminder")
    again = watcher.matching("reminder", action=post)[1]
    assert wire_time(again["scheduled"]) == until.replace(microsecond=0), again
    *_, shown_again = desktop.monitor.wait_for_answered(2)
    assert shown_again.buttons == BUTTONS
    desktop.wait_for_displayed(1)
    _, entry = journal(at_least=2, SALESD_EVENT="reminder", SALESD_ACTION=post)
    # The export rounds to the millisecond and the journal truncates: allow that, nothing more.
    assert abs(wire_time(entry["SALESD_SCHEDULED"]) - until) <= dt.timedelta(milliseconds=1), (entry, until)


def test_a_re_reminder_replaces_the_earlier_notification(desktop, make_daemon, journal):
    """Two reminders of one action leave one notification on screen: the second replaces the first."""
    follow = unique_id("follow")
    at, first, _ = soon(6)
    second = later(at, 3)
    config = plan(action(follow, "Follow up on proposals", step="follow-up", at=[at, second], target=3))
    daemon = start_on(desktop, make_daemon, config, first)
    watcher = daemon.watch()
    result = daemon.ctl("done", follow)
    assert result.rc == 0, result.output
    watcher.wait_for("reminder", timeout=60, action=follow)
    [one] = desktop.monitor.wait_for_answered(1)
    desktop.wait_for_displayed(1)

    wait_until(lambda: len(watcher.matching("reminder", action=follow)) >= 2, 30, "the second reminder")
    one, two = desktop.monitor.wait_for_answered(2)
    assert two.replaces_id == one.id, (one, two)
    assert two.id == one.id, (one, two)
    assert two.body == "Follow up · 1 of 3 today"
    desktop.wait_for_displayed(1)
    assert desktop.dunstctl("count", "history").strip() == "0"
    assert len(journal(at_least=2, SALESD_EVENT="reminder", SALESD_ACTION=follow)) == 2


def test_a_restarted_dunst_shows_the_next_reminder(desktop, make_daemon, journal):
    """When dunst is killed and started again, the daemon notices on its own and shows the next reminder."""
    invite = unique_id("invite")
    at, first, _ = soon(6)
    config = plan(action(invite, "Invite to the webinar", at=at, target=2))
    daemon = start_on(desktop, make_daemon, config, first)
    pid = daemon.pid
    watcher = daemon.watch()
    watcher.wait_for("reminder", timeout=60, action=invite)
    desktop.monitor.wait_for_answered(1)
    desktop.wait_for_displayed(1)

    desktop.stop_dunst(signal.SIGKILL)
    wait_for_notifications(daemon, available=False, reason="no notification server")
    desktop.start_dunst()
    back = wait_for_notifications(daemon, available=True)
    assert back["server"].startswith("dunst"), back
    assert desktop.displayed_count() == 0

    # The next reminder: a short snooze from the command line brings one within seconds.
    result = daemon.ctl("snooze", invite, "3s")
    assert result.rc == 0, result.output
    wait_until(lambda: len(watcher.matching("reminder", action=invite)) >= 2, 30, "the snoozed reminder")
    *_, latest = desktop.monitor.wait_for_answered(2)
    assert latest.error is None, latest
    assert latest.summary == "Invite to the webinar"
    desktop.wait_for_displayed(1)
    assert daemon.pid == pid and daemon.running


def test_without_a_notification_server_reminders_still_reach_the_journal(bare_desktop, make_daemon, journal):
    """With a session bus but no notification server, status says why and the reminder is journaled."""
    note = unique_id("note")
    at, first, day = soon(5)
    config = plan(action(note, "Write a thank-you note", at=at))
    daemon = start_on(bare_desktop, make_daemon, config, first, available=False, reason="no notification server")
    assert "off — no notification server" in daemon.ctl("status").stdout

    watcher = daemon.watch()
    watcher.wait_for("reminder", timeout=60, action=note)
    [entry] = journal(SALESD_EVENT="reminder", SALESD_ACTION=note)
    assert entry["SALESD_DAY"] == day
    state = status_json(daemon)["notifications"]
    assert state["available"] is False and "no notification server" in state["reason"], state


def two_step_plan():
    """An open action without a time, and one whose only reminder is at the end of the day."""
    return plan(action(unique_id("requests"), "Send connection requests", target=5),
                action(unique_id("follow"), "Follow up with last week's leads", step="follow-up", at="23:59:59"))


def test_morning_prompt_names_the_next_step_and_its_done_button_counts(desktop, make_daemon, journal):
    """The morning prompt fires at its time naming the next step; Done on it counts for that action."""
    morning, first, _ = soon(6)
    config = two_step_plan()
    config["morningPrompt"] = morning
    daemon = start_on(desktop, make_daemon, config, first)
    watcher = daemon.watch()

    watcher.wait_for("morning", timeout=60)
    [prompt] = desktop.monitor.wait_for_answered(1)
    next_step = json.loads(daemon.ctl("next", "--json").stdout)["action"]
    assert prompt.summary == "What's the next step?"
    assert f"Next: {next_step['title']}" in prompt.body, prompt.body
    assert prompt.buttons == {"done": "Done"}
    [entry] = journal(SALESD_EVENT="morning", _PID=str(daemon.pid))
    assert entry["SALESD_ACTION"] == next_step["action"]
    desktop.wait_for_displayed(1)
    print(f"screenshot of the morning prompt: {desktop.screenshot('morning.png')}")

    desktop.context_menu(pick="done", notification_id=prompt.id)
    watcher.wait_for("done", timeout=15, action=next_step["action"])
    assert today_json(daemon)[next_step["action"]]["done"] == 1
    [recorded] = [e for e in ledger_events(daemon) if e.get("kind") == "done"]
    assert (recorded["action"], recorded["source"]) == (next_step["action"], "notification")
    desktop.wait_for_displayed(0)


def start_with_review(desktop, make_daemon):
    """A daemon whose weekly review is today, seconds from now; returns it and its Watch stream."""
    review, first, day = soon(6)
    config = two_step_plan()
    config["weeklyReview"] = {"day": weekday(dt.date.fromisoformat(day)), "at": review}
    daemon = start_on(desktop, make_daemon, config, first)
    return daemon, daemon.watch()


def test_weekly_review_fires_at_its_time(desktop, make_daemon, journal):
    """The weekly review fires on its day and time as a "Weekly review" notification."""
    daemon, watcher = start_with_review(desktop, make_daemon)

    watcher.wait_for("review", timeout=60)
    [shown] = desktop.monitor.wait_for_answered(1)
    assert shown.error is None, shown
    assert shown.summary == "Weekly review"
    assert "Details: salesd ctl week" in shown.body, shown.body
    assert shown.body.endswith("Plan the next week in a terminal: salesd plan-week"), shown.body
    journal(SALESD_EVENT="review", _PID=str(daemon.pid))
    desktop.wait_for_displayed(1)
    print(f"screenshot of the weekly review: {desktop.screenshot('review.png')}")


def test_weekly_review_shows_the_same_week_as_ctl_week(desktop, make_daemon, journal):
    """The review is "the scoreboard in one notification": the figures `ctl week` gives for this week."""
    daemon, watcher = start_with_review(desktop, make_daemon)

    announced = watcher.wait_for("review", timeout=60)
    [shown] = desktop.monitor.wait_for_answered(1)
    week = json.loads(daemon.ctl("week", "--json").stdout)["scoreboard"]
    [current] = [w for w in week["weeks"] if w["isCurrent"]]
    expected = [f"{s['name']}: {s['done']} of {s['target']} ({s['paceText']})" for s in current["steps"]]
    assert shown.body.splitlines()[:len(expected)] == expected, (shown.body, week["text"])
    assert (announced["count"], announced["target"]) == (current["done"], current["target"]), announced
