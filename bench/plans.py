"""Plans for the benchmarks, in a time zone chosen so that local midnight stays far away."""

import datetime as dt

UTC = dt.timezone.utc

STEPS = [
    {"id": "connect", "name": "Meet people in your market"},
    {"id": "invite", "name": "Invite them into your world"},
    {"id": "nurture", "name": "Stay useful"},
    {"id": "converse", "name": "Hold sales conversations"},
    {"id": "follow-up", "name": "Follow up"},
]


def quiet_zone(now=None, earliest=8, latest=16):
    """(IANA zone, offset) of a whole-hour zone where the hour is `earliest` to `latest` now.

    The daemon wakes at local midnight; in a zone where it is 08:00 to 16:00 neither midnight
    nor a day change falls within the next eight hours, so a benchmark never crosses one.
    """
    now = now or dt.datetime.now(UTC)
    for offset in range(0, 24):
        hours = offset if offset <= 12 else offset - 24  # 0, 1, …, 12, -11, …, -1
        if earliest <= (now.hour + hours) % 24 < latest:
            # POSIX-style names: Etc/GMT-3 is three hours *ahead* of UTC.
            name = "UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"
            return name, dt.timedelta(hours=hours)
    raise AssertionError("unreachable: some whole-hour zone is always at 08:00-16:00")


def local(instant, offset):
    """`HH:MM:SS` of a UTC instant in a zone `offset` from UTC."""
    return (instant.astimezone(UTC) + offset).strftime("%H:%M:%S")


def plan(zone, actions, **extra):
    return {"version": 1, "timeZone": zone, "steps": STEPS, "actions": actions, **extra}


def idle_plan(zone, offset, now, away=dt.timedelta(hours=2)):
    """One action whose only reminder is `away` from now: nothing is due during the idle window."""
    return plan(zone, [{
        "id": "far-away", "step": "connect", "title": "A reminder two hours away",
        "days": ["daily"], "at": local(now + away, offset),
    }])


def lateness_plan(zone, offset, first, count, spacing_seconds, prefix):
    """`count` actions, the i-th reminding once at `first + i * spacing`; returns (plan, {id: instant})."""
    actions, instants = [], {}
    for i in range(count):
        at = first + dt.timedelta(seconds=i * spacing_seconds)
        action_id = f"{prefix}-{i:04d}"
        instants[action_id] = at
        actions.append({"id": action_id, "step": STEPS[i % len(STEPS)]["id"],
                        "title": f"Benchmark reminder {i}", "days": ["daily"], "at": local(at, offset)})
    return plan(zone, actions), instants


def done_plan(zone):
    """One action with a target no benchmark reaches, so every Done is accepted."""
    return plan(zone, [{"id": "bench-done", "step": "connect", "title": "Record a done",
                        "target": 10_000, "days": ["daily"], "at": "23:59"}])


def large_plan(count, zone):
    """A plan of `count` actions mixing every kind of schedule the config allows, 07:00 to 21:00."""
    day_sets = [["daily"], ["weekdays"], ["mon", "wed", "fri"], ["tue", "thu"], ["weekends"], ["sat"]]
    actions = []
    for i in range(count):
        minute = (i * 7) % (14 * 60)  # 07:00 to 20:59
        at = f"{7 + minute // 60:02d}:{minute % 60:02d}"
        action = {"id": f"action-{i:05d}", "step": STEPS[i % len(STEPS)]["id"],
                  "title": f"Action number {i} of the large plan", "target": 1 + i % 5,
                  "days": day_sets[i % len(day_sets)], "at": at}
        if i % 4 == 0:
            action.update(repeat="1h", until="21:00")
        elif i % 4 == 1:
            second = (minute + 240) % (14 * 60)
            action["at"] = [at, f"{7 + second // 60:02d}:{second % 60:02d}"]
        actions.append(action)
    return {"version": 1, "timeZone": zone, "morningPrompt": "08:30",
            "weeklyReview": {"day": "fri", "at": "16:00"}, "steps": STEPS, "actions": actions}


def remind_lines(plan):
    """The reminders of a plan as remind(1) REM lines: one line per reminder time of an action.

    An action repeating every `N`h until a time is one line too: remind's `AT last +span *rep`
    triggers every `rep` minutes from `span` minutes before `last` up to it, the same times.
    """
    weekday_names = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat", "sun": "Sun"}
    groups = {"daily": [], "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri"], "weekends": ["Sat", "Sun"]}
    lines = []
    for action in plan["actions"]:
        days = []
        for spec in action.get("days", ["daily"]):
            days += groups[spec] if spec in groups else [weekday_names[spec]]
        when = "REM " + "".join(day + " " for day in days)
        times = action["at"] if isinstance(action["at"], list) else [action["at"]]
        for at in times:
            if "repeat" in action:
                step = int(action["repeat"].rstrip("h")) * 60
                first = int(at[:2]) * 60 + int(at[3:])
                until = int(action["until"][:2]) * 60 + int(action["until"][3:])
                last = first + (until - first) // step * step
                lines.append(f"{when}AT {last // 60:02d}:{last % 60:02d} +{last - first} *{step} MSG {action['title']}")
            else:
                lines.append(f"{when}AT {at} MSG {action['title']}")
    return "\n".join(lines) + "\n"


def minutely_plan(count, zone):
    """`count` actions each reminding every minute of the day: the load a long-running plan can carry."""
    actions = [{"id": f"minutely-{i:04d}", "step": STEPS[i % len(STEPS)]["id"],
                "title": f"Every-minute action {i}", "days": ["daily"], "at": "00:00", "repeat": "1m",
                "until": "23:59"} for i in range(count)]
    return plan(zone, actions)
