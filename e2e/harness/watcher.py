"""Follows the daemon's `Watch` stream so tests wait for announcements instead of sleeping."""

import threading
import time

from .varlink_client import VarlinkConnection, VarlinkError


class Watcher:
    """An open `io.salesd.Control.Watch` call whose announcements are collected in order."""

    def __init__(self, socket_path, timeout=10.0):
        self.connection = VarlinkConnection(socket_path, timeout)
        self.connection.send("Watch", {}, more=True)
        self.announcements = []
        self.ended = None  # why the stream ended, once it has
        self.condition = threading.Condition()
        self.thread = threading.Thread(target=self._read, name="salesd-watch", daemon=True)
        self.thread.start()

    def _read(self):
        while True:
            try:
                reply = self.connection.receive()
            except (EOFError, OSError) as error:
                self._end(f"connection closed: {error}")
                return
            if "error" in reply:
                self._end(f"Watch failed: {VarlinkError(reply['error'], reply.get('parameters') or {})}")
                return
            announcement = (reply.get("parameters") or {}).get("announcement")
            with self.condition:
                if announcement is not None:
                    self.announcements.append(announcement)
                self.condition.notify_all()
            if not reply.get("continues", False):
                self._end("the daemon ended the Watch call")
                return

    def _end(self, reason):
        with self.condition:
            if self.ended is None:
                self.ended = reason
            self.condition.notify_all()

    def matching(self, kind, **fields):
        """Announcements seen so far of this kind whose fields equal `fields`."""
        with self.condition:
            return [a for a in self.announcements
                    if a.get("kind") == kind and all(a.get(k) == v for k, v in fields.items())]

    def wait_for(self, kind, timeout=30.0, **fields):
        """The first announcement of `kind` matching `fields`; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                found = self.matching(kind, **fields)
                if found:
                    return found[0]
                if self.ended is not None:
                    raise AssertionError(
                        f"no {kind} announcement matching {fields}: {self.ended}; seen: {self.announcements}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"no {kind} announcement matching {fields} within {timeout}s; seen: {self.announcements}")
                self.condition.wait(remaining)

    def close(self):
        self.connection.close()
        self.thread.join(timeout=5)
