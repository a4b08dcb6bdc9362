"""Smaller things a new user ran into: clear messages for bad values, config syntax, export usage, stderr, week."""

import json

from cli_support import two_action_plan


def test_negative_and_zero_values_get_clear_messages(make_daemon):
    """`done X -3` says COUNT must be at least 1 (not "Unknown option"); `snooze X 0m` says zero."""
    daemon = make_daemon(two_action_plan())

    negative = daemon.ctl("done", "calls", "-3")
    zero = daemon.ctl("snooze", "calls", "0m")

    assert negative.rc == 2 and "COUNT must be a whole number of at least 1, not -3" in negative.stderr, negative.output
    assert "Unknown option" not in negative.stderr
    assert zero.rc == 2 and '"0m" is zero' in zero.stderr, zero.output


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
