#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (Debian's `postgresql` package):
#   scripts/pg_cluster.sh start DIR    initdb into DIR/data, start the server on a Unix socket
#                                      in DIR and a free port on 127.0.0.1, create the
#                                      database `concord`; writes DIR/uri (the libpq URI, user
#                                      concord, password in DIR/password) and prints it
#   scripts/pg_cluster.sh stop DIR     stop that server (immediate) and remove DIR
#   scripts/pg_cluster.sh halt DIR     stop the server but keep DIR (a dropped connection)
#   scripts/pg_cluster.sh restart DIR  start a halted server again
# TCP logins need the password (scram-sha-256), so a wrong one is refused; the Unix socket
# trusts its users.
# initdb refuses to run as root: as root, the server runs as the `postgres` system user in a
# folder it owns. Fails loudly (exit 1, the reason on stderr) when PostgreSQL is missing.
set -euo pipefail

action="${1:-}"
dir="${2:-}"
[ -n "$action" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|halt|restart DIR" >&2; exit 2; }

bindir=""
for candidate in "$(command -v pg_ctl 2>/dev/null | xargs -r dirname)" /usr/lib/postgresql/*/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir="$candidate"; fi
done
if [ -z "$bindir" ]; then
  echo "pg_cluster: PostgreSQL server not found (install Debian's postgresql package: scripts/setup.sh --tests)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_server() {
  local port
  port=$(cat "$dir/port")
  # Small and fast: a throwaway cluster need not survive a power loss.
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60" \
    start > /dev/null || { echo "pg_cluster: the server did not start:" >&2; cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
  start)
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      id postgres > /dev/null 2>&1 || { echo "pg_cluster: no postgres system user to run the server as" >&2; exit 1; }
      chown postgres "$dir"
      # The server's user must reach DIR through its parents (a test's temp folder).
      chmod 755 "$dir"
    fi
    password="concord-test-$RANDOM$RANDOM"
    echo "$password" > "$dir/password"
    chmod 644 "$dir/password"
    as_owner "$bindir/initdb" -D "$dir/data" -U concord --pwfile="$dir/password" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C > "$dir/initdb.log" 2>&1 || {
      echo "pg_cluster: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: ask the kernel for one.
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" > "$dir/port"
    start_server
    as_owner "$bindir/createdb" -h "$dir" -p "$port" -U concord concord
    echo "postgresql://concord:$password@127.0.0.1:$port/concord" > "$dir/uri"
    cat "$dir/uri"
    ;;
  restart)
    start_server
    ;;
  stop|halt)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null || true
    fi
    [ "$action" = stop ] && rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|halt|restart DIR" >&2
    exit 2
    ;;
esac
