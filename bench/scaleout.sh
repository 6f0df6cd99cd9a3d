#!/usr/bin/env bash
# Three instances on one PostgreSQL behind Debian's nginx (round-robin): sign in through the proxy (the form from one
# instance, the post to another), ingest kiosk presses through the proxy while one instance is killed with -9 and started
# again, then check that every acknowledged press is stored exactly once and that every instance reports the same figure,
# equal to a count of the stored rows. Then stop PostgreSQL: a press is answered 503 with Retry-After at once, /health stays
# 200, /health/ready is 503; start it again: the press is stored once and every instance is ready without a restart.
# Everything listens on 127.0.0.1 only and stops by itself.
# Usage: bench/scaleout.sh [PRESSES]   (build first: dotnet build src/Borgerpuls -c Release; root installs nginx and PostgreSQL)
set -euo pipefail
presses=${1:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
dll=${BORGERPULS_DLL:-"$root/src/Borgerpuls/bin/Release/net10.0/Borgerpuls.dll"}
work=$(mktemp -d /tmp/borgerpuls-scaleout.XXXXXX)
# shellcheck source=../scripts/postgres.sh
source "$root/scripts/postgres.sh"

if ! command -v nginx >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "nginx is missing (apt-get install nginx-light)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi

pids=()
fail() { echo "FAIL: $*" >&2; for log in "$work"/instance*.log; do echo "== $log" >&2; grep -E "fail|warn|error|Exception" -A3 "$log" | tail -n 40 >&2; done; exit 1; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT

pg_start >/dev/null
db="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bp_scaleout;Pooling=true"
psql_count() { "$PG_BIN_DIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bp_scaleout -tAc "$1"; }
# One deployment key for every instance and the command line (docs/operations.md).
export BORGERPULS_DATA="$work/data" BORGERPULS_KEY_FILE="$work/data/borgerpuls.key"
dotnet "$dll" demo-data --responses 0 --db "$db" >/dev/null
key=$(dotnet "$dll" device add --site sjaellandsgade --instrument smiley --name "Scale-out kiosk" --db "$db" | grep -oE '[A-Za-z0-9_-]{40,}' | head -n 1)
[ -n "$key" ] || { echo "no device key" >&2; exit 1; }

ports=($(for _ in 1 2 3; do pg_free_port; done))
proxy=$(pg_free_port)
start_instance() { # index
  Database="$db" Proxy__Trusted=127.0.0.1 Bootstrap__AdminEmail=drift@kommune.dk Bootstrap__AdminPassword=skala-ud-skala-ud-skala \
    dotnet "$dll" --urls "http://127.0.0.1:${ports[$1]}" >"$work/instance$1.log" 2>&1 &
  pids[$1]=$!
}
wait_ready() { # index
  for _ in $(seq 120); do
    curl -fs "http://127.0.0.1:${ports[$1]}/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "instance $1 not ready" >&2; cat "$work/instance$1.log" >&2; exit 1
}
for i in 0 1 2; do start_instance "$i"; done
for i in 0 1 2; do wait_ready "$i"; done

cat >"$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
user root;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  upstream borgerpuls { server 127.0.0.1:${ports[0]}; server 127.0.0.1:${ports[1]}; server 127.0.0.1:${ports[2]}; }
  server {
    listen 127.0.0.1:$proxy;
    location / {
      proxy_pass http://borgerpuls;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work"
base="http://127.0.0.1:$proxy"
echo "PostgreSQL on $PG_PORT, instances on ${ports[*]}, nginx on $proxy"

# Sign in through the proxy: GET /login and POST /login reach different instances (round-robin).
jar="$work/cookies"
token() { grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
form=$(curl -fs -c "$jar" -b "$jar" "$base/login" | token)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "email=drift@kommune.dk" \
  --data-urlencode "password=skala-ud-skala-ud-skala" --data-urlencode "__RequestVerificationToken=$form" "$base/login")
[ "$status" = 302 ] || fail "sign-in through the proxy: $status"
for i in 1 2 3; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/account/tokens")
  [ "$status" = 200 ] || fail "signed-in page through the proxy: $status"
done
echo "sign-in through the proxy: form and post on different instances, the cookie accepted by all three"

# Ingest: each press is sent until it is acknowledged (201 new, 200 a retry already stored), as a kiosk does.
press() { # id
  local body status
  body=$(printf '{"id":"%s","instrument":"smiley","answeredAt":"%s","answers":{"besoeg":"%d"}}' "$1" \
    "$(date -u -d '-5 min' +%Y-%m-%dT%H:%M:%S.000Z)" $((1 + RANDOM % 4)))
  for _ in $(seq 40); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H "Authorization: Device $key" -H 'Content-Type: application/json' \
      --data "$body" "$base/api/v1/responses" || true)
    if [ "$status" = 201 ] || [ "$status" = 200 ]; then echo "$1"; return 0; fi
    sleep 0.5
  done
  echo "press $1 never acknowledged (last $status)" >&2
}
export -f press; export base key
python3 -c "import uuid; [print(uuid.uuid4()) for _ in range($presses)]" >"$work/ids"
started=$(date +%s.%N)
xargs -P 4 -I{} bash -c 'press {}' <"$work/ids" >"$work/acknowledged" &
ingest=$!
sleep 2
kill -9 "${pids[1]}"; echo "instance 1 killed with -9 during ingest"
sleep 2
start_instance 1; wait_ready 1; echo "instance 1 started again"
wait "$ingest"
elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)

acknowledged=$(sort -u "$work/acknowledged" | wc -l)
stored=$(psql_count "SELECT count(*) FROM \"Responses\" WHERE \"Channel\" = 'Kiosk'")
distinct=$(psql_count "SELECT count(DISTINCT \"Id\") FROM \"Responses\" WHERE \"Channel\" = 'Kiosk'")
echo "presses: $presses sent, $acknowledged acknowledged, $stored stored ($distinct distinct) in $(printf '%.1f' "$elapsed") s"
[ "$acknowledged" = "$presses" ] && [ "$stored" = "$presses" ] && [ "$distinct" = "$presses" ] \
  || fail "every acknowledged press stored exactly once"

# Every instance (asked directly, with the cookie issued through the proxy) reports the figure of the stored rows.
sleep 1
expected=$(psql_count "SELECT count(*) FROM \"Responses\" r JOIN \"Instruments\" i ON i.\"Id\" = r.\"InstrumentId\" WHERE i.\"Key\" = 'smiley'")
for i in 0 1 2; do
  figure=$(curl -fs -b "$jar" "http://127.0.0.1:${ports[$i]}/api/v1/results?instrument=smiley" \
    | python3 -c 'import json,sys; print(sum(g["respondents"] for g in json.load(sys.stdin)["groups"]))')
  echo "instance $i: $figure respondents (stored rows: $expected)"
  [ "$figure" = "$expected" ] || fail "instance $i reports $figure, the rows say $expected"
done

# Fault: PostgreSQL stopped while a kiosk sends, then started again; the instances are not restarted.
pg_ctl_run() { "${PG_RUN_AS[@]}" "$PG_BIN_DIR/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 "$@" >/dev/null; }
pg_ctl_run -m fast stop
echo "PostgreSQL stopped"
outage=$(python3 -c 'import uuid; print(uuid.uuid4())')
answer=$(curl -s -D "$work/outage-headers" -o /dev/null -w '%{http_code} %{time_total}' -m 30 -H "Authorization: Device $key" \
  -H 'Content-Type: application/json' --data "{\"id\":\"$outage\",\"instrument\":\"smiley\",\"answeredAt\":\"$(date -u -d '-5 min' +%Y-%m-%dT%H:%M:%S.000Z)\",\"answers\":{\"besoeg\":\"2\"}}" \
  "$base/api/v1/responses")
retry=$(grep -i '^retry-after:' "$work/outage-headers" | tr -d '\r' | awk '{print $2}')
live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[0]}/health")
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[0]}/health/ready")
echo "while stopped: press answered ${answer% *} in ${answer#* } s, Retry-After: ${retry:-none}; /health $live, /health/ready $ready"
[ "${answer% *}" = 503 ] && [ "$retry" = 5 ] && [ "$live" = 200 ] && [ "$ready" = 503 ] || fail "the outage was not answered 503 with Retry-After"
pg_ctl_run -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start
echo "PostgreSQL started again"
[ "$(press "$outage")" = "$outage" ] || fail "the press refused during the outage was not stored after it"
for i in 0 1 2; do
  ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$i]}/health/ready")
  [ "$ready" = 200 ] || fail "instance $i not ready after PostgreSQL came back: $ready"
done
[ "$(psql_count "SELECT count(*) FROM \"Responses\" WHERE \"Id\" = '$outage'")" = 1 ] || fail "the press is not stored exactly once"
echo "after the restart: the refused press stored once, all three instances ready, none restarted"
echo "PASS"
