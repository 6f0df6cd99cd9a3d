#!/usr/bin/env bash
# Adds a migration with the same name to both providers, so the two migration sets stay in lockstep.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  # The output folder gives the namespace Borgerpuls.Data.Migrations.<provider>.
  dotnet ef migrations add "$name" --project src/Borgerpuls --context "${provider}BorgerpulsDb" --output-dir "Data/Migrations/$provider"
done
# A migration means the model changed, so the compiled models must follow.
scripts/compiled-model.sh
