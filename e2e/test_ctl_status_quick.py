"""`salesd ctl status` has a fast path of its own (no argument-parser): it must answer exactly
as the full command line reader does. A `--` at the end sends the same call the slow way."""

import json

from harness.plans import action, plan


def test_status_fast_and_full_paths_print_the_same(make_daemon):
    """Text and --json, with --socket spelled both ways: the fast path prints what the full one does."""
    daemon = make_daemon(plan(action("calls", "Call three warm leads", target=3)))
    socket = str(daemon.socket_path)

    for fast, full in ((["status", "--json"], ["status", "--json", "--"]),
                       (["status", "--socket", socket, "--json"], ["status", "--socket", socket, "--json", "--"]),
                       (["--json", "status", f"--socket={socket}"], ["status", "--socket", socket, "--json", "--"])):
        quick, slow = daemon.ctl(*fast), daemon.ctl(*full)
        assert (quick.rc, json.loads(quick.stdout)) == (slow.rc, json.loads(slow.stdout)) == (0, json.loads(slow.stdout))
        assert json.loads(quick.stdout)["pid"] == daemon.process.pid

    quick, slow = daemon.ctl("status"), daemon.ctl("status", "--")
    assert quick.rc == slow.rc == 0, quick.output
    # "since … (N s ago)" may tick between the two calls; every other line is the same.
    strip = lambda text: [line for line in text.splitlines() if not line.startswith("since:")]  # noqa: E731
    assert strip(quick.stdout) == strip(slow.stdout) and "next reminder:" in quick.stdout


def test_status_fast_path_fails_as_the_full_one(salesd, short_tmp):
    """No daemon: the same message and exit 3 either way, as text and as JSON."""
    missing = str(short_tmp / "no-daemon.sock")
    for extra in ([], ["--json"]):
        quick = salesd("ctl", "status", "--socket", missing, *extra)
        slow = salesd("ctl", "status", "--socket", missing, *extra, "--")
        assert quick.rc == slow.rc == 3, quick.output
        assert (quick.stdout, quick.stderr) == (slow.stdout, slow.stderr)
        assert missing in quick.output


def test_status_options_the_fast_path_does_not_know_go_to_argument_parser(salesd):
    """A misspelt option is still a usage error with argument-parser's message; help still prints."""
    typo = salesd("ctl", "status", "--sockett", "x")
    assert typo.rc == 2 and "--sockett" in typo.output, typo.output
    extra = salesd("ctl", "status", "now")
    assert extra.rc == 2 and "now" in extra.output, extra.output
    help_text = salesd("ctl", "status", "--help")
    assert help_text.rc == 0 and "--socket" in help_text.stdout, help_text.output
