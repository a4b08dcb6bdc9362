"""Only the daemon's user can reach its socket and its ledger."""

import stat

from harness.plans import action, plan


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_socket_and_ledger_are_private_to_the_user(make_daemon):
    """The socket is 0600 in a 0700 folder; the ledger folder is 0700."""
    daemon = make_daemon(plan(action("calls", "Call three warm leads")))

    assert stat.S_ISSOCK(daemon.socket_path.stat().st_mode)
    assert oct(mode(daemon.socket_path)) == oct(0o600)
    assert oct(mode(daemon.socket_path.parent)) == oct(0o700)
    assert (daemon.state_dir / "ledger.sqlite").exists()
    assert oct(mode(daemon.state_dir)) == oct(0o700)
