# Sourced by scripts/test and scripts/bench: start_throwaway_postgres starts a PostgreSQL 15 server
# in a fresh temporary directory, listening only on a unix socket there (so no port can clash),
# exports JOINTBUY_TEST_PG_HOST/PORT/USER for the tests, and registers its own removal on exit,
# failure and Ctrl-C. As root, the server runs as the unprivileged 'postgres' user (initdb refuses root).

pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""

as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_throwaway_postgres() {
  [ -n "$pg_dir" ] || return 0
  as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}

# start_throwaway_postgres [durable]: with "durable", fsync stays on (benchmarks measure real commits).
start_throwaway_postgres() {
  local fsync=off
  [ "${1:-}" = durable ] && fsync=on
  pg_dir=$(mktemp -d /tmp/jointbuy-pg.XXXXXX)
  trap stop_throwaway_postgres EXIT
  trap 'stop_throwaway_postgres; exit 130' INT
  trap 'stop_throwaway_postgres; exit 143' TERM
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
  as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -U jointbuy --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 ||
    { cat "$pg_dir/initdb.log" >&2; return 1; }
  # Tests run with fsync off: this cluster lives for one run; durability across a power cut is not under test.
  as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$pg_dir' -p 5432 -c fsync=$fsync -c max_connections=200" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; return 1; }
  export JOINTBUY_TEST_PG_HOST="$pg_dir" JOINTBUY_TEST_PG_PORT=5432 JOINTBUY_TEST_PG_USER=jointbuy
  echo "throwaway PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on $pg_dir/.s.PGSQL.5432" >&2
}
