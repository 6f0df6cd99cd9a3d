#!/usr/bin/env bash
# Regenerates the EF Core compiled models (src/Borgerpuls/Data/Compiled), one per provider, after any change to the entities
# or their configuration; CompiledModelTests fail until this has run (ADR 21).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  # Generated fresh so an entity that was removed leaves no file behind.
  rm -rf "src/Borgerpuls/Data/Compiled/$provider"
  dotnet ef dbcontext optimize --project src/Borgerpuls --context "${provider}BorgerpulsDb" \
    --output-dir "Data/Compiled/$provider" --namespace "Borgerpuls.Data.Compiled.$provider" >/dev/null
done
