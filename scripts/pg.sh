#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and benchmarks.
#   eval "$(scripts/pg.sh start)"   → exports PASSERELLE_TEST_PG (connection string) and PG_DIR
#   scripts/pg.sh stop "$PG_DIR"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
case "${1:-}" in
  start)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then echo "echo 'PostgreSQL server binaries not found' >&2; false"; exit 1; fi
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres >&2
    dir=$(mktemp -d /tmp/passerelle-pg.XXXXXX)
    # A half-started cluster is never left behind: on any failure below it is stopped and removed.
    trap 'runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"' ERR
    chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    echo "$password" > "$dir/pw"; chown postgres "$dir/pw"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" --no-sync -A scram-sha-256 -E UTF8 --locale=C.UTF-8 -U postgres --pwfile="$dir/pw" >&2
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 180 -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2 \
      || { echo "PostgreSQL n'a pas démarré en 3 minutes :" >&2; tail -n 20 "$dir/log" >&2; false; }
    trap - ERR
    echo "export PG_DIR='$dir'"
    echo "export PASSERELLE_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres'"
    ;;
  stop)
    dir=${2:?dir}
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: scripts/pg.sh start|stop DIR" >&2; exit 2 ;;
esac
