"""An independent implementation of salesd's time rules, to check `check-config --json` against.

It shares no code and no zone library with the daemon: the plan is read from its JSON here, and
local times are resolved with Python's `zoneinfo` over the PyPI `tzdata` package pinned in
requirements-test.txt (never the system's /usr/share/zoneinfo), which must be the tzdata
release of the ICU inside Foundation (`check-config --json` reports it as `tzdata`).

The rules, from the README's time-rules table:
- a reminder is (action, local day, local time) in the plan's zone;
- a local time that does not exist (spring forward) fires once, at the first instant after
  the gap, marked shifted (the next day's first instant when the gap runs to midnight, unless
  the action has a reminder of its own then); a local time that occurs twice (fall back) fires at its first
  occurrence; a day the zone skips has no reminders;
- `repeat` adds a re-reminder every step after each `at` time, up to `until` (default the end
  of the day), wall-clock times that are not already an `at` time;
- reminders of one action on one day that land on one instant are one reminder, named by the
  earliest planned time (two times in one gap, or a repeat slot next to a gap);
- days: mon…sun, weekdays, weekends, daily, ISO dates; `daysOff` have none; the morning
  prompt is daily, the weekly review on its weekday.

`ORACLE_WRONG=fall-back-second` (or `wrong=` below) makes the oracle pick the second
occurrence of a doubled time instead: the deliberately wrong variant the tests use to show
the comparison catches a wrong rule.
"""

import datetime as dt
import os
import re
import zoneinfo

# Only the PyPI tzdata package: an update of the system's zone files must not change the oracle.
zoneinfo.reset_tzpath(to=[])

UTC = dt.timezone.utc
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
EPOCH = dt.datetime(1970, 1, 1)


def tzdata_version():
    """The IANA release of the tzdata package, as ICU spells it (`2025b`)."""
    import importlib.metadata

    version = importlib.metadata.version("tzdata")  # 2025.2
    year, release = version.split(".")[:2]
    return f"{year}{chr(ord('a') + int(release) - 1)}"


def zone(name):
    return zoneinfo.ZoneInfo(name)


def all_zones():
    return sorted(zoneinfo.available_timezones())


def parse_time(text):
    parts = [int(p) for p in text.split(":")]
    h, m, s = (parts + [0])[:3]
    return h * 3600 + m * 60 + s


def format_time(seconds):
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def parse_duration(text):
    total = 0
    for number, unit in re.findall(r"(\d+)([hms])", text):
        total += int(number) * {"h": 3600, "m": 60, "s": 1}[unit]
    return total


def offset_at(tz, utc_seconds):
    """Seconds east of UTC in force at an instant."""
    return int(dt.datetime.fromtimestamp(utc_seconds, tz).utcoffset().total_seconds())


def first_second_after_change(tz, lo, hi):
    """The first second in (lo, hi] whose UTC offset is not the one at `lo`: a bisection, for a
    range holding one offset change."""
    before = offset_at(tz, lo)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if offset_at(tz, mid) == before:
            lo = mid
        else:
            hi = mid
    return hi


def local_wall(tz, utc_seconds):
    """The wall clock at an instant, as seconds since 1970-01-01 00:00 local."""
    return utc_seconds + offset_at(tz, utc_seconds)


def local_date(tz, utc_seconds):
    return dt.datetime.fromtimestamp(utc_seconds, tz).date()


def resolve(tz, day, seconds, wrong=None):
    """(instant, shifted) for the wall time `seconds` after midnight on `day`, or None."""
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)
    candidates = []
    for fold in (0, 1):
        aware = naive.replace(tzinfo=tz, fold=fold)
        utc = int(aware.timestamp())
        if dt.datetime.fromtimestamp(utc, tz).replace(tzinfo=None) == naive:
            candidates.append(utc)
    candidates = sorted(set(candidates))
    if candidates:
        pick = candidates[-1] if wrong == "fall-back-second" else candidates[0]
        return pick, False
    # In a gap: fold=0 and fold=1 place the wall time with the offsets on either side of the
    # transition; the first instant after the gap is the first second with the later offset.
    a = int(naive.replace(tzinfo=tz, fold=0).timestamp())
    b = int(naive.replace(tzinfo=tz, fold=1).timestamp())
    lo, hi = min(a, b), max(a, b)
    hi = first_second_after_change(tz, lo, hi)
    # When the gap runs to midnight (America/Nuuk, 23:00 → 00:00) this is the next day's first
    # instant: the README's rule holds all the same. (A day skipped whole has no times at all;
    # `reminders` does not ask about it.)
    return hi, True


def day_exists(tz, day):
    """Whether some instant has `day` as its local date (Pacific/Apia had no 2011-12-30)."""
    noon = dt.datetime.combine(day, dt.time(12)).replace(tzinfo=UTC)
    # Every instant whose local date is `day` lies within 26 h of its UTC noon.
    for hours in range(-26, 27):
        if local_date(tz, int(noon.timestamp()) + hours * 3600) == day:
            return True
    return False


def start_of_day(tz, day):
    """The first instant whose local date is `day` (or the next day that exists)."""
    while not day_exists(tz, day):
        day += dt.timedelta(days=1)
    noon = int(dt.datetime.combine(day, dt.time(12)).replace(tzinfo=UTC).timestamp())
    lo = noon - 30 * 3600  # local date before `day` here, for offsets up to ±14 h
    hi = noon + 30 * 3600
    # First instant with local date >= day: bisect on a monotone predicate (local dates only
    # go backwards over a fall-back that crosses midnight; take the first instant of all).
    first = None
    step = 900
    t = lo
    while t <= hi:
        if local_date(tz, t) >= day:
            first = t
            break
        t += step
    lo2, hi2 = first - step, first
    while hi2 - lo2 > 1:
        mid = (lo2 + hi2) // 2
        if local_date(tz, mid) >= day:
            hi2 = mid
        else:
            lo2 = mid
    return hi2


def planned_on(action, day):
    specs = action.get("days", ["daily"])
    if isinstance(specs, str):
        specs = [specs]
    weekday = WEEKDAYS[day.weekday()]
    for spec in specs:
        if spec == "daily" or spec == weekday or spec == day.isoformat():
            return True
        if spec == "weekdays" and day.weekday() < 5:
            return True
        if spec == "weekends" and day.weekday() >= 5:
            return True
    return False


def action_times(action):
    """[(seconds, is_repeat)] of an action on a day it is planned."""
    at = action.get("at", [])
    if isinstance(at, str):
        at = [at]
    base = [parse_time(t) for t in at]
    out = {t: False for t in base}
    if "repeat" in action:
        step = parse_duration(action["repeat"])
        last = parse_time(action["until"]) if "until" in action else 86_399
        for start in base:
            t = start + step
            while t <= last:
                out.setdefault(t, True)
                t += step
    return sorted(out.items())


def reminders(plan, first_day, days, wrong=None):
    """The rows `check-config --from first_day --days days --json` must list, in time order.

    Each row: {"instant": utc seconds, "offset": seconds, "planned", "action", "shifted", "repeat"}.
    """
    tz = zone(plan["timeZone"])
    start = start_of_day(tz, first_day)
    end = start_of_day(tz, first_day + dt.timedelta(days=days))
    off = set(plan.get("daysOff", []))
    rows = []
    day = first_day - dt.timedelta(days=2)
    while day <= first_day + dt.timedelta(days=days + 1):
        if day.isoformat() not in off and day_exists(tz, day):
            items = []
            if "morningPrompt" in plan:
                items.append(("@morning", [(parse_time(plan["morningPrompt"]), False)]))
            review = plan.get("weeklyReview")
            if review and review["day"] == WEEKDAYS[day.weekday()]:
                items.append(("@review", [(parse_time(review["at"]), False)]))
            for action in plan["actions"]:
                if planned_on(action, day):
                    items.append((action["id"], action_times(action)))
            for action_id, times in items:
                by_instant = {}
                for seconds, is_repeat in times:
                    resolved = resolve(tz, day, seconds, wrong)
                    if resolved is None:
                        continue
                    instant, shifted = resolved
                    # Same instant, same action, same day: one reminder, the earliest planned time.
                    by_instant.setdefault(instant, (seconds, shifted, is_repeat))
                for instant, (seconds, shifted, is_repeat) in by_instant.items():
                    rows.append({"instant": instant, "offset": offset_at(tz, instant),
                                 "planned": format_time(seconds), "action": action_id,
                                 "shifted": shifted, "repeat": is_repeat, "day": day})
        day += dt.timedelta(days=1)
    # One action, one instant, two days (a gap time pushed past midnight meets the new day's
    # own time): one reminder, the new day's.
    owners = {}
    for row in rows:
        owners.setdefault((row["action"], row["instant"]), []).append(row)
    kept = [row for row in rows
            if not any(other["day"] > row["day"] for other in owners[(row["action"], row["instant"])])]
    return sorted(({k: v for k, v in row.items() if k != "day"} for row in kept if start <= row["instant"] < end),
                  key=lambda r: (r["instant"], r["action"], r["planned"]))


# check-config writes `+HH:MM`, or `+HH:MM:SS` for an offset with seconds (local mean time).
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$")


def parse_row(row):
    """A check-config JSON row in the oracle's terms; the wall clock must match the offset."""
    m = ISO.match(row["at"])
    if not m:
        raise ValueError(f"`at` {row['at']!r} is not ISO 8601 with a UTC offset")
    y, mo, d, h, mi, s = (int(x) for x in m.groups()[:6])
    offset = 0 if m.group(7) == "Z" else (1 if m.group(8) == "+" else -1) * (
        int(m.group(9)) * 3600 + int(m.group(10)) * 60 + int(m.group(11) or 0))
    wall = int((dt.datetime(y, mo, d, h, mi, s) - EPOCH).total_seconds())
    return {"instant": wall - offset, "offset": offset, "planned": row["planned"], "action": row["action"],
            "shifted": row["shifted"], "repeat": row["repeat"]}


def key(row):
    return (row["action"], row["instant"], row["planned"])


def compare(expected, actual_json_rows):
    """Discrepancies between the oracle's rows and check-config's, as readable strings."""
    problems = []
    actual = []
    for raw in actual_json_rows:
        try:
            actual.append(parse_row(raw))
        except ValueError as error:
            problems.append(str(error))
    seen = {}
    for row in actual:
        seen.setdefault(key(row), []).append(row)
    for k, rows in seen.items():
        if len(rows) > 1:
            problems.append(f"duplicate {describe(rows[0])} ×{len(rows)}")
    wanted = {key(r): r for r in expected}
    for k, row in wanted.items():
        got = seen.get(k)
        if not got:
            problems.append(f"missing {describe(row)}")
        elif (got[0]["offset"], got[0]["shifted"], got[0]["repeat"]) != (row["offset"], row["shifted"], row["repeat"]):
            problems.append(f"differs: want {describe(row)}, got {describe(got[0])}")
    for k, rows in seen.items():
        if k not in wanted:
            problems.append(f"extra {describe(rows[0])}")
    return problems


def describe(row):
    instant = dt.datetime.fromtimestamp(row["instant"], UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    sign = "+" if row["offset"] >= 0 else "-"
    o = abs(row["offset"])
    marks = ("shifted " if row["shifted"] else "") + ("repeat" if row["repeat"] else "")
    return (f"{row['action']} planned {row['planned']} at {instant} "
            f"(offset {sign}{o // 3600:02d}:{o % 3600 // 60:02d}{':%02d' % (o % 60) if o % 60 else ''}) {marks}").rstrip()


def transitions(name, first_year=2005, last_year=2037):
    """[(instant, offset before, offset after)] of a zone's UTC offset changes in those years."""
    tz = zone(name)
    start = int(dt.datetime(first_year, 1, 1, tzinfo=UTC).timestamp()) - 86_400
    end = int(dt.datetime(last_year + 1, 1, 1, tzinfo=UTC).timestamp()) + 86_400
    out = []
    step = 6 * 3600
    t = start
    previous = offset_at(tz, t)
    while t < end:
        nxt = t + step
        o = offset_at(tz, nxt)
        if o != previous:
            hi = first_second_after_change(tz, t, nxt)
            if first_year <= dt.datetime.fromtimestamp(hi, UTC).year <= last_year:
                out.append((hi, previous, o))
            previous = o
        t = nxt
    return out


def case_plan(name, instant, before, after, variant=0):
    """A plan whose reminders cover one offset change on a fine grid, with second-exact edges."""
    tz = zone(name)
    old_wall = (instant + before) % 86_400  # what the clock showed just before (and skips from)
    new_wall = (instant + after) % 86_400   # what it shows right after
    change_day = local_date(tz, instant)
    lo, hi = sorted((instant + before, instant + after))
    width = hi - lo
    grid = set()
    step = 300 if width <= 2 * 3600 else 900
    for t in range(lo - 3600, hi + 3600 + 1, step):
        grid.add(t % 86_400)
    for edge in (instant + before, instant + after):
        for d in (-1, 0, 1):
            grid.add((edge + d) % 86_400)
    grid |= {0, 1, 60, 86_340, 86_399}
    inside = sorted({(lo + width // 3) % 86_400, (lo + 2 * width // 3) % 86_400})
    mid = (lo + width // 2) % 86_400

    def hhmmss(seconds):
        h, rest = divmod(seconds % 86_400, 3600)
        m, s = divmod(rest, 60)
        return f"{h:02d}:{m:02d}:{s:02d}"

    actions = [
        {"id": "grid", "step": "s", "title": "grid", "at": [hhmmss(t) for t in sorted(grid)]},
        {"id": "inside", "step": "s", "title": "two times in the change", "at": [hhmmss(t) for t in inside]},
    ]
    # Re-reminders across the change: a span from before to after it, and one to the day's end.
    rep_start = (lo - 5400) % 86_400
    rep_end = (hi + 2400) % 86_400
    fine = {"id": "repeat-fine", "step": "s", "title": "repeat", "at": hhmmss(rep_start),
            "repeat": ["7m", "10m", "13m", "1h"][variant % 4]}
    if rep_end > rep_start:
        fine["until"] = hhmmss(rep_end)
    actions.append(fine)
    actions.append({"id": "repeat-day", "step": "s", "title": "repeat to the end of the day",
                    "at": hhmmss((lo - 7200) % 86_400), "repeat": "30m"})
    weekday = WEEKDAYS[change_day.weekday()]
    yesterday = change_day - dt.timedelta(days=1)
    edges = [hhmmss(instant + before), hhmmss(mid), hhmmss(instant + after - 1)]
    edges = sorted(set(edges))
    actions += [
        {"id": "weekdays", "step": "s", "title": "weekdays", "days": ["weekdays"], "at": edges},
        {"id": "weekends", "step": "s", "title": "weekends", "days": "weekends", "at": edges},
        {"id": "named", "step": "s", "title": "named days", "days": [weekday, WEEKDAYS[yesterday.weekday()]], "at": edges},
        {"id": "dates", "step": "s", "title": "dates", "days": [change_day.isoformat(), yesterday.isoformat()], "at": edges},
    ]
    plan = {
        "version": 1,
        "timeZone": name,
        "morningPrompt": hhmmss(mid),
        "weeklyReview": {"day": weekday, "at": hhmmss((mid + 1) % 86_400)},
        "steps": [{"id": "s", "name": "Step"}],
        "actions": actions,
    }
    if variant % 5 == 4:
        plan["daysOff"] = [(change_day + dt.timedelta(days=1)).isoformat()]
    return plan, change_day


def steady_plan(name):
    """A plan for a zone without offset changes: times at and near midnight, noon, a repeat."""
    plan = {
        "version": 1, "timeZone": name, "morningPrompt": "00:00", "weeklyReview": {"day": "fri", "at": "23:59:59"},
        "steps": [{"id": "s", "name": "Step"}],
        "actions": [
            {"id": "edges", "step": "s", "title": "edges", "at": ["00:00", "00:00:01", "12:00", "23:59", "23:59:59"]},
            {"id": "repeat", "step": "s", "title": "repeat", "days": ["weekdays"], "at": "22:30", "repeat": "7m"},
        ],
    }
    return plan


def cases(zones, first_year=2005, last_year=2037, every=1, thin=1):
    """(zone, plan, first day, days) for each change: the change day ±1, and the change day alone.

    A zone without changes in those years gets one listing of three days. With `thin`, a zone
    whose changes are those of a zone already swept (a link, or a zone sharing its rules)
    takes every `thin`th change only.
    """
    n = 0
    seen = set()
    for name in zones:
        changes = transitions(name, first_year, last_year)
        if not changes:
            yield name, steady_plan(name), dt.date(min(max(2026, first_year), last_year), 1, 14), 3
            continue
        step = every * (thin if tuple(changes) in seen else 1)
        seen.add(tuple(changes))
        for instant, before, after in changes:
            n += 1
            if n % step:
                continue
            plan, day = case_plan(name, instant, before, after, variant=n)
            yield name, plan, day - dt.timedelta(days=1), 3
            yield name, plan, day, 1


WRONG = os.environ.get("ORACLE_WRONG") or None
