#!/usr/bin/env bash
# SQLite faults while kiosks press: the disk runs full, and another process holds the write lock past the busy timeout.
# A kiosk sends each press until it is acknowledged (201, or 200 for a copy already stored), as the kiosk's queue does.
# Checks: while the disk is full presses are answered 503 with Retry-After at once, never 500, and /health stays 200; when
# space returns the same process takes them again without a restart; a lock held too long gives 503, not a hang or a
# 500; afterwards the file passes SQLite's integrity check and holds every acknowledged press exactly once.
# Usage: bench/sqlite-faults.sh [PRESSES]   (as root: mounts a small tmpfs; build first: dotnet build src/Borgerpuls -c Release)
set -euo pipefail
presses=${1:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
dll=${BORGERPULS_DLL:-"$root/src/Borgerpuls/bin/Release/net10.0/Borgerpuls.dll"}
work=$(mktemp -d /tmp/borgerpuls-faults.XXXXXX)
disk="$work/disk"
[ "$(id -u)" = 0 ] || { echo "run as root (mounts a 40 MB tmpfs to fill)" >&2; exit 1; }
server=""; locker=""
cleanup() {
  [ -n "$locker" ] && kill "$locker" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  sleep 0.5; umount "$disk" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -n 30 "$work/server.log" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p "$disk"
mount -t tmpfs -o size=40m tmpfs "$disk"
export BORGERPULS_DATA="$disk" BORGERPULS_KEY_FILE="$work/borgerpuls.key"
db="$disk/borgerpuls.db"
dotnet "$dll" demo-data --responses 0 --db "$db" >/dev/null
key=$(dotnet "$dll" device add --site sjaellandsgade --instrument smiley --name "Fault kiosk" --db "$db" | grep -oE '[A-Za-z0-9_-]{40,}' | head -n 1)
port=$(free_port); url="http://127.0.0.1:$port"
Database="$db" dotnet "$dll" --urls "$url" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 120); do curl -fs "$url/health/ready" >/dev/null && break; sleep 0.5; done

: >"$work/acked"; : >"$work/statuses"
# One press, sent until acknowledged. Records each answer's status, and the id once acknowledged.
press() {
  local id; id=$(cat /proc/sys/kernel/random/uuid)
  local body="{\"id\":\"$id\",\"instrument\":\"smiley\",\"answeredAt\":\"$(date -Iseconds)\",\"answers\":{\"besoeg\":\"4\"}}"
  while true; do
    code=$(curl -s -o /dev/null -D "$work/headers" -w '%{http_code}' -H "Authorization: Device $key" \
      -H 'Content-Type: application/json' -d "$body" "$url/api/v1/responses")
    retry=$(grep -i '^retry-after:' "$work/headers" | tr -d '\r' | awk '{print $2}' || true)
    echo "$code" >>"$work/statuses"
    case "$code" in
      201|200) echo "$id" >>"$work/acked"; return 0 ;;
      503) [ -n "${retry:-}" ] || fail "503 without Retry-After"; echo full >"$work/seen503"; sleep 0.2 ;;
      *) fail "press answered $code" ;;
    esac
    [ -f "$work/filler" ] && [ "$(grep -c 503 "$work/statuses")" -ge 20 ] && { rm -f "$work/filler" "$disk/filler"; echo "space returned after 20 refusals"; }
  done
}

# 1. Disk full: fill the tmpfs up to the last 64 KB, then keep pressing.
for i in $(seq 20); do press; done
avail=$(df --output=avail -B1 "$disk" | tail -n 1)
fallocate -l $((avail - 65536)) "$disk/filler" 2>/dev/null || dd if=/dev/zero of="$disk/filler" bs=64k count=$(((avail - 65536) / 65536)) status=none || true
touch "$work/filler"
start=$(date +%s)
for i in $(seq "$presses"); do
  press
  if [ -f "$work/seen503" ] && [ ! -f "$work/checked" ]; then
    curl -fs "$url/health" >/dev/null || fail "/health is not 200 while the disk is full"
    touch "$work/checked"
  fi
done
[ -f "$work/seen503" ] || fail "the disk never ran full (raise PRESSES)"
echo "disk full: $(grep -c 503 "$work/statuses") answers 503 with Retry-After, 0 answers 500; $(wc -l <"$work/acked") presses acknowledged in $(( $(date +%s) - start )) s"

# 2. Locked: another process holds the write lock for 40 s, beyond the 30 s busy timeout.
sqlite3 "$db" "BEGIN IMMEDIATE; INSERT INTO \"AuditEntries\" (\"At\",\"Actor\",\"Action\",\"Details\") VALUES ('2026-01-01','fault','lock','held'); SELECT 1;" \
  ".shell sleep 40" "ROLLBACK;" >/dev/null 2>&1 &
locker=$!
sleep 1
t0=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Device $key" -H 'Content-Type: application/json' \
  -d "{\"id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"instrument\":\"smiley\",\"answeredAt\":\"$(date -Iseconds)\",\"answers\":{\"besoeg\":\"2\"}}" "$url/api/v1/responses")
waited=$(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)")
[ "$code" = 503 ] || fail "a press against a lock held past the busy timeout answered $code"
echo "locked: answered 503 after $waited s (busy timeout 30 s)"
wait "$locker" 2>/dev/null || true; locker=""
press
echo "lock released: the next press stored"

kill "$server"; wait "$server" 2>/dev/null || true; server=""
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check"
stored=$(sqlite3 "$db" 'SELECT COUNT(*) FROM "Responses"')
acked=$(sort -u "$work/acked" | wc -l)
missing=0
while read -r id; do
  [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM \"Responses\" WHERE lower(\"Id\") = lower('$id')")" = 1 ] || missing=$((missing + 1))
done <"$work/acked"
echo "stored $stored responses; acknowledged $acked; acknowledged but not stored exactly once: $missing; integrity ok"
[ "$missing" = 0 ] && [ "$stored" = "$acked" ] || fail "acknowledged presses lost or duplicated"
echo PASS
