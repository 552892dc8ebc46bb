#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1:55432 for CI (root only). start prints the DATABASE_URL.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGDIR="${PGDIR:-/tmp/leitplanke-ci-pg}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
case "${1:-start}" in
start)
  rm -rf "$PGDIR" && mkdir -p "$PGDIR" && chown postgres:postgres "$PGDIR"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
  ;;
stop)
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null || true
  rm -rf "$PGDIR"
  ;;
esac
