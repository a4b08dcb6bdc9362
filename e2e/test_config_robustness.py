"""Config robustness: seeded mutations of config.example.json.

`salesd check-config` reports errors (each as `path: message`) and never crashes; a running
daemon asked to reload an invalid mutation refuses it and keeps the old plan.
$SALESD_CONFIG_MUTATIONS sets how many mutations (`make bench` raises it);
$SALESD_CONFIG_SEED replays a failing run.
"""

import copy
import datetime
import json
import re

from harness.daemon import run_salesd
from robustness_support import env_int, seeded_random, start_daemon

# `actions[2].at: "9:3" is not a time …`, `$: is not valid JSON …`, `steps: missing …`
ERROR_LINE = re.compile(r"^\s*(\$|[A-Za-z_][\w-]*)(\[\d+\]|\.[\w-]+)*: \S", re.MULTILINE)

ODD_STRINGS = [
    "", " ", "\u202e09:30", "e\u0301", "\U0001F4C8", "\ufeff", "\u0000", "\u200b", "０９:３０",
    "٠٩:٣٠", "09:30\n", "\ud7ff", "\U0010FFFF", "x" * 10000, "null", "1h" * 500, "Europe/L\u00f6ndon",
    "../../etc/passwd", "%s%n", "\\", "\"",
]
HUGE_NUMBERS = [10 ** 40, -10 ** 20, 1e308, -1e308, 1e-320, -0.0, 2 ** 63, 2 ** 64, -1, 0, 0.5]
OTHER_TYPES = [None, True, False, 0, 3.5, "text", [], {}, ["weekdays"], {"at": "09:30"}]


def nodes(value, path=()):
    """Every (path, value) in a JSON document, the root included."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from nodes(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from nodes(child, path + (index,))


def replace(document, path, new):
    if not path:
        return new
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = new
    return document


def mutate(example, rng):
    """One mutation of the example: (a description, the file's bytes)."""
    document = copy.deepcopy(example)
    everything = list(nodes(document))
    kind = rng.choice(["delete", "insert", "swap", "unicode", "huge", "text", "duplicate", "several"])
    if kind == "several":
        for _ in range(rng.randint(2, 6)):
            _, text = mutate(json.loads(json.dumps(document)), rng)
            try:
                document = json.loads(text)
            except ValueError:
                return "several, ending in a text mutation", text
        return "several mutations", json.dumps(document).encode()
    if kind == "delete":
        path, _ = rng.choice([(p, v) for p, v in everything if p])
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        del parent[path[-1]]
        return f"delete {list(path)}", json.dumps(document).encode()
    if kind == "insert":
        path, target = rng.choice([(p, v) for p, v in everything if isinstance(v, (dict, list))])
        value = rng.choice(OTHER_TYPES + ODD_STRINGS[:5])
        if isinstance(target, dict):
            key = rng.choice(["extra", "atx", "Id", "target2", "days_", "timezone", "repeats"])
            target[key] = value
        else:
            target.insert(rng.randint(0, len(target)), value)
        return f"insert {value!r} into {list(path)}", json.dumps(document).encode()
    if kind == "swap":
        path, old = rng.choice(everything)
        new = rng.choice([v for v in OTHER_TYPES if type(v) is not type(old)])
        document = replace(document, path, new)
        return f"swap {list(path)} to {new!r}", json.dumps(document).encode()
    if kind == "unicode":
        path, _ = rng.choice([(p, v) for p, v in everything if isinstance(v, str)])
        new = rng.choice(ODD_STRINGS)
        document = replace(document, path, new)
        return f"set {list(path)} to {new[:20]!r}", json.dumps(document, ensure_ascii=rng.random() < 0.5).encode()
    if kind == "huge":
        path, _ = rng.choice([(p, v) for p, v in everything if isinstance(v, (int, float, str)) and p])
        new = rng.choice(HUGE_NUMBERS)
        document = replace(document, path, new)
        text = json.dumps(document)
        if rng.random() < 0.3:  # numbers Python would not write: beyond a double, or very long
            text = text.replace(json.dumps(new), rng.choice(["1e999", "-1e999", "9" * 400, "1" + "0" * 5000]), 1)
        return f"set {list(path)} to a huge number", text.encode()
    if kind == "duplicate":
        collection = rng.choice(["steps", "actions"])
        item = rng.choice(document[collection])
        document[collection].append(copy.deepcopy(item))
        return f"duplicate an entry of {collection}", json.dumps(document).encode()
    # text: damage the file itself
    text = json.dumps(document, indent=2).encode()
    position = rng.randrange(len(text))
    damage = rng.choice(["truncate", "byte", "bom", "drop"])
    if damage == "truncate":
        return f"truncate at byte {position}", text[:position]
    if damage == "byte":
        byte = bytes([rng.choice([0, 0xFF, 0xC3, ord("{"), ord(","), ord('"'), ord("]")])])
        return f"insert byte {byte!r} at {position}", text[:position] + byte + text[position:]
    if damage == "bom":
        return "a UTF-8 byte order mark", b"\xef\xbb\xbf" + text
    return f"drop byte {position}", text[:position] + text[position + 1:]


def mutations(repo, count, seed_default):
    rng, seed = seeded_random("SALESD_CONFIG_SEED", seed_default)
    example = json.loads((repo / "config.example.json").read_text())
    return [(f"mutation {n} (seed {seed}): {what}", data) for n, (what, data)
            in enumerate(mutate(example, rng) for _ in range(count))]


def test_check_config_reports_every_mutation_without_crashing(salesd, short_tmp, repo):
    """check-config exits 0 or 1 on every mutation, and 1 comes with `path: message` lines."""
    invalid = 0
    for n, (what, data) in enumerate(mutations(repo, env_int("SALESD_CONFIG_MUTATIONS", 100), 1)):
        path = short_tmp / f"mutation-{n}.json"
        path.write_bytes(data)
        result = salesd("check-config", path, timeout=60)
        assert result.rc in (0, 1), (f"{what}: check-config exited with {result.rc} "
                                     f"(negative: killed by a signal)\n{result.output[-3000:]}")
        if result.rc == 1:
            invalid += 1
            assert ERROR_LINE.search(result.output), f"{what}: no `path: message` line in:\n{result.output[:2000]}"
            assert "Traceback" not in result.output and "Fatal error" not in result.output, result.output[:2000]
    assert invalid > 0, "no mutation was invalid: the mutator is broken"


def test_reload_of_invalid_mutations_keeps_the_old_plan(make_daemon, repo):
    """Reloading an invalid mutation exits 1; the daemon keeps answering with the old plan."""
    example_text = (repo / "config.example.json").read_text()
    daemon = start_daemon(make_daemon, example_text)

    # A coming Tuesday: the example plans several actions then, and has no day off on one.
    today = datetime.date.today()
    tuesday = (today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)).isoformat()

    def plan_today():
        return [(a["action"], a["target"], a["at"]) for a in daemon.call("Today", day=tuesday)["actions"]]

    original = plan_today()
    assert original, f"the example plan has no actions on Tuesday {tuesday}"
    reloads = env_int("SALESD_CONFIG_RELOADS", 20)
    tried = 0
    for what, data in mutations(repo, reloads * 4, 2):
        if tried == reloads:
            break
        daemon.config_path.with_suffix(".tmp").write_bytes(data)
        daemon.config_path.with_suffix(".tmp").replace(daemon.config_path)
        check = run_salesd(daemon.binary, ["check-config", str(daemon.config_path)], daemon.env)
        if check.rc != 1:
            continue  # still valid: reloading it would change the plan on purpose
        tried += 1
        result = daemon.ctl("reload")
        assert result.rc == 1, f"{what}: ctl reload exited {result.rc} for a config check-config refuses:\n" \
                               f"{result.output[:2000]}"
        assert ERROR_LINE.search(result.output), f"{what}: reload named no `path: message`:\n{result.output[:2000]}"
        assert daemon.running, f"{what}: the daemon died on reload; stderr:\n{daemon.stderr()}"
        assert plan_today() == original, f"{what}: the plan changed after a refused reload"
    assert tried == reloads, f"only {tried} of {reloads} mutations were invalid"

    daemon.write_config(example_text)
    result = daemon.ctl("reload", "--json")
    assert result.rc == 0, result.output
    assert json.loads(result.stdout).get("changed") is False, \
        f"the original plan was no longer in force after the refused reloads: {result.stdout}"
    assert daemon.stop() == 0, f"salesd run did not exit 0 on SIGTERM; stderr:\n{daemon.stderr()}"
