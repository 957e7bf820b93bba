#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster in a temporary directory, then remove
# it. With DATABASE_URL already set, run the command against that database instead.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

bindir=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
dir=$(mktemp -d /tmp/bestvalue-pg.XXXXXX)
port=${PGTEST_PORT:-54329}

as_owner() {
  # PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
chmod 700 "$dir"
as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Unix socket only: nothing listens on the network.
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
  "-c listen_addresses='' -k $dir -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
[ "$(id -u)" -eq 0 ] && chmod 755 "$dir"

export DATABASE_URL="postgresql://postgres@%2F${dir//\//%2F}:$port/postgres"
# Where the cluster is, for bench/faults.py, which restarts it under load.
export PGTEST_DATA="$dir/data" PGTEST_BIN="$bindir"
"$@"
