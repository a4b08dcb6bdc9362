"""Protocol robustness: malformed, oversized, slow and idle traffic on the control socket.

Every bad request gets a typed Varlink error or its connection is closed; a well-behaved
client keeps getting answers throughout; the daemon stays up, its memory stays bounded and
it still exits 0 on SIGTERM.
"""

import json
import select
import socket

import pytest

from harness.daemon import run_salesd
from harness.plans import action, plan
from robustness_support import (
    RawClient, assert_typed_error_or_closed, encode_call, rss_kib, seeded_random, start_daemon,
    try_bad_input, wait_until,
)

ACTION = "calls"
MAX_MESSAGE = 64 * 1024
MAX_CONNECTIONS = 128
# Memory the daemon may gain from the abuse: generous, it catches leaks, not allocator noise.
MEMORY_BOUND_KIB = 20 * 1024

MALFORMED = [
    ("invalid JSON", b"not json\0"),
    ("an empty message", b"\0"),
    ("an empty object", b"{}\0"),
    ("a JSON array", b"[1, 2]\0"),
    ("a bare number", b"42\0"),
    ("method is a number", b'{"method": 5}\0'),
    ("method is empty", b'{"method": ""}\0'),
    ("parameters is a list", b'{"method": "io.salesd.Control.Status", "parameters": []}\0'),
    ("more is a string", b'{"method": "io.salesd.Control.Status", "more": "yes"}\0'),
    ("oneway is a number", b'{"method": "io.salesd.Control.Status", "oneway": 1}\0'),
    ("upgrade requested", b'{"method": "io.salesd.Control.Status", "upgrade": true}\0'),
    ("trailing garbage", b'{"method": "io.salesd.Control.Status"}garbage\0'),
    ("invalid UTF-8", b'{"method": "io.salesd.Control.\xff\xfe"}\0'),
    ("a NUL inside a string", b'{"method": "io.salesd\0.Control.Status"}\0'),
    ("deep nesting", b"[" * 20000 + b"]" * 20000 + b"\0"),
    ("deep nesting in parameters",
     b'{"method": "io.salesd.Control.Status", "parameters": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}\0"),
    ("a huge number", b'{"method": "io.salesd.Control.Done", "parameters": {"action": "calls", "count": 1'
     + b"0" * 400 + b"}}\0"),
    ("a number overflowing a double", b'{"method": "io.salesd.Control.Result", "parameters": '
     b'{"kind": "client", "value": 1e999}}\0'),
    ("a lone surrogate escape", b'{"method": "io.salesd.Control.Done", "parameters": '
     b'{"action": "\\ud800"}}\0'),
    ("duplicate keys", b'{"method": "io.salesd.Control.Done", "method": "x.y.Z"}\0'),
    ("unknown method", encode_call("Explode")),
    ("unknown method of org.varlink.service", encode_call("org.varlink.service.Shutdown")),
    ("unknown interface", encode_call("com.example.Nope.Call")),
    ("a method without interface", encode_call("Status.")),
    ("description of an unknown interface",
     encode_call("org.varlink.service.GetInterfaceDescription", {"interface": "com.example.Nope"})),
    ("description with a wrong type", encode_call("org.varlink.service.GetInterfaceDescription", {"interface": 5})),
    ("Watch without more", encode_call("Watch")),
]

# For each salesd method: parameters of the wrong type or out of range. None may crash the
# daemon or be recorded; each must get a typed error.
WRONG_PARAMETERS = [
    ("Done", {}),
    ("Done", {"action": 5}),
    ("Done", {"action": None}),
    ("Done", {"action": ACTION, "count": "two"}),
    ("Done", {"action": ACTION, "count": 1.5}),
    ("Done", {"action": ACTION, "count": 0}),
    ("Done", {"action": ACTION, "count": -3}),
    ("Done", {"action": ACTION, "count": 10 ** 30}),
    ("Done", {"action": ACTION, "count": True}),
    ("Done", {"action": ACTION, "note": ["a"]}),
    ("Done", {"action": ACTION, "day": "someday"}),
    ("Done", {"action": ACTION, "day": "2026-02-30"}),
    ("Done", {"action": ACTION, "day": "9999-12-31"}),
    ("Done", {"action": ACTION, "day": 20261127}),
    ("Done", {"action": "no-such-action"}),
    ("Undo", {"action": 5}),
    ("Undo", {"action": "no-such-action"}),
    ("Snooze", {"action": ACTION, "duration": "5q"}),
    ("Snooze", {"action": ACTION, "duration": ""}),
    ("Snooze", {"action": ACTION, "duration": 15}),
    ("Snooze", {"action": {"id": ACTION}}),
    ("Skip", {"action": ["a"]}),
    ("Skip", {"action": ACTION, "reason": 7}),
    ("DayOff", {"day": "someday"}),
    ("DayOff", {"day": "99999-01-01"}),
    ("DayOff", {"day": False}),
    ("Result", {}),
    ("Result", {"kind": ""}),
    ("Result", {"kind": 3}),
    ("Result", {"kind": "client", "value": "a lot"}),
    ("Result", {"kind": "x" * 500}),
    ("Today", {"day": "someday"}),
    ("Today", {"day": 5}),
    ("Week", {"weeks": 0}),
    ("Week", {"weeks": -1}),
    ("Week", {"weeks": "2"}),
    ("Week", {"weeks": 10 ** 6}),
]


def robust_plan():
    return plan(action(ACTION, "Call three warm leads", target=3))


def assert_serves(client, what):
    """The well-behaved client still gets a Status answer."""
    reply = client.call("Status", timeout=30)
    assert "error" not in reply and reply["parameters"]["pid"] > 0, f"Status failed {what}: {reply}"


def assert_fresh_client_served(daemon, what):
    with RawClient(daemon.socket_path, timeout=30) as client:
        assert_serves(client, what)


def assert_clean_exit(daemon):
    assert daemon.running, f"salesd run died; stderr:\n{daemon.stderr()}"
    assert daemon.stop() == 0, f"salesd run did not exit 0 on SIGTERM; stderr:\n{daemon.stderr()}"


def test_malformed_messages_get_typed_errors_while_a_good_client_is_served(make_daemon):
    """Each malformed message gets a Varlink error or a closed connection; Status keeps answering."""
    daemon = start_daemon(make_daemon, robust_plan())
    with RawClient(daemon.socket_path, timeout=30) as good:
        for what, data in MALFORMED:
            try_bad_input(daemon.socket_path, data, what)
            assert_serves(good, f"after {what}")
        # Unknown names get the specific errors of org.varlink.service.
        with RawClient(daemon.socket_path) as client:
            assert client.call("Explode")["error"] == "org.varlink.service.MethodNotFound"
        with RawClient(daemon.socket_path) as client:
            assert client.call("com.example.Nope.Call")["error"] == "org.varlink.service.InterfaceNotFound"
    assert daemon.call("Today")["actions"][0]["done"] == 0, "a malformed message was recorded"
    assert_clean_exit(daemon)


def test_wrong_parameter_types_get_typed_errors_and_record_nothing(make_daemon):
    """Wrong types and out-of-range values for every method are typed errors, never a crash."""
    daemon = start_daemon(make_daemon, robust_plan())
    with RawClient(daemon.socket_path, timeout=30) as client:
        for method, parameters in WRONG_PARAMETERS:
            reply = client.call(method, parameters, timeout=30)
            what = f"{method}({json.dumps(parameters)[:80]})"
            assert_typed_error_or_closed("reply", reply, what)
    assert daemon.call("Today")["actions"][0]["done"] == 0, "a refused Done was recorded"
    events = daemon.call("Week")["scoreboard"]["weeks"][-1]
    assert events["done"] == 0 and events["results"] == [], f"a refused call was recorded: {events}"
    assert_clean_exit(daemon)


def test_oversized_messages_close_the_connection(make_daemon):
    """A message beyond 64 KiB closes its connection; one just under the limit is answered."""
    daemon = start_daemon(make_daemon, robust_plan())
    with RawClient(daemon.socket_path, timeout=30) as good:
        # No terminator at all: the daemon must not buffer without bound.
        with RawClient(daemon.socket_path) as client:
            client.send(b'{"method": "io.salesd.Control.Status", "parameters": {"x": "'
                        + b"a" * (MAX_MESSAGE + 1024))
            kind, _ = client.outcome(timeout=30)
            assert kind == "closed", "an unterminated message beyond 64 KiB did not close the connection"
        assert_serves(good, "after an unterminated oversized message")

        kind = try_bad_input(daemon.socket_path, encode_call("Status", {"x": "a" * (1 << 20)}), "1 MiB call")
        assert kind == "closed", "a 1 MiB call was not refused by closing the connection"
        assert_serves(good, "after a 1 MiB call")

        note = "n" * (MAX_MESSAGE - 200)
        reply = good.call("Done", {"action": ACTION, "note": note}, timeout=30)
        assert "error" not in reply, f"a call just under 64 KiB was refused: {str(reply)[:300]}"
        assert reply["parameters"]["event"]["note"] == note
    assert_clean_exit(daemon)


def test_random_bytes_never_crash_the_daemon(make_daemon):
    """Seeded random bytes get an error or a closed connection; the daemon keeps serving."""
    rng, seed = seeded_random("SALESD_FUZZ_SEED", 7)
    daemon = start_daemon(make_daemon, robust_plan())
    with RawClient(daemon.socket_path, timeout=30) as good:
        for n in range(150):
            size = rng.choice([1, 2, 16, 200, 4000])
            data = bytes(rng.getrandbits(8) for _ in range(size)) + b"\0"
            try_bad_input(daemon.socket_path, data, f"random bytes #{n} (seed {seed}): {data[:40]!r}")
            if n % 10 == 0:
                assert_serves(good, f"after random bytes #{n} (seed {seed})")
    assert_clean_exit(daemon)


def test_half_closed_connections_are_answered_then_closed(make_daemon):
    """A client that shuts down its sending side gets its answer; half a message is dropped."""
    daemon = start_daemon(make_daemon, robust_plan())
    with RawClient(daemon.socket_path) as client:
        client.send(encode_call("Status"))
        client.sock.shutdown(socket.SHUT_WR)
        kind, reply = client.outcome(timeout=30)
        assert kind == "reply" and "pid" in reply.get("parameters", {}), f"no Status reply: {reply}"
        assert client.outcome(timeout=30)[0] == "closed", "the daemon kept a half-closed connection open"

    kind = try_bad_input(daemon.socket_path, b'{"method": "io.salesd.Con', "half a message", half_close=True)
    assert kind == "closed"
    kind = try_bad_input(daemon.socket_path, b"", "nothing at all", half_close=True)
    assert kind == "closed"

    # A Watch stream whose client stops sending still ends cleanly when the client goes away.
    with RawClient(daemon.socket_path) as client:
        client.send(encode_call("Watch", {}, more=True))
        client.sock.shutdown(socket.SHUT_WR)
    assert_fresh_client_served(daemon, "after half-closed connections")
    assert_clean_exit(daemon)


def test_pipelined_and_oneway_calls_are_answered_in_order(make_daemon):
    """Many calls in one write get as many replies, in order; oneway calls get none."""
    daemon = start_daemon(make_daemon, robust_plan())
    with RawClient(daemon.socket_path, timeout=30) as client:
        batch = b"".join(encode_call("Done", {"action": ACTION, "note": f"p{n}"}) for n in range(40))
        batch += encode_call("Status", oneway=True) + encode_call("Today")
        client.send(batch)
        notes = []
        for _ in range(40):
            kind, reply = client.outcome(timeout=60)
            assert kind == "reply" and "error" not in reply, f"pipelined Done failed: {reply}"
            notes.append(reply["parameters"]["event"]["note"])
        assert notes == [f"p{n}" for n in range(40)], "replies came out of order"
        kind, reply = client.outcome(timeout=30)
        assert kind == "reply" and reply["parameters"]["actions"][0]["done"] == 40, \
            f"expected the Today reply after the oneway Status, got {reply}"
    assert_clean_exit(daemon)


def open_connections(path, count):
    """`count` connected sockets that never send anything."""
    sockets = []
    for _ in range(count):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(30)
        sock.connect(str(path))
        sockets.append(sock)
    return sockets


def closed_by_peer(sockets):
    """The sockets the daemon has closed so far (readable with nothing to read)."""
    if not sockets:
        return []
    readable, _, _ = select.select(sockets, [], [], 0)
    closed = []
    for sock in readable:
        try:
            if sock.recv(1, socket.MSG_DONTWAIT) == b"":
                closed.append(sock)
        except (BlockingIOError, ConnectionResetError):
            closed.append(sock)
    return closed


def test_idle_connections_never_lock_out_a_new_client(make_daemon):
    """Hundreds of idle connections: the daemon keeps at most 128 by closing the longest-idle
    ones, so a new client is always served."""
    daemon = start_daemon(make_daemon, robust_plan())
    idle = []
    try:
        idle = open_connections(daemon.socket_path, 300)
        closed = set()

        def enough_closed():
            closed.update(closed_by_peer([s for s in idle if s not in closed]))
            return len(closed) >= 300 - MAX_CONNECTIONS

        wait_until(enough_closed, 60, f"the daemon closing idle connections past {MAX_CONNECTIONS}")
        with RawClient(daemon.socket_path, timeout=30) as late:
            assert_serves(late, "a new client while 300 idle connections were opened")
        assert all(sock in closed for sock in idle[:100]), "the longest-idle connections make room first"
    finally:
        for sock in idle:
            sock.close()
    assert_clean_exit(daemon)


def test_slow_loris_writers_do_not_stall_other_clients(make_daemon):
    """Clients trickling a message byte by byte hold nobody up, and are served once they finish."""
    daemon = start_daemon(make_daemon, robust_plan())
    message = encode_call("Status")
    slow = [RawClient(daemon.socket_path, timeout=30) for _ in range(20)]
    try:
        with RawClient(daemon.socket_path, timeout=30) as good:
            for position in range(len(message) - 1):
                for client in slow:
                    assert client.send(message[position:position + 1]), "the daemon dropped a slow writer early"
                assert_serves(good, f"while slow writers are at byte {position}")
                if position % 8 == 0:
                    assert_fresh_client_served(daemon, f"while slow writers are at byte {position}")
            for client in slow:
                client.send(message[-1:])
                kind, reply = client.outcome(timeout=30)
                assert kind == "reply" and "pid" in reply.get("parameters", {}), f"slow writer got {reply}"
    finally:
        for client in slow:
            client.close()
    assert_clean_exit(daemon)


def abuse(daemon, rng, rounds):
    """`rounds` malformed requests of every kind, plus a few oversized ones."""
    for n in range(rounds):
        what, data = MALFORMED[n % len(MALFORMED)]
        if n % 3 == 0:
            data = bytes(rng.getrandbits(8) for _ in range(rng.choice([8, 300]))) + b"\0"
            what = "random bytes"
        try_bad_input(daemon.socket_path, data, what)
    for _ in range(max(1, rounds // 50)):
        try_bad_input(daemon.socket_path, b"x" * (MAX_MESSAGE + 4096), "an unterminated oversized message")


def test_memory_stays_bounded_under_abuse(make_daemon):
    """A thousand malformed requests leave the daemon's resident memory about where it was."""
    rng, seed = seeded_random("SALESD_FUZZ_SEED", 11)
    daemon = start_daemon(make_daemon, robust_plan())
    abuse(daemon, rng, 100)  # warm up allocator pools and lazy initialisation first
    before = rss_kib(daemon.pid)
    abuse(daemon, rng, 1000)
    idle = open_connections(daemon.socket_path, 100)
    for sock in idle:
        sock.close()
    assert_fresh_client_served(daemon, "after the abuse")
    after = rss_kib(daemon.pid)
    assert after - before <= MEMORY_BOUND_KIB, \
        f"resident memory grew from {before} KiB to {after} KiB under abuse (seed {seed})"
    assert_clean_exit(daemon)


def daemon_call_error(daemon, method, **parameters):
    with RawClient(daemon.socket_path, timeout=30) as client:
        return client.call(method, parameters).get("error")


def test_huge_result_values_are_refused_and_the_scoreboard_keeps_answering(make_daemon):
    """A result too large to sum and chart is refused with a typed error; the largest allowed
    ones still leave the week's scoreboard answering."""
    daemon = start_daemon(make_daemon, robust_plan())
    refused = daemon_call_error(daemon, "Result", kind="revenue", value=1e308)
    assert refused == "io.salesd.Control.InvalidArgument", refused
    with RawClient(daemon.socket_path, timeout=30) as client:
        for _ in range(2):
            reply = client.call("Result", {"kind": "revenue", "value": 1e12})
            assert "error" not in reply, reply
        reply = client.call("Week", timeout=30)
    try:
        assert "error" not in reply, f"Week failed after two huge results: {reply}"
    finally:
        assert_clean_exit(daemon)


def test_huge_result_value_keeps_the_html_report_working(make_daemon, short_tmp):
    """A result the daemon accepted must not crash `salesd report --html`."""
    daemon = start_daemon(make_daemon, robust_plan())
    assert "error" not in daemon.call("Result", kind="revenue", value=1e12)
    assert daemon.stop() == 0
    report = short_tmp / "report.html"
    result = run_salesd(daemon.binary, ["report", "--html", str(report), "--state-dir", str(daemon.state_dir)],
                        daemon.env, timeout=120)
    assert result.rc == 0, f"salesd report exited {result.rc}:\n{result.stderr[-2000:]}"
