"""The test services' own scripts: starting journald again is harmless."""

import subprocess

from harness.journal import journald_answers


def test_journald_start_is_idempotent(repo, journal):
    """`journald.sh start` with a journald running leaves it alone and succeeds."""
    script = repo / "e2e" / "services" / "journald.sh"

    started = subprocess.run([script, "start"], capture_output=True, text=True, timeout=60)
    status = subprocess.run([script, "status"], capture_output=True, text=True, timeout=60)

    assert started.returncode == 0, started.stdout + started.stderr
    assert "already running" in started.stdout
    assert status.returncode == 0
    assert journald_answers()
