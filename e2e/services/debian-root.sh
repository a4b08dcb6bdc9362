#!/usr/bin/env bash
# A clean Debian 12 root (debootstrap --variant=minbase, plus systemd so it can boot), kept as a
# tarball outside the checkout so a fresh clone (CI) finds it again, for the package tests.
#
#   e2e/services/debian-root.sh ensure TARBALL    # builds TARBALL when missing; prints its path
#   e2e/services/debian-root.sh unpack TARBALL DIR  # a fresh copy of the root in DIR
#   e2e/services/debian-root.sh derive BASE TARBALL PACKAGE…  # BASE plus packages (no
#                                                   # recommends), built when missing
#
# Nothing of the build machine goes in: no Swift, no salesd, no test tools. The root gets its
# package lists (apt-get update) at build time, so `apt install ./salesd_….deb` inside it finds
# the package's dependencies. The mirror is the one this machine's apt uses, unless MIRROR is set.
# Needs root, debootstrap and zstd.
set -euo pipefail

SUITE=${SUITE:-bookworm}
# systemd (and its init) to boot the root with systemd-nspawn; dbus for the user's session bus.
INCLUDE=${INCLUDE:-systemd,systemd-sysv,dbus,dbus-user-session}

# The first Debian mirror in this machine's apt sources (deb822 or one-line form).
host_mirror() {
    local file uri
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f $file ]] || continue
        uri=$(awk 'tolower($1)=="uris:" && $2 ~ /debian\/?$/ {print $2; exit}' "$file")
        [[ -n $uri ]] && { echo "$uri"; return; }
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f $file ]] || continue
        uri=$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' "$file")
        [[ -n $uri ]] && { echo "$uri"; return; }
    done
}

ensure() {
    local tarball=$1
    if [[ -s $tarball ]]; then
        echo "$tarball"
        return 0
    fi
    local mirror=${MIRROR:-$(host_mirror)}
    mkdir -p "$(dirname "$tarball")"
    # Global, for the exit trap: a half-built root never stays behind.
    work=$(mktemp -d "$(dirname "$tarball")/.build-XXXXXX")
    trap 'rm -rf "$work"' EXIT
    echo "debian-root: debootstrap $SUITE (minbase + $INCLUDE) from ${mirror:-the default mirror}" >&2
    debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$work/root" ${mirror:+"$mirror"} \
        >"$work/debootstrap.log" 2>&1 || {
        tail -n 30 "$work/debootstrap.log" >&2
        echo "debian-root: debootstrap failed (log above)" >&2
        exit 1
    }
    # Package lists for apt inside the root; resolv.conf only while updating.
    cp /etc/resolv.conf "$work/root/etc/resolv.conf"
    chroot "$work/root" apt-get update -qq >&2
    chroot "$work/root" apt-get clean
    : >"$work/root/etc/resolv.conf"
    # A machine id for the booted root's journal and user manager.
    chroot "$work/root" systemd-machine-id-setup >/dev/null 2>&1 || true
    tar --numeric-owner --xattrs -C "$work/root" -cf - . | zstd -q -T0 -3 -o "$work/root.tar.zst"
    mv "$work/root.tar.zst" "$tarball"
    echo "$tarball"
}

unpack() {
    local tarball=$1 dir=$2
    mkdir -p "$dir"
    zstd -q -dc "$tarball" | tar --numeric-owner --xattrs -C "$dir" -xf -
}

derive() {
    local base=$1 tarball=$2
    shift 2
    if [[ -s $tarball ]]; then
        echo "$tarball"
        return 0
    fi
    ensure "$base" >/dev/null
    mkdir -p "$(dirname "$tarball")"
    work=$(mktemp -d "$(dirname "$tarball")/.build-XXXXXX")
    trap 'rm -rf "$work"' EXIT
    echo "debian-root: $base plus $*" >&2
    unpack "$base" "$work/root"
    cp /etc/resolv.conf "$work/root/etc/resolv.conf"
    chroot "$work/root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
        >"$work/apt.log" 2>&1 || {
        tail -n 30 "$work/apt.log" >&2
        echo "debian-root: installing $* failed (log above)" >&2
        exit 1
    }
    chroot "$work/root" apt-get clean
    : >"$work/root/etc/resolv.conf"
    tar --numeric-owner --xattrs -C "$work/root" -cf - . | zstd -q -T0 -3 -o "$work/root.tar.zst"
    mv "$work/root.tar.zst" "$tarball"
    echo "$tarball"
}

case ${1:-} in
ensure) ensure "${2:?tarball path}" ;;
unpack) unpack "${2:?tarball path}" "${3:?folder}" ;;
derive) derive "${2:?base tarball}" "${3:?tarball path}" "${@:4}" ;;
*)
    echo "usage: $0 ensure TARBALL | unpack TARBALL DIR | derive BASE TARBALL PACKAGE…" >&2
    exit 2
    ;;
esac
