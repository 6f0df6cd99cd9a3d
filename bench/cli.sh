#!/usr/bin/env bash
# Whole-process time of command-line verbs on an existing database, as a script calling them would see it.
# Usage: bench/cli.sh DB [ROUNDS]   (build first: dotnet build src/Borgerpuls -c Release; BORGERPULS_DLL=… times another build)
set -euo pipefail
db=${1:?usage: bench/cli.sh DB [ROUNDS]}
rounds=${2:-5}
dll=${BORGERPULS_DLL:-"$(dirname "$0")/../src/Borgerpuls/bin/Release/net10.0/Borgerpuls.dll"}
verbs=(
  "device list"
  "results --instrument smiley"
  "results --instrument vive-7 --by jobcentre"
  "priority-map --instrument vive-7"
)
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| verb | median | min | max |\n|---|---|---|---|\n'
for verb in "${verbs[@]}"; do
  times=()
  for _ in $(seq "$rounds"); do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    dotnet "$dll" $verb --db "$db" > /dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  printf '| `%s` | %.2f s | %.2f s | %.2f s |\n' "$verb" "$(echo "${sorted[$((rounds / 2))]} / 1000" | bc -l)" \
    "$(echo "${sorted[0]} / 1000" | bc -l)" "$(echo "${sorted[-1]} / 1000" | bc -l)"
done
