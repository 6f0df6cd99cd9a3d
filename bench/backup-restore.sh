#!/usr/bin/env bash
# Online backup and restore, both databases, as docs/operations.md describes them. For each: a demo deployment serving kiosk
# presses; a backup taken while presses keep coming; the backup restored into a fresh place (SQLite: a new folder; PostgreSQL:
# a second, new server); then checks that the restored database is sound, that its figures count exactly its own rows, and
# that it holds every press acknowledged before the backup began. Then, with the presses stopped, a second backup and
# restore must give figures identical to the live database's.
# Usage: bench/backup-restore.sh [RESPONSES]   (build first: dotnet build src/Borgerpuls -c Release; root installs PostgreSQL)
set -euo pipefail
responses=${1:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
dll=${BORGERPULS_DLL:-"$root/src/Borgerpuls/bin/Release/net10.0/Borgerpuls.dll"}
work=$(mktemp -d /tmp/borgerpuls-backup.XXXXXX)
# shellcheck source=../scripts/postgres.sh
source "$root/scripts/postgres.sh"
bp() { dotnet "$dll" "$@"; }

server=""; presser=""; first_pg=""
cleanup() {
  [ -n "$presser" ] && kill "$presser" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  pg_stop
  if [ -n "$first_pg" ]; then PG_DIR=$first_pg pg_stop; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/server.log" ] && tail -n 30 "$work/server.log" >&2; exit 1; }

serve() { # database
  local port; port=$(pg_free_port)
  Database="$1" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && { url="http://127.0.0.1:$port"; return 0; }; sleep 0.5; done
  fail "the server did not become ready"
}
# Presses one after another until killed; each acknowledged press is a line in $work/acked.
press_forever() { # key
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Device $1" -H 'Content-Type: application/json' \
      -d "{\"id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"instrument\":\"smiley\",\"answeredAt\":\"$(date -Iseconds)\",\"answers\":{\"besoeg\":\"3\"}}" \
      "$url/api/v1/responses")
    [ "$code" = 201 ] && echo x >>"$work/acked"
  done
}
counted() { # database → the responses the figures count: the total group's respondents plus the kiosk repeats left out
  bp results --instrument smiley --from 2000-01-01 --format json --db "$1" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["groups"][0]["respondents"] + d["leftOutKioskRepeats"])'
}
figures() { # database → every smiley figure, by site and month, for comparing two databases
  bp results --instrument smiley --by site --period month --from 2020-01-01 --format csv --db "$1"
}
check() { # name restored rows-in-restored smiley-rows-before-ingest acked-before acked-after
  local n; n=$(counted "$2")
  echo "$1: restored smiley rows $3 (demo $4 + presses $(($3 - $4))), counted by the figures $n; presses acknowledged before the backup $5, by its end $6"
  [ "$n" = "$3" ] || fail "$1: the restored figures do not count the restored rows"
  [ $(($3 - $4)) -ge "$5" ] && [ $(($3 - $4)) -le "$6" ] || fail "$1: the restored database does not hold the presses acknowledged before the backup"
}

smiley_rows='SELECT COUNT(*) FROM "Responses" r JOIN "InstrumentVersions" v ON v."Id" = r."InstrumentVersionId" JOIN "Instruments" i ON i."Id" = v."InstrumentId" WHERE i."Key" = '"'smiley'"

# ---------- SQLite: borgerpuls backup, restore by copying the file into place ----------
export BORGERPULS_DATA="$work/sqlite" BORGERPULS_KEY_FILE="$work/sqlite/borgerpuls.key"
live="$work/sqlite/borgerpuls.db"
mkdir -p "$work/sqlite" "$work/restored"
bp demo-data --responses "$responses" --db "$live" >/dev/null
key=$(bp device add --site sjaellandsgade --instrument smiley --name "Backup kiosk" --db "$live" | grep -oE '[A-Za-z0-9_-]{40,}' | head -n 1)
demo_rows=$(sqlite3 "$live" "$smiley_rows")
serve "$live"
: >"$work/acked"; press_forever "$key" & presser=$!
sleep 3
before=$(wc -l <"$work/acked")
start=$(date +%s.%N)
bp backup --db "$live" --out "$work/sqlite-backup.db"
took=$(printf "%.2f" "$(echo "$(date +%s.%N) - $start" | bc)")
sleep 1; after=$(wc -l <"$work/acked")
cp "$work/sqlite-backup.db" "$work/restored/borgerpuls.db"
cp "$BORGERPULS_KEY_FILE" "$work/restored/borgerpuls.key"
bp migrate --db "$work/restored/borgerpuls.db" >/dev/null
[ "$(sqlite3 "$work/restored/borgerpuls.db" 'PRAGMA integrity_check')" = ok ] || fail "SQLite: integrity check"
rows=$(sqlite3 "$work/restored/borgerpuls.db" "$smiley_rows")
echo "SQLite backup during ingest took ${took} s"
kill "$presser"; presser=""
quiet=$(wc -l <"$work/acked")
bp backup --db "$live" --out "$work/sqlite-quiet.db" >/dev/null
diff <(figures "$live") <(figures "$work/sqlite-quiet.db") >/dev/null || fail "SQLite: the quiet backup's figures differ from the live database's"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
echo "SQLite: quiet backup after $quiet presses has the live figures"
sqlite_rows=$rows sqlite_demo=$demo_rows sqlite_before=$before sqlite_after=$after

# ---------- PostgreSQL: pg_dump while serving, pg_restore into a second, new server ----------
pg_start >/dev/null
first_pg=$PG_DIR; first_port=$PG_PORT
export BORGERPULS_DATA="$work/pg" BORGERPULS_KEY_FILE="$work/pg/borgerpuls.key"
live_pg="Host=127.0.0.1;Port=$first_port;Username=postgres;Database=borgerpuls;Pooling=true"
bp demo-data --responses "$responses" --db "$live_pg" >/dev/null
key=$(bp device add --site sjaellandsgade --instrument smiley --name "Backup kiosk" --db "$live_pg" | grep -oE '[A-Za-z0-9_-]{40,}' | head -n 1)
demo_rows=$("$PG_BIN_DIR/psql" -h 127.0.0.1 -p "$first_port" -U postgres -d borgerpuls -tAc "$smiley_rows")
serve "$live_pg"
: >"$work/acked"; press_forever "$key" & presser=$!
sleep 3
before=$(wc -l <"$work/acked")
start=$(date +%s.%N)
"$PG_BIN_DIR/pg_dump" -h 127.0.0.1 -p "$first_port" -U postgres --format=custom --file="$work/borgerpuls.dump" borgerpuls
took=$(printf "%.2f" "$(echo "$(date +%s.%N) - $start" | bc)")
sleep 1; after=$(wc -l <"$work/acked")
kill "$presser"; presser=""
quiet=$(wc -l <"$work/acked")
"$PG_BIN_DIR/pg_dump" -h 127.0.0.1 -p "$first_port" -U postgres --format=custom --file="$work/quiet.dump" borgerpuls
PG_DIR=""; pg_start >/dev/null   # the fresh server
"$PG_BIN_DIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres borgerpuls
"$PG_BIN_DIR/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres --no-owner --exit-on-error -d borgerpuls "$work/borgerpuls.dump"
"$PG_BIN_DIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres quiet
"$PG_BIN_DIR/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres --no-owner --exit-on-error -d quiet "$work/quiet.dump"
restored_pg="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=borgerpuls;Pooling=true"
bp migrate --db "$restored_pg" >/dev/null
rows=$("$PG_BIN_DIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d borgerpuls -tAc "$smiley_rows")
echo "PostgreSQL dump during ingest took ${took} s"
check "PostgreSQL" "$restored_pg" "$rows" "$demo_rows" "$before" "$after"
diff <(figures "$live_pg") <(figures "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=quiet;Pooling=true") >/dev/null \
  || fail "PostgreSQL: the quiet dump's figures differ from the live database's"
echo "PostgreSQL: quiet dump after $quiet presses, restored on a new server, has the live figures"
check "SQLite" "$work/restored/borgerpuls.db" "$sqlite_rows" "$sqlite_demo" "$sqlite_before" "$sqlite_after"
echo "PASS"
