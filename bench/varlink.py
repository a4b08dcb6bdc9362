"""A minimal Varlink client for the benchmarks: raw NUL-framed JSON on one Unix socket.

It does as little as possible per call, so the figures measure the daemon, not the client.
"""

import json
import socket
import time

INTERFACE = "io.salesd.Control"


class VarlinkError(Exception):
    """The daemon answered with a Varlink error."""


class Connection:
    """One persistent connection to the daemon's control socket."""

    def __init__(self, path, timeout=30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(str(path))
        self.buffer = b""

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @staticmethod
    def request(method, parameters=None, more=False):
        """The bytes of one call, ready to send (method short, e.g. `Status`)."""
        message = {"method": f"{INTERFACE}.{method}", "parameters": parameters or {}}
        if more:
            message["more"] = True
        return json.dumps(message, separators=(",", ":")).encode() + b"\0"

    def roundtrip(self, request):
        """Sends prepared request bytes and returns the raw reply (without its NUL)."""
        self.sock.sendall(request)
        return self.receive_raw()

    def receive_raw(self):
        while True:
            end = self.buffer.find(b"\0")
            if end >= 0:
                raw, self.buffer = self.buffer[:end], self.buffer[end + 1:]
                return raw
            chunk = self.sock.recv(262144)
            if not chunk:
                raise EOFError("the daemon closed the connection")
            self.buffer += chunk

    def receive(self):
        reply = json.loads(self.receive_raw())
        if "error" in reply:
            raise VarlinkError(f"{reply['error']}: {reply.get('parameters')}")
        return reply

    def call(self, method, parameters=None):
        """Calls a method; returns the reply parameters or raises VarlinkError."""
        self.sock.sendall(self.request(method, parameters))
        return self.receive().get("parameters") or {}


def wait_until_answers(path, process, timeout=60.0):
    """Polls Status until the daemon answers; returns seconds waited. Fails if the process exits."""
    start = time.monotonic()
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"salesd run exited with {process.returncode} before answering on {path}")
        try:
            # A generous timeout: with a huge plan the first Status itself may take seconds.
            with Connection(path, timeout=max(5.0, timeout - (time.monotonic() - start))) as connection:
                connection.call("Status")
            return time.monotonic() - start
        except (FileNotFoundError, ConnectionRefusedError, EOFError, OSError):
            pass
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"salesd did not answer on {path} within {timeout}s")
        time.sleep(0.002)  # poll interval while the daemon starts
