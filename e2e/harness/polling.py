"""Polling for a state that offers no event to wait on (a name owner, a count, a file)."""

import time


def wait_until(condition, timeout, what, interval=0.05):
    """Polls `condition()` until it returns something truthy, which is returned; fails with
    `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)  # poll interval, not a wait for an event
