"""Helpers for the daily-CLI tests: `ctl` with JSON output, and a `ctl watch` process followed line by line."""

import json
import queue
import subprocess
import threading
import time


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
