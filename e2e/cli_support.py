"""Helpers for the daily-CLI tests: `ctl` with JSON output, and a `ctl watch` process followed line by line."""

import datetime as dt
import json
import queue
import shlex
import subprocess
import threading
import time

from harness.daemon import run_salesd
from harness.plans import action, plan
from harness.polling import wait_until

UTC = dt.timezone.utc


def ctl_json(daemon, *args):
    """Runs `salesd ctl ARGS --json`; returns (rc, parsed stdout). Fails when stdout is not one JSON value."""
    result = daemon.ctl(*args, "--json")
    try:
        return result.rc, json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(f"`ctl {' '.join(args)} --json` printed no JSON ({error}):\n{result.output}")


def ledger_kinds(daemon):
    """The kinds of the ledger's person-made events, oldest first, as `ctl log` sees them."""
    rc, reply = ctl_json(daemon, "log")
    assert rc == 0, reply
    return [entry["event"]["kind"] for entry in reply["entries"]]


class CtlProcess:
    """A long-running `salesd ctl …` (e.g. `watch`) whose stdout and stderr lines are collected as they come."""

    def __init__(self, daemon, *args):
        self.process = subprocess.Popen(
            [daemon.binary, "ctl", *args], env=daemon.env, cwd=daemon.env["HOME"], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.lines = {"stdout": queue.Queue(), "stderr": queue.Queue()}
        self.seen = {"stdout": [], "stderr": []}
        for name in ("stdout", "stderr"):
            threading.Thread(target=self._pump, args=(name,), daemon=True).start()

    def _pump(self, name):
        for line in getattr(self.process, name):
            self.lines[name].put(line.rstrip("\n"))
        self.lines[name].put(None)

    def wait_for(self, text, stream="stdout", timeout=15.0):
        """The first line of `stream` containing `text` (waiting for it); fails after `timeout`."""
        for line in self.seen[stream]:
            if text in line:
                return line
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                line = self.lines[stream].get(timeout=remaining)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen[stream].append(line)
            if text in line:
                return line
        raise AssertionError(f"no {stream} line with {text!r} within {timeout}s; got {self.seen}")

    def wait(self, timeout=15.0):
        return self.process.wait(timeout)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def today():
    """Today in UTC, the zone of the test plans."""
    return dt.datetime.now(UTC).date()


def two_action_plan(**extra):
    """A UTC plan planned every day (so the test works on any weekday), with config extras."""
    config = plan(
        action("calls", "Call three warm leads", step="connect", at="23:59", target=3),
        action("follow-ups", "Send follow-ups", step="follow-up", at="23:58", target=2))
    config.update(extra)
    return config


def try_status(daemon):
    """The daemon's Status, or None while nothing answers."""
    try:
        return daemon.status(timeout=1.0)
    except (OSError, EOFError, TimeoutError):
        return None


def wait_for_watchers(daemon, count):
    """Waits until the daemon counts `count` Watch clients (Status says so)."""
    wait_until(lambda: daemon.status()["watchers"] >= count, 15, f"{count} watcher(s)")


def readme_commands(repo, heading):
    """The `salesd ctl …` lines of the README's code block after `heading`, with their comments."""
    text = (repo / "README.md").read_text()
    block = text[text.index(heading):]
    block = block[block.index("```") + 3:]
    block = block[:block.index("```")]
    commands = []
    for line in block.splitlines():
        line = line.strip()
        if not line.startswith("salesd ctl "):
            continue
        command, _, comment = line.partition("  #")
        commands.append((shlex.split(command)[2:], comment))
    return commands


def run_cli(daemon, *args):
    """Runs `salesd ARGS` (not ctl) in the daemon's private tree."""
    return run_salesd(daemon.binary, list(args), daemon.env)
