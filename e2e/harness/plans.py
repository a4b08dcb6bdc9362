"""Builds small plans whose reminders fire seconds from now, in UTC."""

import datetime as dt
import secrets
import time

UTC = dt.timezone.utc


def unique_id(prefix):
    """An action id no earlier test run used, so journal queries see only this test's entries."""
    return f"{prefix}-{secrets.token_hex(4)}"


def utc_now():
    return dt.datetime.now(UTC)


def soon(seconds):
    """A reminder time `seconds` from now: (`HH:MM:SS` in UTC, the instant, the UTC day).

    A time that would fall on the next UTC day would not fire today, so near midnight this
    waits for the new day first (at most about two minutes, once a day).
    """
    margin = dt.timedelta(seconds=seconds + 90)  # room for the test to finish on the same day
    now = utc_now()
    if (now + margin).date() != now.date():
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), UTC)
        time.sleep((midnight - now).total_seconds() + 1)
        now = utc_now()
    at = (now + dt.timedelta(seconds=seconds)).replace(microsecond=0)
    return at.strftime("%H:%M:%S"), at, at.date().isoformat()


def journal_timestamp(instant):
    """`2026-11-27T09:30:00.000Z`, as salesd writes SALESD_SCHEDULED."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"


def action(action_id, title, step="connect", at=None, target=None, days=("daily",)):
    entry = {"id": action_id, "step": step, "title": title, "days": list(days)}
    if at is not None:
        entry["at"] = at
    if target is not None:
        entry["target"] = target
    return entry


def plan(*actions):
    """A UTC plan with two steps and the given actions."""
    return {
        "version": 1,
        "timeZone": "UTC",
        "steps": [
            {"id": "connect", "name": "Connect", "why": "Meet people in your market"},
            {"id": "follow-up", "name": "Follow up"},
        ],
        "actions": list(actions),
    }
