"""The scoreboard on a known ledger: `ctl week`, the HTML report, export/import, and backfill.

The fixture ledger is written relative to the current week, because the daemon scores weeks by
the real clock. With M0 the Monday of this week and d = today − M0 (0 on Monday … 6 on Sunday):

  plan    in force from M0−21 (the daemon's own `plan` event, moved back)
  W−2     M0−14 … M0−8  (all past)
  W−1     M0−7  … M0−1  (all past)
  W0      M0    … M0+6  (this week: d days past, today, 6−d days ahead)

Daily targets (every action every day): connection-requests 5 (Connect), invitations 2
(Invite), useful-posts 1 (Nurture), sales-calls 1 (Converse), follow-ups 3 (Follow up):
12 a day, 84 a week. "meet" below means every action done to its target that day.
"""

import datetime as dt
import json
import re

import pytest

from scoreboard_support import (
    STEP_NAMES,
    TARGETS,
    LedgerFile,
    artifacts_dir,
    colour_counts,
    export_lines,
    image_facts,
    import_into,
    render_png,
    salesd_cli,
    scoreboard_plan,
    settled_today,
    week_board,
)

STEPS = ["connect", "invite", "nurture", "converse", "follow-up"]


def half_up_percent(part, whole):
    """`part` of `whole` in percent, rounded half up (the scoreboard's rounding)."""
    return (part * 200 + whole) // (whole * 2)


class Fixture:
    """The fixture ledger imported into a running daemon, with the dates it was built around."""

    def __init__(self, daemon, today, export_path):
        self.daemon = daemon
        self.today = today
        self.d = today.weekday()
        self.m0 = today - dt.timedelta(days=self.d)
        self.export_path = export_path

    def week_start(self, offset):
        return (self.m0 + dt.timedelta(days=7 * offset)).isoformat()


@pytest.fixture
def fixture(make_daemon, short_tmp):
    """A daemon on a ledger of three weeks: partial, streaky with a skip, a day off and an undo, and this one."""
    plan = scoreboard_plan()
    # The daemon writes the plan's canonical JSON in its `plan` event: take it from a first run.
    boot = make_daemon(plan, name="boot")
    assert boot.stop() == 0, boot.stderr()
    [plan_event] = [e for e in export_lines(boot) if e["kind"] == "plan"]

    today = settled_today()
    m0 = today - dt.timedelta(days=today.weekday())

    def day(offset):
        return m0 + dt.timedelta(days=offset)

    ledger = LedgerFile(plan_event, effective_from=day(-21))

    # W−2: a half-hearted week.
    for offset in range(-14, -9):            # Mon…Fri: connection-requests 5 each
        ledger.done(day(offset), "connection-requests", 5)
    ledger.done(day(-14), "invitations", 2)  # Mon
    ledger.done(day(-13), "invitations", 2)  # Tue
    ledger.done(day(-12), "follow-ups", 3)   # Wed
    ledger.result(day(-12), "proposal")      # Wed

    # W−1: the streak's start, with a skip, a day off and an undo.
    ledger.meet(day(-7))                                   # Mon: met
    ledger.meet(day(-6))                                   # Tue: met, and 2 more requests (7 of 5)
    ledger.done(day(-6), "connection-requests", 2)
    ledger.result(day(-6), "proposal")
    ledger.done(day(-5), "connection-requests", 3)         # Wed: 3 of 5 requests, nothing else → missed
    for action, target in TARGETS.items():
        if action != "sales-calls":
            ledger.done(day(-4), action, target)
    ledger.skip(day(-4), "sales-calls", "prospect cancelled")  # Thu: met, the call excused
    ledger.result(day(-4), "proposal")
    ledger.meet(day(-3))                                   # Fri: met
    ledger.result(day(-3), "client", 12000, note="Acme")
    ledger.day_off(day(-2), "family")                      # Sat: off, nothing done
    ledger.meet(day(-1))                                   # Sun: met; 2 follow-ups logged by mistake and undone
    ledger.undo(ledger.done(day(-1), "follow-ups", 2))

    # W0: every day before today met; today 2 of 5 requests and the 3 follow-ups.
    for offset in range(0, today.weekday()):
        ledger.meet(day(offset))
    ledger.done(today, "connection-requests", 2)
    ledger.done(today, "follow-ups", 3)
    ledger.result(today, "proposal")

    export_path = ledger.write(short_tmp / "fixture.jsonl")
    daemon = make_daemon(plan, start=False, name="board")
    import_into(daemon, export_path)
    daemon.start()
    return Fixture(daemon, today, export_path)


def expected_weeks(d):
    """Hand-computed figures of W−2, W−1, W0 for weekday index d: per step (done, target, expected, adherence %)."""
    # W−2 (past, so expected = target; nothing excused, so target = 7 × daily):
    #   Connect   done 5×5 = 25 of 35                credited 25 → 25/35 = 71.4 → 71%
    #   Invite    done 2+2 = 4 of 14                                4/14 = 28.6 → 29%
    #   Nurture   0 of 7, Converse 0 of 7                           0%
    #   Follow up done 3 of 21                                      3/21 = 14.3 → 14%
    #   week: done 32 of 84, credited 32 → 38%; active Connect, Invite, Follow up → 3 of 5 = 60%
    #   results: proposal ×1 (no value → sum 1)
    w2 = {
        "connect": (25, 35, 35, 71), "invite": (4, 14, 14, 29), "nurture": (0, 7, 7, 0),
        "converse": (0, 7, 7, 0), "follow-up": (3, 21, 21, 14),
    }
    # W−1: Sat is off (every target 0 that day); Thu's sales call is skipped (its target 0 that day).
    #   Connect   due Mon–Fri+Sun = 6×5 = 30; done 5+7+3+5+5+5 = 30; credited 5+5+3+5+5+5 = 28 → 93%
    #   Invite    due 6×2 = 12; done Mon,Tue,Thu,Fri,Sun 5×2 = 10 (Wed none) → 10/12 = 83%
    #   Nurture   due 6×1 = 6;  done 5 → 83%
    #   Converse  due Mon,Tue,Wed,Fri,Sun = 5 (Thu skipped); done Mon,Tue,Fri,Sun = 4 → 80%
    #   Follow up due 6×3 = 18; done 5×3 = 15 (Sun's extra 2 undone) → 83%
    #   week: done 30+10+5+4+15 = 64 of 30+12+6+5+18 = 71; credited 28+10+5+4+15 = 62 → 62/71 = 87.3 → 87%
    #   all five steps active → 100%; results: client ×1 sum 12000, proposal ×2 sum 2
    w1 = {
        "connect": (30, 30, 30, 93), "invite": (10, 12, 12, 83), "nurture": (5, 6, 6, 83),
        "converse": (4, 5, 5, 80), "follow-up": (15, 18, 18, 83),
    }
    # W0: nothing excused, so target = 7 × daily, future days included. d days before today met.
    #   done:     Connect 5d+2, Invite 2d, Nurture d, Converse d, Follow up 3d+3
    #   expected: past days' targets, plus today's for connection-requests (its reminder is 00:00);
    #             the others have no reminder time, so today counts for them only once it is over:
    #             Connect 5d+5, Invite 2d, Nurture d, Converse d, Follow up 3d
    #   pace:     Connect −3 ("3 behind"), Follow up +3 ("3 ahead"), the rest "on pace" — whatever d is
    #   credited = done (never above a day's target) → week 12d+5 of 84
    w0 = {
        "connect": (5 * d + 2, 35, 5 * d + 5, half_up_percent(5 * d + 2, 35)),
        "invite": (2 * d, 14, 2 * d, half_up_percent(2 * d, 14)),
        "nurture": (d, 7, d, half_up_percent(d, 7)),
        "converse": (d, 7, d, half_up_percent(d, 7)),
        "follow-up": (3 * d + 3, 21, 3 * d, half_up_percent(3 * d + 3, 21)),
    }
    return [w2, w1, w0]


def pace_text(pace):
    return f"{-pace} behind" if pace < 0 else f"{pace} ahead" if pace > 0 else "on pace"


def test_week_json_matches_the_hand_computed_fixture_and_the_human_view_agrees(fixture):
    """`ctl week --weeks 3 --json` gives the hand-computed per-step, coverage, result and streak figures; the text shows them too."""
    d = fixture.d
    board = week_board(fixture.daemon, 3)

    assert board["today"] == fixture.today.isoformat(), "the daemon's today is not the test's (UTC midnight passed?)"
    assert board["weekStart"] == "mon"
    assert [w["weekStart"] for w in board["weeks"]] == [fixture.week_start(o) for o in (-2, -1, 0)]
    assert [w["weekEnd"] for w in board["weeks"]] == [
        (fixture.m0 + dt.timedelta(days=7 * o + 6)).isoformat() for o in (-2, -1, 0)]
    assert [w["isCurrent"] for w in board["weeks"]] == [False, False, True]

    for week, expected in zip(board["weeks"], expected_weeks(d)):
        assert [s["step"] for s in week["steps"]] == STEPS, week["weekStart"]
        assert [s["name"] for s in week["steps"]] == STEP_NAMES
        for step in week["steps"]:
            done, target, expected_by_now, adherence = expected[step["step"]]
            got = (step["done"], step["target"], step["expected"], step["adherencePercent"])
            assert got == (done, target, expected_by_now, adherence), f"{week['weekStart']} {step['step']}"
            assert step["pace"] == done - expected_by_now
            assert step["paceText"] == pace_text(done - expected_by_now)
            assert step["active"] == (done > 0)

    w2, w1, w0 = board["weeks"]
    assert (w2["done"], w2["target"], w2["adherencePercent"]) == (32, 84, 38)
    assert (w1["done"], w1["target"], w1["adherencePercent"]) == (64, 71, 87)
    assert (w0["done"], w0["target"], w0["adherencePercent"]) == (12 * d + 5, 84, half_up_percent(12 * d + 5, 84))
    assert [s["paceText"] for s in w0["steps"]] == ["3 behind", "on pace", "on pace", "on pace", "3 ahead"]
    # Safe days: every step's need is exactly what its open days add at plan pace, whatever d is
    # (Connect: need 35 − (5d + 2) = 33 − 5d; open: today 5 − 2 = 3, then (6 − d) × 5 → 33 − 5d;
    # Follow up: need 21 − (3d + 3) = 18 − 3d; today is done, (6 − d) × 3 = 18 − 3d; the rest alike),
    # so not one day can be missed. Past weeks have none.
    assert [s["safeDays"] for s in w0["steps"]] == [0] * 5
    assert all("safeDays" not in s or s["safeDays"] is None for w in (w1, w2) for s in w["steps"])

    # Coverage: W−2 3 of 5; W−1 5 of 5; W0 5 of 5 once a day before today was met, else only
    # Connect and Follow up (today's) → 2 of 5.
    w0_active = 5 if d > 0 else 2
    assert w2["coverageOfPlanSteps"] == {"activeSteps": 3, "planSteps": 5, "percent": 60,
                                         "text": "process running at 60%: 3 of 5 steps active"}
    assert w1["coverageOfPlanSteps"] == {"activeSteps": 5, "planSteps": 5, "percent": 100,
                                         "text": "process running at 100%: 5 of 5 steps active"}
    w0_percent = w0_active * 20
    assert w0["coverageOfPlanSteps"] == {
        "activeSteps": w0_active, "planSteps": 5, "percent": w0_percent,
        "text": f"process running at {w0_percent}%: {w0_active} of 5 steps active"}

    assert w2["results"] == [{"kind": "proposal", "count": 1, "sum": 1}]
    assert w1["results"] == [{"kind": "client", "count": 1, "sum": 12000}, {"kind": "proposal", "count": 2, "sum": 2}]
    assert w0["results"] == [{"kind": "proposal", "count": 1, "sum": 1}]

    # Day standings of W−1: Wed short of its targets, Sat off, Thu met despite the skipped call.
    assert [day["status"] for day in w1["days"]] == ["met", "met", "missed", "met", "met", "off", "met"]
    thursday = {a["action"]: a for a in w1["days"][3]["actions"]}
    assert thursday["sales-calls"]["excused"] and thursday["sales-calls"]["done"] == 0
    sunday = {a["action"]: a for a in w1["days"][6]["actions"]}
    assert sunday["follow-ups"]["done"] == 3, "the undone 2 follow-ups still count"
    assert [day["status"] for day in w0["days"]] == ["met"] * d + ["open"] + ["upcoming"] * (6 - d)

    # Streak, back from yesterday: the d met days of this week, then W−1 Sun (met), Sat (off: neither
    # breaks nor counts), Fri (met), Thu (met), Wed (missed: stops). Today is open (2 of 5 requests).
    streak_days = d + 3
    # Weeks: W−1 has Invite 10 of 12 (and more short), so none; W0 is not met yet.
    assert board["streak"] == {"days": streak_days, "includesToday": False,
                               "text": f"streak: {streak_days} days with the plan met",
                               "weeks": 0, "includesThisWeek": False,
                               "weeksText": "0 weeks with every step's target met"}

    # The view for people, from the same daemon: same numbers.
    human = fixture.daemon.ctl("week", "--weeks", "3")
    assert human.rc == 0, human.output
    text = human.stdout
    assert f"week of {fixture.week_start(0)}" in text, text
    assert w0["coverageOfPlanSteps"]["text"] in text, text
    assert f"streak: {streak_days} days with the plan met" in text, text
    for name, step in zip(STEP_NAMES, STEPS):
        done, target, expected_by_now, _ = expected_weeks(d)[2][step]
        # This week's bar line: name, bar, done/target, pace.
        assert re.search(rf"^{re.escape(name)}\s+[█░]+\s+{done}/{target}\s+{pace_text(done - expected_by_now)}"
                         r" · no safe day$",
                         text, re.M), f"{name}:\n{text}"
        # The weeks side by side, oldest first.
        cells = [f"{w[step][0]}/{w[step][1]}" for w in expected_weeks(d)]
        assert re.search(rf"^{re.escape(name)}\s+" + r"\s+".join(map(re.escape, cells)) + r"\s*$", text, re.M), \
            f"{name} {cells}:\n{text}"
    assert re.search(rf"^coverage\s+60%\s+100%\s+{w0_percent}%\s*$", text, re.M), text
    assert re.search(rf"^adherence\s+38%\s+87%\s+{w0['adherencePercent']}%\s*$", text, re.M), text
    assert re.search(r"^client\s+0\s+12000\s+0\s*$", text, re.M), text
    assert re.search(r"^proposal\s+1\s+2\s+1\s*$", text, re.M), text
    assert "results: proposal 1" in text, text
    # The JSON carries the same rendering for clients that just print it (the clock line aside);
    # the human view adds the weekly session's commitments (none here) below it.
    rendered = board["text"].splitlines()
    shown = text.rstrip("\n").splitlines()
    assert rendered[1:] == shown[1:len(rendered)]
    assert shown[len(rendered):] == ["", "commitments: none (make up to three for next week with: salesd plan-week)"]


def test_results_recorded_with_ctl_show_in_the_week(make_daemon):
    """`ctl result client 12000 --note Acme` and `ctl result proposal` appear in this week's results, value and note kept."""
    settled_today()
    daemon = make_daemon(scoreboard_plan())

    client = daemon.ctl("result", "client", "12000", "--note", "Acme")
    assert client.rc == 0, client.output
    proposal = daemon.ctl("result", "proposal")
    assert proposal.rc == 0, proposal.output

    week = week_board(daemon, 1)["weeks"][-1]
    assert week["results"] == [{"kind": "client", "count": 1, "sum": 12000},
                               {"kind": "proposal", "count": 1, "sum": 1}]
    human = daemon.ctl("week")
    assert human.rc == 0, human.output
    assert "results: client 1 (total 12000) · proposal 1" in human.stdout, human.stdout

    results = [e for e in export_lines(daemon) if e["kind"] == "result"]
    assert [(e["result_kind"], e.get("value"), e.get("note")) for e in results] == [
        ("client", 12000, "Acme"), ("proposal", None, None)]


def test_html_report_draws_the_charts_in_chromium(fixture):
    """`salesd report --html` writes an offline page whose step and coverage charts Chromium draws (PNG kept as an artifact)."""
    daemon = fixture.daemon
    artifacts = artifacts_dir()
    page = artifacts / "report.html"
    result = salesd_cli(daemon, "report", "--html", page, "--weeks", "4",
                        "--state-dir", daemon.state_dir, "--config", daemon.config_path)
    assert result.rc == 0, result.output
    html = page.read_text()

    # Self-contained: nothing fetched from the network (an SVG namespace is a name, not a fetch).
    fetched = [m.group(0) for m in re.finditer(r"[\w:-]+\s*=\s*[\"']?https?://[^\"'\s>]*|url\(\s*[\"']?https?:", html)
               if not m.group(0).startswith("xmlns")]
    assert fetched == [], fetched
    assert "<script" not in html and "<link" not in html and "@import" not in html

    assert '<svg id="chart-steps"' in html
    assert 'id="chart-coverage"' in html
    # Four weeks × five steps: a bar and a target mark each (every step has a target every week).
    assert html.count('class="bar"') == 20
    assert html.count('class="target-mark"') == 20
    # Results: W−2 proposal, W−1 client and proposal, W0 proposal; W−3 has none.
    markers = re.findall(r'class="result-marker" data-kind="([^"]+)"', html)
    assert sorted(markers) == ["client", "proposal", "proposal", "proposal"], markers
    assert f"week of {fixture.week_start(-1)}: client 1 (total 12000)" in html
    # Coverage points: W−3 (plan in force, nothing done) 0%, W−2 60%, W−1 100%, W0 as in the week test.
    points = re.findall(r"week of (\d{4}-\d\d-\d\d): process running at (\d+)%", html)
    w0_percent = 100 if fixture.d > 0 else 40
    assert points == [(fixture.week_start(-3), "0"), (fixture.week_start(-2), "60"),
                      (fixture.week_start(-1), "100"), (fixture.week_start(0), str(w0_percent))], points

    png = artifacts / "report.png"
    png.unlink(missing_ok=True)
    render_png(page, png)
    width, height, colours, deviation = image_facts(png)
    assert (width, height) == (1200, 1600)
    assert colours > 10 and deviation > 0.01, f"{png} looks blank: {colours} colours, deviation {deviation}"
    # The bars are drawn in the five step colours (the first also draws the coverage line).
    counts = colour_counts(png)
    for colour in ("#2b7bb9", "#e07b39", "#3aa35b", "#9b59b6", "#c0392b"):
        assert counts.get(colour, 0) > 0, f"no pixel of {colour} in {png}"
    assert counts.get("#8e44ad", 0) > 0, f"no proposal marker (#8e44ad) in {png}"


def test_export_then_import_into_a_fresh_ledger_gives_the_same_week(fixture, make_daemon, short_tmp):
    """An export (CSV and JSON Lines) imported into an empty ledger gives an identical `ctl week --json`."""
    daemon = fixture.daemon
    original = week_board(daemon, 3)
    for fmt in ("csv", "json"):
        exported = salesd_cli(daemon, "export", f"--{fmt}", "--state-dir", daemon.state_dir)
        assert exported.rc == 0, exported.output
        path = short_tmp / f"export.{fmt}"
        path.write_text(exported.stdout)

        copy = make_daemon(scoreboard_plan(), start=False, name=f"copy-{fmt}")
        import_into(copy, path)
        copy.start()
        board = week_board(copy, 3)
        assert board["today"] == original["today"]
        assert board["weeks"] == original["weeks"], fmt
        assert board["streak"] == original["streak"], fmt
        # And the copy holds the same events: ids are given in order to an empty ledger, so they match too.
        # (The copy's daemon may have appended its own events since: compare the imported part.)
        again = salesd_cli(copy, "export", f"--{fmt}", "--state-dir", copy.state_dir)
        assert again.rc == 0, again.output
        lines = exported.stdout.splitlines()
        assert again.stdout.splitlines()[:len(lines)] == lines, fmt


def test_done_backfills_yesterday_and_refuses_beyond_backfill_days(fixture):
    """`done --day yesterday` counts on yesterday's line of the week; a day beyond backfillDays is refused and changes nothing."""
    daemon = fixture.daemon
    yesterday = (fixture.today - dt.timedelta(days=1)).isoformat()

    def calls_on(board, day):
        [score] = [s for w in board["weeks"] for s in w["days"] if s["day"] == day]
        return {a["action"]: a for a in score["actions"]}["sales-calls"]["done"]

    def converse_done(board, day):
        [week] = [w for w in board["weeks"] if w["weekStart"] <= day <= w["weekEnd"]]
        return week["steps"][STEPS.index("converse")]["done"]

    before = week_board(daemon, 2)
    # Yesterday was met in the fixture (this week's days before today, or W−1's Sunday): 1 call.
    assert calls_on(before, yesterday) == 1

    done = daemon.ctl("done", "sales-calls", "--day", "yesterday", "--note", "forgot to log it")
    assert done.rc == 0, done.output
    after = week_board(daemon, 2)
    assert calls_on(after, yesterday) == 2
    assert converse_done(after, yesterday) == converse_done(before, yesterday) + 1

    # backfillDays is 7: seven days ago is the oldest day that may be filled in.
    oldest = (fixture.today - dt.timedelta(days=7)).isoformat()
    assert daemon.ctl("done", "useful-posts", "--day", oldest).rc == 0

    too_old = (fixture.today - dt.timedelta(days=8)).isoformat()
    settled = week_board(daemon, 3)
    refused = daemon.ctl("done", "useful-posts", "--day", too_old)
    assert refused.rc == 1, refused.output
    assert "backfillDays" in refused.output, refused.output
    assert too_old in refused.output, refused.output
    assert week_board(daemon, 3)["weeks"] == settled["weeks"]
