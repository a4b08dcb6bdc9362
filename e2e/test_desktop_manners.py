"""salesd as a well-mannered desktop app, against dunst on a private bus under Xvfb: every
notification names salesd's desktop file, icon and a category; the desktop file is valid; after a
restart, today's still-open reminders are posted again on the desktop only, with live buttons.
"""

import json
import subprocess

from desktop_support import wait_until
from harness.daemon import run_salesd
from harness.plans import action, plan, soon, unique_id
from test_notifications import BUTTONS, start_on, today_json, ledger_events

REPO_DESKTOP_FILE = "desktop/salesd.desktop"


def hint(call, name):
    value = call.hints.get(name)
    return value.get("data") if isinstance(value, dict) else value


def test_desktop_file_is_valid_hidden_and_lists_salesd_under_notifications(repo):
    """desktop-file-validate has nothing to say; the file is hidden from menus, names the icon
    and tells GNOME that salesd sends notifications."""
    path = repo / REPO_DESKTOP_FILE
    completed = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, timeout=30)
    assert completed.returncode == 0 and (completed.stdout + completed.stderr).strip() == "", completed
    entries = dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))
    assert entries["NoDisplay"] == "true" and entries["X-GNOME-UsesNotifications"] == "true", entries
    assert entries["Icon"] == "salesd" and (repo / "desktop" / "salesd.svg").exists()


def test_every_notification_names_the_desktop_entry_icon_and_a_category(desktop, make_daemon, journal):
    """A reminder's Notify carries app_icon "salesd", desktop-entry "salesd" (the installed
    salesd.desktop, without .desktop) and the category x-salesd.reminder."""
    ping = unique_id("ping")
    at, first, _ = soon(6)
    daemon = start_on(desktop, make_daemon, plan(action(ping, "Send connection requests", at=at)), first)
    daemon.watch().wait_for("reminder", timeout=60, action=ping)
    [shown] = desktop.monitor.wait_for_answered(1)
    assert shown.icon == "salesd", shown
    assert hint(shown, "desktop-entry") == "salesd", shown.hints
    assert hint(shown, "category") == "x-salesd.reminder", shown.hints


def test_restart_posts_todays_open_reminder_again_on_the_desktop_only(desktop, make_daemon, journal):
    """After a restart the still-open reminder is shown again, with today's progress and live
    buttons; the journal and the ledger still hold one reminder, and Done on the new
    notification is recorded like `ctl done`."""
    calls, done_already = unique_id("calls"), unique_id("notes")
    at, first, day = soon(6)
    config = plan(action(calls, "Call two warm leads", at=at, target=3),
                  action(done_already, "Write notes", step="follow-up", at=at))
    daemon = start_on(desktop, make_daemon, config, first)
    watcher = daemon.watch()
    watcher.wait_for("reminder", timeout=60, action=calls)
    watcher.wait_for("reminder", timeout=60, action=done_already)
    desktop.monitor.wait_for_answered(2)
    assert daemon.ctl("done", calls).rc == 0
    assert daemon.ctl("done", done_already).rc == 0
    before = len(desktop.monitor.notifications())

    daemon.restart()

    calls_after = lambda: [c for c in desktop.monitor.notifications()[before:] if c.summary == "Call two warm leads"]
    [again] = wait_until(calls_after, 30, "the open reminder to be posted again after the restart")
    wait_until(lambda: again.answered, 15, "the server to answer the repost")
    assert again.error is None and again.body == "Connect · 1 of 3 today", again
    assert again.buttons == BUTTONS
    # Done to its target before the restart: not posted again.
    assert not [c for c in desktop.monitor.notifications()[before:] if c.summary == "Write notes"]

    entries = journal(SALESD_EVENT="reminder", SALESD_ACTION=calls)
    assert len(entries) == 1, entries
    reminders = [e for e in ledger_events(daemon) if e.get("kind") == "reminder" and e.get("action") == calls]
    assert len(reminders) == 1, reminders

    # The new notification's buttons answer the new daemon.
    wait_until(lambda: desktop.displayed_count() >= 1, 15, "dunst to show the repost")
    fresh = daemon.watch()
    desktop.context_menu(pick="done", notification_id=again.id)
    fresh.wait_for("done", timeout=15, action=calls)
    assert today_json(daemon)[calls]["done"] == 2
    [clicked] = [e for e in ledger_events(daemon) if e.get("kind") == "done" and e.get("source") == "notification"]
    assert clicked["action"] == calls and clicked["day"] == day
