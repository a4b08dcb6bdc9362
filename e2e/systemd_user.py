"""A real `systemd --user` for a test user, and salesd installed into that user's home.

The manager is started by e2e/services/user-manager.sh (root, private mount namespace).
Every command a user would type runs as that user with `user-manager.sh run USER …`, which
gives it HOME, XDG_RUNTIME_DIR and the session bus, as a login session would.
"""

import json
import os
import shlex
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from harness.polling import wait_until as wait_for

REPO = Path(__file__).resolve().parents[1]
USER_MANAGER = REPO / "e2e" / "services" / "user-manager.sh"


def log(message):
    """One line in the test log (pytest shows it with -s, and for a failed test)."""
    print(f"[systemd-user] {message}", flush=True)


class UserSession:
    """One test user with a running `systemd --user` and salesd installed in its home."""

    def __init__(self, user):
        self.user = user
        self.created_user = False
        self.uid = None
        self.home = None
        self.stage = None

    # Manager

    def start(self):
        existed = subprocess.run(["id", "-u", self.user], capture_output=True).returncode == 0
        self._script("start")
        self.created_user = not existed
        self.uid = int(subprocess.run(["id", "-u", self.user], capture_output=True, text=True,
                                      check=True).stdout)
        self.home = Path(os.path.expanduser(f"~{self.user}"))
        self.runtime_dir = Path(f"/run/user/{self.uid}")
        return self

    def stop(self):
        self._script("stop")

    def _script(self, verb):
        completed = subprocess.run([str(USER_MANAGER), verb, self.user], capture_output=True,
                                   text=True, timeout=120)
        log(completed.stdout.strip() or completed.stderr.strip())
        assert completed.returncode == 0, (
            f"user-manager.sh {verb} {self.user} failed ({completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}")

    # Commands as the user

    def run(self, *command, check=True, timeout=60, quiet=False):
        """Runs `command` as the test user; logs it and its output. Returns CompletedProcess."""
        if not quiet:
            log(f"{self.user}$ {shlex.join(str(c) for c in command)}")
        completed = subprocess.run([str(USER_MANAGER), "run", self.user, *map(str, command)],
                                   capture_output=True, text=True, timeout=timeout)
        if not quiet:
            for line in (completed.stdout + completed.stderr).splitlines():
                log(f"    {line}")
            if completed.returncode:
                log(f"    (exit {completed.returncode})")
        if check:
            assert completed.returncode == 0, (
                f"`{shlex.join(map(str, command))}` as {self.user} exited {completed.returncode}:\n"
                f"{completed.stdout}{completed.stderr}")
        return completed

    def systemctl(self, *args, check=True, timeout=60, quiet=False):
        return self.run("systemctl", "--user", *args, check=check, timeout=timeout, quiet=quiet)

    def show(self, unit, *properties):
        """`systemctl --user show` as a dict of the named properties."""
        completed = self.systemctl("show", unit, *(f"-p{p}" for p in properties), quiet=True)
        pairs = (line.split("=", 1) for line in completed.stdout.splitlines() if "=" in line)
        return dict(pairs)

    def clear_salesd_data(self):
        """Removes the ledger (and its marker, and one systemd 252 kept in ~/.config/salesd) that
        an earlier run on this machine may have left in the test user's home, which outlives a run:
        every session starts from a home without salesd's data."""
        state = self.home / ".local" / "state" / "salesd"
        legacy = self.home / ".config" / "salesd"
        self.run("rm", "-rf", state, state.with_name("salesd.has-ledger"),
                 *(legacy / f"ledger.sqlite{suffix}" for suffix in ("", "-wal", "-shm")))

    def salesd(self, *args, check=True, timeout=60):
        """The installed `salesd`, as the user runs it from PATH."""
        return self.run(self.home / ".local" / "bin" / "salesd", *args, check=check, timeout=timeout)

    # Installation

    def install(self, binary, man_page):
        """`make install` as the user, from a copy of what it needs, with the prebuilt files.

        The copy is the user's own, so the install reads nothing from root's checkout, and no
        Swift build runs as another user.
        """
        self.stage = Path(tempfile.mkdtemp(prefix="salesd-install-"))
        source = self.stage / "src"
        (source / "systemd").mkdir(parents=True)
        shutil.copy(REPO / "install.mk", source / "install.mk")
        shutil.copy(REPO / "release.mk", source / "release.mk")
        shutil.copytree(REPO / "desktop", source / "desktop")
        shutil.copytree(REPO / "docs" / "man", source / "docs" / "man")
        for unit in ("salesd.service", "salesd.socket", "salesd-failed.service", "salesd.catalog"):
            shutil.copy(REPO / "systemd" / unit, source / "systemd" / unit)
        shutil.copy(binary, self.stage / "salesd")
        shutil.copy(Path(binary).parent / "salesctl", self.stage / "salesctl")  # install takes it from beside salesd
        shutil.copy(man_page, self.stage / "salesd.1")
        subprocess.run(["chown", "-R", f"{self.user}:", str(self.stage)], check=True)
        self.stage.chmod(0o755)
        self.run("make", "-C", source, "-f", "install.mk", "install",
                 f"INSTALL_BIN={self.stage / 'salesd'}", f"INSTALL_MAN={self.stage / 'salesd.1'}",
                 timeout=120)
        return source

    def uninstall(self):
        if self.stage is None:
            return
        self.run("make", "-C", self.stage / "src", "-f", "install.mk", "uninstall", check=False)
        shutil.rmtree(self.stage, ignore_errors=True)
        self.stage = None

    # Files of the user

    @property
    def config_path(self):
        return self.home / ".config" / "salesd" / "config.json"

    def write_config(self, config):
        """Writes the user's config as the user would (atomically, owned by the user)."""
        text = config if isinstance(config, str) else json.dumps(config, indent=2)
        folder = self.config_path.parent
        self.run("mkdir", "-p", "-m", "0700", folder, quiet=True)
        temporary = Path(tempfile.mkdtemp()) / "config.json"
        temporary.write_text(text)
        subprocess.run(["install", "-o", self.user, "-g", self.user, "-m", "0600", str(temporary),
                        str(folder / "config.json.tmp")], check=True)
        shutil.rmtree(temporary.parent)
        os.replace(folder / "config.json.tmp", self.config_path)

    def drop_in(self, unit, name, text):
        """Writes ~/.config/systemd/user/UNIT.d/NAME.conf as the user; None removes it."""
        folder = self.home / ".config" / "systemd" / "user" / f"{unit}.d"
        path = folder / f"{name}.conf"
        if text is None:
            path.unlink(missing_ok=True)
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
            return
        self.run("mkdir", "-p", folder, quiet=True)
        staging = Path(tempfile.mkdtemp()) / "drop-in.conf"
        staging.write_text(text)
        subprocess.run(["install", "-o", self.user, "-g", self.user, "-m", "0644", str(staging),
                        str(path)], check=True)
        shutil.rmtree(staging.parent)


def journal(*matches):
    """Entries of the whole journal matching `FIELD=value` terms, read as root, oldest first.

    Tests match on a unit's invocation ID (`_SYSTEMD_INVOCATION_ID=` for what the service writes,
    `USER_INVOCATION_ID=` for what its manager says about it): unique, so no cursor is needed.
    """
    command = ["journalctl", "-o", "json", "--no-pager", "-q", *matches]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=30)
    return [json.loads(line) for line in completed.stdout.splitlines() if line.strip()]
