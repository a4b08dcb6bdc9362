"""Bad input is refused whole with a clear error, and nothing of it reaches the ledger."""

import json

import pytest

from harness.daemon import run_salesd
from harness.plans import action, plan
from harness.varlink_client import VarlinkError
from robustness_support import start_daemon

ACTION = "calls"


def recorded(daemon, kind):
    result = run_salesd(daemon.binary, ["export", "--json"], daemon.env)
    assert result.rc == 0, result.output
    return [e for e in map(json.loads, result.stdout.splitlines()) if e["kind"] == kind]


@pytest.fixture
def daemon(make_daemon):
    return start_daemon(make_daemon, plan(action(ACTION, "Call three warm leads", target=3)))


def test_a_note_with_a_nul_is_refused_not_cut(daemon):
    """A NUL in a note is refused with its parameter named; no half note is stored."""
    with pytest.raises(VarlinkError) as refused:
        daemon.call("Done", action=ACTION, note="met Dana\x00 and Sam")
    assert refused.value.name == "io.salesd.Control.InvalidArgument"
    assert refused.value.parameters["parameter"] == "note"
    assert "NUL" in refused.value.parameters["message"]
    assert recorded(daemon, "done") == []
    assert daemon.call("Done", action=ACTION, note="met Dana and Sam")["event"]["note"] == "met Dana and Sam"


def test_a_snooze_longer_than_a_day_is_refused(daemon):
    """`snooze calls 999999999h` is refused (the longest snooze is 24h), and 24h itself is fine."""
    result = daemon.ctl("snooze", ACTION, "999999999h")
    assert result.rc == 1 and "longest snooze" in result.stderr, result.output
    assert recorded(daemon, "snooze") == []
    assert daemon.ctl("snooze", ACTION, "24h").rc == 0
