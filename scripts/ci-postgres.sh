#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for Chronicle's PostgreSQL tests and benches (CI and local development).
#
#   export CHRONICLE_TEST_PG="$(scripts/ci-postgres.sh start [DIR] [PORT])"   # prints only the URL
#   scripts/ci-postgres.sh stop [DIR]
#   scripts/ci-postgres.sh restart [DIR]        # stop and start the same cluster (fault tests)
#
# Idempotent: run it again and it reuses the cluster (starting it if stopped) and prints the same URL.
# Installs Debian's `postgresql` package when missing (apt-get, as root), then uses initdb and pg_ctl from
# /usr/lib/postgresql/<version>/bin, run as the `postgres` user (PostgreSQL refuses to run as root; when the
# script is not run as root it runs them as the calling user). The cluster lives in DIR (default
# /tmp/chronicle-pg), listens on 127.0.0.1:PORT (default 54329) and its socket directory is DIR; a role
# `chronicle` with a password and a database `chronicle_test` it owns are created, reached over TCP with
# password authentication (scram-sha-256), as the tests and a real deployment connect. The role has CREATEROLE
# so the fault tests can make a role without privileges. Progress goes to stderr; stdout is the URL alone.
set -euo pipefail

cmd="${1:-start}"
dir="${2:-/tmp/chronicle-pg}"
port="${3:-54329}"
password="chronicle-test"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }
bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ci-postgres: installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    bin="$(find_bin)"
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "ci-postgres: PostgreSQL is not installed (Debian: apt-get install -y postgresql)" >&2
    exit 1
  fi
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
  # An existing cluster listens where it was made to (`restart` passes no port): its URL says so.
  port="$(sed -n 's/^port = \([0-9][0-9]*\).*/\1/p' "$dir/data/postgresql.conf" | tail -n 1)"
  if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
  fi
  local psql=("$bin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'chronicle'")" != 1 ]; then
    as_pg "${psql[@]}" -d postgres -c "CREATE ROLE chronicle LOGIN CREATEROLE PASSWORD '$password'"
  fi
  if [ "$(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'chronicle_test'")" != 1 ]; then
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
