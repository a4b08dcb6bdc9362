"""`ctl plan` (the days ahead) and `ctl log` (the history), the README tour, and shell completion."""

import datetime as dt
import json
import pathlib

from cli_support import ctl_json, readme_commands, today, two_action_plan


def test_plan_shows_the_week_ahead_with_times_targets_repeats_and_days_off(make_daemon):
    """`ctl plan` lists seven days; a config day off says so; each action has its id, step, target and repeat."""
    in_two_days = (today() + dt.timedelta(days=2)).isoformat()
    config = two_action_plan(daysOff=[in_two_days])
    config["actions"][0].update({"at": "09:30", "repeat": "1h", "until": "17:00"})
    daemon = make_daemon(config)

    result = daemon.ctl("plan")
    rc, reply = ctl_json(daemon, "plan")

    assert result.rc == 0, result.output
    assert len(reply["days"]) == 7 and reply["days"][0]["day"] == today().isoformat()
    assert reply["days"][2]["off"] is True and reply["days"][2]["offBy"] == "config"
    assert "day off (in the config's daysOff)" in result.stdout
    line = next(l for l in result.stdout.splitlines() if " calls " in l)
    for part in ("09:30", "connect", "×3", "every 1h until 17:00", "Call three warm leads"):
        assert part in line, line
    first = reply["days"][0]["actions"]
    assert [a["action"] for a in first] == ["calls", "follow-ups"]  # time order: 09:30 before 23:58


def test_plan_help_is_plans_own(make_daemon):
    """`ctl plan --help` prints the help of plan, not of ctl."""
    daemon = make_daemon(two_action_plan())

    result = daemon.ctl("plan", "--help")

    assert result.rc == 0
    assert "USAGE: salesd ctl plan" in result.stdout


def test_log_shows_notes_undos_and_filters(make_daemon):
    """`ctl log` shows done with notes, skips, snoozes, results and undone entries; --action, --step and days filter."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("done", "calls", "2", "--note", "met Anna at the fair").rc == 0
    # 24 h covers the next 23:58 reminder, whatever the time: a snooze with something to postpone.
    assert daemon.ctl("snooze", "follow-ups", "24h").rc == 0
    assert daemon.ctl("skip", "follow-ups", "--reason", "travelling").rc == 0
    assert daemon.ctl("result", "proposal", "--note", "Acme").rc == 0
    assert daemon.ctl("done", "calls", "--day", "yesterday").rc == 0
    assert daemon.ctl("undo").rc == 0

    result = daemon.ctl("log")
    rc, only_calls = ctl_json(daemon, "log", "--action", "calls")
    rc2, follow_up_step = ctl_json(daemon, "log", "--step", "follow-up", "--from", "today")
    rc3, yesterday_only = ctl_json(daemon, "log", "--from", "yesterday", "--to", "yesterday")

    assert result.rc == 0, result.output
    text = result.stdout
    assert 'calls +2 — "met Anna at the fair"' in text
    assert "snooze" in text and 'follow-ups — "travelling"' in text and 'proposal 1 — "Acme"' in text
    assert "(undone)" in text and "undo done" in text
    assert [e["event"]["kind"] for e in only_calls["entries"]] == ["done", "done", "undo"]
    assert {e["event"]["kind"] for e in follow_up_step["entries"]} == {"snooze", "skip"}
    assert [(e["event"]["kind"], e["cancelled"]) for e in yesterday_only["entries"]] == [("done", True), ("undo", False)]
    assert daemon.ctl("log", "--step", "nope").rc == 1


def test_the_readme_tour_works_as_written_on_the_example_plan(make_daemon, repo):
    """Every `salesd ctl` line of the README's daily verbs and scoreboard blocks runs as written on the example plan."""
    daemon = make_daemon()  # no config: the embedded example plan
    commands = readme_commands(repo, "The daily verbs, on the example plan:") + readme_commands(repo, "## The scoreboard")
    assert len(commands) >= 15, commands

    for args, comment in commands:
        if args[0] == "watch":
            continue
        result = daemon.ctl(*args)
        expected = 1 if "exit 1" in comment else 0
        assert result.rc == expected, f"salesd ctl {' '.join(args)}: {result.output}"


def test_shell_completion_offers_the_plans_ids(salesd):
    """bash completion of `ctl done`, `ctl log --step` and `ctl result` offers the config's ids, daemon or not."""
    config = pathlib.Path(salesd.env["XDG_CONFIG_HOME"]) / "salesd" / "config.json"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps(two_action_plan(results=[{"id": "fees", "name": "Fees", "unit": "CHF"}])))

    def complete(*words, argument, cursor):
        # What the generated bash script runs: ---completion VERB -- ARGUMENT CWORD CURSOR WORDS…
        result = salesd("---completion", "ctl", words[2], "--", argument, str(len(words) - 1), str(cursor), *words)
        assert result.rc == 0, result.output
        return result.stdout.split()

    assert complete("salesd", "ctl", "done", "", argument="positional@0", cursor=0) == ["calls", "follow-ups"]
    assert complete("salesd", "ctl", "done", "fo", argument="positional@0", cursor=2) == ["follow-ups"]
    assert complete("salesd", "ctl", "log", "--step", "", argument="--step", cursor=0) == ["connect", "follow-up"]
    assert complete("salesd", "ctl", "result", "", argument="positional@0", cursor=0) == ["fees"]
