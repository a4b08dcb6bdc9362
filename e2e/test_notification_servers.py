"""salesd against more real notification servers than dunst: xfce4-notifyd and GNOME's
notification-daemon, each on a private session bus under Xvfb.

For each: salesd asks for the server's capabilities (its status reports exactly what the
server answers to GetCapabilities), offers its buttons because the server has "actions", the
reminder is drawn (screenshot of the popup in test-artifacts/), and a real click on Done with
xdotool is recorded like `salesd ctl done`.
"""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_support import REPO, DesktopSession, artifacts_folder, wait_until
from harness.plans import action, plan, soon, unique_id
from test_notifications import first_connect_reminder, ledger_events, start_on, status_json, today_json


@dataclass
class Server:
    name: str
    command: str
    # What salesd's status calls it: the server's GetServerInformation name.
    reported: str
    # Where the Done button's centre is in the popup, from its right and bottom edges, as measured
    # on screenshots of the server's default theme (1024x768, no fonts scaled).
    done_from_right: int
    done_from_bottom: int


SERVERS = [
    Server("xfce4-notifyd", "/usr/lib/x86_64-linux-gnu/xfce4/notifyd/xfce4-notifyd", "Xfce Notify Daemon",
           done_from_right=253, done_from_bottom=31),
    Server("notification-daemon", "/usr/lib/notification-daemon/notification-daemon", "Notification Daemon",
           done_from_right=234, done_from_bottom=39),
]


@pytest.fixture(params=SERVERS, ids=lambda s: s.name)
def server_desktop(request):
    """Xvfb, a private bus and the server, with salesd's icon where the server's icon theme looks."""
    server = request.param
    if not Path(server.command).exists():
        pytest.skip(f"{server.command} is missing: install the Debian package {server.name}")
    session = DesktopSession().start(dunst=False)
    icons = session.directory / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    (icons / "salesd.svg").write_bytes((REPO / "desktop" / "salesd.svg").read_bytes())
    env = {**session.env, "XDG_DATA_DIRS": f"{session.directory / 'share'}:/usr/local/share:/usr/share",
           "NO_AT_BRIDGE": "1"}
    process = session._launch([server.command], f"{server.name}.log", env)
    try:
        wait_until(lambda: process.poll() is not None or session.server_is_up(), 15, f"{server.name} on the bus")
        assert process.poll() is None, f"{server.name} exited with {process.returncode}: {session.logs()}"
        yield server, session
    finally:
        session._end(process)
        session.stop()
        for name, text in session.logs().items():
            print(f"--- {name} ---\n{text}")
        session.remove()


def capabilities(session):
    """What the server itself answers to GetCapabilities."""
    completed = subprocess.run(
        ["busctl", f"--address={session.address}", "--json=short", "call", "org.freedesktop.Notifications",
         "/org/freedesktop/Notifications", "org.freedesktop.Notifications", "GetCapabilities"],
        capture_output=True, text=True, timeout=10, check=True)
    return json.loads(completed.stdout)["data"][0]


def popup(session, timeout=15):
    """The visible notification window: (x, y, width, height)."""
    def find():
        listed = subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "."], env=session.env,
                                capture_output=True, text=True, timeout=10).stdout.split()
        for window in listed:
            shape = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=session.env,
                                   capture_output=True, text=True, timeout=10).stdout
            values = dict(line.split("=", 1) for line in shape.splitlines() if "=" in line)
            x, y, w, h = (int(values[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
            if (w, h) != (1024, 768):
                return x, y, w, h
        return None
    return wait_until(find, timeout, "a notification window on the display")


def test_server_shows_the_reminder_with_buttons_and_a_click_on_done_is_recorded(server_desktop, make_daemon, journal):
    """The server's capabilities are asked and reported; the reminder comes with Done, Snooze
    and Skip today and is drawn; clicking Done counts one done, from the notification."""
    server, session = server_desktop
    calls = unique_id("calls")
    at, first, day = soon(6)
    daemon = start_on(session, make_daemon, plan(action(calls, "Send connection requests", at=at, target=5)), first)

    state = status_json(daemon)["notifications"]
    assert state["server"].startswith(server.reported), state
    assert sorted(state["capabilities"]) == sorted(capabilities(session)), state
    assert "actions" in state["capabilities"]

    watcher = daemon.watch()
    shown = first_connect_reminder(watcher, session, calls)

    x, y, width, height = popup(session)
    whole = session.screenshot(f"{server.name}-screen.png")
    crop = artifacts_folder() / f"{server.name}-reminder.png"
    subprocess.run(["/usr/bin/convert", str(whole), "-crop", f"{width + 20}x{height + 20}+{max(0, x - 10)}+{max(0, y - 10)}",
                    "+repage", str(crop)], check=True, timeout=30)
    print(f"screenshot of the reminder in {server.name}: {crop}")

    subprocess.run(["xdotool", "mousemove", str(x + width - server.done_from_right),
                    str(y + height - server.done_from_bottom), "click", "1"], env=session.env, check=True, timeout=10)

    announced = watcher.wait_for("done", timeout=15, action=calls)
    assert announced["done"] == 1
    assert today_json(daemon)[calls]["done"] == 1
    [entry] = journal(SALESD_EVENT="done", SALESD_ACTION=calls)
    assert (entry["SALESD_DAY"], entry["SALESD_COUNT"]) == (day, "1")
    [recorded] = [e for e in ledger_events(daemon) if e.get("kind") == "done" and e.get("action") == calls]
    assert (recorded["source"], recorded["count"]) == ("notification", 1)
