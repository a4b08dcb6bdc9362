"""Action ids in `ctl today`, undo of every kind (and its retry), and repeats that answer "already"."""

import datetime as dt

from cli_support import ctl_json, ledger_kinds, today, two_action_plan


def test_today_shows_the_action_ids_the_other_verbs_take(make_daemon):
    """Every row of `ctl today` names the action's id, and the hint records it."""
    daemon = make_daemon(two_action_plan())

    result = daemon.ctl("today")

    assert result.rc == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "Call three warm leads" in line or "Send follow-ups" in line]
    assert any(" calls " in row for row in rows), result.stdout
    assert any(" follow-ups " in row for row in rows), result.stdout
    assert "then: salesd ctl done follow-ups" in result.stdout


def test_done_of_a_step_lists_the_steps_actions(make_daemon):
    """`ctl done STEP` is refused (exit 1) with the step's actions and a command to record one."""
    daemon = make_daemon(two_action_plan())

    result = daemon.ctl("done", "connect")

    assert result.rc == 1, result.output
    assert '"connect" is a step, not an action; its actions: calls' in result.stderr
    assert "salesd ctl done calls" in result.stderr


def test_undo_takes_back_skip_result_and_day_off_most_recent_first(make_daemon):
    """Undo takes back the latest event of any kind; each one stops counting, in the ledger too."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("skip", "calls").rc == 0
    assert daemon.ctl("result", "revenue", "1200").rc == 0
    assert daemon.ctl("off").rc == 0

    first = daemon.ctl("undo")
    assert first.rc == 0, first.output
    assert first.stdout.startswith("Undone: day off on "), first.stdout
    rc, board = ctl_json(daemon, "today")
    assert rc == 0 and board["off"] is False

    second = daemon.ctl("undo")
    assert "Undone: result revenue 1200 today" in second.stdout, second.output
    third = daemon.ctl("undo")
    assert "Undone: skip of calls today" in third.stdout, third.output
    states = {a["action"]: a["state"] for a in ctl_json(daemon, "today")[1]["actions"]}
    assert states["calls"] == "open"
    assert daemon.ctl("undo").rc == 1
    rc, week = ctl_json(daemon, "week")
    assert week["scoreboard"]["weeks"][-1]["results"] == []


def test_undo_with_day_cancels_a_future_day_off(make_daemon):
    """`off tomorrow` can be taken back with `undo --day tomorrow`; the plan shows the day again."""
    daemon = make_daemon(two_action_plan())
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    assert daemon.ctl("done", "calls").rc == 0
    assert daemon.ctl("off", "tomorrow").rc == 0
    rc, planned = ctl_json(daemon, "plan", "--day", "tomorrow")
    assert planned["days"][0]["off"] is True and planned["days"][0]["offBy"] == "ctl"

    rc, reply = ctl_json(daemon, "undo", "--day", tomorrow)

    assert rc == 0, reply
    assert reply["outcome"] == "recorded"
    assert reply["cancelled"]["kind"] == "day-off" and reply["cancelled"]["day"] == tomorrow
    assert reply.get("progress") is None
    rc, planned = ctl_json(daemon, "plan", "--day", "tomorrow")
    assert planned["days"][0]["off"] is False and len(planned["days"][0]["actions"]) == 2
    # Today's done was not touched.
    assert {a["action"]: a["done"] for a in ctl_json(daemon, "today")[1]["actions"]}["calls"] == 1


def test_undo_of_an_action_takes_back_its_backfilled_done_and_says_the_day(make_daemon):
    """`undo ACTION` takes back that action's latest entry even when it was for yesterday, and says so."""
    daemon = make_daemon(two_action_plan())
    yesterday = (today() - dt.timedelta(days=1)).isoformat()
    assert daemon.ctl("done", "follow-ups").rc == 0
    assert daemon.ctl("done", "calls", "2", "--day", "yesterday").rc == 0

    result = daemon.ctl("undo", "calls")

    assert result.rc == 0, result.output
    assert result.stdout.strip() == f"Undone: calls −2 → 0 of 3 on {yesterday}"
    assert daemon.ctl("undo", "calls", "--day", "today").rc == 1


def test_a_retried_undo_request_never_undoes_twice(make_daemon):
    """The same Undo request sent twice (a client retrying after a lost reply) takes back one event only."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("done", "calls").rc == 0
    assert daemon.ctl("done", "calls").rc == 0

    first = daemon.call("Undo", request="retry-1")
    again = daemon.call("Undo", request="retry-1")

    assert first["outcome"] == "recorded"
    assert again["outcome"] == "already"
    assert again["undone"]["id"] == first["undone"]["id"]
    assert {a["action"]: a["done"] for a in daemon.call("Today")["actions"]}["calls"] == 1
    assert ledger_kinds(daemon).count("undo") == 1


def test_repeats_say_already_and_record_nothing(make_daemon):
    """A second skip, a second off and an off on a config day off answer "already", exit 0, record nothing."""
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    daemon = make_daemon(two_action_plan(daysOff=[tomorrow]))
    assert daemon.ctl("skip", "calls").rc == 0
    assert daemon.ctl("off").rc == 0
    before = ledger_kinds(daemon)

    skip = daemon.ctl("skip", "calls")
    off = daemon.ctl("off")
    config_off = daemon.ctl("off", tomorrow)
    rc, json_reply = ctl_json(daemon, "off", "today")

    assert (skip.rc, off.rc, config_off.rc, rc) == (0, 0, 0, 0), (skip.output, off.output, config_off.output)
    assert skip.stdout.startswith("Already skipped: calls"), skip.stdout
    assert off.stdout.startswith("Already a day off:"), off.stdout
    assert config_off.stdout.startswith("Already a day off:"), config_off.stdout
    assert json_reply["outcome"] == "already"
    assert ledger_kinds(daemon) == before


def test_undo_help_says_what_it_takes_back(make_daemon):
    """`ctl undo --help` speaks of every kind and of --day, not of "today's most recent done"."""
    daemon = make_daemon(two_action_plan())

    result = daemon.ctl("undo", "--help")

    assert result.rc == 0
    assert "done, skip, snooze, day off or result" in result.stdout
    assert "--day" in result.stdout
    assert "today's most recent" not in result.stdout


def test_today_of_another_day_hints_with_day_or_not_at_all(make_daemon):
    """Yesterday's hint records with --day; a future day has no done hint and no NEXT."""
    daemon = make_daemon(two_action_plan())
    yesterday = (today() - dt.timedelta(days=1)).isoformat()
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()

    past = daemon.ctl("today", "--day", "yesterday")
    future = daemon.ctl("today", "--day", tomorrow)

    assert f"then: salesd ctl done follow-ups --day {yesterday}" in past.stdout, past.stdout
    assert "then:" not in future.stdout and "NEXT" not in future.stdout, future.stdout
    hinted = daemon.ctl("done", "follow-ups", "--day", yesterday)
    assert hinted.rc == 0, hinted.output
