#!/usr/bin/env bash
# Starts or stops a real `systemd --user` for a test user on a machine where systemd is not
# PID 1, so the tests can drive salesd through `systemctl --user` as a user would.
#
#   e2e/services/user-manager.sh start USER    # creates USER if missing; no-op when running
#   e2e/services/user-manager.sh stop USER     # stops the manager this script started
#   e2e/services/user-manager.sh status USER   # exit 0 when its manager says "running"
#   e2e/services/user-manager.sh run USER CMD… # runs CMD as USER with the manager's environment
#
# Needs root. `systemd --user` only starts where the system "was booted with systemd"
# (/run/systemd/system exists) and where it may write its own cgroup. Both are arranged in a
# private mount namespace (unshare -m), so nothing of this leaks into the host's /run:
#   1. /run as a mount point (as on a booted system); a tmpfs on /run/systemd holding system/
#      and unit-root/, with the real journal folder bound back in, so the manager and its
#      services log to the running journald;
#   2. user.slice/user-UID.slice/user@UID.service in every cgroup hierarchy systemd tracks
#      processes in (unified, and name=systemd on a hybrid host), owned by USER; the manager
#      moves itself there, which is also what lets journald tag entries with
#      _SYSTEMD_USER_UNIT=;
#   3. /run/user/UID (0700, USER's), the manager's runtime folder ($XDG_RUNTIME_DIR);
#   4. the manager itself, run as USER with setpriv and a clean environment.
# A journald must already be running (e2e/services/journald.sh start).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/terminate.sh"

STATE_DIR=${SALESD_TEST_SERVICES_DIR:-/run/salesd-tests}
CGROUP_ROOT=/sys/fs/cgroup
SYSTEMD=${SYSTEMD:-/lib/systemd/systemd}
TIMEOUT_SECONDS=${USER_MANAGER_TIMEOUT:-30}
SELF=$(readlink -f "$0")

die() {
    echo "user-manager: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start|stop|status USER | run USER COMMAND [ARG…]" >&2
    exit 2
}

# The cgroup folders that hold the manager: one per hierarchy systemd tracks processes in.
cgroup_dirs() {
    local uid=$1 slice="user.slice/user-$1.slice/user@$1.service"
    if [[ $(stat -fc %T "$CGROUP_ROOT") == cgroup2fs ]]; then
        echo "$CGROUP_ROOT/$slice"    # unified: one cgroup2 tree
    else
        local hierarchy
        for hierarchy in unified systemd; do    # hybrid or legacy
            [[ -d $CGROUP_ROOT/$hierarchy ]] && echo "$CGROUP_ROOT/$hierarchy/$slice"
        done
    fi
    return 0
}

user_uid() {
    id -u "$1" 2>/dev/null
}

pid_file() {
    echo "$STATE_DIR/user-manager-$1.pid"
}

log_file() {
    echo "$STATE_DIR/user-manager-$1.log"
}

started_pid() {
    local file
    file=$(pid_file "$1")
    [[ -f $file ]] || return 1
    local pid
    pid=$(cat "$file")
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Runs a command as USER with what a login session would give it: HOME, the runtime folder,
# the session bus of its manager.
run_as() {
    local user=$1
    shift
    local uid home
    uid=$(user_uid "$user") || die "no user \"$user\" (start its manager first: $0 start $user)"
    home=$(getent passwd "$user" | cut -d: -f6)
    exec setpriv --reuid="$uid" --regid="$uid" --init-groups \
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$user" LOGNAME="$user" \
        LANG="${LANG:-C.UTF-8}" XDG_RUNTIME_DIR="/run/user/$uid" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/$uid/bus" "$@"
}

system_state() {
    "$SELF" run "$1" systemctl --user show -p SystemState --value 2>/dev/null || true
}

# The part that runs inside the private mount namespace, then becomes the manager.
inner() {
    local user=$1 uid home
    uid=$(user_uid "$user")
    home=$(getent passwd "$user" | cut -d: -f6)

    # On a booted system /run is a mount of its own. Where it is only a folder, systemd takes it
    # for missing and hides it under an empty tmpfs in every unit with MountAPIVFS= (implied by
    # ProtectProc=, ProcSubset=…): the unit would no longer see the journal, the bus or its socket.
    mountpoint -q /run || mount --rbind /run /run

    local journal_aside
    journal_aside=$(mktemp -d)
    mount --bind /run/systemd/journal "$journal_aside"
    mount -t tmpfs -o mode=0755 tmpfs /run/systemd
    mkdir -p /run/systemd/system /run/systemd/journal
    # A sandboxed unit's mount namespace is assembled on this folder, which a booted system's
    # PID 1 has made; without it every such unit fails with 226/NAMESPACE.
    mkdir -m 0700 /run/systemd/unit-root
    mount --bind "$journal_aside" /run/systemd/journal
    umount "$journal_aside"
    rmdir "$journal_aside"

    local dir
    for dir in $(cgroup_dirs "$uid"); do
        mkdir -p "$dir"
        chown -R "$uid:$uid" "$dir"
        echo $$ >"$dir/cgroup.procs"
    done

    install -d -m 0700 -o "$uid" -g "$uid" "/run/user/$uid"

    exec setpriv --reuid="$uid" --regid="$uid" --init-groups \
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$user" LOGNAME="$user" \
        SHELL=/bin/sh LANG="${LANG:-C.UTF-8}" XDG_RUNTIME_DIR="/run/user/$uid" \
        "$SYSTEMD" --user --log-target=journal
}

start() {
    local user=$1
    [[ $(id -u) == 0 ]] || die "needs root (it creates cgroups and a mount namespace)"
    [[ -x $SYSTEMD ]] || die "$SYSTEMD not found (install it: apt-get install -y systemd)"
    [[ -S /run/systemd/journal/socket ]] ||
        die "no journal socket at /run/systemd/journal/socket (start one: e2e/services/journald.sh start)"

    if ! user_uid "$user" >/dev/null; then
        useradd --create-home --shell /bin/bash --user-group "$user"
        echo "user-manager: created user $user"
    fi
    local uid
    uid=$(user_uid "$user")

    if pid=$(started_pid "$user"); then
        echo "user-manager: already running for $user (pid $pid)"
        return 0
    fi

    mkdir -p "$STATE_DIR"
    local log
    log=$(log_file "$user")
    setsid unshare --mount --propagation private "$SELF" _inner "$user" >"$log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$(pid_file "$user")"

    local deadline=$((SECONDS + TIMEOUT_SECONDS)) state=""
    until [[ $state == running ]]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$(pid_file "$user")"
            remove_cgroups "$uid"
            die "systemd --user for $user exited during start; its output:
$(cat "$log")"
        fi
        if ((SECONDS >= deadline)); then
            die "systemd --user for $user (pid $pid) not running within ${TIMEOUT_SECONDS}s" \
                "(SystemState: ${state:-no answer}); see $log"
        fi
        sleep 0.1    # poll interval: the manager has no readiness signal for an outsider
        state=$(system_state "$user")
    done
    echo "user-manager: systemd --user running for $user (uid $uid, pid $pid, XDG_RUNTIME_DIR=/run/user/$uid)"
}

# Removes the manager's cgroup folders, deepest first; a folder still holding processes stays.
remove_cgroups() {
    local uid=$1 dir top
    for dir in $(cgroup_dirs "$uid"); do
        top=${dir%/user-$uid.slice/*}/user-$uid.slice
        [[ -d $top ]] && { find "$top" -depth -type d -exec rmdir {} \; 2>/dev/null || true; }
        rmdir "${top%/*}" 2>/dev/null || true    # user.slice, unless another user's manager uses it
    done
    return 0
}

stop() {
    local user=$1 uid pid
    uid=$(user_uid "$user") || {
        echo "user-manager: no user $user"
        return 0
    }
    if ! pid=$(started_pid "$user"); then
        rm -f "$(pid_file "$user")"
        remove_cgroups "$uid"
        echo "user-manager: none started by this script is running for $user"
        return 0
    fi
    terminate "$pid" "$TIMEOUT_SECONDS" ||
        die "systemd --user (pid $pid) did not stop within ${TIMEOUT_SECONDS}s after SIGTERM"
    rm -f "$(pid_file "$user")"
    remove_cgroups "$uid"
    rm -rf --one-file-system "/run/user/$uid"    # as logind does when the user's last session ends
    echo "user-manager: stopped systemd --user for $user (pid $pid)"
}

(($# >= 2)) || usage
command=$1 user=$2
shift 2
case $command in
    start) start "$user" ;;
    stop) stop "$user" ;;
    status)
        state=$(system_state "$user")
        echo "user-manager: $user: ${state:-not running}"
        [[ $state == running ]]
        ;;
    run)
        (($# >= 1)) || usage
        run_as "$user" "$@"
        ;;
    _inner) inner "$user" ;;
    *) usage ;;
esac
