#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, runs every suite, prints one line per
# suite and the total. Exits non-zero if anything failed or could not run.
set -uo pipefail
cd "$(dirname "$0")/.."
racine=$(pwd)
resultats=$(mktemp -d)
echec=0

installer() {
  local manquants=()
  [ -x /usr/bin/chromium ] || manquants+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || manquants+=(postgresql)
  if [ ${#manquants[@]} -gt 0 ]; then
    echo "Installation : ${manquants[*]}"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${manquants[@]}" >/dev/null \
      || { echo "Échec de l'installation de ${manquants[*]}"; return 1; }
  fi
}
installer || echec=1

dotnet tool restore >/dev/null
if ! dotnet build Passerelle.slnx -c Debug -nologo -v q 2>&1 | tail -n 20; then echec=1; fi
if [ ! -f tests/Passerelle.Tests/bin/Debug/net10.0/Passerelle.Tests.dll ]; then
  echo "La compilation a échoué."; echo "suite sqlite: 0 passed, 1 failed"; echo "suite postgres: 0 passed, 1 failed"; echo "suite browser: 0 passed, 1 failed"; echo "0 passed, 3 failed"; exit 1
fi

lancer() { # nom projet [variables d'environnement...]
  local nom=$1 projet=$2; shift 2
  env "$@" dotnet test "$projet" --no-build -nologo --logger "trx;LogFileName=$resultats/$nom.trx" --logger "console;verbosity=minimal" 2>&1 | tail -n 40
}

compter() { # nom → "passed failed"
  local f="$resultats/$1.trx"
  if [ ! -f "$f" ]; then echo "0 1"; return; fi
  local ligne; ligne=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  local total passed failed
  total=$(echo "$ligne" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  passed=$(echo "$ligne" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  failed=$(( ${total:-0} - ${passed:-0} ))
  # A suite that ran nothing did not run.
  if [ "${total:-0}" = 0 ]; then failed=1; fi
  echo "${passed:-0} $failed"
}

lancer sqlite tests/Passerelle.Tests PASSERELLE_TEST_DB=sqlite

pg_ok=0
if sortie=$(scripts/pg.sh start 2>"$resultats/pg.log"); then
  eval "$sortie"
  pg_ok=1
  lancer postgres tests/Passerelle.Tests PASSERELLE_TEST_DB=postgres PASSERELLE_TEST_PG="$PASSERELLE_TEST_PG"
  scripts/pg.sh stop "$PG_DIR" 2>>"$resultats/pg.log"
else
  echo "PostgreSQL n'a pas pu démarrer :"; cat "$resultats/pg.log"
fi

lancer browser tests/Passerelle.Browser

total_p=0; total_f=0
for s in sqlite postgres browser; do
  read -r p f < <(compter "$s")
  if [ "$s" = postgres ] && [ $pg_ok = 0 ]; then f=$((f > 0 ? f : 1)); fi
  echo "suite $s: $p passed, $f failed"
  total_p=$((total_p + p)); total_f=$((total_f + f))
done
echo "$total_p passed, $total_f failed"
rm -rf "$resultats"
[ $echec = 0 ] && [ $total_f = 0 ]
