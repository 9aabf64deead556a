#!/usr/bin/env bash
# Starts or stops the test SMTP servers (scripts/smtp_server.py, on aiosmtpd) on three loopback ports.
#   source scripts/smtp.sh; smtp_start [first-port]   -> exports HERALD_TEST_SMTP_*; smtp_stop
# Installs aiosmtpd from PyPI with pip if missing. Makes a throwaway self-signed certificate (never committed)
# for 127.0.0.1 and localhost in a temporary folder, which also holds the spool of received messages.

source "$(dirname "${BASH_SOURCE[0]}")/await.sh"

smtp_answers() {
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), timeout=1).close()" 2>/dev/null
}

smtp_start() {
    local port=${1:-55525} p
    if ! python3 -c "import aiosmtpd" 2>/dev/null; then
        echo "aiosmtpd not found: installing it with pip" >&2
        python3 -m pip install --quiet aiosmtpd >&2 || return 1
    fi
    for p in "$port" $((port + 1)) $((port + 2)); do
        if smtp_answers "$p"; then
            echo "something already answers on 127.0.0.1:$p: set HERALD_TEST_SMTP_PORT to a free port" >&2
            return 1
        fi
    done
    command -v openssl >/dev/null || { apt-get update -qq && apt-get install -y -qq openssl; } >&2 || return 1
    SMTP_DIR=$(mktemp -d /tmp/herald-smtp.XXXXXX)
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$SMTP_DIR/key.pem" -out "$SMTP_DIR/cert.pem" 2>/dev/null || { echo "openssl failed" >&2; return 1; }
    local password
    password=$(python3 -c "import secrets; print(secrets.token_hex(8))")
    python3 "$(dirname "${BASH_SOURCE[0]}")/smtp_server.py" --spool "$SMTP_DIR/spool" \
        --plain "$port" --starttls $((port + 1)) --tls $((port + 2)) \
        --cert "$SMTP_DIR/cert.pem" --key "$SMTP_DIR/key.pem" --user herald --password "$password" \
        >"$SMTP_DIR/server.log" 2>&1 &
    SMTP_PID=$!
    if await_ready "$SMTP_PID" grep -q ready "$SMTP_DIR/server.log"; then
        export SMTP_PID SMTP_DIR \
            HERALD_TEST_SMTP_PLAIN_PORT="$port" HERALD_TEST_SMTP_STARTTLS_PORT=$((port + 1)) \
            HERALD_TEST_SMTP_TLS_PORT=$((port + 2)) HERALD_TEST_SMTP_CA="$SMTP_DIR/cert.pem" \
            HERALD_TEST_SMTP_SPOOL="$SMTP_DIR/spool" HERALD_TEST_SMTP_USER=herald HERALD_TEST_SMTP_PASSWORD="$password"
        echo "SMTP test servers on 127.0.0.1:$port-$((port + 2)) (pid $SMTP_PID)" >&2
        return 0
    fi
    echo "the SMTP test servers did not start" >&2
    cat "$SMTP_DIR/server.log" >&2
    smtp_stop
    return 1
}

smtp_stop() {
    [ -n "${SMTP_PID:-}" ] || return 0
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    rm -rf "$SMTP_DIR"
    unset SMTP_PID SMTP_DIR
}
