#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: initdb in a folder, the server listening on a
# Unix socket in that folder only (no TCP), stopped and removed at the end.
#
#   pg_cluster.sh start DIR [PID]
#                             creates DIR/data, starts the server (socket DIR/.s.PGSQL.5432),
#                             creates database "rs"; bootstrap superuser "rs_admin". With PID
#                             (the test's process), a watchdog stops the server once that
#                             process is gone, so a crashed or killed test leaves none behind
#   pg_cluster.sh stop DIR    stops it (DIR stays; the caller removes it)
#   pg_cluster.sh halt DIR    stops the server only, as an outage would (fast shutdown:
#                             connections are dropped, committed data stays)
#   pg_cluster.sh resume DIR  starts the halted server again on the same socket
#
# Exit status 77 with the reason on stdout when no PostgreSQL server is installed (tests
# then QSKIP with it). initdb and postgres refuse to run as root; as root (CI) they run as
# Debian's "postgres" system user, which owns DIR. Local connections are trusted: the
# socket folder is private (0700), and the tests are about what each role may do, not
# about logging in.
set -euo pipefail
cmd=${1:-}
dir=${2:-}
self=$(readlink -f "$0")
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: pg_cluster.sh start|stop DIR" >&2
  exit 2
fi

bindir=""
if [ -n "${RS_PG_BINDIR:-}" ]; then
  bindir=$RS_PG_BINDIR
elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  bindir=$(dirname "$(readlink -f "$(command -v initdb)")")
else
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { bindir=$d; break; }
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "PostgreSQL server not installed (no initdb/pg_ctl; Debian: apt-get install postgresql)"
  exit 77
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "running as root and there is no 'postgres' user to run the server as"
  exit 77
fi

start_server() {
  if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=60 -c shared_buffers=128MB" \
      start >/dev/null; then
    echo "the server did not start:" >&2
    cat "$dir/server.log" >&2
    exit 1
  fi
}

case "$cmd" in
start)
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  cd "$dir"
  if ! as_owner "$bindir/initdb" -D "$dir/data" -U rs_admin --auth=trust -E UTF8 \
      --no-locale -N >"$dir/initdb.log" 2>&1; then
    echo "initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    exit 1
  fi
  start_server
  as_owner "$bindir/createdb" -h "$dir" -U rs_admin rs
  owner_pid=${3:-}
  if [ -n "$owner_pid" ]; then
    # Detached from the caller's output, so the caller does not wait for it.
    setsid bash -c '
      while kill -0 "$1" 2>/dev/null && [ -d "$2/data" ]; do sleep 1; done
      [ -f "$2/data/postmaster.pid" ] && bash "$3" stop "$2"
      exit 0' watchdog "$owner_pid" "$dir" "$self" </dev/null >/dev/null 2>&1 &
  fi
  ;;
stop)
  [ -d "$dir/data" ] || exit 0
  cd "$dir"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
halt)
  cd "$dir"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
resume)
  cd "$dir"
  start_server
  ;;
*)
  echo "usage: pg_cluster.sh start|stop|halt|resume DIR" >&2
  exit 2
  ;;
esac
