"""A broken config is reported whole, and a failed reload leaves the running plan in force."""

import json
import re

from harness.daemon import Daemon, run_salesd
from harness.plans import action, plan, soon, unique_id

ERROR_PATH = re.compile(r"(?:^|\s)((?:steps|actions)\[\d+\]\.\w+): ")


def broken_plan():
    """A plan with three distinct mistakes, at three paths."""
    config = plan(
        action("calls", "Call three warm leads", at="9:3"),
        action("posts", "Publish one useful post", step="nurture"),
    )
    config["steps"][1] = {"id": "Follow Up!", "name": "Follow up"}
    return config


EXPECTED_PATHS = ["steps[1].id", "actions[0].at", "actions[1].step"]


def error_paths(output):
    return [m.group(1) for line in output.splitlines() for m in [ERROR_PATH.search(line)] if m]


def test_check_config_lists_every_error_with_its_path(salesd, short_tmp):
    """`salesd check-config` names all three mistakes, one line each, and exits 1."""
    bad = short_tmp / "bad.json"
    bad.write_text(json.dumps(broken_plan(), indent=2))

    result = salesd("check-config", bad)

    assert result.rc == 1, result.output
    assert sorted(error_paths(result.output)) == sorted(EXPECTED_PATHS), result.output
    assert 'actions[0].at: "9:3" is not a time (use HH:MM, e.g. "09:30")' in result.output


def test_daemon_refuses_to_start_on_a_broken_config(salesd_bin, short_tmp):
    """`salesd run` with a broken config exits non-zero at once and prints every error."""
    daemon = Daemon(salesd_bin, short_tmp / "broken", broken_plan())

    result = run_salesd(salesd_bin, ["run"], daemon.env, timeout=60)

    assert result.rc != 0, result.output
    assert sorted(error_paths(result.stderr)) == sorted(EXPECTED_PATHS), result.output
    assert not daemon.socket_path.exists()


def test_failed_reload_reports_the_errors_and_keeps_the_old_plan(make_daemon, journal):
    """`salesd ctl reload` of a broken config exits 1 with the errors; the old plan's reminder still fires."""
    ping = unique_id("ping")
    at, _, _ = soon(12)
    daemon = make_daemon(plan(action(ping, "Ping a former colleague", at=at)))
    watcher = daemon.watch()
    daemon.write_config(broken_plan())

    reload = daemon.ctl("reload")

    assert reload.rc == 1, reload.output
    assert sorted(error_paths(reload.output)) == sorted(EXPECTED_PATHS), reload.output
    reminders_before_reload = len(watcher.matching("reminder", action=ping))
    assert reminders_before_reload == 0, "the reminder fired before the reload was answered: the test proves nothing"
    watcher.wait_for("reload-failed", timeout=30)

    watcher.wait_for("reminder", timeout=60, action=ping)
    journal(SALESD_EVENT="reminder", SALESD_ACTION=ping)
    assert daemon.running
