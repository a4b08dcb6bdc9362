"""A small Varlink client over a Unix socket: NUL-terminated JSON messages, nothing else.

The tests use it instead of the `varlink` package so every wait has its own timeout and a
broken reply shows up as the raw bytes the daemon sent.
"""

import json
import socket
import time

INTERFACE = "io.salesd.Control"


class VarlinkError(Exception):
    """The daemon answered with a Varlink error (`io.salesd.Control.NoSuchAction`, …)."""

    def __init__(self, name, parameters):
        super().__init__(f"{name}: {parameters.get('message', parameters)}")
        self.name = name
        self.parameters = parameters


class UnixStream:
    """A stream socket connected to `path`, with the bytes read but not yet used in `buffer`;
    closed when a `with` block ends."""

    def __init__(self, path, timeout=10.0):
        self.path = str(path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(self.path)
        self.buffer = b""

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class VarlinkConnection(UnixStream):
    """One connection to a Varlink service."""

    def send(self, method, parameters=None, more=False):
        """Sends a call; `method` may be short (`Status`) or fully qualified."""
        if "." not in method:
            method = f"{INTERFACE}.{method}"
        message = {"method": method, "parameters": parameters or {}}
        if more:
            message["more"] = True
        self.sock.sendall(json.dumps(message).encode() + b"\0")

    def receive(self, timeout=None):
        """The next reply as a dict, waiting at most `timeout` seconds (None: for ever).

        Raises EOFError when the daemon closed the connection.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\0" not in self.buffer:
            if deadline is None:
                self.sock.settimeout(None)  # a Watch stream may be quiet for as long as it likes
            else:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no Varlink reply on {self.path} within {timeout}s")
                self.sock.settimeout(remaining)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError(f"{self.path} closed the connection (unread: {self.buffer[:200]!r})")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        try:
            return json.loads(raw)
        except json.JSONDecodeError as error:
            raise AssertionError(f"the daemon sent a reply that is not JSON: {raw[:500]!r}") from error

    def call(self, method, parameters=None, timeout=10.0):
        """Calls a method and returns its reply parameters; raises VarlinkError on an error reply."""
        self.send(method, parameters)
        reply = self.receive(timeout)
        if "error" in reply:
            raise VarlinkError(reply["error"], reply.get("parameters") or {})
        return reply.get("parameters") or {}


def call(path, method, timeout=10.0, **parameters):
    """Calls one method on a fresh connection."""
    with VarlinkConnection(path, timeout) as connection:
        return connection.call(method, parameters, timeout)
