"""`salesd ctl status --oneline` and `--waybar`: one line for a panel, from the real daemon.

The waybar form is checked against waybar-custom(5), "return-type": "json": one JSON object on
one line with `text`, `tooltip`, `class` (a string or a list of strings), `alt` and an integer
`percentage`; waybar reads `text` and `tooltip` as Pango markup, so they must parse as markup
and show the plan's own words unchanged.
"""

import json
import re
import xml.etree.ElementTree as ET

from harness.plans import action, plan, unique_id

WAYBAR_KEYS = {"text", "alt", "tooltip", "class", "percentage"}


def waybar_object(output):
    """The object waybar would read from a custom module's output, checked as waybar-custom(5)
    documents it; fails on anything waybar would not take."""
    lines = output.splitlines()
    assert len(lines) == 1, f"waybar reads one JSON object per line; got {len(lines)} lines:\n{output}"
    value = json.loads(lines[0])
    assert isinstance(value, dict), value
    assert set(value) <= WAYBAR_KEYS, f"keys waybar does not know: {set(value) - WAYBAR_KEYS}"
    assert isinstance(value["text"], str) and isinstance(value["tooltip"], str), value
    assert isinstance(value["class"], str) or (
        isinstance(value["class"], list) and all(isinstance(c, str) for c in value["class"])), value
    classes = [value["class"]] if isinstance(value["class"], str) else value["class"]
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", c) for c in classes), f"not CSS class names: {classes}"
    assert isinstance(value["percentage"], int) and 0 <= value["percentage"] <= 100, value
    return value


def markup_text(markup):
    """The text a Pango markup string shows (its XML subset): fails where Pango would."""
    return "".join(ET.fromstring(f"<markup>{markup}</markup>").itertext())


def test_oneline_gives_progress_pace_and_next_reminder(make_daemon):
    """One line: actions done today, the week's pace and the next reminder's time and title."""
    behind, later = unique_id("calls"), unique_id("notes")
    daemon = make_daemon(plan(action(behind, "Call two leads", at="00:00:01", target=2),
                              action(later, "Write follow-up notes", step="follow-up", at="23:59:59")))
    line = daemon.ctl("status", "--oneline")
    assert line.rc == 0, line
    assert line.stdout == "0/2 done today · 2 behind · next 23:59 Write follow-up notes\n", line.stdout

    assert daemon.ctl("done", behind, "2").rc == 0
    line = daemon.ctl("status", "--oneline")
    assert line.stdout == "1/2 done today · on pace · next 23:59 Write follow-up notes\n", line.stdout


def test_waybar_json_follows_waybars_format_with_class_behind_then_on_pace(make_daemon):
    """--waybar prints waybar's JSON: class "behind" while a step is short, "on-pace" once done;
    the tooltip names each step with its week."""
    calls = unique_id("calls")
    daemon = make_daemon(plan(action(calls, "Call two leads", at="00:00:01", target=2)))
    value = waybar_object(daemon.ctl("status", "--waybar").stdout)
    assert (value["class"], value["percentage"]) == ("behind", 0), value
    assert markup_text(value["text"]).startswith("0/1 done today · 2 behind"), value
    assert re.search(r"^Connect: 0/\d+ this week · 2 behind$", markup_text(value["tooltip"]), re.M), value

    assert daemon.ctl("done", calls, "2").rc == 0
    value = waybar_object(daemon.ctl("status", "--waybar").stdout)
    assert value["class"] == "on-pace" and value["percentage"] > 0, value
    assert "Connect:" in value["tooltip"] and "on pace" in value["tooltip"], value


def test_waybar_text_escapes_the_plans_words_for_pango_markup(make_daemon):
    """A title with & and < shows as written: escaped in the markup, not breaking it."""
    title = "Call Smith & Co <VIP>"
    daemon = make_daemon(plan(action(unique_id("vip"), title, at="23:59:59")))
    value = waybar_object(daemon.ctl("status", "--waybar").stdout)
    assert "&amp;" in value["text"] and "&lt;VIP&gt;" in value["text"], value
    assert markup_text(value["text"]).endswith(f"next 23:59 {title}"), value
    assert title in markup_text(value["tooltip"]), value
    # The check above is one waybar would make: the raw title is not markup.
    try:
        markup_text(f"next {title}")
    except ET.ParseError:
        pass
    else:
        raise AssertionError("the markup check accepted an unescaped title")


def test_panel_modes_refuse_json_mixing_and_say_why(make_daemon):
    """--oneline with --waybar, or --waybar with --json, is a usage error (exit 2) with the reason."""
    daemon = make_daemon(plan(action(unique_id("calls"), "Call two leads", at="23:59:59")))
    both = daemon.ctl("status", "--oneline", "--waybar")
    assert both.rc == 2 and "pick one" in both.stderr, both
    mixed = daemon.ctl("status", "--waybar", "--json")
    assert mixed.rc == 2 and "already prints JSON" in mixed.stdout + mixed.stderr, mixed


def test_waybar_without_a_daemon_exits_3_so_waybar_hides_the_module(make_daemon):
    """No daemon: exit 3 and nothing on stdout (waybar hides a module whose script fails)."""
    daemon = make_daemon(plan(action(unique_id("calls"), "Call two leads", at="23:59:59")), start=False)
    result = daemon.ctl("status", "--waybar")
    assert result.rc == 3 and result.stdout == "", result
    assert "salesd" in result.stderr, result
