#!/usr/bin/env bash
# Adds a migration for both providers: scripts/add-migration.sh NomDeLaMigration
set -euo pipefail
cd "$(dirname "$0")/.."
nom=${1:?usage: scripts/add-migration.sh NomDeLaMigration}
dotnet tool restore >/dev/null
cd src/Passerelle
dotnet ef migrations add "$nom" --context SqliteDb -o Data/Migrations/Sqlite
dotnet ef migrations add "$nom" --context PostgresDb -o Data/Migrations/Postgres -- --Database:Provider=Postgres "--ConnectionStrings:Postgres=Host=localhost"
