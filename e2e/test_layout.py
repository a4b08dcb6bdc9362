"""The package's layout says what depends on what: each target declares exactly the modules its
files import, and `salesd ctl` depends on the contract, not on the daemon or the scoreboard.

Read from SwiftPM's own view of the manifest (`swift package dump-package`) and from the files.
"""

import json
import os
import re
import subprocess

import pytest

IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+)?import\s+(\w+)", re.M)
# The toolchain's and the system's modules, which no manifest declares.
PLATFORM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Darwin", "Dispatch",
            "XCTest", "Testing", "Synchronization", "_Concurrency"}
# What `salesd ctl` is made of: its verbs, their options and client, and the texts they print.
CTL_FILE = re.compile(r"^(Ctl.*|ControlClient|.*Text)\.swift$")


@pytest.fixture(scope="module")
def manifest(repo):
    scratch = os.environ.get("SALESD_SCRATCH") or str(repo / ".build")
    result = subprocess.run(["swift", "package", "--scratch-path", scratch, "dump-package"], cwd=repo,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def target_folder(repo, target):
    if target.get("path"):
        return repo / target["path"]
    return repo / ("Tests" if target["type"] == "test" else "Sources") / target["name"]


def imports(folder, only=None):
    found = {}
    for file in sorted(folder.rglob("*.swift")):
        if only is None or only.match(file.name):
            for module in IMPORT.findall(file.read_text()):
                found.setdefault(module, []).append(file.name)
    return found


def declared(target):
    names = set()
    for dependency in target["dependencies"]:
        for kind, value in dependency.items():
            names.add(value[0] if kind in ("byName", "target", "product") else value)
    return names


def test_every_target_declares_what_it_imports_and_imports_what_it_declares(repo, manifest):
    problems = []
    for target in manifest["targets"]:
        if target["type"] == "system":
            continue
        used = imports(target_folder(repo, target))
        modules = set(used) - PLATFORM
        wanted = declared(target)
        for module in sorted(modules - wanted):
            problems.append(f"{target['name']} imports {module} ({', '.join(used[module][:3])}) without declaring it")
        for module in sorted(wanted - modules):
            problems.append(f"{target['name']} declares {module} but no file imports it")
    assert problems == []


def test_ctl_depends_on_the_contract_not_on_the_daemon_or_the_scoreboard(repo):
    used = imports(repo / "Sources" / "salesd", only=CTL_FILE)
    assert "SalesContract" in used
    assert {module: files for module, files in used.items() if module in ("SalesDaemon", "SalesScore")} == {}
