"""With --json anywhere on the command line, failures are one JSON object with the exit code."""

import json

from cli_support import ctl_json, two_action_plan


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
