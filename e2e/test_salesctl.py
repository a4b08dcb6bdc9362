"""`salesctl status` answers in a small binary of its own: it must print exactly what
`salesd ctl status` prints, fail exactly as it fails, and hand every other command line to salesd."""

import json
import subprocess
from pathlib import Path

import pytest

from harness.daemon import run_salesd
from harness.plans import action, plan


@pytest.fixture
def salesctl_bin(salesd_bin):
    """The salesctl built beside the salesd under test."""
    binary = Path(salesd_bin).parent / "salesctl"
    assert binary.is_file(), f"no salesctl next to {salesd_bin}: build it (swift build --product salesctl)"
    return binary


def test_salesctl_status_prints_what_salesd_ctl_status_prints(make_daemon, salesctl_bin):
    """Text and --json, the socket given or the default one: the same bytes as salesd ctl status."""
    daemon = make_daemon(plan(action("calls", "Call three warm leads", target=3)))
    socket = str(daemon.socket_path)

    for words in (["status"], ["status", "--json"], ["status", "--socket", socket],
                  ["status", f"--socket={socket}", "--json"]):
        before = run_salesd(salesctl_bin, words, daemon.env)
        reference = daemon.ctl(*words)
        after = run_salesd(salesctl_bin, words, daemon.env)
        assert reference.rc == before.rc == after.rc == 0, (words, before.output)
        # "since … (N min ago)" may tick between two calls, never twice across three.
        assert reference.stdout in (before.stdout, after.stdout), words
        assert before.stderr == after.stderr == reference.stderr == ""
    assert json.loads(before.stdout)["pid"] == daemon.process.pid
    assert "next reminder:" in run_salesd(salesctl_bin, ["status"], daemon.env).stdout


def test_salesctl_status_fails_as_salesd_ctl_status(salesd_bin, salesctl_bin, short_tmp):
    """No daemon: salesd's own message and exit 3, as text and as JSON."""
    missing = str(short_tmp / "no-daemon.sock")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(short_tmp), "XDG_RUNTIME_DIR": str(short_tmp)}
    for extra in ([], ["--json"]):
        quick = run_salesd(salesctl_bin, ["status", "--socket", missing, *extra], env)
        full = run_salesd(salesd_bin, ["ctl", "status", "--socket", missing, *extra], env)
        assert quick.rc == full.rc == 3, quick.output
        assert (quick.stdout, quick.stderr) == (full.stdout, full.stderr)
        assert missing in quick.output


def test_salesctl_hands_other_command_lines_to_salesd(make_daemon, salesctl_bin):
    """Another verb, another option, a typo: salesd ctl answers, with its output and exit code."""
    daemon = make_daemon(plan(action("calls", "Call three warm leads", target=3)))
    for words in (["today"], ["status", "--oneline"], ["status", "--sockett", "x"], ["--json", "status"]):
        quick = run_salesd(salesctl_bin, words, daemon.env)
        full = daemon.ctl(*words)
        assert (quick.rc, quick.stdout, quick.stderr) == (full.rc, full.stdout, full.stderr), words


def test_salesctl_links_no_foundation_with_icu(salesctl_bin):
    """salesctl starts fast because it loads neither Foundation nor ICU's data."""
    libraries = subprocess.run(["ldd", str(salesctl_bin)], capture_output=True, text=True).stdout
    assert "libFoundation.so" not in libraries and "ICU" not in libraries, libraries
