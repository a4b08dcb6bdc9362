"""The Debian package: built by `make deb`, checked by lintian, installed with apt into a clean
Debian 12 root without Swift, and used there under that root's own systemd (systemd-nspawn -b):
`salesd --version`, `salesd check-config`, and the daemon through `salesd ctl status`, started by
the packaged units under a new user's real `systemd --user`.

The clean root is a debootstrap tarball kept outside the checkout ($SALESD_DEB_TEST_ROOT, the
Makefile's DEB_TEST_ROOT), built by e2e/services/debian-root.sh when missing.
"""

import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ROOT_SCRIPT = REPO / "e2e" / "services" / "debian-root.sh"
INSIDE = REPO / "e2e" / "deb_inside.sh"
# What deb_inside.sh and gnome_inside.sh share; they source it from beside themselves.
INSIDE_STEPS = REPO / "e2e" / "inside_steps.sh"
DEFAULT_ROOT_CACHE = "/var/cache/salesd-test/bookworm-root.tar.zst"
BOOT_TIMEOUT = 600

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="debootstrap and systemd-nspawn need root")


def log(message):
    print(f"[deb] {message}", flush=True)


def run(command, timeout=1800, **kwargs):
    log(f"# {' '.join(map(str, command))}")
    started = time.monotonic()
    completed = subprocess.run(list(map(str, command)), capture_output=True, text=True, timeout=timeout, **kwargs)
    log(f"    exit {completed.returncode} in {time.monotonic() - started:.1f}s")
    return completed


@pytest.fixture(scope="module")
def deb():
    """The package make test built ($SALESD_DEB), else the one `make deb` writes now."""
    built = os.environ.get("SALESD_DEB")
    if built and Path(built).is_file():
        log(f"    {built} (built by make test): {Path(built).stat().st_size / 1e6:.1f} MB")
        return Path(built)
    completed = run(["make", "--no-print-directory", "-C", REPO, "deb"])
    assert completed.returncode == 0, f"make deb failed:\n{completed.stdout}{completed.stderr}"
    found = re.search(r"^deb: (\S+\.deb) ", completed.stdout, re.M)
    assert found, f"make deb named no package:\n{completed.stdout}"
    path = Path(found.group(1))
    if not path.is_absolute():
        path = REPO / path
    log(f"    {path.name}: {path.stat().st_size / 1e6:.1f} MB")
    return path


@pytest.fixture(scope="module")
def clean_root(tmp_path_factory):
    """A fresh copy of the clean Debian 12 root, from the cached tarball (built when missing)."""
    cache = os.environ.get("SALESD_DEB_TEST_ROOT") or DEFAULT_ROOT_CACHE
    started = time.monotonic()
    completed = run([ROOT_SCRIPT, "ensure", cache])
    assert completed.returncode == 0, f"could not make the clean root:\n{completed.stderr}"
    log(f"    clean root tarball ready in {time.monotonic() - started:.1f}s: {cache}")
    folder = Path(tempfile.mkdtemp(prefix="salesd-debroot-", dir="/var/tmp"))
    started = time.monotonic()
    completed = run([ROOT_SCRIPT, "unpack", cache, folder / "root"])
    assert completed.returncode == 0, completed.stderr
    log(f"    unpacked in {time.monotonic() - started:.1f}s")
    yield folder / "root"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def booted(deb, clean_root):
    """Boots the clean root once with the package and deb_inside.sh; returns its step results."""
    return boot_with(clean_root, deb, INSIDE, "deb")


def boot_with(root, deb, script, name):
    """Boots `root` (systemd-nspawn -b) with `deb` and `script` in /salesd-test, the script run
    as the boot's last unit; returns {step: (exit code, output)} of what it recorded."""
    stage = root / "salesd-test"
    stage.mkdir()
    shutil.copy(deb, stage / deb.name)
    shutil.copy(script, stage / "inside.sh")
    shutil.copy(INSIDE_STEPS, stage / INSIDE_STEPS.name)
    unit = root / "etc" / "systemd" / "system" / "salesd-test.service"
    unit.write_text("[Unit]\nDescription=salesd package test\nAfter=multi-user.target network.target\n"
                    "[Service]\nType=oneshot\nExecStart=/salesd-test/inside.sh\n"
                    "StandardOutput=journal+console\n[Install]\nWantedBy=multi-user.target\n")
    wants = unit.parent / "multi-user.target.wants"
    wants.mkdir(exist_ok=True)
    (wants / unit.name).symlink_to(unit)
    # No terminal: the console goes to the log. The host's network, so apt can fetch the
    # package's dependencies from the mirror the root was made from.
    command = ["systemd-nspawn", "--boot", "--quiet", "--register=no", "--keep-unit", "--console=pipe",
               "--resolv-conf=copy-host", "--timezone=copy", "-D", root, f"--machine=salesd-{name}test"]
    completed = run(command, timeout=BOOT_TIMEOUT, stdin=subprocess.DEVNULL)
    (artifacts() / f"{name}-boot.log").write_text(completed.stdout + completed.stderr)
    out = stage / "out"
    results = {}
    for rc in sorted(out.glob("*.rc")):
        results[rc.stem] = (int(rc.read_text().strip() or -1), (out / f"{rc.stem}.out").read_text(errors="replace"))
    for step_name, (code, text) in results.items():
        log(f"  [{step_name}] exit {code}")
        for line in text.splitlines()[-15:]:
            log(f"      {line}")
    assert (out / "finished").exists(), (
        f"the test script in the booted root did not finish (see test-artifacts/{name}-boot.log):\n"
        f"{completed.stdout[-3000:]}{completed.stderr[-3000:]}")
    return results


def artifacts():
    path = Path(os.environ.get("SALESD_TEST_ARTIFACTS") or REPO / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def contents(deb):
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True)
    return {line.split()[-1].lstrip(".") for line in listing.stdout.splitlines() if not line.startswith("d")}


def field(deb, name):
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def step(results, name):
    assert name in results, f"step {name} did not run in the booted root: {sorted(results)}"
    return results[name]


# The package itself


def test_package_holds_what_install_installs_under_usr(deb):
    """The .deb has the binary, user units, catalog, completions, man page, desktop file and icon."""
    files = contents(deb)
    for path in ["/usr/bin/salesd", "/usr/bin/salesctl", "/usr/share/man/man1/salesctl.1.gz", "/usr/lib/systemd/user/salesd.service", "/usr/lib/systemd/user/salesd.socket",
                 "/usr/lib/systemd/user/salesd-failed.service",
                 "/usr/lib/systemd/catalog/salesd.catalog", "/usr/share/bash-completion/completions/salesd",
                 "/usr/share/zsh/vendor-completions/_salesd", "/usr/share/fish/vendor_completions.d/salesd.fish",
                 "/usr/share/man/man1/salesd.1.gz", "/usr/share/applications/salesd.desktop",
                 "/usr/share/icons/hicolor/scalable/apps/salesd.svg", "/usr/share/doc/salesd/copyright",
                 "/usr/share/doc/salesd/changelog.gz"]:
        assert path in files, f"{path} missing from {deb.name}: {sorted(files)}"
    assert deb.name == f"salesd_{field(deb, 'Version')}_{field(deb, 'Architecture')}.deb"


def test_depends_come_from_the_binarys_shared_libraries_and_name_no_swift(deb):
    """dpkg-shlibdeps' Depends: libc, libsystemd and libsqlite3, and nothing of Swift."""
    depends = field(deb, "Depends")
    log(f"    Depends: {depends}")
    names = {re.match(r"\s*([a-z0-9.+-]+)", part).group(1) for part in depends.split(",")}
    assert {"libc6", "libsystemd0", "libsqlite3-0"} <= names, depends
    assert not any("swift" in name for name in names), depends


def test_units_in_the_package_run_the_packaged_binary(deb, tmp_path):
    """The packaged salesd.service starts /usr/bin/salesd, not a path in the home."""
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tmp_path)], check=True)
    unit = (tmp_path / "usr/lib/systemd/user/salesd.service").read_text()
    assert "ExecStart=/usr/bin/salesd run" in unit and "%h/.local/bin" not in unit


def test_lintian_finds_no_error_or_warning(deb):
    """lintian reports no error and no warning; every tag it gives is shown in the log."""
    completed = run(["lintian", "--info", "--display-info", str(deb)], timeout=600)
    output = completed.stdout + completed.stderr
    (artifacts() / "lintian.txt").write_text(output)
    for line in output.splitlines():
        log(f"    {line}")
    tags = [line for line in output.splitlines() if re.match(r"^[EW]: ", line)]
    assert tags == [], "lintian:\n" + "\n".join(tags)


# Installed into a clean Debian 12, without Swift


def test_root_has_no_swift_and_apt_installs_the_package_with_its_dependencies(booted):
    """apt installs the .deb into the clean root and pulls its Depends; Swift is nowhere there."""
    assert step(booted, "swift-absent")[0] == 0, step(booted, "swift-absent")[1]
    code, text = step(booted, "apt-install")
    assert code == 0, text
    status = step(booted, "dpkg-status")[1]
    assert status.startswith("install ok installed"), status


def test_installed_binary_runs_version_and_check_config(booted):
    """`salesd --version` and `salesd check-config` (the built-in plan) work there."""
    code, text = step(booted, "version")
    assert code == 0 and re.fullmatch(r"\d+\.\d+\.\d+\s*", text), text
    code, text = step(booted, "check-config")
    assert code == 0, text
    assert "next" in text.lower() and "connect" in text.lower(), text


def test_daemon_starts_from_the_packaged_socket_under_systemd_user_and_answers_ctl_status(booted):
    """A new user's real `systemd --user` starts salesd.service from the packaged socket on the
    first `salesd ctl status`, which answers with the daemon's pid and next reminder."""
    assert step(booted, "user-manager")[1].strip() in ("running", "degraded"), step(booted, "user-manager")
    # The one change made to the packaged units there, and only for nspawn's FIFO /proc/kmsg
    # (see deb_inside.sh).
    log(f"    /proc/kmsg in the container: {step(booted, 'kmsg')[1].strip()}")
    code, text = step(booted, "enable")
    assert code == 0, text
    code, text = step(booted, "ctl-status")
    assert code == 0, text
    assert re.search(r"daemon:\s+pid \d+ · salesd \d", text), text
    assert "next reminder:" in text, text
    state = step(booted, "service-state")[1]
    assert "ActiveState=active" in state and "TriggeredBy=salesd.socket" in state, state
    assert "path=/usr/bin/salesd" in state, state
