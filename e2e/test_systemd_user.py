"""salesd as a systemd user service, under a real `systemd --user` for a test user.

The user installs salesd with `make install` into its home, then uses it only through
`systemctl --user` and `salesd ctl`, as the README says. Root only starts the manager, reads
the journal and installs the journal catalog.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from harness.plans import action, plan, soon, unique_id
from systemd_user import REPO, UserSession, journal, log, wait_for

USER = os.environ.get("SALESD_TEST_USER", "salesd-e2e")
UNITS = [REPO / "systemd" / "salesd.service", REPO / "systemd" / "salesd.socket",
         REPO / "systemd" / "salesd-failed.service"]
MAX_EXPOSURE = 3.0

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="starts a systemd --user for a test user: needs root")


# Fixtures


@pytest.fixture(scope="module")
def analyze_env(salesd_bin):
    """systemd-analyze for user units: XDG_RUNTIME_DIR (0700) and a HOME where ExecStart exists."""
    root = Path(tempfile.mkdtemp(prefix="salesd-analyze-"))
    (root / "run").mkdir(mode=0o700)
    (root / "home" / ".local" / "bin").mkdir(parents=True)
    shutil.copy(salesd_bin, root / "home" / ".local" / "bin" / "salesd")
    yield {**os.environ, "HOME": str(root / "home"), "XDG_RUNTIME_DIR": str(root / "run")}
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def man_page():
    """The man page, made by swift-argument-parser's generate-manual plugin from the debug build."""
    scratch = os.environ.get("SALESD_SCRATCH", ".build")
    command = ["swift", "package", "--scratch-path", scratch, "plugin", "generate-manual",
               "--configuration", "debug"]
    log(f"# {' '.join(command)}")
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900)
    assert completed.returncode == 0, f"generate-manual failed:\n{completed.stdout}{completed.stderr}"
    page = REPO / scratch / "plugins" / "GenerateManual" / "outputs" / "salesd" / "salesd.1"
    assert page.exists(), f"generate-manual wrote no {page}:\n{completed.stdout}"
    return page


@pytest.fixture(scope="module")
def session(salesd_bin, man_page, journal):
    """A running `systemd --user` for USER, with salesd installed by `make install`."""
    user = UserSession(USER).start()
    try:
        user.clear_salesd_data()
        log("# as the user: make install (prebuilt binary and man page), then enable the socket")
        user.install(salesd_bin, man_page)
        user.systemctl("daemon-reload")
        user.systemctl("enable", "--now", "salesd.socket")
        yield user
    finally:
        user.systemctl("disable", "--now", "salesd.socket", "salesd.service", check=False)
        user.uninstall()
        user.stop()
        if user.created_user:
            subprocess.run(["userdel", "--remove", USER], capture_output=True)


@pytest.fixture
def user(session):
    """The session with salesd's socket listening and a valid plan; the service as the test left it
    is stopped afterwards, its drop-ins removed."""
    session.write_config(plan(action(unique_id("calls"), "Call two warm leads", target=5, at="23:59")))
    session.systemctl("start", "salesd.socket", quiet=True)
    yield session
    session.drop_in("salesd.service", "test", None)
    session.systemctl("daemon-reload", quiet=True)
    session.systemctl("stop", "salesd.service", check=False)
    session.systemctl("reset-failed", "salesd.service", check=False, quiet=True)


@pytest.fixture
def catalog():
    """salesd's journal catalog installed where journalctl reads it (root), removed afterwards."""
    make = ["make", "--no-print-directory", "-C", str(REPO), "-f", "install.mk"]
    log("# as root: make -f install.mk install-catalog")
    subprocess.run([*make, "install-catalog"], check=True, capture_output=True)
    yield
    subprocess.run([*make, "uninstall-catalog"], check=True, capture_output=True)


def service(user, *properties):
    return user.show("salesd.service", *properties)


def entries(invocation, *matches, timeout=30):
    """Waits for entries written by salesd.service's run `invocation` that match `matches`."""
    terms = ["_SYSTEMD_USER_UNIT=salesd.service", f"_SYSTEMD_INVOCATION_ID={invocation}", *matches]
    return wait_for(lambda: journal(*terms), timeout, f"journal entries {' '.join(terms)}")


# The unit files


def test_units_pass_systemd_analyze_verify(analyze_env):
    """`systemd-analyze verify` has nothing to say about the units (warnings count as failures)."""
    command = ["systemd-analyze", "verify", "--user", "--man=no", *map(str, UNITS)]
    log(f"# {' '.join(command)}")
    completed = subprocess.run(command, env=analyze_env, capture_output=True, text=True, timeout=60)
    output = (completed.stdout + completed.stderr).strip()
    log(f"    {output or '(no output)'}")
    assert completed.returncode == 0 and output == "", f"systemd-analyze verify complained:\n{output}"


def test_service_exposure_is_low(analyze_env):
    """`systemd-analyze security --offline` rates salesd.service at 3.0 or better (lower is safer)."""
    command = ["systemd-analyze", "security", "--offline=true", "--user", str(UNITS[0])]
    log(f"# {' '.join(command)}")
    completed = subprocess.run(command, env=analyze_env, capture_output=True, text=True, timeout=60)
    found = re.search(r"Overall exposure level for salesd\.service: ([0-9.]+)", completed.stdout)
    assert found, f"no exposure level in:\n{completed.stdout}{completed.stderr}"
    exposure = float(found.group(1))
    log(f"    exposure {exposure} (at most {MAX_EXPOSURE})")
    for line in completed.stdout.splitlines():
        if line.startswith("✗"):
            log(f"    {line}")
    assert exposure <= MAX_EXPOSURE, completed.stdout


@pytest.mark.parametrize("scope", ["home", "system"])
def test_install_puts_each_file_where_it_is_looked_for_and_uninstall_removes_them(
        scope, salesd_bin, tmp_path):
    """`make install` (staged with DESTDIR) writes the binary, units naming that binary, catalog,
    completions and man page; `make uninstall` removes exactly those files."""
    home = "/home/someone"
    prefix = f"{home}/.local" if scope == "home" else "/usr/local"
    expected = {
        "home": [".local/bin/salesd", ".config/systemd/user/salesd.service",
                 ".config/systemd/user/salesd.socket", ".config/systemd/user/salesd-failed.service",
                 ".local/lib/systemd/catalog/salesd.catalog",
                 ".local/share/bash-completion/completions/salesd",
                 ".local/bin/salesctl", ".local/share/man/man1/salesctl.1",
                 ".local/share/zsh/site-functions/_salesd", ".config/fish/completions/salesd.fish",
                 ".local/share/man/man1/salesd.1", ".local/share/applications/salesd.desktop",
                 ".local/share/icons/hicolor/scalable/apps/salesd.svg"],
        "system": ["bin/salesd", "lib/systemd/user/salesd.service", "lib/systemd/user/salesd.socket",
                   "lib/systemd/user/salesd-failed.service",
                   "lib/systemd/catalog/salesd.catalog", "share/bash-completion/completions/salesd",
                   "bin/salesctl", "share/man/man1/salesctl.1",
                   "share/zsh/site-functions/_salesd", "share/fish/vendor_completions.d/salesd.fish",
                   "share/man/man1/salesd.1", "share/applications/salesd.desktop",
                   "share/icons/hicolor/scalable/apps/salesd.svg"],
    }[scope]
    base = home if scope == "home" else prefix
    destdir = tmp_path / "root"
    man = tmp_path / "salesd.1"
    man.write_text(".Dd November 27, 2026\n.Dt SALESD 1\n.Sh NAME\n")
    make = ["make", "--no-print-directory", "-C", str(REPO), "-f", "install.mk", f"DESTDIR={destdir}",
            f"PREFIX={prefix}", f"INSTALL_BIN={salesd_bin}", f"INSTALL_MAN={man}"]
    env = {**os.environ, "HOME": home}
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env.pop(variable, None)

    log(f"# {' '.join(make)} install")
    subprocess.run([*make, "install"], env=env, check=True, capture_output=True, text=True)
    installed = sorted(str(p.relative_to(destdir / base.lstrip("/"))) for p in destdir.rglob("*") if p.is_file())
    for path in installed:
        log(f"    {path}")
    assert installed == sorted(expected)
    unit = (destdir / base.lstrip("/") / expected[1]).read_text()
    assert f"ExecStart={prefix}/bin/salesd run" in unit and f"ExecReload={prefix}/bin/salesd ctl reload" in unit
    completion = destdir / base.lstrip("/") / expected[5]
    desktop_file = (destdir / base.lstrip("/") / expected[-2]).read_text()
    assert f"Exec={prefix}/bin/salesd ctl today" in desktop_file, desktop_file
    subprocess.run(["bash", "-n", str(completion)], check=True)

    subprocess.run([*make, "uninstall"], env=env, check=True, capture_output=True, text=True)
    assert [p for p in destdir.rglob("*") if p.is_file()] == []


# The service under systemd --user


def test_first_ctl_call_starts_the_daemon_through_the_socket(user):
    """With only the socket listening, `salesd ctl status` starts salesd.service and gets an answer."""
    user.systemctl("stop", "salesd.service")
    assert service(user, "ActiveState")["ActiveState"] == "inactive"

    status = user.salesd("ctl", "status")
    assert "next reminder" in status.stdout.lower(), status.stdout

    state = service(user, "ActiveState", "SubState", "TriggeredBy", "StatusText")
    log(f"    salesd.service: {state}")
    assert state["ActiveState"] == "active"
    assert state["SubState"] == "running"
    assert "salesd.socket" in state["TriggeredBy"]
    assert state["StatusText"].startswith("Next reminder"), state


def test_start_returns_once_the_daemon_is_ready(user):
    """`systemctl --user start` waits for READY=1: right after it the unit is active with a status."""
    user.systemctl("stop", "salesd.service")
    user.systemctl("start", "salesd.service")

    state = service(user, "ActiveState", "SubState", "StatusText", "Type", "MainPID")
    log(f"    salesd.service: {state}")
    assert state["Type"] == "notify"
    assert state["ActiveState"] == "active", "start returned before the daemon said READY=1"
    assert state["StatusText"].startswith("Next reminder"), state
    user.run("systemctl", "--user", "status", "--no-pager", "salesd.service")


def test_reload_applies_a_valid_plan_and_refuses_a_broken_one(user):
    """`systemctl --user reload` switches to an edited plan; a broken plan fails the reload and the
    old plan keeps running in the same process."""
    user.systemctl("start", "salesd.service")
    before = service(user, "MainPID", "InvocationID")

    renamed = unique_id("follow-ups")
    user.write_config(plan(action(renamed, "Follow up with three proposals", at="23:58")))
    user.systemctl("reload", "salesd.service")
    entries(before["InvocationID"], "SALESD_EVENT=reloaded")
    assert renamed in user.salesd("ctl", "today").stdout

    user.write_config('{"version": 1, "steps": [], "actions": [{"id": "x", "at": "9:3"}]}')
    refused = user.systemctl("reload", "salesd.service", check=False)
    assert refused.returncode != 0, "a reload with a broken plan reported success"
    entries(before["InvocationID"], "SALESD_EVENT=reload-failed")

    after = service(user, "ActiveState", "MainPID", "InvocationID")
    assert after == {"ActiveState": "active", **before}, "the daemon did not survive a broken plan"
    assert renamed in user.salesd("ctl", "today").stdout, "the old plan is no longer running"


def test_stop_is_clean(user):
    """`systemctl --user stop` ends the daemon by SIGTERM within TimeoutStopSec: exit 0, no SIGKILL."""
    user.systemctl("start", "salesd.service")
    invocation = service(user, "InvocationID")["InvocationID"]
    user.systemctl("stop", "salesd.service")

    state = service(user, "ActiveState", "Result", "ExecMainCode", "ExecMainStatus")
    log(f"    salesd.service: {state}")
    assert state["ActiveState"] == "inactive"
    assert state["Result"] == "success", "the stop timed out or the daemon failed"
    assert (state["ExecMainCode"], state["ExecMainStatus"]) == ("1", "0"), "the daemon did not exit 0"
    entries(invocation, "SALESD_EVENT=stopping")
    manager_says = [entry.get("MESSAGE", "") for entry in journal(f"USER_INVOCATION_ID={invocation}")]
    log(f"    the manager about this run: {manager_says}")
    assert not [m for m in manager_says if "SIGKILL" in m or "timed out" in m.lower()], manager_says


def test_journal_entries_name_the_user_unit_and_carry_salesd_fields(user):
    """Entries of the service are attributed to _SYSTEMD_USER_UNIT=salesd.service with SALESD_ fields."""
    user.systemctl("restart", "salesd.service")
    state = service(user, "MainPID", "InvocationID")
    log("# journalctl -o json _SYSTEMD_USER_UNIT=salesd.service SALESD_EVENT=started")
    [entry] = entries(state["InvocationID"], "SALESD_EVENT=started")
    log(f"    {entry.get('MESSAGE')}")
    assert entry["_PID"] == state["MainPID"]
    assert entry["_UID"] == str(user.uid)
    assert entry["SYSLOG_IDENTIFIER"] == "salesd"
    assert re.fullmatch(r"[0-9a-f]{32}", entry.get("MESSAGE_ID", "")), entry


def test_journal_explains_a_reminder_with_the_catalog(user, catalog):
    """With the catalog installed, `journalctl -x` shows its explanation under a reminder."""
    ping = unique_id("ping")
    at, _, day = soon(5)
    user.write_config(plan(action(ping, "Ping a former colleague", at=at)))
    user.systemctl("restart", "salesd.service")
    invocation = service(user, "InvocationID")["InvocationID"]
    [reminder] = entries(invocation, "SALESD_EVENT=reminder", f"SALESD_ACTION={ping}", timeout=60)
    assert reminder["SALESD_DAY"] == day

    command = ["journalctl", "-x", "--no-pager", "-q", "_SYSTEMD_USER_UNIT=salesd.service",
               f"SALESD_ACTION={ping}", "SALESD_EVENT=reminder"]
    log(f"# {' '.join(command)}")
    shown = subprocess.run(command, capture_output=True, text=True, timeout=30).stdout
    for line in shown.splitlines():
        log(f"    {line}")
    explanation = [line for line in shown.splitlines() if line.startswith("░░")]
    assert explanation, f"journalctl -x shows no catalog text for MESSAGE_ID {reminder['MESSAGE_ID']}"
    assert any(ping in line for line in explanation), "the catalog text does not name the action"


def test_watchdog_restarts_a_wedged_daemon_and_the_ledger_survives(user):
    """A daemon that stops pinging the watchdog is restarted by systemd; what was recorded stays."""
    calls = unique_id("calls")
    user.write_config(plan(action(calls, "Call two warm leads", target=5, at="23:59")))
    user.drop_in("salesd.service", "test", "[Service]\nWatchdogSec=2s\n"
                                           "Environment=SALESD_TEST_WEDGE_ON_SIGUSR1=1\n")
    user.systemctl("daemon-reload")
    user.systemctl("restart", "salesd.service")
    user.salesd("ctl", "done", calls, "2")
    before = service(user, "MainPID", "NRestarts", "WatchdogUSec", "InvocationID")
    log(f"    before: {before}")
    assert before["WatchdogUSec"] == "2s"

    user.systemctl("kill", "--kill-whom=main", "--signal=SIGUSR1", "salesd.service")

    def restarted():
        now = service(user, "MainPID", "NRestarts", "ActiveState")
        fresh = (int(now["NRestarts"]) > int(before["NRestarts"]) and now["ActiveState"] == "active"
                 and now["MainPID"] not in ("0", before["MainPID"]))
        return now if fresh else None

    after = wait_for(restarted, 60, "systemd to restart the wedged daemon")
    log(f"    after: {after}")
    manager_says = [e.get("MESSAGE", "") for e in journal(f"USER_INVOCATION_ID={before['InvocationID']}")]
    assert any("Watchdog timeout" in m for m in manager_says), manager_says
    today = user.salesd("ctl", "today").stdout
    [line] = [line for line in today.splitlines() if "Call two warm leads" in line]
    assert "2/5" in line, f"the 2 calls recorded before the restart are gone:\n{today}"


def test_service_and_terminal_share_one_ledger_and_an_old_one_is_moved(user):
    """The service keeps its ledger in ~/.local/state/salesd, where `salesd export` in a terminal reads
    it, on every systemd version; a ledger systemd 252 kept in ~/.config/salesd (StateDirectory=) is
    moved there at start, and the journal says so."""
    calls = unique_id("calls")
    state = user.home / ".local" / "state" / "salesd"
    legacy = user.home / ".config" / "salesd"
    # From a home without salesd's data: the tests before this one wrote a ledger.
    user.systemctl("stop", "salesd.service")
    user.clear_salesd_data()
    user.write_config(plan(action(calls, "Call two warm leads", target=5, at="23:59")))
    user.systemctl("restart", "salesd.service")
    user.salesd("ctl", "done", calls, "2")
    exported = user.salesd("export", "--csv").stdout
    assert f",{calls},2," in exported, exported
    assert (state / "ledger.sqlite").exists()

    # As an older salesd under systemd 252 left it: the ledger in the config folder.
    user.systemctl("stop", "salesd.service")
    user.run("mv", state / "ledger.sqlite", legacy / "ledger.sqlite")
    user.run("rm", "-f", state / "ledger.sqlite-wal", state / "ledger.sqlite-shm")
    user.systemctl("start", "salesd.service")
    invocation = service(user, "InvocationID")["InvocationID"]
    said = wait_for(lambda: [e for e in journal("_SYSTEMD_USER_UNIT=salesd.service",
                                                 f"_SYSTEMD_INVOCATION_ID={invocation}")
                             if "moved the ledger from" in e.get("MESSAGE", "")],
                    30, "the journal entry saying the ledger was moved")
    log(f"    {said[0]['MESSAGE']}")
    assert not (legacy / "ledger.sqlite").exists()
    today = user.salesd("ctl", "today").stdout
    [line] = [line for line in today.splitlines() if "Call two warm leads" in line]
    assert "2/5" in line, f"the moved ledger's 2 calls are not counted:\n{today}"


# A failed start, told on the desktop


@pytest.fixture
def user_desktop(user):
    """Xvfb and dunst as the test user's own services (systemd-run --user) on the session bus of
    its manager; their units are stopped afterwards."""
    number = next(n for n in range(140, 160)
                  if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{number}"
    units = ["salesd-test-xvfb", "salesd-test-dunst"]
    user.run("systemd-run", "--user", f"--unit={units[0]}", "Xvfb", display, "-screen", "0", "1024x768x24",
             "-nolisten", "tcp")
    wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 15, f"Xvfb {display}")
    user.run("systemd-run", "--user", f"--unit={units[1]}", f"--setenv=DISPLAY={display}", "dunst",
             "-conf", "/etc/xdg/dunst/dunstrc")
    wait_for(lambda: user.run("busctl", "--user", "status", "org.freedesktop.Notifications", check=False,
                              quiet=True).returncode == 0, 15, "dunst on the user's session bus")
    yield display
    user.systemctl("stop", *units, check=False, quiet=True)
    user.systemctl("reset-failed", "salesd-failed.service", *units, check=False, quiet=True)


def dunst_notifications(user):
    """What dunst shows or showed (displayed ones are closed first), newest first, as name → value."""
    user.run("dunstctl", "close-all", quiet=True)
    reply = json.loads(user.run("dunstctl", "history", quiet=True).stdout)
    entries = reply["data"][0] if reply.get("data") else []
    return [{name: value["data"] for name, value in entry.items()} for entry in entries]


def test_broken_config_at_start_fails_at_once_and_a_notification_says_why(user, user_desktop):
    """A broken config makes salesd.service fail at once (exit 78, no restart loop), and its
    OnFailure= unit shows a desktop notification naming the file, the problem and the fix."""
    user.write_config(plan(action(unique_id("calls"), "Call two warm leads", at="9:3")))
    user.systemctl("stop", "salesd.service", quiet=True)
    started = user.systemctl("start", "salesd.service", check=False)
    assert started.returncode != 0, "salesd.service started with a broken config"

    state = service(user, "ActiveState", "Result", "ExecMainStatus", "NRestarts")
    log(f"    salesd.service: {state}")
    assert (state["ActiveState"], state["ExecMainStatus"], state["NRestarts"]) == ("failed", "78", "0"), state

    def displayed():
        count = user.run("dunstctl", "count", "displayed", check=False, quiet=True).stdout.strip()
        return count.isdigit() and int(count) >= 1
    wait_for(displayed, 30, "dunst to display the failure notification")
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    subprocess.run(["/usr/bin/import", "-display", user_desktop, "-window", "root",
                    str(artifacts / "failure-dunst.png")], check=True, timeout=30)
    [notice] = [n for n in dunst_notifications(user) if n.get("summary") == "salesd could not start"]
    log(f"    dunst showed: {notice['summary']!r}: {notice['body']!r}")
    assert notice["appname"] == "salesd", notice
    assert notice["body"].startswith(f"{user.config_path} has 1 problem:"), notice
    assert '"9:3" is not a time' in notice["body"], notice
    assert "systemctl --user restart salesd" in notice["body"], notice
    failed = user.show("salesd-failed.service", "Result", "ExecMainStatus")
    assert failed == {"Result": "success", "ExecMainStatus": "0"}, failed
