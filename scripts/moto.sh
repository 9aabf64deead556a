#!/usr/bin/env bash
# Starts or stops a private moto_server (AWS SES/SNS/SQS fake) on a loopback port, for the HeraldAWS integration tests.
#   source scripts/moto.sh; moto_start [port]   -> exports HERALD_TEST_AWS_ENDPOINT; moto_stop
# Installs moto[server] from PyPI with pip if moto_server is missing. Listens on 127.0.0.1 only.

source "$(dirname "${BASH_SOURCE[0]}")/await.sh"

moto_answers() {
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$1/moto-api/data.json', timeout=1)" 2>/dev/null
}

moto_start() {
    local port=${1:-55500}
    if ! command -v moto_server >/dev/null; then
        echo "moto_server not found: installing moto[server] with pip" >&2
        python3 -m pip install --quiet 'moto[server]' >&2 || return 1
        hash -r
    fi
    if moto_answers "$port"; then
        echo "something already answers on 127.0.0.1:$port: set HERALD_TEST_MOTO_PORT to a free port" >&2
        return 1
    fi
    MOTO_LOG=$(mktemp /tmp/herald-moto.XXXXXX)
    moto_server -H 127.0.0.1 -p "$port" >"$MOTO_LOG" 2>&1 &
    MOTO_PID=$!
    if await_ready "$MOTO_PID" moto_answers "$port"; then
        export MOTO_PID MOTO_LOG HERALD_TEST_AWS_ENDPOINT="http://127.0.0.1:$port"
        echo "moto_server running on 127.0.0.1:$port (pid $MOTO_PID)" >&2
        return 0
    fi
    echo "moto_server did not answer on 127.0.0.1:$port" >&2
    cat "$MOTO_LOG" >&2
    moto_stop
    return 1
}

moto_stop() {
    [ -n "${MOTO_PID:-}" ] || return 0
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
    rm -f "$MOTO_LOG"
    unset MOTO_PID MOTO_LOG
}
