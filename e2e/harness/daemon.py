"""Runs `salesd run` as a user would, in a private HOME and XDG tree."""

import json
import os
import signal
import subprocess
import time
from collections import namedtuple
from pathlib import Path

from . import varlink_client
from .watcher import Watcher

CtlResult = namedtuple("CtlResult", "rc stdout stderr")
CtlResult.output = property(lambda self: self.stdout + self.stderr)

# Variables a developer's or CI's shell may carry that would point salesd elsewhere.
ISOLATED_VARIABLES = (
    "JOURNAL_STREAM", "STATE_DIRECTORY", "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID",
    "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY",
    "WAYLAND_DISPLAY", "XDG_DATA_HOME", "XDG_CACHE_HOME",
)


class DaemonFailed(AssertionError):
    """`salesd run` exited or never answered; the message carries its stderr."""


def make_private_tree(root):
    """HOME, XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_RUNTIME_DIR under `root`, each mode 0700.

    Returns the environment that points salesd (daemon and ctl) at them.
    """
    root = Path(root)
    dirs = {name: root / name for name in ("home", "config", "state", "run")}
    for path in dirs.values():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k not in ISOLATED_VARIABLES}
    env.update(
        HOME=str(dirs["home"]),
        XDG_CONFIG_HOME=str(dirs["config"]),
        XDG_STATE_HOME=str(dirs["state"]),
        XDG_RUNTIME_DIR=str(dirs["run"]),
    )
    return env


class Daemon:
    """One salesd installation: its private tree, its config, and the daemon process when running."""

    def __init__(self, binary, root, config=None):
        self.binary = str(binary)
        self.root = Path(root)
        self.env = make_private_tree(self.root)
        self.config_path = Path(self.env["XDG_CONFIG_HOME"]) / "salesd" / "config.json"
        self.state_dir = Path(self.env["XDG_STATE_HOME"]) / "salesd"
        self.socket_path = Path(self.env["XDG_RUNTIME_DIR"]) / "salesd" / "control.sock"
        self.process = None
        self.starts = 0
        self.stderr_path = None
        self.watchers = []
        if config is not None:
            self.write_config(config)

    # Config

    def write_config(self, config):
        """Writes the config where salesd looks by default; `config` is a dict or JSON text."""
        self.config_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = config if isinstance(config, str) else json.dumps(config, indent=2)
        # Replace atomically, as an editor would, so a reload never reads half a file.
        temporary = self.config_path.with_suffix(".tmp")
        temporary.write_text(text)
        temporary.replace(self.config_path)

    # Process

    @property
    def pid(self):
        return self.process.pid if self.process else None

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def start(self, timeout=30.0, args=()):
        """Starts `salesd run` and returns once its socket answers `Status`."""
        assert not self.running, "the daemon is already running"
        self.starts += 1
        self.stderr_path = self.root / f"daemon-{self.starts}.stderr"
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(
                [self.binary, "run", *args], env=self.env, cwd=self.env["HOME"],
                stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr)
        self.wait_until_ready(timeout)
        return self

    def wait_until_ready(self, timeout=30.0):
        """Polls `Status` until it answers; fails at once if the process exits."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            if self.process.poll() is not None:
                raise DaemonFailed(
                    f"salesd run exited with {self.process.returncode} before answering on "
                    f"{self.socket_path}; stderr:\n{self.stderr()}")
            try:
                return self.status(timeout=max(0.1, deadline - time.monotonic()))
            except (FileNotFoundError, ConnectionRefusedError, EOFError, TimeoutError, OSError) as error:
                last_error = error
            if time.monotonic() >= deadline:
                raise DaemonFailed(
                    f"salesd run (pid {self.pid}) did not answer Status on {self.socket_path} within "
                    f"{timeout}s (last error: {last_error}); stderr:\n{self.stderr()}")
            time.sleep(0.05)  # poll interval, not a wait for an event

    def stop(self, timeout=30.0):
        """Sends SIGTERM and returns the exit code."""
        self._close_watchers()
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise DaemonFailed(f"salesd run (pid {self.pid}) ignored SIGTERM for {timeout}s; stderr:\n"
                               f"{self.stderr()}")

    def kill9(self):
        """Kills the daemon with SIGKILL, as a crash or power loss would."""
        self._close_watchers()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def signal(self, signum):
        self.process.send_signal(signum)

    def restart(self, timeout=30.0):
        """Stops with SIGTERM (expecting exit 0) and starts again."""
        rc = self.stop(timeout)
        assert rc == 0, f"salesd run exited with {rc} on SIGTERM; stderr:\n{self.stderr()}"
        return self.start(timeout)

    def stderr(self, start=None):
        """What the daemon wrote to stderr in its latest run (or in run number `start`)."""
        path = self.stderr_path if start is None else self.root / f"daemon-{start}.stderr"
        if path is None or not path.exists():
            return ""
        return path.read_text(errors="replace")

    # Control

    def status(self, timeout=10.0):
        return self.call("Status", timeout=timeout)

    def call(self, method, timeout=10.0, **parameters):
        """Calls an `io.salesd.Control` method over the socket; returns the reply parameters."""
        return varlink_client.call(self.socket_path, method, timeout, **parameters)

    def watch(self):
        """Opens a Watch stream; it is closed when the daemon stops."""
        watcher = Watcher(self.socket_path)
        self.watchers.append(watcher)
        return watcher

    def ctl(self, *args, timeout=30.0):
        """Runs `salesd ctl ARGS` as the same user, with the same XDG tree."""
        return run_salesd(self.binary, ["ctl", *args], self.env, timeout)

    def cleanup(self):
        self._close_watchers()
        if self.running:
            self.process.kill()
            self.process.wait()

    def _close_watchers(self):
        for watcher in self.watchers:
            watcher.close()
        self.watchers = []


def run_salesd(binary, args, env, timeout=30.0, cwd=None):
    """Runs the salesd binary to completion and returns (rc, stdout, stderr)."""
    completed = subprocess.run(
        [str(binary), *args], env=env, cwd=cwd or env.get("HOME"), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=timeout)
    return CtlResult(completed.returncode, completed.stdout, completed.stderr)
