"""`salesd plan-week`: the weekly session, through flags and through a real terminal (tmux).

Commitments and their answers are recorded by the daemon; a target change is a dated target
from the next week start, written into the config file by editing only its span, the previous
file kept as config.json.bak, then the daemon reloads.
"""

import datetime as dt
import json
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from cli_support import ctl_json, today, two_action_plan
from harness.clock import DaemonTestClock
from harness.daemon import run_salesd
from harness.polling import wait_until

UTC = dt.timezone.utc
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def next_week_start(first_weekday=0):
    t = today()
    return t - dt.timedelta(days=(t.weekday() - first_weekday) % 7) + dt.timedelta(days=7)


def plan_week(daemon, *args):
    return run_salesd(daemon.binary, ["plan-week", *args], daemon.env)


def target_on(daemon, action, day):
    rc, plan = ctl_json(daemon, "plan", "--day", day.isoformat(), "--days", "1")
    assert rc == 0, plan
    return next(a["target"] for a in plan["days"][0]["actions"] if a["action"] == action)


def test_flags_record_commitments_and_a_target_from_the_next_week_start(make_daemon):
    """With a hand-laid-out config: commitments recorded and shown by `ctl week`; the target
    changes from next Monday and not a day before; only the target's span of the file changed;
    the previous file is config.json.bak."""
    config = two_action_plan()
    # A layout of the person's own: 4-space indent, keys in their order, a blank line.
    text = json.dumps(config, indent=4).replace('"actions": [', '"actions": [\n')
    daemon = make_daemon(text)
    monday = next_week_start()

    result = plan_week(daemon, "--commit", "connect: Ask two clients for an introduction",
                       "--commit", "Block Friday morning for calls", "--target", "calls=5", "--json")
    assert result.rc == 0, result.output
    reply = json.loads(result.stdout)
    assert reply["nextWeek"] == monday.isoformat() and reply["outcome"] == "recorded" and reply["reloaded"]
    assert [(c["text"], c.get("step"), c["week"]) for c in reply["commitments"]] == [
        ("Ask two clients for an introduction", "connect", monday.isoformat()),
        ("Block Friday morning for calls", None, monday.isoformat())]
    assert reply["targets"] == [{"action": "calls", "from": monday.isoformat(), "before": 3, "target": 5}]

    new = daemon.config_path.read_text()
    assert new == text.replace('"target": 3', f'"target": 3, "targets": [{{"from": "{monday}", "target": 5}}]', 1)
    assert (daemon.config_path.parent / "config.json.bak").read_text() == text
    # In force from the next week start, never earlier.
    assert target_on(daemon, "calls", monday - dt.timedelta(days=1)) == 3
    assert target_on(daemon, "calls", monday) == 5
    assert target_on(daemon, "calls", today()) == 3

    week = daemon.ctl("week")
    assert week.rc == 0, week.output
    assert f"commitments for the week of {monday}:" in week.stdout, week.stdout
    assert "1. Ask two clients for an introduction  [connect]" in week.stdout, week.stdout

    # A fourth and fifth commitment for the same week: refused, nothing recorded.
    refused = plan_week(daemon, "--commit", "three", "--commit", "four")
    assert refused.rc == 1 and "keep it to 3" in refused.stderr, refused.output
    rc, board = ctl_json(daemon, "week")
    assert len(board["commitments"]) == 2


def test_on_the_embedded_plan_the_config_file_is_created(make_daemon):
    """With no config file, plan-week writes the embedded plan with the new target to the
    default path (no .bak: there was nothing before), and the daemon reloads onto it."""
    daemon = make_daemon(None)
    assert not daemon.config_path.exists()
    monday = next_week_start()
    result = plan_week(daemon, "--target", "connection-requests=8")
    assert result.rc == 0, result.output
    assert "(created); the daemon reloaded it" in result.stdout, result.stdout
    assert not (daemon.config_path.parent / "config.json.bak").exists()
    rc, status = ctl_json(daemon, "status")
    assert status["config"] == str(daemon.config_path)
    assert target_on(daemon, "connection-requests", monday) == 8
    # The Friday before (connection requests are a weekday action): still the embedded 5.
    assert target_on(daemon, "connection-requests", monday - dt.timedelta(days=3)) == 5


def test_answers_kept_or_not_for_this_weeks_commitments(make_daemon):
    """Commitments made last week (the daemon's clock a week back) are answered this week;
    an answer given twice is left as it was; an id of another week is refused."""
    daemon = make_daemon(two_action_plan(), start=False)
    clock = DaemonTestClock(daemon)
    clock.start_at(dt.datetime.now(UTC) - dt.timedelta(days=7))
    made = json.loads(plan_week(daemon, "--commit", "Call Anna", "--commit", "Write the case study", "--json").stdout)
    first, second = (c["id"] for c in made["commitments"])
    daemon.stop()
    daemon.env.pop("SALESD_TEST_CLOCK_OFFSET_FILE")
    daemon.start()

    result = plan_week(daemon, "--kept", f"{first}=yes", "--kept", f"{second}=no", "--json")
    assert result.rc == 0, result.output
    reply = json.loads(result.stdout)
    assert [(c["id"], c["kept"]) for c in reply["commitments"]] == [(first, True), (second, False)]
    again = json.loads(plan_week(daemon, "--kept", f"{first}=no", "--json").stdout)
    assert again["alreadyAnswered"] == [first] and again["outcome"] == "already"
    assert [c["kept"] for c in again["commitments"]] == [True, False]
    rc, board = ctl_json(daemon, "week")
    assert [(c["id"], c["kept"]) for c in board["commitments"]] == [(first, True), (second, False)]
    assert "1 of 2 commitments kept" in plan_week(daemon, "--kept", f"{second}=yes").stdout
    wrong = plan_week(daemon, "--kept", "99999=yes")
    assert wrong.rc == 1 and "is not a commitment of this week" in wrong.stderr, wrong.output
    usage = plan_week(daemon, "--kept", "first=maybe")
    assert usage.rc == 2, usage.output
    no_terminal = plan_week(daemon)
    assert no_terminal.rc == 2 and "needs a terminal" in no_terminal.stderr, no_terminal.output


class Terminal:
    """`salesd plan-week` in a tmux session of its own (its own server socket)."""

    def __init__(self, daemon, name):
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed (apt-get install tmux; make test-deps does)")
        self.server = f"salesd-e2e-{name}-{time.monotonic_ns()}"
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in daemon.env.items()
                       if k.startswith("XDG_") or k in ("HOME", "PATH", "LANG"))
        command = f"env -i {env} TERM=xterm {shlex.quote(daemon.binary)} plan-week; echo EXIT=$?; sleep 120"
        self.tmux("new-session", "-d", "-s", "pw", "-x", "110", "-y", "50", command)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.server, *args], capture_output=True, text=True, timeout=10, check=True)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "pw").stdout

    def wait_for(self, text, timeout=20):
        return wait_until(lambda: text in self.screen() and self.screen(), timeout, f"{text!r} on the screen")

    def send(self, *keys):
        self.tmux("send-keys", "-t", "pw", *keys)

    def close(self):
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True, timeout=10)


def test_the_session_in_a_real_terminal(make_daemon):
    """In tmux: the week per step, this week's commitments answered y/n, a new commitment, one
    target changed; the screen says what was recorded, and the ledger and config agree."""
    daemon = make_daemon(two_action_plan(), start=False)
    clock = DaemonTestClock(daemon)
    clock.start_at(dt.datetime.now(UTC) - dt.timedelta(days=7))
    made = json.loads(plan_week(daemon, "--commit", "Call Anna", "--commit", "Write the case study", "--json").stdout)
    daemon.stop()
    daemon.env.pop("SALESD_TEST_CLOCK_OFFSET_FILE")
    daemon.start()
    assert daemon.ctl("done", "calls", "2").rc == 0
    monday = next_week_start()

    terminal = Terminal(daemon, "session")
    try:
        terminal.wait_for("1. Call Anna — kept? [y/n]")
        screen = terminal.screen()
        assert "Connect    2 of " in screen and "This week, per step" in screen, screen
        terminal.send("y", "Enter")
        terminal.wait_for("2. Write the case study — kept? [y/n]")
        terminal.send("n", "Enter")
        terminal.wait_for(f"for the week of {monday}")
        terminal.send("connect: Ask two clients for an introduction", "Enter")
        terminal.wait_for("  2>")
        terminal.send("Enter")
        terminal.wait_for("calls (Call three warm leads) [3]:")
        terminal.send("5", "Enter")
        terminal.wait_for("follow-ups (Send follow-ups) [2]:")
        terminal.send("Enter")
        terminal.wait_for("Record this? [Y/n]")
        terminal.send("Enter")
        screen = terminal.wait_for("EXIT=")
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "plan-week-screen.txt").write_text(screen)
    finally:
        terminal.close()
    assert "EXIT=0" in screen, screen
    assert "This week (from" in screen and "1 of 2 commitments kept" in screen, screen
    assert f"Target of calls: 3 → 5 from {monday}" in screen, screen
    first, second = (c["id"] for c in made["commitments"])
    rc, board = ctl_json(daemon, "week")
    assert [(c["id"], c["kept"]) for c in board["commitments"][:2]] == [(first, True), (second, False)]
    assert board["commitments"][2]["text"] == "Ask two clients for an introduction"
    assert target_on(daemon, "calls", monday) == 5 and target_on(daemon, "calls", monday - dt.timedelta(days=1)) == 3


def test_the_session_refuses_a_config_edited_meanwhile(make_daemon):
    """The file edited while the session waits for its last answer: nothing is recorded, the
    file keeps the other edit, and the screen says why."""
    daemon = make_daemon(two_action_plan())
    terminal = Terminal(daemon, "edited")
    try:
        terminal.wait_for("  1>")
        terminal.send("Enter")
        terminal.wait_for("calls (Call three warm leads) [3]:")
        terminal.send("4", "Enter")
        terminal.wait_for("[2]:")
        terminal.send("Enter")
        terminal.wait_for("Record this? [Y/n]")
        edited = daemon.config_path.read_text().replace('"Send follow-ups"', '"Send two follow-ups"')
        daemon.config_path.write_text(edited)
        terminal.send("y", "Enter")
        screen = terminal.wait_for("EXIT=")
    finally:
        terminal.close()
    assert "changed since plan-week read it" in screen and "EXIT=1" in screen, screen
    assert daemon.config_path.read_text() == edited
    assert not (daemon.config_path.parent / "config.json.bak").exists()
