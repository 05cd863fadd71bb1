#!/usr/bin/env bash
# A PostgreSQL cluster of its own with pg_cron, for the end-to-end tests: created in a fresh
# directory, on its own port, never touching the machine's main cluster.
#   pg-cron-cluster.sh start DIR PORT   creates (if needed) and starts it; database syncline with pg_cron
#   pg-cron-cluster.sh stop DIR
# Needs Debian's postgresql-15-cron (or pg_cron built for the installed server version).
set -euo pipefail
action=$1 dir=$2 port=${3:-}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# initdb and the server refuse to run as root: as root, the cluster belongs to the postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if ! ls "$(dirname "$bin")"/lib/pg_cron.so >/dev/null 2>&1; then
      echo "pg_cron is not installed for $(basename "$(dirname "$bin")"): apt-get install postgresql-$(basename "$(dirname "$bin")")-cron" >&2
      exit 1
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_cron -c cron.database_name=syncline -c max_connections=200" start >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc "select 1 from pg_database where datname = 'syncline'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database syncline"
    psql -h 127.0.0.1 -p "$port" -U postgres -d syncline -qc "create extension if not exists pg_cron"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
