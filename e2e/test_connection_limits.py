"""Connection limits never lock a person out: watchers are capped apart from commands, and a
daemon short of file descriptors gives up a watcher before it refuses a command."""

import subprocess

from harness.plans import action, plan
from robustness_support import RawClient, encode_call, start_daemon

ACTION = "calls"
MAX_WATCHERS = 32


def watch(daemon, count):
    """`count` raw Watch streams; returns the clients and the first reply each got, if any."""
    clients, refusals = [], []
    for _ in range(count):
        client = RawClient(daemon.socket_path, timeout=10)
        client.send(encode_call("Watch", {}, more=True))
        clients.append(client)
    # A Busy refusal comes at once (0.2 s is plenty); an accepted stream stays silent.
    for client in clients:
        try:
            kind, reply = client.outcome(timeout=0.2)
        except TimeoutError:
            continue
        if kind == "reply":
            refusals.append(reply)
    return clients, refusals


def ctl(daemon, *args):
    return subprocess.run([daemon.binary, "ctl", *args, "--socket", str(daemon.socket_path)], env=daemon.env,
                          capture_output=True, text=True, timeout=30)


def test_watchers_beyond_the_cap_are_told_why_and_commands_still_get_through(make_daemon):
    """With 40 watch streams asked for, 32 stream, 8 hear Busy, and ctl done and status still answer."""
    daemon = start_daemon(make_daemon, plan(action(ACTION, "Call three warm leads", target=3)))
    clients, refusals = watch(daemon, MAX_WATCHERS + 8)
    try:
        assert len(refusals) == 8, f"expected 8 refusals, got {len(refusals)}: {refusals[:2]}"
        assert all(r.get("error") == "io.salesd.Control.Busy" for r in refusals), refusals[:2]
        assert "already 32 clients are watching" in refusals[0]["parameters"]["message"]

        done = ctl(daemon, "done", ACTION)
        assert done.returncode == 0 and "Recorded" in done.stdout, done.stdout + done.stderr
        status = ctl(daemon, "status", "--json")
        assert status.returncode == 0, status.stderr
    finally:
        for client in clients:
            client.close()
    assert daemon.stop() == 0


def test_a_daemon_out_of_file_descriptors_gives_up_a_watcher_for_a_command(make_daemon, short_tmp):
    """Under a 40-descriptor limit, 32 watchers exhaust the daemon, yet ctl status gets an answer."""
    daemon = make_daemon(plan(action(ACTION, "Call three warm leads")), start=False)
    daemon.env["SALESD_NO_DESKTOP"] = "1"
    wrapper = short_tmp / "limited-salesd"
    wrapper.write_text(f'#!/bin/sh\nexec prlimit --nofile=40:40 -- {daemon.binary} "$@"\n')
    wrapper.chmod(0o755)
    real_binary, daemon.binary = daemon.binary, str(wrapper)
    daemon.start()
    daemon.binary = real_binary
    clients, _ = watch(daemon, MAX_WATCHERS)
    try:
        status = ctl(daemon, "status")
        assert status.returncode == 0, f"ctl status was locked out:\n{status.stdout}{status.stderr}"
        assert "cannot accept a client" in daemon.stderr() or "closing the oldest stream" in daemon.stderr()
    finally:
        for client in clients:
            client.close()
    assert daemon.stop() == 0
