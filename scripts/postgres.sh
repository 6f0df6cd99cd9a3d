# Sourced by test.sh and the benchmarks: installs PostgreSQL from Debian's packages when it is missing (as root), starts a
# throwaway cluster on a free loopback port, and exports BORGERPULS_TEST_PG. Stop it with pg_stop (test.sh traps EXIT).

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

pg_install() {
  if [ -n "$(pg_bin)" ]; then return 0; fi
  if [ "$(id -u)" != "0" ]; then
    echo "PostgreSQL is not installed and this is not root, so it cannot be installed (apt-get install postgresql)." >&2
    return 1
  fi
  echo "Installing PostgreSQL from Debian's packages…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
  [ -n "$(pg_bin)" ]
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

pg_start() {
  pg_install || return 1
  local bin run_as=()
  bin=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/borgerpuls-pg.XXXXXX)
  PG_PORT=$(pg_free_port)
  if [ "$(id -u)" = "0" ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
    chown postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # fsync off by default: a throwaway test cluster; durability is tested against the embedded database and the code's own
  # commits. The benchmarks set PG_FSYNC=on, so that PostgreSQL commits as durably as the embedded database does.
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off} -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_RUN_AS=("${run_as[@]}")
  PG_BIN_DIR=$bin
  export BORGERPULS_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_RUN_AS[@]}" "$PG_BIN_DIR/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
