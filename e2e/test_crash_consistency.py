"""Crash consistency: `done` is acknowledged only once durable, and never recorded twice.

Concurrent clients record `done` while the daemon is killed with SIGKILL at seeded-random
moments and restarted on the same ledger. $SALESD_CRASH_ITERATIONS sets how many kills
(`make bench` raises it); $SALESD_CRASH_SEED replays a failing run.
"""

import json
import threading
from collections import Counter

from harness.plans import action, plan
from robustness_support import (
    RawClient, encode_call, env_int, export_events, integrity_check, seeded_random,
    start_daemon, wait_until,
)

CLIENTS = 4
ACTION = "calls"
# Acknowledgements each kill waits for since the last restart, so every kill lands mid-traffic.
ACKS_BETWEEN_KILLS = 8


class DoneClient(threading.Thread):
    """Sends `Done` with a unique note in a loop, reconnecting whenever the daemon goes away.

    A note is sent once, ever: a `Done` whose reply was lost is not retried, so the ledger
    may hold it at most once.
    """

    def __init__(self, number, socket_path, stop):
        super().__init__(name=f"done-client-{number}", daemon=True)
        self.number = number
        self.socket_path = socket_path
        self.stop_event = stop
        self.acknowledged = []
        self.unanswered = []
        self.refused = []
        self.lock = threading.Lock()

    def acknowledged_count(self):
        with self.lock:
            return len(self.acknowledged)

    def run(self):
        sequence = 0
        client = None
        while not self.stop_event.is_set():
            if client is None:
                try:
                    client = RawClient(self.socket_path, timeout=5.0)
                except OSError:
                    self.stop_event.wait(0.02)  # the daemon is restarting: try again shortly
                    continue
            note = f"c{self.number}-{sequence}"
            sequence += 1
            try:
                sent = client.send(encode_call("Done", {"action": ACTION, "note": note}))
                kind, reply = client.outcome(timeout=30.0) if sent else ("closed", b"")
            except OSError:
                kind, reply = "closed", b""
            with self.lock:
                if kind == "reply" and "error" not in reply:
                    self.acknowledged.append(note)
                elif kind == "reply":
                    self.refused.append((note, reply))
                else:
                    self.unanswered.append(note)
            if kind != "reply":
                client.close()
                client = None
        if client is not None:
            client.close()


def test_acknowledged_done_survives_sigkill_exactly_once(make_daemon):
    """Every acknowledged `done` is in the ledger once after SIGKILLs; none is there twice."""
    iterations = env_int("SALESD_CRASH_ITERATIONS", 5)
    rng, seed = seeded_random("SALESD_CRASH_SEED", 20261127)
    daemon = start_daemon(make_daemon, plan(action(ACTION, "Call warm leads", target=10000)))
    context = f"(seed {seed}, {iterations} kills; replay with SALESD_CRASH_SEED={seed})"

    stop = threading.Event()
    clients = [DoneClient(n, daemon.socket_path, stop) for n in range(CLIENTS)]
    for client in clients:
        client.start()

    def total_acknowledged():
        return sum(client.acknowledged_count() for client in clients)

    try:
        for _ in range(iterations):
            baseline = total_acknowledged()
            wait_until(lambda: total_acknowledged() >= baseline + ACKS_BETWEEN_KILLS, 60,
                       f"clients getting {ACKS_BETWEEN_KILLS} acknowledgements after a restart {context}")
            # A seeded-random extra moment, so kills fall at different points of a request.
            stop.wait(rng.uniform(0, 0.25))
            daemon.kill9()
            daemon.start()
        baseline = total_acknowledged()
        wait_until(lambda: total_acknowledged() >= baseline + ACKS_BETWEEN_KILLS, 60,
                   f"clients getting acknowledgements after the last restart {context}")
        daemon.kill9()  # end on a crash too: the file must be sound without a clean shutdown
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=60)
    assert not any(client.is_alive() for client in clients), "a client thread hung"

    ledger = daemon.state_dir / "ledger.sqlite"
    assert integrity_check(ledger) == "ok", f"PRAGMA integrity_check failed {context}"

    acknowledged = [note for client in clients for note in client.acknowledged]
    unanswered = [note for client in clients for note in client.unanswered]
    refused = [item for client in clients for item in client.refused]
    assert not refused, f"the daemon refused valid Done calls {context}: {refused[:5]}"

    notes = Counter(event.get("note") for event in export_events(daemon)
                    if event.get("kind") == "done" and event.get("action") == ACTION)
    twice = {note: n for note, n in notes.items() if n > 1}
    assert not twice, f"notes recorded more than once {context}: {twice}"
    missing = [note for note in acknowledged if notes[note] != 1]
    assert not missing, (f"{len(missing)} of {len(acknowledged)} acknowledged Done calls are not in the "
                         f"ledger {context}: {missing[:10]}")
    unknown = set(notes) - set(acknowledged) - set(unanswered)
    assert not unknown, f"the ledger holds notes no client sent {context}: {sorted(unknown)[:10]}"

    # The restarted daemon counts what the ledger holds, no more and no less.
    daemon.start()
    today = daemon.call("Today")
    done = next(a["done"] for a in today["actions"] if a["action"] == ACTION)
    assert done == sum(notes.values()), f"Today says {done} done, the ledger holds {sum(notes.values())}"
    assert daemon.stop() == 0, f"salesd run did not exit 0 on SIGTERM; stderr:\n{daemon.stderr()}"
    print(json.dumps({"seed": seed, "kills": iterations, "acknowledged": len(acknowledged),
                      "unanswered": len(unanswered), "unanswered_in_ledger": sum(notes[n] for n in unanswered)}))
