#!/usr/bin/env bash
# Builds the app in Release, starts a throwaway PostgreSQL and runs bench/Passerelle.Bench
# (20 000 places, 16 clients) against SQLite and PostgreSQL. Extra arguments go to the bench;
# `scripts/bench.sh statistiques` runs the statistics benchmark instead (see docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Passerelle -c Release -nologo -v q >/dev/null
eval "$(scripts/pg.sh start 2>/dev/null)"
trap 'scripts/pg.sh stop "$PG_DIR" 2>/dev/null' EXIT
dotnet run -c Release --project bench/Passerelle.Bench -- --pg "$PASSERELLE_TEST_PG" "$@"
