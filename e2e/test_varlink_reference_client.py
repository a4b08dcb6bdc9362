"""The control socket speaks Varlink as the reference `varlink` Python client expects."""

import json
import subprocess
import sys


def varlink_cli(*args):
    completed = subprocess.run([sys.executable, "-m", "varlink.cli", *args],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, f"varlink {' '.join(args)} failed:\n{completed.stdout}{completed.stderr}"
    return completed.stdout


def test_reference_client_reads_info_interface_and_calls_today(make_daemon):
    """`varlink info`, `varlink help` and `varlink call …Today` work against the daemon's socket."""
    daemon = make_daemon(config=None)
    address = f"unix:{daemon.socket_path}"

    info = varlink_cli("info", address)
    assert "io.salesd.Control" in info

    description = varlink_cli("help", f"{address}/io.salesd.Control")
    assert "interface io.salesd.Control" in description
    assert "method Today" in description

    today = json.loads(varlink_cli("call", f"{address}/io.salesd.Control.Today", "{}"))
    assert isinstance(today["actions"], list)
    assert today["day"] == daemon.status()["today"]
