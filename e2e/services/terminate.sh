# Sourced by journald.sh and user-manager.sh.

# Sends SIGTERM to pid $1 and waits for it to end; fails when it still runs after $2 seconds.
terminate() {
    local pid=$1 deadline=$((SECONDS + $2))
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.05
    done
}
