"""The plan and its history across a new home, a late start, a rename and a removed action."""

import datetime as dt
import json

from cli_support import UTC, ctl_json, run_cli, today, two_action_plan
from harness.daemon import run_salesd
from harness.plans import action, plan, unique_id
from harness.polling import wait_until


def test_import_into_a_fresh_home_restores_the_recorded_plan(make_daemon, tmp_path):
    """`salesd import` where no config exists writes the plan recorded last, so the history meets its own plan."""
    old = make_daemon(two_action_plan(), name="old")
    assert old.ctl("done", "calls", "2").rc == 0
    assert old.stop() == 0
    export = run_salesd(old.binary, ["export", "--json"], old.env)
    assert export.rc == 0, export.output
    path = tmp_path / "ledger.jsonl"
    path.write_text(export.stdout)

    new = make_daemon(start=False, name="new")
    result = run_salesd(new.binary, ["import", str(path)], new.env)

    assert result.rc == 0, result.output
    assert f"Restored the plan recorded last (in force from {today().isoformat()}) to {new.config_path}" in result.stdout
    new.start()
    states = {a["action"]: a["done"] for a in new.call("Today")["actions"]}
    assert states == {"calls": 2, "follow-ups": 0}
    again = make_daemon(two_action_plan(), start=False, name="kept")
    kept = run_salesd(again.binary, ["import", str(path)], again.env)
    assert kept.rc == 0 and "Kept the config at" in kept.stdout, kept.output


def test_a_daemon_started_after_the_morning_prompt_shows_it_once_late(make_daemon, journal):
    """Started 20 minutes after morningPrompt with the day's plan still ahead, the prompt is journaled late, not missed."""
    # A zone where it is between 01:00 and 22:00 now, so prompt and action fall on today.
    now = dt.datetime.now(UTC)
    candidates = [h for k in range(13) for h in (k, -k)]
    offset = next(h for h in candidates if 1 <= (now + dt.timedelta(hours=h)).hour <= 21)
    local = now + dt.timedelta(hours=offset)
    zone = "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"
    ahead = unique_id("ahead")
    config = plan(action(ahead, "Something still ahead today", at=(local + dt.timedelta(minutes=30)).strftime("%H:%M:%S")))
    config.update(timeZone=zone, morningPrompt=(local - dt.timedelta(minutes=20)).strftime("%H:%M:%S"))

    # The plan must have been in force before this morning (a new plan owes nothing earlier
    # today): record it, then move its plan event back a day through export and import.
    first = make_daemon(config, name="first")
    assert first.stop() == 0
    export = run_salesd(first.binary, ["export", "--json"], first.env)
    events = [json.loads(line) for line in export.stdout.splitlines()]
    yesterday = (local - dt.timedelta(days=1))
    for event in events:
        if event["kind"] == "plan":
            event["at"] = (now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            event["day"] = yesterday.date().isoformat()
    history = first.root / "history.jsonl"
    history.write_text("".join(json.dumps(event) + "\n" for event in events))
    daemon = make_daemon(config, start=False)
    imported = run_salesd(daemon.binary, ["import", str(history)], daemon.env)
    assert imported.rc == 0, imported.output
    daemon.start()

    [entry] = journal(SALESD_EVENT="morning", SALESD_ACTION=ahead)
    assert entry.get("SALESD_LATE") == "1", entry
    assert int(entry["SALESD_LATENESS_MS"]) >= 20 * 60_000 - 2000
    assert "late by" in entry["MESSAGE"]
    assert "then: salesd ctl done " + ahead in entry["MESSAGE"] or "then: salesd ctl done " + ahead in daemon.stderr()
    daemon.restart()
    assert len(journal(at_least=0, SALESD_EVENT="morning", SALESD_ACTION=ahead)) == 1


def test_a_renamed_action_keeps_its_history(make_daemon, salesd):
    """Renamed with "formerly", an action keeps today's count, its week and its log; without it, check-config warns."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("done", "calls", "2", "--note", "before the rename").rc == 0
    renamed = two_action_plan()
    renamed["actions"][0]["id"] = "phone-calls"

    daemon.write_config(renamed)
    check = run_cli(daemon, "check-config")
    assert check.rc == 0, check.output
    assert 'the ledger has 1 entry for "calls"' in check.stdout
    assert 'add "formerly": ["calls"]' in check.stdout, check.stdout

    renamed["actions"][0]["formerly"] = ["calls"]
    daemon.write_config(renamed)
    assert daemon.ctl("reload").rc == 0
    assert "the ledger has" not in run_cli(daemon, "check-config").stdout

    states = {a["action"]: a["done"] for a in ctl_json(daemon, "today")[1]["actions"]}
    assert states == {"phone-calls": 2, "follow-ups": 0}
    week = ctl_json(daemon, "week")[1]["scoreboard"]["weeks"][-1]
    assert week["steps"][0]["done"] == 2
    log = ctl_json(daemon, "log", "--action", "phone-calls")[1]
    assert [e["event"]["note"] for e in log["entries"]] == ["before the rename"]
    daemon.restart()
    assert {a["action"]: a["done"] for a in ctl_json(daemon, "today")[1]["actions"]}["phone-calls"] == 2


def test_a_snooze_of_an_action_removed_by_a_reload_ends_quietly(make_daemon):
    """Snooze an action, reload a plan without it: when the snooze ends the daemon carries on (it used to crash)."""
    # calls is reminded 3 s after start, so a snooze then owes a reminder at its end.
    soon = (dt.datetime.now(UTC) + dt.timedelta(seconds=3)).strftime("%H:%M:%S")
    config = two_action_plan()
    config["actions"][0]["at"] = soon
    daemon = make_daemon(config)
    daemon.watch().wait_for("reminder", timeout=15, action="calls")
    snoozed = daemon.ctl("snooze", "calls", "2s", "--json")
    assert snoozed.rc == 0 and json.loads(snoozed.stdout)["outcome"] == "recorded", snoozed.output
    without = two_action_plan()
    without["actions"] = without["actions"][1:]
    daemon.write_config(without)
    assert daemon.ctl("reload").rc == 0
    until = dt.datetime.now(UTC) + dt.timedelta(seconds=2)

    def snooze_over():
        status = daemon.status()
        return dt.datetime.now(UTC) > until + dt.timedelta(seconds=1) and status

    status = wait_until(snooze_over, 15, "the snooze to end with the daemon still answering")
    assert daemon.running, daemon.stderr()
    assert (status.get("nextReminder") or {}).get("action") != "calls"
