"""check-config's reminders against an independent implementation of the README's time rules.

A sample of the sweep runs here; `make time-sweep` runs every zone and every offset change
from 2005 to 2037 (see e2e/time_sweep.py).
"""

import datetime as dt
import json
import random
import subprocess
import zoneinfo

import time_oracle
import time_sweep

# Zones whose changes are unusual: midnight changes, 30- and 45-minute offsets, negative DST,
# 2-hour DST, a skipped day, changes of the standard offset, Ramadan suspensions.
TRICKY = [
    "Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "America/Santiago",
    "America/Havana", "Asia/Tehran", "Asia/Gaza", "America/Nuuk", "Africa/Casablanca", "Antarctica/Troll",
    "Pacific/Chatham", "America/St_Johns", "Europe/Moscow", "Asia/Pyongyang", "America/Caracas",
    "Europe/Dublin", "America/Sao_Paulo", "Asia/Amman", "America/Goose_Bay", "Pacific/Fakaofo",
    "America/Asuncion", "Asia/Damascus", "Pacific/Norfolk", "EET",
]


def check_config_json(salesd_bin, plan, tmp_path, *args):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    run = subprocess.run([str(salesd_bin), "check-config", str(path), "--json", *args],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def london_plan():
    plan, _ = time_oracle.case_plan("Europe/London", *time_oracle.transitions("Europe/London", 2027, 2027)[1])
    return plan


def test_oracle_and_daemon_read_the_same_tzdata(salesd_bin, tmp_path):
    """The oracle's tzdata is the release built into the daemon's ICU, from the PyPI package only."""
    report = check_config_json(salesd_bin, london_plan(), tmp_path)
    assert report["tzdata"] == time_oracle.tzdata_version(), (
        f"salesd's ICU has tzdata {report['tzdata']}, the oracle {time_oracle.tzdata_version()}: "
        f"pin tzdata in requirements-test.txt to the ICU's release")
    assert zoneinfo.TZPATH == (), "the oracle must not read the system's /usr/share/zoneinfo"


def test_sampled_zones_match_the_oracle(salesd_bin):
    """Tricky zones (every 3rd change) and a random sample of the rest agree with the oracle row for row."""
    others = sorted(set(time_oracle.all_zones()) - set(TRICKY))
    sample = random.Random(13).sample(others, 12)
    tricky = time_sweep.sweep(str(salesd_bin), TRICKY, every=3)
    rest = time_sweep.sweep(str(salesd_bin), sample, every=6)
    problems = tricky["problems"] + rest["problems"]
    assert tricky["cases"] > 300 and tricky["rows"] > 50_000
    assert not problems, "\n".join(problems[:40])


def test_a_time_in_the_gap_and_its_neighbours_fire_once_each(salesd_bin, tmp_path):
    """London 2027-03-28: 01:00 and 01:30 (in the gap) and 02:00 are one reminder at 02:00 BST, named 01:00."""
    plan = {"version": 1, "timeZone": "Europe/London", "steps": [{"id": "s", "name": "S"}],
            "actions": [{"id": "a", "step": "s", "title": "A", "at": ["00:59:59", "01:00", "01:30", "02:00"]},
                        {"id": "r", "step": "s", "title": "R", "at": "00:40", "repeat": "10m", "until": "02:10"}]}
    rows = check_config_json(salesd_bin, plan, tmp_path, "--from", "2027-03-28")["reminders"]
    a = [(r["at"], r["planned"], r["shifted"]) for r in rows if r["action"] == "a"]
    assert a == [("2027-03-28T00:59:59Z", "00:59:59", False), ("2027-03-28T02:00:00+01:00", "01:00", True)]
    r = [(r["at"], r["planned"], r["repeat"]) for r in rows if r["action"] == "r"]
    assert r == [("2027-03-28T00:40:00Z", "00:40", False), ("2027-03-28T00:50:00Z", "00:50", True),
                 ("2027-03-28T02:00:00+01:00", "01:00", True), ("2027-03-28T02:10:00+01:00", "02:10", True)]


def test_the_comparison_catches_a_wrong_rule(salesd_bin):
    """An oracle that fires a doubled time at its second occurrence disagrees on every fall-back."""
    s = time_sweep.sweep(str(salesd_bin), ["Europe/London", "Australia/Lord_Howe"], wrong="fall-back-second",
                         first_year=2026, last_year=2027)
    assert s["cases"] == 16
    differing = [p for p in s["problems"] if "differs" in p or "missing" in p or "extra" in p]
    # Both fall-backs of each zone, in both windows; spring-forwards have nothing doubled.
    assert len({p.split(":")[0] for p in differing}) == 8, "\n".join(s["problems"][:20])


def test_the_comparison_catches_wrong_rows(salesd_bin):
    """A missing, extra, duplicated, moved, re-offset or re-marked row is each reported."""
    name = "Europe/London"
    instant, before, after = time_oracle.transitions(name, 2027, 2027)[0]
    plan, day = time_oracle.case_plan(name, instant, before, after)

    def shifted_row(rows):
        return next(i for i, r in enumerate(rows) if r["shifted"])

    def mutate(change):
        def apply(rows):
            rows = [dict(r) for r in rows]
            change(rows)
            return rows
        return apply

    def drop(rows): del rows[5]
    def duplicate(rows): rows.append(dict(rows[7]))
    def extra(rows): rows.append(dict(rows[3], planned="12:34"))
    def move(rows): rows[shifted_row(rows)]["at"] = "2027-03-28T02:00:01+01:00"
    def reoffset(rows): rows[shifted_row(rows)]["at"] = "2027-03-28T01:00:00Z"
    def unmark(rows): rows[shifted_row(rows)]["shifted"] = False
    def repeat(rows): rows[0]["repeat"] = not rows[0]["repeat"]
    def bad_offset(rows): rows[0]["at"] = rows[0]["at"][:19] + "+00:30"

    clean = time_sweep.check_case(str(salesd_bin), name, plan, day, 1)
    assert clean[1] == [] and clean[0] > 40
    for change, word in [(drop, "missing"), (duplicate, "duplicate"), (extra, "extra"), (move, "missing"),
                         (reoffset, "differs"), (unmark, "differs"), (repeat, "differs"), (bad_offset, "missing")]:
        _, problems = time_sweep.check_case(str(salesd_bin), name, plan, day, 1, mutate=mutate(change))
        assert any(word in p for p in problems), f"{change.__name__}: {problems}"


def test_every_zone_of_the_tzdata_is_known_to_salesd(salesd_bin, tmp_path):
    """Each zone name of the oracle's tzdata loads in check-config and lists a reminder in its own offset."""
    zones = time_oracle.all_zones()
    # One plan per zone would be 600 processes; check-config validates one zone per plan, so
    # take a fixed sample here (make time-sweep runs every zone with offset changes).
    for name in random.Random(5).sample(zones, 40) + ["UTC", "Etc/GMT+12", "Etc/GMT-14"]:
        plan = {"version": 1, "timeZone": name, "steps": [{"id": "s", "name": "S"}],
                "actions": [{"id": "a", "step": "s", "title": "A", "at": "12:00"}]}
        rows = check_config_json(salesd_bin, plan, tmp_path, "--from", "2030-06-15")["reminders"]
        want = time_oracle.reminders(plan, dt.date(2030, 6, 15), 1)
        assert time_oracle.compare(want, rows) == [], name


def test_offsets_with_seconds_are_written_and_placed_exactly(salesd_bin):
    """Before 1972 Monrovia ran at −00:44:30 and Amsterdam at +00:19:32 (to 1937): rows match, offsets to the second."""
    s = time_sweep.sweep(str(salesd_bin), ["Africa/Monrovia", "Europe/Amsterdam"], first_year=1935, last_year=1972)
    assert s["cases"] >= 20
    assert not s["problems"], "\n".join(s["problems"][:20])
