"""The daily CLI (issue 15): action ids, undo of every kind, repeats that say "already",
--json failures, declared result kinds, `ctl plan` and `ctl log`, and `today --day` hints."""

import datetime as dt
import json

from cli_support import ctl_json, ledger_kinds
from harness.plans import action, plan

UTC = dt.timezone.utc


def today():
    return dt.datetime.now(UTC).date()


def two_action_plan(**extra):
    """A UTC plan planned every day (so the test works on any weekday), with config extras."""
    config = plan(
        action("calls", "Call three warm leads", step="connect", at="23:59", target=3),
        action("follow-ups", "Send follow-ups", step="follow-up", at="23:58", target=2))
    config.update(extra)
    return config


# 1. Ids

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


# 2. Undo beyond done, and repeats

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


# 3. --json failures

def test_json_failures_are_json_on_stdout_with_the_exit_code(make_daemon, salesd):
    """With --json anywhere, refusals, usage errors and an absent daemon print one JSON error object."""
    daemon = make_daemon(two_action_plan())

    refused = daemon.ctl("done", "nope", "--json")
    usage = daemon.ctl("done", "--json")
    bad_count = daemon.ctl("--json", "done", "calls", "many")
    unreachable = salesd("ctl", "status", "--json")

    for result, rc, kind in ((refused, 1, "NoSuchAction"), (usage, 2, "UsageError"), (bad_count, 2, "UsageError"),
                             (unreachable, 3, "DaemonUnreachable")):
        assert result.rc == rc, result.output
        error = json.loads(result.stdout)
        assert error["kind"] == kind, error
        assert error["message"] and "hint" in error, error
        assert error["exitCode"] == rc
    assert json.loads(refused.stdout)["known"] == ["calls", "follow-ups"]
    assert "Usage: salesd ctl done" in json.loads(usage.stdout)["hint"]


def test_a_failed_reload_with_json_lists_the_errors_as_json(make_daemon):
    """`ctl reload --json` of a broken config prints the InvalidConfig error with every problem, exit 1."""
    daemon = make_daemon(two_action_plan())
    broken = two_action_plan()
    broken["actions"][0]["at"] = "9:3"
    broken["actions"][1]["step"] = "nowhere"
    daemon.write_config(broken)

    rc, error = ctl_json(daemon, "reload")

    assert rc == 1
    assert error["kind"] == "InvalidConfig"
    assert "2 errors" in error["message"]
    assert len(error["errors"]) == 2 and any("9:3" in e for e in error["errors"])


# 4. Results declared in the config

def test_results_are_the_plans_kinds_and_a_typo_is_refused_with_the_closest(make_daemon):
    """`result clinet` is refused with "did you mean client"; declared kinds are recorded; corrections work."""
    daemon = make_daemon(two_action_plan(results=[
        {"id": "client", "name": "Clients won", "unit": "count"},
        {"id": "fees", "name": "Fees", "unit": "CHF"}]))

    typo = daemon.ctl("result", "clinet")
    undeclared = daemon.ctl("result", "revenue", "100")
    fees = daemon.ctl("result", "fees", "12000")
    correction = daemon.ctl("result", "fees", "-500", "--note", "discount")

    assert typo.rc == 1 and 'did you mean "client"' in typo.stderr, typo.output
    assert "salesd ctl result client" in typo.stderr
    assert undeclared.rc == 1 and "client, fees" in undeclared.stderr, undeclared.output
    assert fees.rc == 0 and correction.rc == 0, (fees.output, correction.output)
    assert correction.stdout.strip() == "Recorded result: fees -500 CHF — discount"
    rc, week = ctl_json(daemon, "week")
    assert week["scoreboard"]["weeks"][-1]["results"] == [{"kind": "fees", "count": 2, "sum": 11500}]


def test_the_example_plan_tracks_the_readme_result_kinds(make_daemon):
    """With no config, `result client` and `result revenue 12000` (as the README writes them) are recorded."""
    daemon = make_daemon()

    client = daemon.ctl("result", "client", "--note", "Acme")
    revenue = daemon.ctl("result", "revenue", "12000", "--note", "Acme")

    assert client.rc == 0 and revenue.rc == 0, (client.output, revenue.output)


def test_a_broken_results_list_is_reported_with_paths(make_daemon, salesd, tmp_path):
    """check-config reports every problem of "results" with its JSON path, the value and a hint."""
    config = two_action_plan(results=[{"id": "deal", "name": "Deals", "unit": "euros"}, {"id": "deal", "name": "D", "unit": "count"}])
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(config))

    result = salesd("check-config", path)

    assert result.rc == 1, result.output
    assert 'results[0].unit: "euros" is not a unit' in result.output
    assert 'results[1].id: "deal" is already the id of results[0]' in result.output


# 5. plan and log

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
    assert daemon.ctl("snooze", "follow-ups", "10m").rc == 0
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


# 6. today --day hints

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


# 8. Smaller items

def test_negative_and_zero_values_get_clear_messages(make_daemon):
    """`done X -3` says COUNT must be at least 1 (not "Unknown option"); `snooze X 0m` says zero."""
    daemon = make_daemon(two_action_plan())

    negative = daemon.ctl("done", "calls", "-3")
    zero = daemon.ctl("snooze", "calls", "0m")

    assert negative.rc == 2 and "COUNT must be a whole number of at least 1, not -3" in negative.stderr, negative.output
    assert "Unknown option" not in negative.stderr
    assert zero.rc == 2 and '"0m" is zero' in zero.stderr, zero.output


# 7. watch

def test_watch_says_the_daemon_stopped_and_exits(make_daemon):
    """When the daemon stops, `ctl watch` says it stopped (not "made no sense") and exits 3."""
    from cli_support import CtlProcess
    daemon = make_daemon(two_action_plan())
    watch = CtlProcess(daemon, "watch")
    try:
        wait_for_watchers(daemon, 1)
        assert daemon.ctl("done", "calls").rc == 0
        watch.wait_for("done calls")

        assert daemon.stop() == 0
        rc = watch.wait()

        assert rc == 3
        line = watch.wait_for("salesd: the daemon stopped", stream="stderr")
        assert "made no sense" not in line
        watch.wait_for("salesd ctl watch --follow", stream="stderr")
    finally:
        watch.stop()


def test_watch_json_ends_with_a_json_line_when_the_daemon_stops(make_daemon):
    """`ctl watch --json` is JSON lines to the end: the "stopped" failure is one more line, exit 3."""
    from cli_support import CtlProcess
    daemon = make_daemon(two_action_plan())
    watch = CtlProcess(daemon, "watch", "--json")
    try:
        wait_for_watchers(daemon, 1)
        assert daemon.ctl("done", "calls").rc == 0
        watch.wait_for('"done"')
        assert daemon.stop() == 0
        assert watch.wait() == 3
        last = watch.wait_for('"exitCode":3')
        assert json.loads(last)["message"].startswith("the daemon stopped")
        assert all(json.loads(line) for line in watch.seen["stdout"])
    finally:
        watch.stop()


def test_watch_follow_reconnects_when_the_daemon_is_back(make_daemon):
    """`ctl watch --follow` waits while the daemon is stopped and shows its events once it is back."""
    from cli_support import CtlProcess
    daemon = make_daemon(two_action_plan())
    watch = CtlProcess(daemon, "watch", "--follow")
    try:
        wait_for_watchers(daemon, 1)
        assert daemon.stop() == 0
        watch.wait_for("waiting for it to come back", stream="stderr")
        assert watch.process.poll() is None

        daemon.start()
        wait_for_watchers(daemon, 1)
        assert daemon.ctl("done", "follow-ups").rc == 0

        watch.wait_for("done follow-ups")
        watch.wait_for("the daemon is back", stream="stderr")
    finally:
        watch.stop()


def test_watch_follow_never_connects_to_a_socket_left_listening(make_daemon, tmp_path):
    """A socket kept listening after the daemon stopped (as salesd.socket does) is not dialled by --follow."""
    import os
    import select
    import socket as sockets
    import subprocess
    from cli_support import CtlProcess

    daemon = make_daemon(two_action_plan(), start=False)
    path = str(daemon.socket_path)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    # The activating listener, as systemd holds it: the daemon inherits it as fd 3.
    listener = sockets.socket(sockets.AF_UNIX, sockets.SOCK_STREAM)
    listener.bind(path)
    listener.listen(8)
    stderr_file = open(tmp_path / "activated.stderr", "wb")
    activated = subprocess.Popen(
        ["bash", "-c", f'LISTEN_PID=$$ LISTEN_FDS=1 exec "{daemon.binary}" run 3<&{listener.fileno()}'],
        env=daemon.env, cwd=daemon.env["HOME"], pass_fds=(listener.fileno(),),
        stdin=subprocess.DEVNULL, stdout=stderr_file, stderr=stderr_file)
    watch = None
    try:
        from harness.polling import wait_until
        wait_until(lambda: try_status(daemon) or activated.poll() is not None, 30,
                   "the socket-activated daemon to answer")
        assert activated.poll() is None, (tmp_path / "activated.stderr").read_text()
        watch = CtlProcess(daemon, "watch", "--follow")
        wait_for_watchers(daemon, 1)
        activated.terminate()
        assert activated.wait(30) == 0
        watch.wait_for("waiting for it to come back", stream="stderr")

        # Nothing dials the socket that is still there: a connection would start the daemon again.
        readable, _, _ = select.select([listener], [], [], 1.5)
        assert readable == [], "watch --follow connected to the listening socket"
        assert watch.process.poll() is None
    finally:
        if watch:
            watch.stop()
        if activated.poll() is None:
            activated.kill()
            activated.wait()
        listener.close()
        stderr_file.close()
        print((tmp_path / "activated.stderr").read_text())


def try_status(daemon):
    try:
        return daemon.status(timeout=1.0)
    except (OSError, EOFError, TimeoutError):
        return None


def wait_for_watchers(daemon, count):
    """Waits until the daemon counts `count` Watch clients (Status says so)."""
    from harness.polling import wait_until
    wait_until(lambda: daemon.status()["watchers"] >= count, 15, f"{count} watcher(s)")


def test_a_failed_reload_says_how_many_errors_and_lists_them(make_daemon):
    """`ctl reload` of a config with 3 errors says "3 errors", prints each one, and how to check the file."""
    daemon = make_daemon(two_action_plan())
    broken = two_action_plan(snoze="1m")
    broken["actions"][0]["at"] = "9:3"
    broken["actions"][1]["step"] = "nowhere"
    daemon.write_config(broken)

    result = daemon.ctl("reload")

    assert result.rc == 1, result.output
    assert "has 3 errors; the running plan stays in force" in result.stderr
    for problem in ('snoze: unknown key (did you mean "snooze"?)', 'actions[0].at: "9:3" is not a time',
                    'actions[1].step: "nowhere" is not a step'):
        assert problem in result.stderr, result.stderr
    assert "salesd check-config" in result.stderr


def test_config_syntax_problems_read_as_sentences(salesd, tmp_path):
    """A JSON syntax error is not prefixed "$:", a trailing comma is reported, an empty steps list has a sensible hint."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1,\n "steps": [\n')
    trailing = tmp_path / "trailing.json"
    trailing.write_text('{"version": 1, "steps": [{"id": "s", "name": "S"}], "actions": [],}\n')
    no_steps = tmp_path / "nosteps.json"
    no_steps.write_text('{"version": 1, "steps": [], "actions": [{"id": "a", "step": "call", "title": "A"}]}')

    syntax = salesd("check-config", broken)
    comma = salesd("check-config", trailing)
    steps = salesd("check-config", no_steps)

    assert syntax.rc == 1 and "the file is not valid JSON" in syntax.output and "$:" not in syntax.output, syntax.output
    assert comma.rc == 1 and "a trailing comma at line 1, column 66" in comma.output, comma.output
    assert steps.rc == 1 and "use one of the steps: )" not in steps.output, steps.output
    assert 'add it to "steps" first' in steps.output


def test_export_usage_names_the_formats_as_a_choice(salesd):
    """`salesd export` without a format says to choose --csv or --json; the usage line shows them as a choice."""
    missing = salesd("export")
    both = salesd("export", "--csv", "--json")

    assert missing.rc == 2 and both.rc == 2
    assert "Usage: salesd export (--csv | --json)" in missing.stderr, missing.stderr
    assert "give a format: salesd export --csv" in missing.stderr
    assert "Help: --csv <csv>" not in missing.stderr
    assert json.loads(both.stdout)["message"].startswith("give one format, not both")


def test_stderr_does_not_repeat_the_kind(make_daemon):
    """The daemon's stderr reads "salesd … started: …" and "Done: …", not "started: salesd … started:"."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("done", "calls").rc == 0
    assert daemon.stop() == 0

    stderr = daemon.stderr()

    assert "started: salesd" not in stderr, stderr
    assert "salesd" in stderr and "started:" in stderr
    assert "done calls: Done:" not in stderr and "Done: calls +1" in stderr, stderr


def test_week_shows_every_week_asked_for_and_no_coverage_before_the_ledger(make_daemon):
    """`week --weeks 100` shows 100 weeks (in blocks that fit 80 columns); weeks before the plan show "–", not 0%."""
    daemon = make_daemon(two_action_plan())

    result = daemon.ctl("week", "--weeks", "100")

    assert result.rc == 0, result.output
    headers = [line for line in result.stdout.splitlines() if line.startswith("weeks ")]
    assert headers[0].startswith("weeks 1–") and headers[-1].split()[1].endswith("–100"), headers
    shown = sum(len(line.split()) - 4 for line in headers)  # "weeks a–b of 100" then one date per week
    assert shown == 100, headers
    coverage_rows = [line for line in result.stdout.splitlines() if line.startswith("coverage")]
    assert "%" not in coverage_rows[0], coverage_rows[0]
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def readme_commands(repo, heading):
    """The `salesd ctl …` lines of the README's code block after `heading`, with their comments."""
    import shlex
    text = (repo / "README.md").read_text()
    block = text[text.index(heading):]
    block = block[block.index("```") + 3:]
    block = block[:block.index("```")]
    commands = []
    for line in block.splitlines():
        line = line.strip()
        if not line.startswith("salesd ctl "):
            continue
        command, _, comment = line.partition("  #")
        commands.append((shlex.split(command)[2:], comment))
    return commands


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
    import pathlib
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


def test_import_into_a_fresh_home_restores_the_recorded_plan(make_daemon, tmp_path):
    """`salesd import` where no config exists writes the plan recorded last, so the history meets its own plan."""
    from harness.daemon import run_salesd
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
    from harness.plans import unique_id
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
    from harness.daemon import run_salesd
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


def run_cli(daemon, *args):
    from harness.daemon import run_salesd
    return run_salesd(daemon.binary, list(args), daemon.env)


def test_the_report_charts_money_on_its_own_axis(make_daemon, tmp_path):
    """`salesd report` puts revenue (EUR) on a chart of its own, and counts next to coverage."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("result", "revenue", "12000").rc == 0
    assert daemon.ctl("result", "client").rc == 0
    page = tmp_path / "report.html"

    result = run_cli(daemon, "report", "--html", str(page), "--weeks", "2")

    assert result.rc == 0, result.output
    html = page.read_text()
    coverage = html.split('<svg id="chart-coverage"')[1].split("</svg>")[0]
    money = html.split('<svg id="chart-money-eur"')[1].split("</svg>")[0]
    assert 'data-kind="client"' in coverage and 'data-kind="revenue"' not in coverage
    assert 'data-kind="revenue"' in money and "12000 EUR</text>" in money


def test_a_snooze_of_an_action_removed_by_a_reload_ends_quietly(make_daemon):
    """Snooze an action, reload a plan without it: when the snooze ends the daemon carries on (it used to crash)."""
    from harness.polling import wait_until
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("snooze", "calls", "2s").rc == 0
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
