"""Helpers for the scoreboard tests: a five-step plan, a ledger written as an export, and page rendering."""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from harness.daemon import run_salesd

UTC = dt.timezone.utc
REPO = Path(__file__).resolve().parents[1]

# Each action's daily target; one action per step, all planned every day.
TARGETS = {
    "connection-requests": 5,
    "invitations": 2,
    "useful-posts": 1,
    "sales-calls": 1,
    "follow-ups": 3,
}
STEP_NAMES = ["Connect", "Invite", "Nurture", "Converse", "Follow up"]


def scoreboard_plan():
    """A UTC plan of five steps, one daily action each.

    Only connection-requests has a reminder time, at midnight, so today's pace counts its target
    whatever the hour; the others have none and count from the end of the day. No reminder
    fires while a test runs.
    """
    steps = [("connect", "Connect"), ("invite", "Invite"), ("nurture", "Nurture"),
             ("converse", "Converse"), ("follow-up", "Follow up")]
    actions = [
        {"id": "connection-requests", "step": "connect", "title": "Send connection requests",
         "target": 5, "days": ["daily"], "at": "00:00"},
        {"id": "invitations", "step": "invite", "title": "Invite to the webinar", "target": 2, "days": ["daily"]},
        {"id": "useful-posts", "step": "nurture", "title": "Post something useful", "days": ["daily"]},
        {"id": "sales-calls", "step": "converse", "title": "Hold a sales conversation", "days": ["daily"]},
        {"id": "follow-ups", "step": "follow-up", "title": "Follow up", "target": 3, "days": ["daily"]},
    ]
    return {
        "version": 1,
        "timeZone": "UTC",
        "weekStart": "mon",
        "backfillDays": 7,
        "steps": [{"id": i, "name": n} for i, n in steps],
        "actions": actions,
    }


def settled_today(margin_seconds=120):
    """Today's UTC date, with at least `margin_seconds` left in it.

    A test compares the daemon's idea of today with ours, so close to midnight this first waits
    for the new day (at most `margin_seconds`, once a day).
    """
    now = dt.datetime.now(UTC)
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), UTC)
    if (midnight - now).total_seconds() < margin_seconds:
        time.sleep((midnight - now).total_seconds() + 1)
    return dt.datetime.now(UTC).date()


def iso_ms(instant):
    """`2026-11-27T12:00:00.000Z`: the export's time format."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"


class LedgerFile:
    """Ledger events written as a `salesd export --json` file (JSON Lines), ready for `salesd import`."""

    def __init__(self, plan_event, effective_from):
        """Starts with the daemon's own `plan` event, moved back to `effective_from` (a date)."""
        self.events = []
        self.next_id = 1
        self.now = dt.datetime.now(UTC)
        plan = dict(plan_event)
        plan.pop("id", None)
        plan["day"] = effective_from.isoformat()
        plan["at"] = iso_ms(dt.datetime.combine(effective_from, dt.time(), UTC))
        self._add(plan)

    def _at(self, day):
        # Past days at noon; today a moment ago (today's noon may still be ahead).
        if day >= self.now.date():
            midnight = dt.datetime.combine(day, dt.time(), UTC)
            return iso_ms(max(midnight, self.now - dt.timedelta(seconds=1)))
        return iso_ms(dt.datetime.combine(day, dt.time(12), UTC))

    def _add(self, event):
        event["id"] = self.next_id
        self.next_id += 1
        self.events.append(event)
        return event["id"]

    def done(self, day, action, count):
        return self._add({"kind": "done", "day": day.isoformat(), "at": self._at(day), "action": action,
                          "count": count, "source": "ctl"})

    def meet(self, day):
        """Every action done to its target on `day`."""
        for action, target in TARGETS.items():
            self.done(day, action, target)

    def undo(self, ref):
        [target] = [e for e in self.events if e["id"] == ref]
        return self._add({"kind": "undo", "day": target["day"], "at": self._at(dt.date.fromisoformat(target["day"])),
                          "action": target["action"], "count": target["count"], "ref": ref, "source": "ctl"})

    def skip(self, day, action, reason):
        return self._add({"kind": "skip", "day": day.isoformat(), "at": self._at(day), "action": action,
                          "note": reason, "source": "ctl"})

    def day_off(self, day, reason):
        return self._add({"kind": "day-off", "day": day.isoformat(), "at": self._at(day), "note": reason,
                          "source": "ctl"})

    def result(self, day, kind, value=None, note=None):
        event = {"kind": "result", "day": day.isoformat(), "at": self._at(day), "result_kind": kind, "source": "ctl"}
        if value is not None:
            event["value"] = value
        if note is not None:
            event["note"] = note
        return self._add(event)

    def write(self, path):
        Path(path).write_text("".join(json.dumps(e, sort_keys=True) + "\n" for e in self.events))
        return Path(path)


def salesd_cli(daemon, *args, timeout=60.0):
    """Runs `salesd ARGS` (not ctl) in the daemon's private tree."""
    return run_salesd(daemon.binary, [str(a) for a in args], daemon.env, timeout)


def export_lines(daemon, fmt="json"):
    """`salesd export --json` of the daemon's ledger, parsed."""
    result = salesd_cli(daemon, "export", f"--{fmt}", "--state-dir", daemon.state_dir)
    assert result.rc == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def import_into(daemon, path):
    """`salesd import PATH` into the daemon's (empty) ledger folder."""
    daemon.state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    result = salesd_cli(daemon, "import", path, "--state-dir", daemon.state_dir)
    assert result.rc == 0, result.output
    return result


def week_board(daemon, weeks):
    """`salesd ctl week --weeks N --json`, the scoreboard object."""
    result = daemon.ctl("week", "--weeks", str(weeks), "--json")
    assert result.rc == 0, result.output
    return json.loads(result.stdout)["scoreboard"]


def artifacts_dir():
    """`$SALESD_TEST_ARTIFACTS`, else `test-artifacts/` in the repository."""
    folder = Path(os.environ.get("SALESD_TEST_ARTIFACTS") or REPO / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def render_png(html_path, png_path, width=1200, height=1600):
    """Screenshots a page with headless Chromium; returns the completed process."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "no chromium on PATH: install the Debian package chromium (make test-deps does)"
    profile = tempfile.mkdtemp(prefix="salesd-chromium-")
    try:
        command = [chromium, "--headless", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                   f"--user-data-dir={profile}", f"--screenshot={png_path}", f"--window-size={width},{height}",
                   Path(html_path).resolve().as_uri()]
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["HOME"] = profile
        completed = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env,
                                   stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert Path(png_path).exists(), f"chromium wrote no screenshot (rc {completed.returncode}):\n{completed.stderr}"
    return completed


def image_facts(png_path):
    """(width, height, unique colours, standard deviation 0…1) of an image, per ImageMagick."""
    out = subprocess.run(["identify", "-format", "%w %h %k\n", str(png_path)], capture_output=True, text=True,
                         check=True).stdout.split()
    deviation = subprocess.run(["convert", str(png_path), "-format", "%[fx:standard_deviation]", "info:"],
                               capture_output=True, text=True, check=True).stdout.strip()
    return int(out[0]), int(out[1]), int(out[2]), float(deviation)


def colour_counts(png_path):
    """Pixel count per colour, as `#rrggbb` → count (alpha dropped)."""
    histogram = subprocess.run(["convert", str(png_path), "-alpha", "off", "-format", "%c", "histogram:info:-"],
                               capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in histogram.splitlines():
        match = re.match(r"\s*(\d+):.*?(#[0-9A-Fa-f]{6})", line)
        if match:
            colour = match.group(2).lower()
            counts[colour] = counts.get(colour, 0) + int(match.group(1))
    return counts
