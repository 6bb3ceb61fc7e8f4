#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for Chronicle's PostgreSQL tests and benches (CI and local development).
#
#   scripts/pg-test-cluster.sh start [DIR] [PORT]   # prints the URL to export as CHRONICLE_TEST_PG
#   scripts/pg-test-cluster.sh stop [DIR]
#   scripts/pg-test-cluster.sh restart [DIR]        # stop and start the same cluster (fault tests, by hand)
#
# Uses Debian's `postgresql` package (apt-get install -y postgresql): initdb and pg_ctl from
# /usr/lib/postgresql/<version>/bin, run as the `postgres` user (PostgreSQL refuses to run as root; when the
# script is not run as root it runs them as the calling user). The cluster lives in DIR (default
# /tmp/chronicle-pg), listens on 127.0.0.1:PORT (default 54329) and its socket directory is DIR; a role
# `chronicle` with a password and a database `chronicle_test` it owns are created, reached over TCP with
# password authentication (scram-sha-256), as the tests and a real deployment connect.
set -euo pipefail

cmd="${1:-start}"
dir="${2:-/tmp/chronicle-pg}"
port="${3:-54329}"
password="chronicle-test"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test-cluster: PostgreSQL is not installed (Debian: apt-get install -y postgresql)" >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
}

start() {
  if [ ! -d "$dir/data" ]; then
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    local pwfile="$dir/superuser.pw"
    as_pg bash -c "umask 077; echo '$password' > '$pwfile'"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg bash -c "cat >> '$dir/data/postgresql.conf'" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
fsync = on
EOF
  fi
  if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
  fi
  local psql=("$bin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'chronicle'")" != 1 ]; then
    as_pg "${psql[@]}" -d postgres -c "CREATE ROLE chronicle LOGIN PASSWORD '$password'"
    as_pg "${psql[@]}" -d postgres -c "CREATE DATABASE chronicle_test OWNER chronicle"
  fi
  echo "postgres://chronicle:$password@127.0.0.1:$port/chronicle_test"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  restart) stop && start >/dev/null ;;
  *)
    echo "usage: $0 start|stop|restart [DIR] [PORT]" >&2
    exit 2
    ;;
esac
