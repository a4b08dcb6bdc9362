"""Helpers for the robustness tests: raw socket traffic, memory readings, ledger exports.

The robustness tests abuse the daemon on purpose, so these helpers never assume a reply:
every read has a timeout and says whether the daemon answered or closed the connection.
"""

import json
import os
import pwd
import random
import socket
import subprocess
import time
from pathlib import Path

from harness.daemon import run_salesd
from harness.polling import wait_until
from harness.varlink_client import UnixStream

INTERFACE = "io.salesd.Control"

# Error names a malformed or unacceptable call may get back.
VARLINK_ERRORS = frozenset({
    "org.varlink.service.InvalidParameter",
    "org.varlink.service.MethodNotFound",
    "org.varlink.service.InterfaceNotFound",
    "org.varlink.service.MethodNotImplemented",
    "org.varlink.service.ExpectedMore",
    f"{INTERFACE}.InvalidArgument",
    f"{INTERFACE}.NoSuchAction",
    f"{INTERFACE}.NothingToUndo",
})


def start_daemon(make_daemon, config=None, name=None):
    """A running daemon from the conftest's `make_daemon`, with desktop notifications off."""
    daemon = make_daemon(config, start=False, name=name)
    daemon.env["SALESD_NO_DESKTOP"] = "1"
    return daemon.start()


def encode_call(method, parameters=None, **flags):
    """One Varlink call as bytes on the wire (short method names get salesd's interface)."""
    if "." not in method:
        method = f"{INTERFACE}.{method}"
    message = {"method": method}
    if parameters is not None:
        message["parameters"] = parameters
    message.update(flags)
    return json.dumps(message).encode() + b"\0"


class RawClient(UnixStream):
    """A Unix socket to the daemon that sends arbitrary bytes and reads whatever comes back."""

    def send(self, data):
        """Sends bytes; False if the daemon already closed the connection."""
        try:
            self.sock.sendall(data)
            return True
        except (BrokenPipeError, ConnectionResetError):
            return False

    def outcome(self, timeout=10.0):
        """("reply", dict) for the next message, or ("closed", unread bytes) at end of stream.

        Raises TimeoutError when the daemon neither answers nor closes within `timeout`.
        """
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no reply and no close on {self.path} within {timeout}s "
                                   f"(unread: {self.buffer[:200]!r})")
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                chunk = b""
            except socket.timeout:
                continue
            if not chunk:
                return "closed", self.buffer
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        try:
            return "reply", json.loads(raw)
        except json.JSONDecodeError as error:
            raise AssertionError(f"the daemon sent a reply that is not JSON: {raw[:300]!r}") from error

    def call(self, method, parameters=None, timeout=10.0):
        """Sends a call and returns the reply dict; fails if the connection closes instead."""
        assert self.send(encode_call(method, parameters)), f"{self.path} closed before {method} was sent"
        kind, reply = self.outcome(timeout)
        assert kind == "reply", f"{method}: the daemon closed the connection (unread: {reply!r})"
        return reply


def assert_typed_error_or_closed(kind, reply, what):
    """A bad request must get a Varlink error reply or a closed connection, nothing else."""
    if kind == "closed":
        return
    assert "error" in reply, f"{what}: expected a Varlink error or a closed connection, got {reply}"
    assert reply["error"] in VARLINK_ERRORS, f"{what}: unexpected error name in {reply}"


def try_bad_input(socket_path, data, what, half_close=False, timeout=10.0):
    """Sends `data` on a fresh connection and checks it is refused cleanly; returns the outcome kind."""
    with RawClient(socket_path, timeout) as client:
        if client.send(data) and half_close:
            try:
                client.sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        kind, reply = client.outcome(timeout)
        assert_typed_error_or_closed(kind, reply, what)
        return kind


def rss_kib(pid):
    """Resident memory of process `pid` in KiB, from /proc/PID/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS line in /proc/{pid}/status")


def export_events(daemon):
    """Every ledger event of `daemon`, read by `salesd export --json` from its state folder."""
    result = run_salesd(daemon.binary, ["export", "--json", "--state-dir", str(daemon.state_dir)], daemon.env)
    assert result.rc == 0, f"salesd export failed with {result.rc}: {result.stderr}"
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def integrity_check(ledger_path):
    """What `PRAGMA integrity_check` says about the SQLite file (\"ok\" when sound)."""
    completed = subprocess.run(["sqlite3", str(ledger_path), "PRAGMA integrity_check"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, f"sqlite3 could not open {ledger_path}: {completed.stderr}"
    return completed.stdout.strip()


def env_int(name, default):
    """An integer from the environment (for `make bench` to scale a test up), else `default`."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def seeded_random(name, default_seed):
    """A random generator seeded from $NAME or `default_seed`; returns (generator, seed)."""
    seed = env_int(name, default_seed)
    return random.Random(seed), seed


def ensure_user(name):
    """The passwd entry of a local user for access tests, created (no home) when missing."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    completed = subprocess.run(["useradd", "-M", "-r", "-s", "/usr/sbin/nologin", name],
                               capture_output=True, text=True, timeout=30)
    if completed.returncode not in (0, 9):  # 9: created meanwhile by another run
        raise AssertionError(f"useradd {name} failed ({completed.returncode}): {completed.stderr}")
    return pwd.getpwnam(name)
