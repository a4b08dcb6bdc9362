"""A private desktop for the notification tests: Xvfb, a session bus, dunst and a bus monitor.

Nothing here touches the test process's own environment: every tool gets `DesktopSession.env`.
The bus has no service folders, so D-Bus never starts a notification server behind a test's
back (the system's `--session` config would start dunst with its default config on `Notify`).
"""

import datetime as dt
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from harness.daemon import ISOLATED_VARIABLES
from harness.polling import wait_until

REPO = Path(__file__).resolve().parents[1]
X_SOCKETS = Path("/tmp/.X11-unix")
# The Swift adapter tests take :90…:99; these stay clear of them.
DISPLAY_NUMBERS = range(110, 140)
NOTIFICATIONS = "org.freedesktop.Notifications"
TOOLS = ("Xvfb", "dbus-daemon", "dbus-send", "busctl", "dunst", "dunstctl", "xdotool", "/usr/bin/import")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The session bus the tests start, shared with the Swift adapter tests.
BUS_CONFIG = REPO / "e2e" / "services" / "session-bus.conf"

# dunst runs this as its dmenu for `dunstctl context`: it feeds one line per button, like
# "#Done (Send requests) [2,done]". The script keeps the menu for the test to read and prints
# the line containing the text in `choice` (nothing when no line has it).
MENU_SCRIPT = """#!/bin/sh
cat > '{directory}/menu.partial'
grep -m1 -F "$(cat '{directory}/choice')" '{directory}/menu.partial'
mv '{directory}/menu.partial' '{directory}/menu.txt'
"""


class DesktopFailed(AssertionError):
    """A desktop tool did not start or answer; the message says which and where its log is."""


def artifacts_folder():
    """`$SALESD_TEST_ARTIFACTS`, else `test-artifacts/` at the repository root."""
    folder = os.environ.get("SALESD_TEST_ARTIFACTS") or str(REPO / "test-artifacts")
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def weekday(day):
    """`mon`…`sun` for a date, as a plan's `weeklyReview.day` wants it."""
    return WEEKDAYS[day.weekday()]


def later(hhmmss, seconds):
    """`HH:MM:SS` plus `seconds` (the caller keeps the result on the same day, see `soon`)."""
    moment = dt.datetime.strptime(hhmmss, "%H:%M:%S") + dt.timedelta(seconds=seconds)
    return moment.strftime("%H:%M:%S")


@dataclass
class NotifyCall:
    """One `Notify` call seen on the bus, and the id the server answered with."""

    sender: str
    app_name: str
    replaces_id: int
    summary: str
    body: str
    actions: list
    hints: dict
    cookie: int
    id: int = None
    error: str = None
    icon: str = ""

    @property
    def buttons(self):
        """The action list as key → label (`{"done": "Done", …}`)."""
        return dict(zip(self.actions[0::2], self.actions[1::2]))

    @property
    def answered(self):
        return self.id is not None or self.error is not None


class BusMonitor:
    """`busctl monitor --json=short` on the private bus, keeping every `Notify` call and its reply."""

    def __init__(self, address, env, log_path):
        self.calls = []
        self.condition = threading.Condition()
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            ["busctl", f"--address={address}", "monitor", "--json=short"], env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # busctl says so on stderr once it is a monitor: from then on no message is missed.
        ready, _, _ = select.select([self.process.stderr], [], [], 10)
        line = self.process.stderr.readline() if ready else ""
        if "Monitoring" not in line:
            self.stop()
            raise DesktopFailed(f"busctl monitor did not start on {address}: {line!r}")
        self.thread = threading.Thread(target=self._read, name="bus-monitor", daemon=True)
        self.thread.start()

    def _read(self):
        for line in self.process.stdout:
            self.log.write(line)
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            with self.condition:
                self._take(message)
                self.condition.notify_all()

    def _take(self, message):
        data = (message.get("payload") or {}).get("data") or []
        if message.get("type") == "method_call" and message.get("member") == "Notify" and len(data) == 8:
            app_name, replaces_id, icon, summary, body, actions, hints, _timeout = data
            self.calls.append(NotifyCall(
                sender=message.get("sender"), app_name=app_name, replaces_id=replaces_id, summary=summary,
                body=body, actions=actions, hints=hints, cookie=message.get("cookie"), icon=icon))
        elif message.get("type") in ("method_return", "error"):
            for call in self.calls:
                if not call.answered and call.sender == message.get("destination") \
                        and call.cookie == message.get("reply_cookie"):
                    if message["type"] == "error":
                        call.error = message.get("error_name") or "error"
                    else:
                        call.id = data[0] if data else None

    def notifications(self, app_name="salesd"):
        """The `Notify` calls `app_name` made so far, oldest first."""
        with self.condition:
            return [c for c in self.calls if c.app_name == app_name]

    def wait_for_answered(self, count, timeout=30.0, app_name="salesd"):
        """Waits until `count` `Notify` calls from `app_name` were answered; returns them all."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                calls = [c for c in self.calls if c.app_name == app_name]
                if len(calls) >= count and all(c.answered for c in calls[:count]):
                    return calls
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} answered Notify calls from {app_name} within {timeout}s, "
                        f"saw {calls}")
                self.condition.wait(remaining)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(10)
        self.log.close()


class DesktopSession:
    """A private X display, session bus and (optionally) dunst, torn down by `stop()`."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="salesd-desktop-"))
        self.display = None
        self.address = None
        self.xvfb = None
        self.bus = None
        self.dunst = None
        self.monitor = None
        self.dunst_starts = 0

    # Parts

    def start(self, dunst=True):
        """Starts the display, the bus and a bus monitor, then dunst when asked."""
        missing = [tool for tool in TOOLS if shutil.which(tool) is None]
        if missing:
            self.remove()
            raise DesktopFailed(f"missing {', '.join(missing)}: install xvfb, dbus, dunst, xdotool, "
                                f"imagemagick and systemd (busctl) to run the notification tests")
        try:
            self.start_display()
            self.start_bus()
            self.monitor = BusMonitor(self.address, self.env, self.directory / "bus-monitor.jsonl")
            if dunst:
                self.start_dunst()
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def env(self):
        """The caller's environment pointed at this display and bus."""
        env = {k: v for k, v in os.environ.items() if k not in ISOLATED_VARIABLES}
        if self.address:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        if self.display:
            env["DISPLAY"] = self.display
        return env

    def start_display(self):
        for number in DISPLAY_NUMBERS:
            if (X_SOCKETS / f"X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            server = self._launch(["Xvfb", f":{number}", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                                  f"xvfb-{number}.log", {**self.env, "DISPLAY": ""})
            # Ready when it answers a client; gone when another run took the number first.
            try:
                wait_until(lambda: server.poll() is not None or self._answers(f":{number}"), 10, f"Xvfb :{number}")
            except AssertionError:
                pass
            if server.poll() is None and self._answers(f":{number}"):
                self.xvfb, self.display = server, f":{number}"
                return
            self._end(server)
        raise DesktopFailed(f"no free X display between :{DISPLAY_NUMBERS[0]} and :{DISPLAY_NUMBERS[-1]}")

    def _answers(self, display):
        probe = subprocess.run(["xdotool", "getdisplaygeometry"], env={**self.env, "DISPLAY": display},
                               capture_output=True, timeout=10)
        return probe.returncode == 0

    def start_bus(self):
        config = self.directory / "bus.conf"
        config.write_text(BUS_CONFIG.read_text().replace("@DIRECTORY@", str(self.directory)))
        self.bus = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # The address is printed once the bus listens: that is the readiness signal.
        ready, _, _ = select.select([self.bus.stdout], [], [], 10)
        self.address = self.bus.stdout.readline().strip() if ready else ""
        if not self.address:
            raise DesktopFailed("dbus-daemon exited or printed no address within 10 s")

    def start_dunst(self):
        """Starts dunst with notifications that never expire and a scripted context menu;
        returns once it owns org.freedesktop.Notifications."""
        assert self.display, "dunst needs a display"
        menu = self.directory / "dmenu.sh"
        menu.write_text(MENU_SCRIPT.format(directory=self.directory))
        menu.chmod(0o755)
        self.choose("no button")
        lines = []
        for line in Path("/etc/xdg/dunst/dunstrc").read_text().splitlines():
            key = line.strip().split("=", 1)[0].strip()
            indent = line[: len(line) - len(line.lstrip())]
            if key == "timeout":
                line = f"{indent}timeout = 0"
            elif key == "dmenu":
                line = f"{indent}dmenu = {menu}"
            lines.append(line)
        config = self.directory / "dunstrc"
        config.write_text("\n".join(lines) + "\n")
        self.dunst_starts += 1
        self.dunst = self._launch(["dunst", "-conf", str(config)], f"dunst-{self.dunst_starts}.log", self.env)
        wait_until(lambda: self.dunst.poll() is not None or self.server_is_up(), 10,
                   "dunst to own org.freedesktop.Notifications")
        if self.dunst.poll() is not None:
            raise DesktopFailed(f"dunst exited with {self.dunst.returncode}; see {self.log('dunst')}")

    def stop_dunst(self, signum=signal.SIGTERM):
        """Stops dunst (SIGKILL for a crash, SIGTERM for a logout) and waits until its name is gone."""
        if self.dunst is not None:
            self._end(self.dunst, signum)
            self.dunst = None
        wait_until(lambda: not self.server_is_up(), 10, "org.freedesktop.Notifications to lose its owner")

    def stop(self):
        if self.monitor is not None:
            self.monitor.stop()
        for process in (self.dunst, self.bus, self.xvfb):
            if process is not None:
                self._end(process)
        self.monitor = self.dunst = self.bus = self.xvfb = None

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)

    def log(self, name):
        """The latest log file of a part (`dunst`, `xvfb`)."""
        logs = sorted(self.directory.glob(f"{name}*.log"), key=lambda p: p.stat().st_mtime)
        return logs[-1] if logs else None

    def logs(self):
        """Every log this session wrote, for a failed test's output."""
        return {p.name: p.read_text(errors="replace") for p in sorted(self.directory.glob("*.log"))}

    # Looking at dunst

    def dunstctl(self, *args):
        completed = subprocess.run(["dunstctl", *args], env=self.env, capture_output=True, text=True, timeout=30)
        if completed.returncode != 0:
            raise AssertionError(f"dunstctl {' '.join(args)} exited {completed.returncode}: {completed.stderr}")
        return completed.stdout

    def displayed_count(self):
        return int(self.dunstctl("count", "displayed").strip())

    def wait_for_displayed(self, count, timeout=15.0):
        wait_until(lambda: self.displayed_count() == count, timeout,
                   f"dunst to display {count} notification(s) (it displays {self.displayed_count()})")

    def history(self):
        """Closed notifications, newest first, as name → value."""
        reply = json.loads(self.dunstctl("history"))
        entries = reply["data"][0] if reply.get("data") else []
        return [{name: value["data"] for name, value in entry.items()} for entry in entries]

    def choose(self, text):
        """Sets which context-menu line the scripted dmenu picks: the first one containing `text`."""
        (self.directory / "choice").write_text(text)

    def context_menu(self, pick=None, notification_id=None, timeout=15.0):
        """Opens dunst's context menu (`dunstctl context`) and picks the button `pick` (`done`,
        `snooze`, `skip`; None picks nothing). Returns the lines dunst offered."""
        menu = self.directory / "menu.txt"
        menu.unlink(missing_ok=True)
        if pick is None:
            self.choose("no button")
        elif notification_id is None:
            self.choose(f",{pick}]")
        else:
            self.choose(f"[{notification_id},{pick}]")
        self.dunstctl("context")
        wait_until(menu.exists, timeout, "dunst to run the context menu script")
        return [line for line in menu.read_text().splitlines() if line.strip()]

    def server_is_up(self):
        completed = subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--print-reply", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{NOTIFICATIONS}"],
            capture_output=True, text=True, timeout=10)
        return "boolean true" in completed.stdout

    def screenshot(self, name):
        """Saves the whole display as `name` in the test artifacts folder; returns the path."""
        path = artifacts_folder() / name
        completed = subprocess.run(["/usr/bin/import", "-window", "root", str(path)], env=self.env,
                                   capture_output=True, text=True, timeout=30)
        if completed.returncode != 0:
            raise AssertionError(f"import -window root {path} failed: {completed.stderr}")
        return path

    # Processes

    def _launch(self, command, log_name, env):
        with open(self.directory / log_name, "wb") as log:
            return subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)

    @staticmethod
    def _end(process, signum=signal.SIGTERM):
        if process.poll() is None:
            process.send_signal(signum)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
