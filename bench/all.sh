#!/usr/bin/env bash
# Runs the benchmarks on the embedded database and on PostgreSQL side by side, on the same generated demo data, and appends
# the output — dated, with this command and the machine's load — to docs/benchmarks.md.
# Usage: bench/all.sh [SIZES] [VERBS]
#   bench/all.sh                                    # 10 000 and 1 000 000 responses, every verb
#   bench/all.sh 10000000 "results dashboard report startup export"
# PostgreSQL: a throwaway cluster from scripts/postgres.sh with fsync on (installed from Debian's packages when missing, as
# root), or an existing server given as BORGERPULS_BENCH_PG="Host=…;Port=…;Username=…" (keeps its generated databases
# between runs). SQLite files are kept in BORGERPULS_BENCH_DIR (default /tmp/borgerpuls-bench). Generating 10 M responses
# takes 20–30 minutes per database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-10000,1000000}
verbs=${2:-results dashboard report export startup ingest import}
dir=${BORGERPULS_BENCH_DIR:-/tmp/borgerpuls-bench}
log=$(mktemp /tmp/borgerpuls-bench-all.XXXXXX)

dotnet build "$root/bench/Borgerpuls.Bench" -c Release -nologo -v quiet
bench=("dotnet" "$root/bench/Borgerpuls.Bench/bin/Release/net10.0/Borgerpuls.Bench.dll")

pg=${BORGERPULS_BENCH_PG:-}
if [ -z "$pg" ]; then
  # shellcheck source=../scripts/postgres.sh
  source "$root/scripts/postgres.sh"
  PG_FSYNC=on pg_start
  trap pg_stop EXIT
  pg=${BORGERPULS_TEST_PG%%;Database=*}
fi

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run() {
  local title=$1; shift
  echo "== $title" | tee -a "$log"
  printf '```\n' >> "$log"
  "${bench[@]}" "$@" 2>&1 | tee -a "$log" || echo "failed: exit $?" | tee -a "$log"
  printf '```\n\n' >> "$log"
}
for verb in $verbs; do
  case $verb in
    ingest)
      run "ingest, SQLite, one instance" ingest --seconds 20 --clients 32
      run "ingest, PostgreSQL, one instance" ingest --seconds 20 --clients 32 --pg "$pg"
      run "ingest, PostgreSQL, three instances" ingest --seconds 20 --clients 48 --instances 3 --pg "$pg" ;;
    import)
      run "import, SQLite" import --rows 1000000
      run "import, PostgreSQL" import --rows 1000000 --pg "$pg" ;;
    *)
      run "$verb, SQLite" "$verb" --sizes "$sizes" --dir "$dir"
      run "$verb, PostgreSQL" "$verb" --sizes "$sizes" --pg "$pg" ;;
  esac
done

{
  printf '\n### %s, `bench/all.sh %s "%s"`\n\n' "$started" "$sizes" "$verbs"
  printf 'Load average before %s, after %s; %s cores; PostgreSQL %s.\n\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(nproc)" "$( (psql --version 2>/dev/null || ls /usr/lib/postgresql 2>/dev/null) | head -n 1 | awk '{print $NF}')"
  sed 's/^== \(.*\)$/**\1**\n/' "$log"
} >> "$root/docs/benchmarks.md"
echo "appended to docs/benchmarks.md"
