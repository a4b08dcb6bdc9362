"""What `salesd ctl done` records is on disk before the reply, and survives a crash."""

import json
import re

from harness.plans import action, plan, unique_id


def progress(daemon, action_id):
    result = daemon.ctl("today", "--json")
    assert result.rc == 0, result.output
    today = json.loads(result.stdout)
    [state] = [a for a in today["actions"] if a["action"] == action_id]
    return state


def test_done_shows_in_today_and_survives_kill_9(make_daemon):
    """Two calls logged show as 2 of 5 in `ctl today`, for people and scripts, and still after kill -9."""
    calls = unique_id("calls")
    daemon = make_daemon(plan(action(calls, "Call three warm leads", target=5)))

    done = daemon.ctl("done", calls, "2")
    assert done.rc == 0, done.output

    human = daemon.ctl("today")
    assert human.rc == 0, human.output
    [line] = [l for l in human.stdout.splitlines() if "Call three warm leads" in l]
    assert re.search(r"\b2\s*(/|of)\s*5\b", line), human.stdout

    state = progress(daemon, calls)
    assert (state["done"], state["target"]) == (2, 5)

    daemon.kill9()
    daemon.start()
    state = progress(daemon, calls)
    assert (state["done"], state["target"]) == (2, 5)
