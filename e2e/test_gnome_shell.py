"""GNOME Shell 43 as the notification server: headless (`gnome-shell --headless`) in a booted
Debian 12 root (systemd-nspawn -b), where logind and the system bus it needs exist, as a new
user's service beside salesd installed from the .deb.

Checked: salesd asks GNOME Shell's capabilities and reports it; the reminder reaches GNOME
Shell's message tray with its title, body and the Done / Snooze / Skip today buttons; a
screenshot of the shell (GNOME Shell's own Screenshot method) lands in test-artifacts/.
Not driven here: a button press. GNOME Shell headless is a Wayland compositor without an X
display, so xdotool cannot click it.
"""

import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from test_deb import REPO, ROOT_SCRIPT, artifacts, boot_with, deb, log, run, step  # noqa: F401 (deb: fixture)

DEFAULT_BASE = "/var/cache/salesd-test/bookworm-root.tar.zst"
DEFAULT_GNOME = "/var/cache/salesd-test/bookworm-gnome-shell.tar.zst"
INSIDE = REPO / "e2e" / "gnome_inside.sh"

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="debootstrap and systemd-nspawn need root")


@pytest.fixture(scope="module")
def gnome_root():
    """A fresh copy of the clean root with gnome-shell and gjs, from its cached tarball."""
    base = os.environ.get("SALESD_DEB_TEST_ROOT") or DEFAULT_BASE
    cache = os.environ.get("SALESD_DEB_TEST_GNOME_ROOT") or DEFAULT_GNOME
    started = time.monotonic()
    completed = run([ROOT_SCRIPT, "derive", base, cache, "gnome-shell", "gjs"])
    assert completed.returncode == 0, f"could not make the GNOME Shell root:\n{completed.stderr}"
    log(f"    GNOME Shell root tarball ready in {time.monotonic() - started:.1f}s: {cache}")
    folder = Path(tempfile.mkdtemp(prefix="salesd-gnomeroot-", dir="/var/tmp"))
    assert run([ROOT_SCRIPT, "unpack", cache, folder / "root"]).returncode == 0
    yield folder / "root"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def gnome_booted(deb, gnome_root):
    results = boot_with(gnome_root, deb, INSIDE, "gnome")
    shot = gnome_root / "salesd-test" / "gnome-shell.png"
    if shot.exists():
        shutil.copy(shot, artifacts() / "gnome-shell-reminder.png")
    return results


def eval_result(text):
    """The value of `(true, 'JSON')` as gdbus prints GNOME Shell's Eval answer."""
    found = re.match(r"\(true, '(.*)'\)\s*$", text.strip(), re.S)
    assert found, f"GNOME Shell's Eval failed: {text}"
    # gdbus prints the string GVariant-quoted: one level of backslashes to undo.
    return json.loads(json.loads(re.sub(r"\\(.)", r"\1", found.group(1))))


def test_salesd_asks_gnome_shell_and_reports_its_capabilities(gnome_booted):
    """salesd's status names gnome-shell as the server, with the "actions" capability."""
    info = step(gnome_booted, "server-info")
    assert info[0] == 0 and '"gnome-shell"' in info[1], info
    code, text = step(gnome_booted, "status")
    assert code == 0, text
    notifications = json.loads(text)["notifications"]
    assert notifications["available"] and notifications["server"].startswith("gnome-shell"), notifications
    assert "actions" in notifications["capabilities"], notifications


def test_the_reminder_is_in_gnome_shells_tray_with_its_buttons(gnome_booted):
    """GNOME Shell holds the reminder with salesd's title and body, and the three buttons."""
    code, text = step(gnome_booted, "shown")
    assert code == 0, text
    shown = eval_result(text)
    assert shown, f"GNOME Shell shows no salesd reminder: {text}"
    assert shown[-1]["title"] == "Send connection requests", shown
    assert shown[-1]["body"] == "Connect · 0 of 5 today", shown
    assert shown[-1]["actions"] == ["Done", "Snooze", "Skip today"], shown
    assert step(gnome_booted, "screenshot")[0] == 0
    assert (artifacts() / "gnome-shell-reminder.png").exists()
