#!/usr/bin/env bash
# Runs a command (default: the store suites) against a throwaway PostgreSQL cluster: initdb in a temp
# folder, the server on a unix socket there (no TCP), ANNALS_TEST_PG pointing at it, everything removed
# at exit. Needs Debian's postgresql package (apt-get install postgresql). initdb refuses to run as
# root, so as root the cluster runs as the postgres user.
#   bash scripts/test-postgres.sh                          # npx vitest run test/store
#   bash scripts/test-postgres.sh npx vitest run test/cli  # any command
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
tmp=$(mktemp -d /tmp/annals-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$tmp"
  as_owner=(runuser -u postgres --)
fi
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT
"${as_owner[@]}" "$bin/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-k $tmp -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"$bin/createdb" -h "$tmp" -U postgres annals
export ANNALS_TEST_PG="postgresql://postgres@/annals?host=$tmp"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $tmp (ANNALS_TEST_PG=$ANNALS_TEST_PG)"
if [ $# -eq 0 ]; then set -- npx vitest run test/store; fi
"$@"
