"""A new user's first `salesd run`: nothing configured, the embedded plan, clear pointers on stderr."""

import os
import signal
import subprocess
import time

from harness import varlink_client
from harness.daemon import make_private_tree


def test_starts_on_the_embedded_plan_with_nothing_configured(make_daemon):
    """With no config file the daemon runs the built-in plan and says where its socket is and what comes next."""
    daemon = make_daemon(config=None)

    status = daemon.status()
    assert not daemon.config_path.exists()
    assert status["pid"] == daemon.pid
    today = daemon.call("Today")
    assert isinstance(today["actions"], list)

    stderr = daemon.stderr()
    assert str(daemon.socket_path) in stderr, stderr
    assert "next" in stderr.lower(), stderr
    reminder = status.get("nextReminder")
    if reminder:
        assert reminder["title"] in stderr or reminder["action"] in stderr, stderr


def test_make_run_starts_the_daemon_in_the_foreground(repo, short_tmp):
    """`make run`, as the README tells a new user, builds and runs the daemon until SIGTERM."""
    env = make_private_tree(short_tmp / "make-run")
    socket_path = os.path.join(env["XDG_RUNTIME_DIR"], "salesd", "control.sock")
    command = ["make", "--no-print-directory", "run"]
    if os.environ.get("SALESD_SCRATCH"):
        command.append(f"SCRATCH={os.environ['SALESD_SCRATCH']}")
    stderr_path = short_tmp / "make-run.stderr"
    with open(stderr_path, "wb") as stderr:
        # Its own process group, so a failed test can stop make and whatever it started.
        make = subprocess.Popen(command, cwd=repo, env=env, stdin=subprocess.DEVNULL, stdout=stderr,
                                stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 600  # make builds first; a cold build takes minutes
        status = None
        while status is None:
            assert make.poll() is None, f"make run exited with {make.returncode}:\n{stderr_path.read_text()}"
            assert time.monotonic() < deadline, f"make run never answered:\n{stderr_path.read_text()}"
            try:
                status = varlink_client.call(socket_path, "Status")
            except OSError:
                time.sleep(0.2)  # poll interval while make builds and starts the daemon
        assert socket_path in stderr_path.read_text()
        # The daemon stops cleanly on SIGTERM, and make reports that as success.
        os.kill(status["pid"], signal.SIGTERM)
        assert make.wait(60) == 0, stderr_path.read_text()
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()
