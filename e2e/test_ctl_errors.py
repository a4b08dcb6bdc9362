"""`salesd ctl` exit codes: 3 when no daemon answers, 1 when it refuses, 2 for bad usage."""

from harness.plans import action, plan


def test_status_without_a_daemon_says_how_to_start_one(salesd):
    """With no daemon running, `ctl status` exits 3 and names the command that starts it."""
    result = salesd("ctl", "status")

    assert result.rc == 3, result.output
    assert "salesd run" in result.output or "systemctl --user start salesd" in result.output, result.output


def test_done_of_an_unknown_action_is_refused(make_daemon):
    """`ctl done` of an action that is not in the plan exits 1 and quotes the name."""
    daemon = make_daemon(plan(action("calls", "Call three warm leads", target=3)))

    result = daemon.ctl("done", "no-such-action")

    assert result.rc == 1, result.output
    assert "no-such-action" in result.output


def test_done_without_an_action_is_a_usage_error(salesd):
    """`ctl done` with nothing to record exits 2, before any daemon is asked."""
    result = salesd("ctl", "done")

    assert result.rc == 2, result.output
