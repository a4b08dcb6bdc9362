#!/usr/bin/env bash
# Starts or stops a real systemd-journald for the tests on a machine where systemd is not PID 1.
#
#   e2e/services/journald.sh start    # no-op when a journald already answers on the socket
#   e2e/services/journald.sh stop     # stops only a journald this script started
#   e2e/services/journald.sh status   # exit 0 when a journald answers
#
# Needs root (journald owns /run/systemd/journal and /run/log/journal).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/terminate.sh"

JOURNALD=${JOURNALD:-/lib/systemd/systemd-journald}
SOCKET=/run/systemd/journal/socket
STATE_DIR=${SALESD_TEST_SERVICES_DIR:-/run/salesd-tests}
PID_FILE=$STATE_DIR/journald.pid
LOG_FILE=$STATE_DIR/journald.log
TIMEOUT_SECONDS=10

# True when something receives datagrams on the journal socket. The socket file alone says
# nothing: /run may be on disk here, so a dead journald leaves its socket file behind.
answers() {
    [[ -S $SOCKET ]] || return 1
    python3 - "$SOCKET" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.connect(sys.argv[1])
EOF
}

started_pid() {
    [[ -f $PID_FILE ]] || return 1
    local pid
    pid=$(cat "$PID_FILE")
    # The name check keeps a stale pid file from pointing at an unrelated process.
    [[ -n $pid ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == systemd-journal* ]] && echo "$pid"
}

start() {
    if answers; then
        echo "journald: already running ($SOCKET answers)"
        return 0
    fi
    if [[ ! -x $JOURNALD ]]; then
        echo "journald: $JOURNALD not found (install it: apt-get install -y systemd)" >&2
        return 1
    fi
    # A journald this script started that no longer answers (its socket file was removed)
    # would keep writing the same journal files as the new one: stop it first.
    if started_pid >/dev/null; then
        stop
    fi
    mkdir -p "$STATE_DIR"
    rm -f "$SOCKET"    # a stale socket file of a journald that is gone
    setsid "$JOURNALD" >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    local deadline=$((SECONDS + TIMEOUT_SECONDS))
    until answers; do
        if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
            echo "journald: exited during start; its output:" >&2
            cat "$LOG_FILE" >&2
            rm -f "$PID_FILE"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            echo "journald: $SOCKET did not answer within ${TIMEOUT_SECONDS}s (see $LOG_FILE)" >&2
            return 1
        fi
        sleep 0.05
    done
    echo "journald: started (pid $(cat "$PID_FILE"), socket $SOCKET)"
}

stop() {
    local pid
    if ! pid=$(started_pid); then
        rm -f "$PID_FILE"
        echo "journald: none started by this script is running"
        return 0
    fi
    if ! terminate "$pid" "$TIMEOUT_SECONDS"; then
        echo "journald: pid $pid did not stop within ${TIMEOUT_SECONDS}s after SIGTERM" >&2
        return 1
    fi
    rm -f "$PID_FILE"
    echo "journald: stopped (pid $pid)"
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status)
        if answers; then echo "journald: running"; else echo "journald: not running"; exit 1; fi
        ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
