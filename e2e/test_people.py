"""People in the pipeline with the real daemon on the test clock: follow-ups due and overdue
by local calendar days, the pipeline's conversions, retries, undo, and what the journal and
the ledger file hold about a person."""

import datetime as dt
import json
import subprocess

from harness.clock import DaemonTestClock
from harness.daemon import run_salesd
import people_support
from people_support import START, UTC, ctl_json, ledger_bytes, people, start_daemon


def at(*args):
    return dt.datetime(*args, tzinfo=UTC)


def test_follow_ups_turn_due_and_overdue_at_local_midnight(make_daemon, journal):
    """Three people added, one touched; crossing ideal makes them due and crossing max
    overdue, at local midnight in the plan's zone (across the spring-forward night)."""
    daemon, clock = start_daemon(make_daemon)
    added = ctl_json(daemon, "people", "add", "Dana Kim", "--step", "invite", "--next", "send the case study")
    assert added["outcome"] == "recorded" and added["person"]["state"] == "ok"
    plain = daemon.ctl("people", "add", "Alex Rivera")
    assert plain.rc == 0 and plain.stdout.splitlines()[0] == "2", plain.output
    ctl_json(daemon, "people", "add", "Sam Okafor")

    clock.set(at(2027, 3, 26, 9, 0), journal)
    touched = ctl_json(daemon, "touch", "alex", "--note", "coffee at the meetup")
    assert touched["person"]["daysSinceTouch"] == 0
    everyone = people(daemon)
    assert (everyone["Dana Kim"]["state"], everyone["Dana Kim"]["daysSinceTouch"]) == ("due", 2)
    assert (everyone["Sam Okafor"]["state"], everyone["Sam Okafor"]["daysSinceTouch"]) == ("ok", 2)
    assert everyone["Alex Rivera"]["state"] == "ok"

    # Sam (connect, ideal 3d) turns due at local midnight, not a minute before.
    clock.set(at(2027, 3, 26, 23, 59, 30), journal)
    assert people(daemon)["Sam Okafor"]["state"] == "ok"
    clock.set(at(2027, 3, 27, 0, 0, 30), journal)
    assert people(daemon)["Sam Okafor"]["state"] == "due"
    assert [p["name"] for p in ctl_json(daemon, "people", "--due")["people"]] == ["Dana Kim", "Sam Okafor"]

    # 23:30 UTC on 2027-03-31 is 00:30 BST on 1 April: Sam's 8th local day, past max 7d,
    # while a count in UTC days would still say 7 (due).
    clock.set(at(2027, 3, 31, 22, 30), journal)
    assert people(daemon)["Sam Okafor"]["state"] == "due"
    clock.set(at(2027, 3, 31, 23, 30), journal)
    everyone = people(daemon)
    assert (everyone["Sam Okafor"]["state"], everyone["Sam Okafor"]["daysSinceTouch"]) == ("overdue", 8)
    assert everyone["Dana Kim"]["state"] == "overdue"
    # Most urgent first: the longest overdue leads.
    listed = ctl_json(daemon, "people")["people"]
    assert [p["name"] for p in listed] == ["Dana Kim", "Sam Okafor", "Alex Rivera"]

    # The journal names people by id only, and leaves out notes and reasons that may name them.
    ctl_json(daemon, "skip", "requests", "--reason", "Sam Okafor's event ran over")
    ctl_json(daemon, "result", "proposal", "--note", "proposal to Dana Kim")
    journal(at_least=1, _PID=str(daemon.pid), SALESD_EVENT="result")
    entries = journal(at_least=4, _PID=str(daemon.pid), SALESD_EVENT="person")
    assert {e["SALESD_PERSON"] for e in entries} == {"1", "2", "3"}
    everything = json.dumps(journal(at_least=1, _PID=str(daemon.pid)))
    for secret in ["Dana", "Kim", "Alex", "Rivera", "Sam", "Okafor", "coffee", "case study"]:
        assert secret not in everything, f"{secret!r} reached the journal"


def test_pipeline_json_equals_the_hand_computed_conversions(make_daemon, journal):
    """Four people through the steps over a week; the pipeline's conversion and median days
    are what counting by hand gives, and the text shows the steps side by side."""
    daemon, clock = start_daemon(make_daemon)
    for name in ["Ann Able", "Ben Best", "Cat Cole", "Dan Dune"]:
        ctl_json(daemon, "people", "add", name)

    def day(n):
        clock.set(START + dt.timedelta(days=n), journal)

    day(1)
    ctl_json(daemon, "touch", "ann")
    day(2)
    ctl_json(daemon, "move", "ann", "invite")
    day(3)
    ctl_json(daemon, "move", "ben", "invite")
    day(4)
    ctl_json(daemon, "touch", "ben", "--note", "sent the deck")
    day(5)
    ctl_json(daemon, "move", "ann", "converse")
    day(6)
    won = ctl_json(daemon, "won", "ann", "1200")
    assert [(r["resultKind"], r["value"]) for r in won["results"]] == [("client", 1), ("revenue", 1200)]
    ctl_json(daemon, "lost", "cat", "--reason", "went in-house")

    pipeline = ctl_json(daemon, "pipeline", "--weeks", "1")
    assert (pipeline["from"], pipeline["today"]) == ("2027-03-24", "2027-03-30")
    steps = {s["step"]: s for s in pipeline["steps"]}
    # Connect: Ann, Ben, Cat, Dan entered; Ann and Ben went on; stays 2, 3, 6 (lost), 6 (still there).
    assert (steps["connect"]["entered"], steps["connect"]["advanced"]) == (4, 2)
    assert steps["connect"]["conversion"] == 0.5 and steps["connect"]["medianDays"] == 4.5
    # Invite: Ann (3 days, on to Converse) and Ben (3 days so far).
    assert (steps["invite"]["entered"], steps["invite"]["advanced"], steps["invite"]["medianDays"]) == (2, 1, 3)
    # Converse: Ann, won a day later.
    assert (steps["converse"]["conversion"], steps["converse"]["medianDays"]) == (1, 1)
    assert [s["count"] for s in pipeline["steps"]] == [1, 1, 0]
    assert (pipeline["won"], pipeline["lost"]) == (1, 1)
    # Lead to lag: Ann touched at Connect, Ben at Invite; one client won.
    assert [(l["step"], l["touches"], l["touchesPerClient"]) for l in pipeline["leadToLag"]] == [
        ("connect", 1, 1), ("invite", 1, 1), ("converse", 0, 0)]

    screen = daemon.ctl("pipeline", "--weeks", "1")
    assert screen.rc == 0, screen.output
    lines = screen.stdout.splitlines()
    assert any("Connect (1)" in l and "Invite (1)" in l and "Converse (0)" in l for l in lines), screen.stdout
    # Dan waits at Connect 6 days (due, ideal 3d); Ben at Invite 2 days since his touch (due, ideal 2d).
    assert any(l.startswith("• Dan Dune") and "6d" in l and "• Ben Best" in l and "2d" in l for l in lines), screen.stdout
    assert "Touches per client won (12 weeks, 1 won): Connect 1 · Invite 1 · Converse 0" in lines, screen.stdout
    assert all(len(l) <= 80 for l in lines), screen.stdout
    print(screen.stdout)

    # The week's scoreboard ends with the same pipeline; the report draws it, naming nobody.
    week = daemon.ctl("week")
    assert week.rc == 0 and "Connect (1)" in week.stdout and "Touches per client won" in week.stdout, week.output
    report = daemon.root / "report.html"
    made = run_salesd(daemon.binary, ["report", "--html", str(report)], daemon.env)
    assert made.rc == 0, made.output
    html = report.read_text()
    assert '<svg id="chart-pipeline"' in html and '<table id="lead-to-lag">' in html
    assert 'data-step="connect" data-count="1"' in html
    assert "Dan Dune" not in html and "Ben Best" not in html


def test_a_retried_touch_counts_once_and_undo_takes_back_the_touch_first(make_daemon, journal):
    """The same request key twice records one touch and one done; a plain undo takes back the
    touch, the next one its done."""
    daemon, _ = start_daemon(make_daemon)
    ctl_json(daemon, "people", "add", "Dana Kim")
    first = ctl_json(daemon, "touch", "dana", "--action", "requests", "--request", "k1")
    again = ctl_json(daemon, "touch", "dana", "--action", "requests", "--request", "k1")
    assert (first["outcome"], again["outcome"]) == ("recorded", "already")
    assert first["done"]["id"] == again["done"]["id"]
    done = lambda: ctl_json(daemon, "today")["actions"][0]["done"]
    assert done() == 1

    undone = ctl_json(daemon, "undo")
    assert undone["undone"] == "touched" and undone["person"]["name"] == "Dana Kim"
    assert done() == 1
    ctl_json(daemon, "undo")
    assert done() == 0


def test_an_ambiguous_or_unknown_person_gets_the_candidates(make_daemon, journal):
    """Part of two names is refused with both; nothing is recorded."""
    daemon, _ = start_daemon(make_daemon)
    ctl_json(daemon, "people", "add", "Dana Kim")
    ctl_json(daemon, "people", "add", "Alex Kimura")
    refused = ctl_json(daemon, "touch", "kim", rc=1)
    assert refused["kind"] == "NoSuchPerson"
    assert refused["known"] == ["#1 Dana Kim", "#2 Alex Kimura"]
    assert "nothing was recorded" in refused["message"]
    unknown = daemon.ctl("move", "zoe", "invite")
    assert unknown.rc == 1 and 'nobody called "zoe"' in unknown.stderr, unknown.output
    bad_step = ctl_json(daemon, "move", "dana", "invit", rc=1)
    assert bad_step["kind"] == "InvalidArgument" and 'did you mean "invite"' in bad_step["message"]
    assert all(p["daysSinceTouch"] == 0 and p["step"] == "connect" for p in people(daemon).values())


def test_forget_erases_the_name_from_the_ledger_files_and_keeps_the_counts(make_daemon, journal):
    """After forget, `grep -a` finds the name, company and notes nowhere in the ledger's
    files, a done note that named the person is blanked, and the week's counts are unchanged."""
    daemon, _ = start_daemon(make_daemon)
    ctl_json(daemon, "people", "add", "Zebulon Quartermain", "--company", "Xylophonic Ltd", "--note", "met at Flimflam")
    ctl_json(daemon, "people", "add", "Dana Kim")
    ctl_json(daemon, "touch", "zebulon", "--note", "Quibbleworth lunch", "--action", "requests")
    ctl_json(daemon, "done", "requests", "2", "--note", "emailed Zebulon the deck")
    secrets = ["Zebulon", "Quartermain", "Xylophonic", "Flimflam", "Quibbleworth"]
    assert all(s.encode() in ledger_bytes(daemon) for s in secrets), "the test should see the texts before forget"
    week_before = ctl_json(daemon, "week")["scoreboard"]["weeks"]

    forgotten = ctl_json(daemon, "forget", "zebulon")
    assert (forgotten["outcome"], forgotten["person"], forgotten["notesErased"]) == ("recorded", 1, 1)

    files = [str(p) for p in daemon.state_dir.iterdir() if p.name.startswith("ledger.sqlite")]
    for secret in secrets:
        grep = subprocess.run(["grep", "-a", "-i", "-c", secret, *files], capture_output=True, text=True)
        assert grep.returncode == 1, f"grep -a finds {secret!r} in the ledger files: {grep.stdout}"
    assert b"Dana Kim" in ledger_bytes(daemon)
    assert ctl_json(daemon, "week")["scoreboard"]["weeks"] == week_before
    everyone = people(daemon)
    assert everyone["#1"]["forgotten"] is True and everyone["#1"].get("company") is None
    assert ctl_json(daemon, "pipeline")["steps"][0]["entered"] == 2
    assert forgotten["compacted"] is True
    # A forgotten person can no longer be found by name; forget by id again only rewrites the file.
    assert ctl_json(daemon, "touch", "zebulon", rc=1)["kind"] == "NoSuchPerson"
    again = ctl_json(daemon, "forget", "1")
    assert (again["outcome"], again["compacted"]) == ("already", True)


def test_the_morning_prompt_leads_with_the_most_overdue_person(make_daemon, journal):
    """A week on, the morning prompt's first words are the follow-up with the most overdue
    person (by id in the journal), and with journalNames by name with their next step."""
    for named in (False, True):
        config = people_support.people_plan()
        if named:
            config["journalNames"] = True
        daemon, clock = start_daemon(make_daemon, config=config)
        ctl_json(daemon, "people", "add", "Sam Okafor")
        ctl_json(daemon, "people", "add", "Dana Kim", "--step", "invite", "--next", "send the case study")
        ctl_json(daemon, "people", "add", "Alex Rivera")
        clock.set(at(2027, 3, 30, 12, 0), journal)
        ctl_json(daemon, "touch", "alex")
        # 07:31 UTC is 08:31 BST: a minute after the 08:30 prompt, within the grace window.
        clock.set(at(2027, 3, 31, 7, 31), journal)
        prompt = journal(at_least=1, _PID=str(daemon.pid), SALESD_EVENT="morning", SALESD_DAY="2027-03-31")[-1]
        if named:
            assert prompt["MESSAGE"].startswith(
                "What's the next step? Follow up with Dana Kim — Invite, 7 days, overdue: send the case study (+1 more due)"
            ), prompt["MESSAGE"]
        else:
            assert prompt["MESSAGE"].startswith(
                "What's the next step? Follow up with #2 — Invite, 7 days, overdue (+1 more due); then Send connection requests"
            ), prompt["MESSAGE"]
            assert prompt["SALESD_PERSON"] == "2"
            assert "Dana" not in json.dumps(prompt) and "Sam" not in json.dumps(prompt)
        daemon.stop()


LINKEDIN = '''Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Dana,Kim,https://www.linkedin.com/in/danakim,,Kim & Co,"Head of Sales, EMEA",21 Mar 2027
Sam,Okafor,https://www.linkedin.com/in/samokafor,sam@example.com,Okafor Ltd,Founder,02 Mar 2027
,,https://www.linkedin.com/in/hidden,,,,01 Mar 2027
'''


def test_export_and_import_give_an_identical_pipeline_and_linkedin_connections_join_at_the_first_step(
        make_daemon, journal, short_tmp):
    """A ledger exported (events and people) and imported into a new home gives the same
    pipeline and people; LinkedIn's Connections.csv adds everyone at the first step with
    Connected On as the last touch, and a second import adds nobody twice."""
    daemon, clock = start_daemon(make_daemon)
    for name in ["Ann Able", "Ben Best", "Cat Cole"]:
        ctl_json(daemon, "people", "add", name, "--company", "Acme, Inc.", "--note", 'said "maybe"\nlater')
    clock.set(START + dt.timedelta(days=2), journal)
    ctl_json(daemon, "move", "ann", "invite")
    ctl_json(daemon, "touch", "ben", "--action", "requests", "--next", "send the deck", "--due", "2027-03-29")
    ctl_json(daemon, "move", "cat", "invite")
    ctl_json(daemon, "undo")
    ctl_json(daemon, "won", "ann", "900")
    expected_pipeline = ctl_json(daemon, "pipeline", "--weeks", "2")
    expected_people = ctl_json(daemon, "people", "--all")

    events = short_tmp / "events.jsonl"
    people_file = short_tmp / "people.csv"
    exported = run_salesd(daemon.binary, ["export", "--json"], daemon.env)
    assert exported.rc == 0, exported.output
    events.write_text(exported.stdout)
    exported = run_salesd(daemon.binary, ["export", "--people"], daemon.env)
    assert exported.rc == 0, exported.output
    people_file.write_text(exported.stdout)

    other = make_daemon(None, start=False, name="restored")
    for args in (["import", str(events)], ["import", "--people", str(people_file)]):
        imported = run_salesd(other.binary, args, other.env)
        assert imported.rc == 0, imported.output
    DaemonTestClock(other).start_at(START + dt.timedelta(days=2, hours=1))
    assert ctl_json(other, "pipeline", "--weeks", "2") == expected_pipeline
    assert ctl_json(other, "people", "--all") == expected_people
    other.stop()
    # A people export goes only into a ledger without people.
    again = run_salesd(other.binary, ["import", "--people", str(people_file)], other.env)
    assert again.rc != 0 and "already holds 3 people" in again.output, again.output
    linkedin = short_tmp / "Connections.csv"
    linkedin.write_text(LINKEDIN)
    imported = run_salesd(other.binary, ["import", "--people", str(linkedin)], other.env)
    assert imported.rc == 0 and "Added 2 people" in imported.stdout, imported.output
    imported = run_salesd(other.binary, ["import", "--people", str(linkedin)], other.env)
    assert "Added 0 people" in imported.stdout and "Skipped 2" in imported.stdout, imported.output
    other.start()
    everyone = people(other)
    assert (everyone["Dana Kim"]["step"], everyone["Dana Kim"]["lastTouch"]) == ("connect", "2027-03-21")
    assert everyone["Dana Kim"]["company"] == "Kim & Co" and everyone["Dana Kim"]["note"] == "Head of Sales, EMEA"
    # 2 March to 26 March: 24 days at Connect, past max 7d.
    assert (everyone["Sam Okafor"]["daysSinceTouch"], everyone["Sam Okafor"]["state"]) == (24, "overdue")
    assert "sam@example.com" not in json.dumps(everyone)


def test_a_forget_that_a_reader_holds_up_says_so_and_finishes_when_asked_again(make_daemon, journal):
    """A reader holding the ledger (an export, a backup) keeps forget from rewriting the file:
    the reply says compacted false; forget by id again, once it is gone, leaves no byte."""
    import sqlite3
    daemon, _ = start_daemon(make_daemon)
    ctl_json(daemon, "people", "add", "Zebulon Quartermain", "--note", "Flimflam fair")
    reader = sqlite3.connect(str(daemon.state_dir / "ledger.sqlite"))
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM person_events").fetchall()
    held = ctl_json(daemon, "forget", "zebulon")
    assert (held["outcome"], held["compacted"]) == ("recorded", False)
    screen = daemon.ctl("forget", "1")
    reader.rollback()
    reader.close()
    finished = ctl_json(daemon, "forget", "1")
    assert (finished["outcome"], finished["compacted"]) == ("already", True)
    for secret in ["Zebulon", "Quartermain", "Flimflam"]:
        assert secret.encode() not in ledger_bytes(daemon), f"{secret!r} is still in the ledger files"
    assert screen.rc == 0 and "not rewritten yet" in screen.stdout, screen.output
