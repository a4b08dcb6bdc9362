"""What the kernel says about a process: context switches per thread, memory from smaps_rollup."""

import os


def context_switches(pid):
    """{tid: (name, voluntary + nonvoluntary switches)} for every thread of `pid` now."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except FileNotFoundError:
            continue  # the thread ended while we listed them
        switches = int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"])
        threads[int(tid)] = (fields["Name"].strip(), switches)
    return threads


def wakeups(before, after):
    """Switches between two `context_switches` snapshots, summed over threads.

    A thread that ended in between takes its switches with it; it is listed in `ended` so the
    report can say so. A thread that started in between counts from zero.
    """
    total = 0
    per_thread = {}
    for tid, (name, count) in after.items():
        delta = count - before.get(tid, (name, 0))[1]
        per_thread[f"{name}/{tid}"] = delta
        total += delta
    ended = sorted(f"{name}/{tid}" for tid, (name, _) in before.items() if tid not in after)
    started = sorted(f"{name}/{tid}" for tid, (name, _) in after.items() if tid not in before)
    return {"total": total, "threads": len(after), "per_thread": per_thread, "ended": ended, "started": started}


def memory(pid):
    """Rss, Pss and Private_Dirty of `pid` in KiB, from /proc/PID/smaps_rollup."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss", "Private_Dirty", "Private_Clean", "Anonymous"):
                values[key] = int(rest.split()[0])
    return values


def memory_by_mapping(pid, binary):
    """Where the RSS and Private_Dirty of `pid` are, in KiB, from /proc/PID/smaps, by kind of mapping.

    The executable's mappings by permission (code; read-only data, which holds the pointers the
    loader relocated at start; writable data), the anonymous mapping right after it (.bss), the
    heap, the shared libraries together, and the rest (stacks, thread stacks, allocator arenas).
    """
    binary = os.path.realpath(binary)
    kinds = {}
    kind = None
    previous_was_binary = False
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and ":" not in fields[0]:
                perms = fields[1]
                name = fields[5] if len(fields) > 5 else ""
                if name and os.path.realpath(name) == binary:
                    kind = {"r-xp": "salesd: code", "r--p": "salesd: read-only data (relocated pointers and constants)",
                            "rw-p": "salesd: writable data"}.get(perms, "salesd: other")
                    previous_was_binary = True
                    kinds.setdefault(kind, [0, 0])
                    continue
                if not name and previous_was_binary and perms == "rw-p":
                    kind = "salesd: .bss (zero-filled data)"
                elif name == "[heap]":
                    kind = "heap (malloc)"
                elif name.startswith("/"):
                    kind = "shared libraries (libc, libsqlite3, libsystemd, libstdc++ …)"
                else:
                    kind = "stacks, thread stacks, arenas, other"
                previous_was_binary = False
                kinds.setdefault(kind, [0, 0])
            elif kind and fields[0] == "Rss:":
                kinds[kind][0] += int(fields[1])
            elif kind and fields[0] == "Private_Dirty:":
                kinds[kind][1] += int(fields[1])
    return sorted(([name, rss, dirty] for name, (rss, dirty) in kinds.items()), key=lambda row: -row[1])
