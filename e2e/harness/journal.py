"""Reads salesd's entries back from the real journal with `journalctl -o json`."""

import json
import socket
import subprocess
import time

JOURNAL_SOCKET = "/run/systemd/journal/socket"


def journald_answers():
    """True when a journald receives datagrams on the system journal socket."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        probe.connect(JOURNAL_SOCKET)
        return True
    except OSError:
        return False
    finally:
        probe.close()


def read_journal(**fields):
    """Every salesd entry whose fields equal `fields` (e.g. SALESD_EVENT="reminder"), oldest first."""
    matches = [f"{name}={value}" for name, value in {"SYSLOG_IDENTIFIER": "salesd", **fields}.items()]
    completed = subprocess.run(
        ["journalctl", "-o", "json", "--no-pager", "-q", *matches],
        capture_output=True, text=True, timeout=30)
    # journalctl exits 1 when no entry matches on some versions; an empty output says the same.
    if completed.returncode not in (0, 1):
        raise AssertionError(f"journalctl {' '.join(matches)} failed: {completed.stderr}")
    return [json.loads(line) for line in completed.stdout.splitlines() if line.strip()]


def journal_entries(timeout=15.0, at_least=1, **fields):
    """Waits until at least `at_least` salesd entries match `fields`, then returns all of them.

    With `at_least=0` it reads once and returns what is there.
    """
    deadline = time.monotonic() + timeout
    while True:
        entries = read_journal(**fields)
        if len(entries) >= at_least:
            return entries
        if time.monotonic() >= deadline:
            recent = [e.get("MESSAGE") for e in read_journal()[-10:]]
            raise AssertionError(
                f"expected at least {at_least} journal entries matching {fields} within {timeout}s, "
                f"found {len(entries)}; latest salesd messages: {recent}")
        time.sleep(0.1)  # poll interval: journalctl has no way to wait for a match
