"""Nothing acknowledged is lost or faked: one daemon per ledger, deleted and damaged ledgers,
clean stops, backups and restores, reminders whose write fails, and bad input at start.

Every test runs the real binary on a real SQLite file in a private XDG tree.
"""

import os
import re
import shutil
import sqlite3
import subprocess

import pytest

from harness.daemon import DaemonFailed, run_salesd
from harness.plans import action, plan, soon, unique_id
from harness.polling import wait_until
from robustness_support import start_daemon


def salesd(daemon, *args, timeout=60.0):
    """`salesd ARGS` (not ctl) in the daemon's private tree."""
    return run_salesd(daemon.binary, [str(a) for a in args], daemon.env, timeout)


def done_today(daemon, action_id):
    today = daemon.call("Today")
    return next(a["done"] for a in today["actions"] if a["action"] == action_id)


def sqlite(path, sql):
    completed = subprocess.run(["sqlite3", str(path), sql], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


CALLS = "calls"


def calls_plan():
    return plan(action(CALLS, "Call warm leads", target=10, at="23:59:59"))


def test_second_daemon_and_writers_are_refused_naming_the_first_readers_still_read(make_daemon, short_tmp):
    """With a daemon running, a second `salesd run` and `import`/`restore` are refused naming its pid;
    `export`, `report` and `backup` still read the ledger."""
    daemon = start_daemon(make_daemon, calls_plan())
    assert daemon.ctl("done", CALLS, "2").rc == 0
    holder = f"salesd run (pid {daemon.pid})"

    second = salesd(daemon, "run", "--socket", short_tmp / "other.sock", timeout=30)
    assert second.rc != 0, f"a second daemon started on the same ledger:\n{second.output}"
    assert holder in second.stderr and "is in use" in second.stderr, second.stderr

    export = short_tmp / "export.json"
    exported = salesd(daemon, "export", "--json")
    assert exported.rc == 0, exported.output
    export.write_text(exported.stdout)
    assert salesd(daemon, "report", "--html", short_tmp / "week.html").rc == 0

    backup = short_tmp / "backup.sqlite"
    backed = salesd(daemon, "backup", backup)
    assert backed.rc == 0, backed.output
    assert sqlite(backup, "SELECT SUM(count) FROM events WHERE kind = 'done'") == "2"

    for writer in (["import", export], ["restore", backup]):
        refused = salesd(daemon, *writer)
        assert refused.rc == 1, refused.output
        assert holder in refused.stderr, refused.stderr
    assert done_today(daemon, CALLS) == 2


def test_deleted_ledger_refuses_writes_and_is_not_started_empty(make_daemon, short_tmp):
    """After `rm -rf` of the state folder, `done` is refused (not "Recorded"), the next start refuses to
    begin an empty ledger and names `salesd restore`, and restoring a backup brings the history back."""
    daemon = start_daemon(make_daemon, calls_plan())
    assert daemon.ctl("done", CALLS, "2").rc == 0
    backup = short_tmp / "backup.sqlite"
    sqlite(daemon.state_dir / "ledger.sqlite", f".backup '{backup}'")  # the same online backup as `salesd backup`

    shutil.rmtree(daemon.state_dir)
    refused = daemon.ctl("done", CALLS, "1")
    assert refused.rc == 1, refused.output
    assert "Recorded" not in refused.stdout
    assert "was deleted" in refused.stderr and "nothing was recorded" in refused.stderr, refused.stderr
    assert daemon.stop() == 0

    with pytest.raises(DaemonFailed) as failed:
        daemon.start()
    message = str(failed.value)
    assert "is missing" in message and "salesd restore FILE" in message and "--new-ledger" in message, message
    assert not (daemon.state_dir / "ledger.sqlite").exists(), "an empty ledger was created anyway"

    restored = salesd(daemon, "restore", backup)
    assert restored.rc == 0, restored.output
    daemon.start()
    assert done_today(daemon, CALLS) == 2


def test_new_ledger_flag_starts_over_on_purpose(make_daemon):
    """Where a ledger was deleted, `prepare-state` (the service's first step) refuses too, and
    `--new-ledger` (of `prepare-state` or `run`) is the way to start an empty one on purpose."""
    daemon = start_daemon(make_daemon, calls_plan())
    assert daemon.ctl("done", CALLS, "2").rc == 0
    assert daemon.stop() == 0
    shutil.rmtree(daemon.state_dir)

    refused = salesd(daemon, "prepare-state")
    assert refused.rc == 1 and "is missing" in refused.stderr, refused.output
    assert salesd(daemon, "prepare-state", "--new-ledger").rc == 0
    daemon.start()
    assert done_today(daemon, CALLS) == 0
    assert daemon.stop() == 0

    shutil.rmtree(daemon.state_dir)
    daemon.start(args=["--new-ledger"])
    assert done_today(daemon, CALLS) == 0


def test_damaged_ledger_is_refused_at_start_with_commands_that_repair_it(make_daemon, short_tmp):
    """A ledger with a damaged page is refused at start with hints naming `salesd restore` and a
    `sqlite3 … .dump` salvage, and following the hint gets the daemon running on what was readable."""
    daemon = start_daemon(make_daemon, calls_plan())
    assert daemon.ctl("done", CALLS, "1").rc == 0
    assert daemon.stop() == 0
    ledger = daemon.state_dir / "ledger.sqlite"
    sqlite(ledger, """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
        INSERT INTO events (kind, at, day, action, count, note, source)
        SELECT 'done', 0, '2020-01-01', 'old', 1, printf('note %d with some text to fill pages', i), 'test' FROM n;
        PRAGMA wal_checkpoint(TRUNCATE);
        """)
    size = ledger.stat().st_size
    with open(ledger, "r+b") as file:
        file.seek(size // 2 // 4096 * 4096)
        file.write(b"\x5a" * 4096)

    with pytest.raises(DaemonFailed) as failed:
        daemon.start()
    message = str(failed.value)
    assert "is damaged" in message and "salesd restore FILE" in message, message
    [salvage] = re.findall(r"`(sqlite3 [^`]+ \.dump [^`]+)`", message)

    # The hint as a person would paste it (Debian 12's sqlite3 3.40 cannot `.recover`: no dbpage).
    subprocess.run(["bash", "-c", salvage], cwd=short_tmp, check=True, capture_output=True, timeout=60)
    restored = salesd(daemon, "restore", short_tmp / "recovered.sqlite")
    assert restored.rc == 0, restored.output
    assert "kept as" in restored.stdout, restored.stdout
    daemon.start()
    assert done_today(daemon, CALLS) == 1


def test_clean_stop_leaves_everything_in_ledger_sqlite(make_daemon, short_tmp):
    """After SIGTERM, a copy of `ledger.sqlite` alone (no -wal) holds every recorded event."""
    daemon = start_daemon(make_daemon, calls_plan())
    assert daemon.ctl("done", CALLS, "2").rc == 0
    assert daemon.ctl("done", CALLS, "3").rc == 0
    assert daemon.stop() == 0

    copy = short_tmp / "copy.sqlite"
    shutil.copyfile(daemon.state_dir / "ledger.sqlite", copy)
    assert sqlite(copy, "SELECT SUM(count) FROM events WHERE kind = 'done'") == "5"


def test_backup_while_running_then_restore_after_stop(make_daemon, short_tmp):
    """A backup taken while the daemon records is restored after a stop; the replaced ledger is kept aside."""
    daemon = start_daemon(make_daemon, calls_plan())
    assert daemon.ctl("done", CALLS, "2").rc == 0
    backup = short_tmp / "backup.sqlite"
    backed = salesd(daemon, "backup", backup)
    assert backed.rc == 0 and "Backed up" in backed.stdout, backed.output
    assert daemon.ctl("done", CALLS, "5").rc == 0
    assert daemon.stop() == 0

    restored = salesd(daemon, "restore", backup)
    assert restored.rc == 0, restored.output
    [aside] = [p for p in daemon.state_dir.iterdir() if p.name.startswith("ledger.sqlite.before-restore-")
               and not p.name.endswith(("-wal", "-shm"))]
    assert str(aside) in restored.stdout
    assert sqlite(aside, "SELECT SUM(count) FROM events WHERE kind = 'done'") == "7"
    refused = salesd(daemon, "restore", short_tmp / "missing.sqlite")
    assert refused.rc == 1 and "is not a sound salesd ledger" in refused.stderr, refused.output
    daemon.start()
    assert done_today(daemon, CALLS) == 2


def test_reminder_whose_write_fails_is_announced_once_recorded_and_never_again(make_daemon, journal):
    """While another process holds the ledger's write lock, a due reminder is not announced; once the
    lock goes it is recorded and announced once, and a restart does not announce it again."""
    ping = unique_id("ping")
    at, _, day = soon(4)
    daemon = start_daemon(make_daemon, plan(action(ping, "Ping a former colleague", at=at)))
    watcher = daemon.watch()
    blocker = sqlite3.connect(daemon.state_dir / "ledger.sqlite", timeout=30, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        wait_until(lambda: "cannot record reminder" in daemon.stderr(), 60,
                   "the daemon to report that it cannot record the reminder")
        assert not watcher.matching("reminder", action=ping), "announced although not recorded"
        assert not journal(at_least=0, SALESD_EVENT="reminder", SALESD_ACTION=ping)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()

    watcher.wait_for("reminder", timeout=60, action=ping)
    daemon.restart()
    daemon.status()
    assert len(journal(at_least=0, SALESD_EVENT="reminder", SALESD_ACTION=ping)) == 1
    events = sqlite(daemon.state_dir / "ledger.sqlite",
                    f"SELECT COUNT(*) FROM events WHERE kind IN ('reminder', 'missed') AND action = '{ping}'")
    assert events == "1"


def test_ledger_from_systemd_252_state_directory_is_moved_and_said_so(make_daemon):
    """A ledger in ~/.config/salesd (systemd 252's StateDirectory=) moves to the one ledger folder at
    start, even with STATE_DIRECTORY pointing there; the daemon says so, and `export` finds it."""
    daemon = make_daemon(calls_plan(), start=False)
    daemon.env["SALESD_NO_DESKTOP"] = "1"
    legacy = daemon.config_path.parent
    daemon.start(args=["--state-dir", str(legacy)])
    assert daemon.ctl("done", CALLS, "2").rc == 0
    assert daemon.stop() == 0

    daemon.env["STATE_DIRECTORY"] = str(legacy)
    daemon.start()
    assert "moved the ledger from" in daemon.stderr(), daemon.stderr()
    assert done_today(daemon, CALLS) == 2
    assert (daemon.state_dir / "ledger.sqlite").exists()
    assert not (legacy / "ledger.sqlite").exists()
    exported = salesd(daemon, "export", "--csv")
    assert exported.rc == 0 and ",done," in exported.stdout, exported.output


def test_unknown_tz_is_an_error_not_utc(make_daemon, short_tmp):
    """`TZ` naming no zone stops `run` and `check-config` with the reason, instead of becoming UTC."""
    daemon = make_daemon(start=False)
    env = {**daemon.env, "TZ": "Mars/Olympus", "SALESD_NO_DESKTOP": "1"}
    for command in (["check-config"], ["run", "--socket", str(short_tmp / "tz.sock")]):
        result = run_salesd(daemon.binary, command, env, timeout=30)
        assert result.rc != 0, f"{command} accepted TZ=Mars/Olympus:\n{result.output}"
        assert 'TZ="Mars/Olympus" does not name a time zone' in result.stderr, result.stderr


def test_config_that_is_a_folder_or_a_fifo_gets_a_clear_error(make_daemon, short_tmp):
    """A config path that is a folder or a FIFO is named as such by `check-config` and `run`."""
    daemon = make_daemon(start=False)
    folder = short_tmp / "folder"
    folder.mkdir()
    fifo = short_tmp / "fifo"
    os.mkfifo(fifo)
    for path, reason in ((folder, "it is a folder, not a file"), (fifo, "it is a FIFO (named pipe), not a regular file")):
        checked = salesd(daemon, "check-config", path, timeout=30)
        assert checked.rc == 1 and reason in checked.stderr, checked.output
        ran = salesd(daemon, "run", "--config", path, "--socket", short_tmp / "cfg.sock", timeout=30)
        assert ran.rc != 0 and reason in ran.stderr, ran.output
