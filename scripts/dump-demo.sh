#!/usr/bin/env bash
# Load the demo council into a fresh database of the throwaway cluster and write it out as
# a plain SQL dump, for tests/upgrade/ to restore and migrate forward (docs/upgrades.md):
#   scripts/with-postgres.sh scripts/dump-demo.sh tests/upgrade/demo-<before what>.sql
set -euo pipefail

: "${PGTEST_BIN:?run it under scripts/with-postgres.sh, not against a real database}"
out=$(realpath -m "${1:?name the dump file, for example tests/upgrade/demo-before-layers.sql}")
cd "$(dirname "$0")/.."

# The cluster's own database name is the URL's last part; the host is a %2F-encoded socket.
url="${DATABASE_URL%/*}/bestvalue_demo_dump"
"$PGTEST_BIN/psql" -q -v ON_ERROR_STOP=1 -d "$DATABASE_URL" \
  -c "CREATE DATABASE bestvalue_demo_dump TEMPLATE template0"
DATABASE_URL=$url .venv/bin/python manage.py migrate --no-input -v 0
DATABASE_URL=$url .venv/bin/python manage.py load_demo -v 0
"$PGTEST_BIN/pg_dump" --no-owner --no-privileges -d "$url" -f "$out"
echo "Wrote $out ($(du -h "$out" | cut -f1))"
