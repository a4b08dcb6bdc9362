"""`ctl watch` when the daemon stops, and `--follow` without socket-activating it."""

import contextlib
import json
import os
import select
import socket as sockets
import subprocess

from cli_support import CtlProcess, try_status, two_action_plan, wait_for_watchers
from harness.polling import wait_until


@contextlib.contextmanager
def watch_until_the_daemon_stops(make_daemon, *options, done_shows):
    """A `ctl watch` that showed a done (a line containing `done_shows`), then the daemon
    stopped under it; yields the watch once it exited 3."""
    daemon = make_daemon(two_action_plan())
    watch = CtlProcess(daemon, "watch", *options)
    try:
        wait_for_watchers(daemon, 1)
        assert daemon.ctl("done", "calls").rc == 0
        watch.wait_for(done_shows)
        assert daemon.stop() == 0
        assert watch.wait() == 3
        yield watch
    finally:
        watch.stop()


def test_watch_says_the_daemon_stopped_and_exits(make_daemon):
    """When the daemon stops, `ctl watch` says it stopped (not "made no sense") and exits 3."""
    with watch_until_the_daemon_stops(make_daemon, done_shows="done calls") as watch:
        line = watch.wait_for("salesd: the daemon stopped", stream="stderr")
        assert "made no sense" not in line
        watch.wait_for("salesd ctl watch --follow", stream="stderr")


def test_watch_json_ends_with_a_json_line_when_the_daemon_stops(make_daemon):
    """`ctl watch --json` is JSON lines to the end: the "stopped" failure is one more line, exit 3."""
    with watch_until_the_daemon_stops(make_daemon, "--json", done_shows='"done"') as watch:
        last = watch.wait_for('"exitCode":3')
        assert json.loads(last)["message"].startswith("the daemon stopped")
        assert all(json.loads(line) for line in watch.seen["stdout"])


def test_watch_follow_reconnects_when_the_daemon_is_back(make_daemon):
    """`ctl watch --follow` waits while the daemon is stopped and shows its events once it is back."""
    daemon = make_daemon(two_action_plan())
    watch = CtlProcess(daemon, "watch", "--follow")
    try:
        wait_for_watchers(daemon, 1)
        assert daemon.stop() == 0
        watch.wait_for("waiting for it to come back", stream="stderr")
        assert watch.process.poll() is None

        daemon.start()
        wait_for_watchers(daemon, 1)
        assert daemon.ctl("done", "follow-ups").rc == 0

        watch.wait_for("done follow-ups")
        watch.wait_for("the daemon is back", stream="stderr")
    finally:
        watch.stop()


def test_watch_follow_never_connects_to_a_socket_left_listening(make_daemon, tmp_path):
    """A socket kept listening after the daemon stopped (as salesd.socket does) is not dialled by --follow."""

    daemon = make_daemon(two_action_plan(), start=False)
    path = str(daemon.socket_path)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    # The activating listener, as systemd holds it: the daemon inherits it as fd 3.
    listener = sockets.socket(sockets.AF_UNIX, sockets.SOCK_STREAM)
    listener.bind(path)
    listener.listen(8)
    stderr_file = open(tmp_path / "activated.stderr", "wb")
    activated = subprocess.Popen(
        ["bash", "-c", f'LISTEN_PID=$$ LISTEN_FDS=1 exec "{daemon.binary}" run 3<&{listener.fileno()}'],
        env=daemon.env, cwd=daemon.env["HOME"], pass_fds=(listener.fileno(),),
        stdin=subprocess.DEVNULL, stdout=stderr_file, stderr=stderr_file)
    watch = None
    try:
        wait_until(lambda: try_status(daemon) or activated.poll() is not None, 30,
                   "the socket-activated daemon to answer")
        assert activated.poll() is None, (tmp_path / "activated.stderr").read_text()
        watch = CtlProcess(daemon, "watch", "--follow")
        wait_for_watchers(daemon, 1)
        activated.terminate()
        assert activated.wait(30) == 0
        watch.wait_for("waiting for it to come back", stream="stderr")

        # Nothing dials the socket that is still there: a connection would start the daemon again.
        readable, _, _ = select.select([listener], [], [], 1.5)
        assert readable == [], "watch --follow connected to the listening socket"
        assert watch.process.poll() is None
    finally:
        if watch:
            watch.stop()
        if activated.poll() is None:
            activated.kill()
            activated.wait()
        listener.close()
        stderr_file.close()
        print((tmp_path / "activated.stderr").read_text())
