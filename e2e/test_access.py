"""Access: only the daemon's own user reaches it; its socket and ledger are private.

A second local user is created for the refusal tests (they need root, as in CI).
"""

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest

from harness.plans import action, plan
from robustness_support import ensure_user, start_daemon

OTHER_USER = "salesd-e2e-other"

# Run as the other user: connect, ask for Status, say what happened as one JSON line.
PROBE = r"""
import json, socket, sys
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.settimeout(20)
try:
    sock.connect(sys.argv[1])
except OSError as error:
    print(json.dumps({"connected": False, "errno": error.errno})); sys.exit(0)
try:
    sock.sendall(b'{"method": "io.salesd.Control.Status"}\0')
except OSError:
    pass
data = b""
while b"\0" not in data:
    try:
        chunk = sock.recv(65536)
    except ConnectionResetError:
        chunk = b""
    if not chunk:
        break
    data += chunk
reply = json.loads(data.split(b"\0")[0]) if b"\0" in data else None
print(json.dumps({"connected": True, "reply": reply}))
"""


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def other_user():
    if os.geteuid() != 0:
        pytest.skip("needs root to create and switch to a second user")
    return ensure_user(OTHER_USER)


def as_user(user, command, env=None):
    """Runs `command` as `user` (no supplementary groups) and returns the completed process."""
    return subprocess.run(
        ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--", *command],
        capture_output=True, text=True, timeout=60, env=env or {"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        cwd="/")


def probe(user, socket_path):
    # The system interpreter: a venv's or pyenv's may sit in a folder the other user cannot enter.
    python = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else os.path.realpath(sys.executable)
    completed = as_user(user, [python, "-c", PROBE, str(socket_path)])
    assert completed.returncode == 0, f"the probe failed: {completed.stderr}"
    return json.loads(completed.stdout)


def binary_for(user, binary, folder):
    """The salesd binary, copied to a world-readable place if `user` cannot run it where it is."""
    if as_user(user, [str(binary), "--version"]).returncode == 0:
        return str(binary)
    folder.mkdir(mode=0o755, exist_ok=True)
    folder.chmod(0o755)
    copy = folder / "salesd"
    shutil.copy2(binary, copy)
    copy.chmod(0o755)
    return str(copy)


def open_path_to(path, top):
    """Lets every user traverse the folders from `top` down to `path`'s folder."""
    folder = path.parent
    while True:
        folder.chmod(0o711)
        if folder == top:
            break
        folder = folder.parent


def test_socket_folder_keeps_other_users_out(make_daemon, other_user, short_tmp):
    """Another user cannot even connect: the socket's folder is 0700."""
    daemon = start_daemon(make_daemon, plan(action("calls", "Call three warm leads")))
    result = probe(other_user, daemon.socket_path)
    assert result == {"connected": False, "errno": 13}, f"another user reached the socket: {result}"

    binary = binary_for(other_user, daemon.binary, short_tmp / "bin")
    ctl = as_user(other_user, [binary, "ctl", "status", "--socket", str(daemon.socket_path)])
    assert ctl.returncode == 3, f"ctl status as another user exited {ctl.returncode}:\n{ctl.stdout}{ctl.stderr}"
    assert "pid" not in ctl.stdout.lower()


def test_daemon_refuses_another_user_even_when_the_socket_is_reachable(make_daemon, other_user, short_tmp):
    """With the folder and socket opened up, SO_PEERCRED still refuses another user."""
    daemon = start_daemon(make_daemon, plan(action("calls", "Call three warm leads")))
    open_path_to(daemon.socket_path, short_tmp)
    daemon.socket_path.chmod(0o666)

    result = probe(other_user, daemon.socket_path)
    assert result["connected"], f"the opened-up socket was still unreachable: {result}"
    reply = result["reply"]
    assert reply is None or reply.get("error") == "org.varlink.service.PermissionDenied", \
        f"another user got an answer: {reply}"

    # salesd's own client does not even send: the server is not its user's.
    binary = binary_for(other_user, daemon.binary, short_tmp / "bin")
    ctl = as_user(other_user, [binary, "ctl", "status", "--socket", str(daemon.socket_path)])
    assert ctl.returncode == 3, f"ctl status as another user exited {ctl.returncode}:\n{ctl.stdout}{ctl.stderr}"
    assert "not by you" in ctl.stderr, f"ctl did not say why:\n{ctl.stdout}{ctl.stderr}"

    # The refusal costs the owner nothing.
    assert daemon.status()["pid"] == daemon.pid
    assert daemon.stop() == 0, f"salesd run did not exit 0 on SIGTERM; stderr:\n{daemon.stderr()}"


def test_modes_are_private_whatever_the_umask(make_daemon):
    """Socket 0600 in a 0700 folder, ledger 0600 in a 0700 folder, even when started with umask 000."""
    daemon = make_daemon(plan(action("calls", "Call three warm leads")), start=False)
    daemon.env["SALESD_NO_DESKTOP"] = "1"
    previous = os.umask(0)
    try:
        daemon.start()
    finally:
        os.umask(previous)
    daemon.call("Done", action="calls")  # make SQLite write its journal files too

    ledger = daemon.state_dir / "ledger.sqlite"
    assert stat.S_ISSOCK(os.stat(daemon.socket_path).st_mode)
    assert oct(mode(daemon.socket_path)) == oct(0o600)
    assert oct(mode(daemon.socket_path.parent)) == oct(0o700)
    assert oct(mode(daemon.state_dir)) == oct(0o700)
    assert oct(mode(ledger)) == oct(0o600)
    for companion in (ledger.with_name("ledger.sqlite-wal"), ledger.with_name("ledger.sqlite-shm")):
        if companion.exists():
            assert oct(mode(companion)) == oct(0o600), f"{companion.name} is readable by others"
    assert daemon.stop() == 0


# Run as the other user: a fake salesd that answers every call with "recorded" and logs what it got.
FAKE_SERVER = r"""
import os, socket, sys
path, log = sys.argv[1], sys.argv[2]
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
os.chmod(path, 0o666)
server.listen(8)
print("listening", flush=True)
while True:
    conn, _ = server.accept()
    conn.settimeout(5)
    data = b""
    try:
        while b"\0" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    with open(log, "ab") as f:
        f.write(data)
    if data:
        conn.sendall(b'{"parameters":{"outcome":"recorded"}}\0')
    conn.close()
"""


def test_ctl_sends_nothing_to_a_server_of_another_user(salesd, other_user, short_tmp):
    """A fake server another user put in place gets not one byte, and ctl says who it is."""
    folder = short_tmp / "shared"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    short_tmp.chmod(0o711)
    socket_path, log = folder / "control.sock", folder / "received"
    fake = subprocess.Popen(
        ["setpriv", f"--reuid={other_user.pw_uid}", f"--regid={other_user.pw_gid}", "--clear-groups", "--",
         "/usr/bin/python3", "-c", FAKE_SERVER, str(socket_path), str(log)],
        stdout=subprocess.PIPE, text=True, cwd="/")
    try:
        assert fake.stdout.readline().strip() == "listening"
        result = salesd("ctl", "done", "calls", "--note", "met Dana", "--socket", socket_path)
        assert result.rc == 3, result.stdout + result.stderr
        assert f"served by uid {other_user.pw_uid}, not by you" in result.stderr, result.stderr
        assert "Recorded" not in result.stdout
        assert not log.exists() or log.read_bytes() == b"", f"the fake server received: {log.read_bytes()!r}"
    finally:
        fake.kill()
        fake.wait()


@pytest.mark.parametrize("owner", ["me", "other"])
def test_daemon_refuses_a_socket_folder_others_control(salesd, other_user, short_tmp, owner):
    """salesd run will not listen in a folder another user owns or everyone may write to."""
    folder = short_tmp / "sockets"
    folder.mkdir(mode=0o700)
    if owner == "other":
        os.chown(folder, other_user.pw_uid, other_user.pw_gid)
        expected = f"belongs to uid {other_user.pw_uid}"
    else:
        folder.chmod(0o777)
        expected = "is writable by others (mode 777)"
    result = salesd("run", "--socket", folder / "control.sock", timeout=30)
    assert result.rc != 0, f"the daemon started in an untrusted folder:\n{result.stderr}"
    assert expected in result.stderr, result.stderr
    assert not (folder / "control.sock").exists()
