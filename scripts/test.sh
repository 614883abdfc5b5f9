#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, builds, runs every suite, prints one line per suite and the
# total. Exits non-zero if anything failed or could not run (a build error, a PostgreSQL that does not start, a suite
# that hangs). Bounded: a test that runs more than 10 minutes is stopped (dotnet test --blame-hang-timeout), each step
# has a ceiling, and the whole run stops at PASSERELLE_CI_MINUTES (75 by default), so CI ends well under 90 minutes.
# The throwaway PostgreSQL is stopped whatever happens (failure, Ctrl-C, cancelled job).
set -uo pipefail
cd "$(dirname "$0")/.."
resultats=$(mktemp -d)
budget=$(( ${PASSERELLE_CI_MINUTES:-75} * 60 ))
echec=0
enfant=""
PG_DIR=""
suites=(sqlite postgres browser cluster)

nettoyer() {
  if [ -n "$PG_DIR" ]; then scripts/pg.sh stop "$PG_DIR" 2>/dev/null; PG_DIR=""; fi
  rm -rf "$resultats"
}
interrompre() {
  [ -n "$enfant" ] && kill -TERM "$enfant" 2>/dev/null && wait "$enfant" 2>/dev/null
  echo "Interrompu : rien n'est laissé en marche."
  exit 130
}
trap nettoyer EXIT
trap interrompre INT TERM HUP

# borne MINUTES FICHIER COMMANDE... — runs COMMANDE (output in FICHIER) under the smaller of its ceiling and what is
# left of the budget; the whole process group is killed past it (exit code 124 or 137).
borne() {
  local plafond=$(( $1 * 60 )) fichier=$2; shift 2
  local reste=$(( budget - SECONDS ))
  [ "$reste" -lt "$plafond" ] && plafond=$reste
  if [ "$plafond" -le 0 ]; then echo "Budget de ${PASSERELLE_CI_MINUTES:-75} min épuisé : $* non lancé." | tee "$fichier"; return 124; fi
  timeout --kill-after=30 "$plafond" "$@" >"$fichier" 2>&1 &
  enfant=$!
  wait "$enfant"; local rc=$?
  enfant=""
  if [ $rc = 124 ] || [ $rc = 137 ]; then echo "Arrêté après $((plafond / 60)) min : $*" >>"$fichier"; fi
  return $rc
}

echouer_tout() { # message — nothing could be tested
  echo "$1"
  for s in "${suites[@]}"; do echo "suite $s: 0 passed, 1 failed"; done
  echo "0 passed, ${#suites[@]} failed"
  exit 1
}

installer() {
  local manquants=()
  [ -x /usr/bin/chromium ] || manquants+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || manquants+=(postgresql)
  [ ${#manquants[@]} = 0 ] && return 0
  echo "Installation : ${manquants[*]}"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  borne 15 "$resultats/apt.log" sh -c "$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq ${manquants[*]}" \
    || { tail -n 20 "$resultats/apt.log"; echo "Échec de l'installation de ${manquants[*]}"; return 1; }
}
installer || echec=1

dotnet tool restore >/dev/null 2>&1 || echo "dotnet tool restore a échoué (outils de développement seulement : les tests n'en ont pas besoin)."
# A failed build never runs the tests of an older build left on disk.
if ! borne 20 "$resultats/build.log" dotnet build Passerelle.slnx -c Debug -nologo -v q; then
  grep -E "error|Arrêté" "$resultats/build.log" | sort -u | head -n 30
  echouer_tout "La compilation a échoué : aucune suite n'a été lancée."
fi

# lancer nom projet [VARIABLE=valeur...] — one suite, its results in a .trx, its exit code kept.
lancer() {
  local nom=$1 projet=$2; shift 2
  borne 30 "$resultats/$nom.log" env "$@" dotnet test "$projet" --no-build -nologo \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$resultats/$nom.trx" --logger "console;verbosity=minimal"
  echo $? >"$resultats/$nom.rc"
  tail -n 40 "$resultats/$nom.log"
}

compter() { # nom → "passed failed"; a suite that ran nothing, or ended badly (hang, crash, ceiling), failed.
  local f="$resultats/$1.trx" rc; rc=$(cat "$resultats/$1.rc" 2>/dev/null || echo 1)
  if [ "$1" = cluster ]; then # no .trx: the script's own summary line
    local l p n
    l=$(grep -Eo 'cluster: [0-9]+ passed, [0-9]+ failed' "$resultats/cluster.log" 2>/dev/null | tail -n 1)
    p=$(echo "$l" | sed -n 's/cluster: \([0-9]*\) passed.*/\1/p'); n=$(echo "$l" | sed -n 's/.*, \([0-9]*\) failed/\1/p')
    if [ -z "$l" ] || [ "${p:-0}" = 0 ] || { [ "$rc" != 0 ] && [ "${n:-0}" = 0 ]; }; then n=$(( ${n:-0} > 0 ? n : 1 )); fi
    echo "${p:-0} ${n:-1}"; return
  fi
  if [ ! -f "$f" ]; then echo "0 1"; return; fi
  local ligne; ligne=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  local total passed failed
  total=$(echo "$ligne" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  passed=$(echo "$ligne" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  failed=$(( ${total:-0} - ${passed:-0} ))
  if [ "${total:-0}" = 0 ] || { [ "$rc" != 0 ] && [ "$failed" = 0 ]; }; then failed=1; fi
  echo "${passed:-0} $failed"
}

lancer sqlite tests/Passerelle.Tests PASSERELLE_TEST_DB=sqlite

if sortie=$(scripts/pg.sh start 2>"$resultats/pg.log"); then
  eval "$sortie"
  lancer postgres tests/Passerelle.Tests PASSERELLE_TEST_DB=postgres PASSERELLE_TEST_PG="$PASSERELLE_TEST_PG"
  scripts/pg.sh stop "$PG_DIR" 2>>"$resultats/pg.log"; PG_DIR=""
else
  echo "PostgreSQL n'a pas pu démarrer :"; cat "$resultats/pg.log"
fi

lancer browser tests/Passerelle.Browser

# The reference deployment and its faults (issue 16: primary + replica, PgBouncer, two instances, HAProxy; kill -9 during
# bookings, primary restarted under load, backup restored), on the build above; its own summary line « cluster: N passed ».
borne 25 "$resultats/cluster.log" env PASSERELLE_CLUSTER_MINUTES=24 bash scripts/cluster.sh --deja-construit
echo $? >"$resultats/cluster.rc"
tail -n 30 "$resultats/cluster.log"

total_p=0; total_f=0
for s in "${suites[@]}"; do
  read -r p f < <(compter "$s")
  echo "suite $s: $p passed, $f failed"
  total_p=$((total_p + p)); total_f=$((total_f + f))
done
echo "Durée totale : $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "$total_p passed, $total_f failed"
[ $echec = 0 ] && [ $total_f = 0 ]
