#!/usr/bin/env bash
# Starts or stops a private PostgreSQL cluster on a loopback port, for tests and benchmarks.
#   source scripts/postgres.sh; pg_start [port]   -> exports HERALD_TEST_POSTGRES_URL; pg_stop
# Installs Debian's postgresql package if it is missing. Never touches a system PostgreSQL service.

pg_bin() {
    local initdb
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$initdb" ]; then
        echo "PostgreSQL not found: installing Debian's postgresql package" >&2
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
        initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
    fi
    dirname "$initdb"
}

# Runs a command as the cluster owner: PostgreSQL refuses to run as root.
pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    local port=${1:-55432} bin
    bin=$(pg_bin) || return 1
    PG_DIR=$(mktemp -d /tmp/herald-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U herald --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200 -c shared_buffers=256MB" start >/dev/null \
        || { cat "$PG_DIR/server.log" >&2; return 1; }
    pg_as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U herald herald >/dev/null
    export PG_BIN=$bin PG_DIR PG_PORT=$port
    export HERALD_TEST_POSTGRES_URL="postgres://herald@127.0.0.1:$port/herald"
    echo "PostgreSQL running on 127.0.0.1:$port ($PG_DIR)" >&2
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    unset PG_DIR
}
