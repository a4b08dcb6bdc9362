"""The follow-ups reminder on a real desktop (dunst on a private bus under Xvfb): gathered at
the step's first action, naming the people, with a button that records a touch."""

import datetime as dt
import json

from desktop_support import wait_until
from harness.clock import DaemonTestClock
from people_support import START, ctl_json, people, people_plan

UTC = dt.timezone.utc


def test_the_follow_ups_reminder_names_the_person_and_its_button_records_a_touch(desktop, make_daemon, journal):
    """Three days on, at Connect's first action the follow-ups reminder lists the due people by
    name on the desktop (by id in the journal); its "Touched" button touches the first one."""
    config = people_plan()
    config["notifications"] = {"enabled": True}
    daemon = make_daemon(config, start=False)
    daemon.env["DBUS_SESSION_BUS_ADDRESS"] = desktop.address
    clock = DaemonTestClock(daemon)
    clock.start_at(START)
    wait_until(lambda: json.loads(daemon.ctl("status", "--json").stdout)["notifications"]["available"], 15,
               "notifications to be available")
    ctl_json(daemon, "people", "add", "Dana Kim", "--next", "send the case study")
    ctl_json(daemon, "people", "add", "Sam Okafor")
    ctl_json(daemon, "people", "add", "Alex Rivera", "--step", "converse")
    before = len(desktop.monitor.notifications())

    # 09:30:20 on 27 March (GMT): Connect's first action, 20 s late; Dana and Sam wait 3 days (ideal 3d).
    clock.set(dt.datetime(2027, 3, 27, 9, 30, 20, tzinfo=UTC), journal)
    [entry] = journal(at_least=1, _PID=str(daemon.pid), SALESD_EVENT="follow-ups")
    assert entry["MESSAGE"].startswith("Follow-ups due at Connect: 2 people (#1, #2)"), entry["MESSAGE"]
    assert entry["SALESD_STEP"] == "connect" and entry["SALESD_PERSON"] == "1"
    assert "Dana" not in json.dumps(entry) and "Sam" not in json.dumps(entry)

    shown = wait_until(lambda: [n for n in desktop.monitor.notifications()[before:]
                                if n.answered and n.summary == "Follow-ups due: Connect"] or None,
                       30, "the follow-ups notification")[0]
    assert shown.error is None, shown
    assert shown.body.startswith("Follow up with Dana Kim — Connect, 3 days, due: send the case study\n"
                                 "Follow up with Sam Okafor — Connect, 3 days, due"), shown.body
    assert shown.buttons == {"touch": "Touched Dana Kim"}

    desktop.context_menu(pick="touch", notification_id=shown.id)
    wait_until(lambda: people(daemon)["Dana Kim"]["daysSinceTouch"] == 0 or None, 15, "the touch to be recorded")
    everyone = people(daemon)
    assert (everyone["Dana Kim"]["state"], everyone["Sam Okafor"]["state"]) == ("ok", "due")
    touched = journal(at_least=1, _PID=str(daemon.pid), SALESD_EVENT="person", MESSAGE="Person #1 touched at Connect")
    assert len(touched) == 1
