#!/usr/bin/env bash
# Shared by the scripts that start test servers in the background.
#   await_ready PID COMMAND…   -> 0 once COMMAND succeeds (tried every 0.2 s for up to 20 s), 1 if PID exits first or time runs out

await_ready() {
    local pid=$1 i
    shift
    for i in $(seq 1 100); do
        "$@" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}
