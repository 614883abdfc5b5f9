#!/usr/bin/env bash
# The reference deployment of issue 16, on one machine, with Debian's packages only:
#   PostgreSQL primary + streaming replica (pg_basebackup -R), PgBouncer in transaction mode in front of the primary,
#   two Passerelle instances, HAProxy in front of them (health-checked on /health).
# Then checks what several instances must guarantee, prints one line per check and the summary
#   cluster: N passed, M failed
# and tears everything down (whatever happens: failure, Ctrl-C). Traffic stays on 127.0.0.1.
#   scripts/cluster.sh            run the checks and stop
#   scripts/cluster.sh --garder   same, then keep the cluster running until Ctrl-C (addresses printed)
#   scripts/cluster.sh --deja-construit   publish the Debug build already on disk (scripts/test.sh builds it) instead of
#                                         compiling a Release build
#   scripts/cluster.sh --endurance N      the soak of the realistic mix lasts N seconds (60 by default, as in CI; the
#                                         bench's full soak is 1800, see docs/performance.md)
# Installs postgresql, pgbouncer and haproxy with apt when missing (sudo if not root). Bounded: each wait has a ceiling,
# the whole run stops at PASSERELLE_CLUSTER_MINUTES (30 by default).
set -uo pipefail
cd "$(dirname "$0")/.."
racine=$(pwd)
garder=0; construit=0; endurance=60
while [ $# -gt 0 ]; do
  case $1 in
    --garder) garder=1 ;; --deja-construit) construit=1 ;;
    --endurance) shift; [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -ge 10 ] || { echo "--endurance : indiquez une durée en secondes (10 au moins)."; exit 2; }; endurance=$1 ;;
    *) echo "Option inconnue : $1"; exit 2 ;;
  esac
  shift
done
budget=$(( ${PASSERELLE_CLUSTER_MINUTES:-30} * 60 + endurance ))
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
dir=""; pids=(); reussis=0; echecs=0

arreter() {
  exec 2>/dev/null # the shell's « Killed » notices for the processes stopped below
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  [ -n "$dir" ] && [ -f "$dir/pgbouncer.pid" ] && kill -TERM "$(cat "$dir/pgbouncer.pid")" 2>/dev/null
  sleep 1
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  if [ -n "$dir" ]; then
    for d in primaire replique; do [ -d "$dir/$d" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/$d" -m immediate stop >/dev/null 2>&1; done
    rm -rf "$dir"
  fi
}
trap arreter EXIT
trap 'echo "Interrompu : tout est arrêté."; exit 130' INT TERM HUP
( sleep "$budget"; echo "Budget de ${PASSERELLE_CLUSTER_MINUTES:-30} min épuisé : arrêt."; kill -TERM $$ ) & pids+=($!)

verifier() { # nom commande... — one line per check
  if "${@:2}"; then echo "ok     $1"; reussis=$((reussis + 1)); else echo "ÉCHEC  $1"; echecs=$((echecs + 1)); fi
}
fin() { echo "cluster: $reussis passed, $echecs failed"; [ "$echecs" = 0 ]; exit $?; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
attendre() { # secondes commande... — true as soon as the command succeeds
  local fin=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do [ $SECONDS -ge $fin ] && return 1; sleep 1; done
}
psql_() { local p=$1; shift; runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$p" -U postgres -d passerelle -XAtq -c "$*"; }

# --- Installation ---
manquants=()
[ -n "$bin" ] && [ -x "$bin/initdb" ] || manquants+=(postgresql)
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || manquants+=(pgbouncer)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || manquants+=(haproxy)
if [ ${#manquants[@]} -gt 0 ]; then
  echo "Installation : ${manquants[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  timeout 900 sh -c "$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ${manquants[*]}" >/dev/null \
    || { echo "Échec de l'installation de ${manquants[*]}"; echecs=1; fin; }
  # Debian starts the packaged services: this script runs its own, on its own ports.
  for s in pgbouncer haproxy; do $sudo systemctl stop "$s" >/dev/null 2>&1 || $sudo service "$s" stop >/dev/null 2>&1 || true; done
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres

dir=$(mktemp -d /tmp/passerelle-cluster.XXXXXX); chown postgres "$dir"; chmod 755 "$dir"
P_PRIM=$(port); P_REPL=$(port); P_BOUNCER=$(port); P_A=$(port); P_B=$(port); P_HA=$(port); P_STATS=$(port)

# --- Application, built once ---
echo "Construction de l'application…"
if [ "$construit" = 1 ]; then publier=(-c Debug --no-build); else publier=(-c Release); fi
timeout 900 dotnet publish src/Passerelle "${publier[@]}" -o "$dir/app" -nologo -v q >"$dir/publish.log" 2>&1 \
  || { tail -n 20 "$dir/publish.log"; echo "La construction a échoué."; echecs=1; fin; }
if [ "$construit" = 1 ]; then banc="$racine/bench/Passerelle.Bench/bin/Debug/net10.0/Passerelle.Bench.dll"
else
  timeout 900 dotnet build bench/Passerelle.Bench -c Release -nologo -v q >>"$dir/publish.log" 2>&1 \
    || { tail -n 20 "$dir/publish.log"; echo "La construction du banc d'essai a échoué."; echecs=1; fin; }
  banc="$racine/bench/Passerelle.Bench/bin/Release/net10.0/Passerelle.Bench.dll"
fi

# --- PostgreSQL primary and streaming replica ---
echo "PostgreSQL : primaire (port $P_PRIM) et réplique (port $P_REPL)…"
runuser -u postgres -- "$bin/initdb" -D "$dir/primaire" --no-sync -A trust -E UTF8 --locale=C.UTF-8 -U postgres >"$dir/initdb.log" 2>&1
cat >>"$dir/primaire/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 4
hot_standby = on
max_connections = 200
fsync = off
EOF
echo "host replication postgres 127.0.0.1/32 trust" >>"$dir/primaire/pg_hba.conf"
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/primaire" -l "$dir/primaire.log" -w -t 120 -o "-p $P_PRIM" start >/dev/null \
  || { tail -n 20 "$dir/primaire.log"; echecs=1; fin; }
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$P_PRIM" -U postgres passerelle
runuser -u postgres -- "$bin/pg_basebackup" -h 127.0.0.1 -p "$P_PRIM" -U postgres -D "$dir/replique" -R -X stream >"$dir/basebackup.log" 2>&1 \
  || { cat "$dir/basebackup.log"; echecs=1; fin; }
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/replique" -l "$dir/replique.log" -w -t 120 -o "-p $P_REPL" start >/dev/null \
  || { tail -n 20 "$dir/replique.log"; echecs=1; fin; }

# --- PgBouncer, transaction pooling, in front of the primary ---
cat >"$dir/pgbouncer.ini" <<EOF
[databases]
passerelle = host=127.0.0.1 port=$P_PRIM dbname=passerelle user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $P_BOUNCER
unix_socket_dir = $dir
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
admin_users = postgres
logfile = $dir/pgbouncer.log
; While the primary is down, a waiting query fails after 10 s (the app answers 503) rather than hanging for 2 min;
; a failed server login is retried after 2 s, so the pool comes back soon after the primary.
query_wait_timeout = 10
server_login_retry = 2
pidfile = $dir/pgbouncer.pid
EOF
echo '"postgres" ""' >"$dir/userlist.txt"
chown postgres "$dir"/pgbouncer.ini "$dir"/userlist.txt
runuser -u postgres -- "$PGBOUNCER" "$dir/pgbouncer.ini" >/dev/null 2>&1 & pids+=($!)

# --- Migrations (on the primary, directly), then two instances ---
direct="Host=127.0.0.1;Port=$P_PRIM;Username=postgres;Database=passerelle"
# Through PgBouncer in transaction mode: no session state kept between transactions.
bouncer="Host=127.0.0.1;Port=$P_BOUNCER;Username=postgres;Database=passerelle;No Reset On Close=true;Max Auto Prepare=0;Maximum Pool Size=40"
lecture="Host=127.0.0.1;Port=$P_REPL;Username=postgres;Database=passerelle;Application Name=passerelle-lecture"
(cd "$dir/app" && timeout 600 dotnet Passerelle.dll migrate --Database:Provider=Postgres "--ConnectionStrings:Postgres=$direct") >"$dir/migrate.log" 2>&1 \
  || { tail -n 20 "$dir/migrate.log"; echo "Migration impossible."; echecs=1; fin; }

instance() { # nom port demo
  (cd "$dir/app" && exec env ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres ConnectionStrings__Postgres="$bouncer" ConnectionStrings__PostgresLecture="$lecture" \
    ConnectionStrings__PostgresEcoute="$direct" Demo__Enabled="$3" Demo__FichierComptes="$dir/comptes.txt" \
    Annuaire__DureeCacheSecondes=3600 Proxy__Adresses__0=127.0.0.1 Logging__LogLevel__Default=Warning RateLimit__ReservationsParMinute=100000 RateLimit__RecherchesParMinute=100000 \
    dotnet Passerelle.dll --urls "http://127.0.0.1:$2") >"$dir/$1.log" 2>&1 &
  pids+=($!); eval "PID_$1=$!"
}
sain() { curl -fsS -m 5 "http://127.0.0.1:$1/health" | grep -q Healthy; }
echo "Deux instances de Passerelle (ports $P_A et $P_B)…"
instance a "$P_A" true
attendre 600 sain "$P_A" || { tail -n 30 "$dir/a.log"; echo "L'instance A n'a pas démarré."; echecs=1; fin; }
instance b "$P_B" false
attendre 600 sain "$P_B" || { tail -n 30 "$dir/b.log"; echo "L'instance B n'a pas démarré."; echecs=1; fin; }

# --- HAProxy in front ---
cat >"$dir/haproxy.cfg" <<EOF
global
  maxconn 1000
defaults
  mode http
  errorfile 503 $dir/503.http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend passerelle
  bind 127.0.0.1:$P_HA
  option forwardfor
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  default-server inter 1s fall 2 rise 1
  server a 127.0.0.1:$P_A check
  server b 127.0.0.1:$P_B check
listen stats
  bind 127.0.0.1:$P_STATS
  stats enable
  stats uri /stats
EOF
# When no instance is healthy (the database is down, so every /health fails), HAProxy's own 503 speaks French too.
printf 'HTTP/1.0 503 Service Unavailable\r\nCache-Control: no-cache\r\nConnection: close\r\nRetry-After: 10\r\nContent-Type: application/problem+json; charset=utf-8\r\n\r\n{"status":503,"title":"Service momentanément indisponible","detail":"Le service est momentanément indisponible : votre demande n'"'"'a pas abouti. Réessayez dans quelques instants."}\n' >"$dir/503.http"
"$HAPROXY" -f "$dir/haproxy.cfg" -db >"$dir/haproxy.log" 2>&1 & pids+=($!)
HA="http://127.0.0.1:$P_HA"
attendre 60 curl -fsS -m 5 "$HA/health" || { cat "$dir/haproxy.log"; echo "HAProxy ne répond pas."; echecs=1; fin; }

# --- Checks ---
echo "Vérifications :"
replique_branchee() { [ "$(psql_ "$P_PRIM" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ]; }
verifier "la réplique suit le primaire en flux continu (pg_stat_replication)" attendre 60 replique_branchee

deux_serveurs_up() { [ "$(curl -fsS -m 5 "http://127.0.0.1:$P_STATS/stats;csv" | awk -F, '$1=="instances" && ($2=="a"||$2=="b") && $18=="UP"' | wc -l)" = 2 ]; }
verifier "HAProxy voit les deux instances en bonne santé" attendre 30 deux_serveurs_up
health_x6() { for _ in 1 2 3 4 5 6; do curl -fsS -m 10 "$HA/health" | grep -q Healthy || return 1; done; }
verifier "six /health de suite par HAProxy répondent" health_x6

compte=$(grep -m1 '^gestionnaire ' "$dir/comptes.txt" 2>/dev/null)
email=$(echo "$compte" | cut -d' ' -f2); mdp=$(echo "$compte" | cut -d' ' -f3)
jeton=$(curl -fsS -m 20 -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$mdp\"}" "http://127.0.0.1:$P_A/api/v1/auth/login" | jq -r .accessToken)
jeton_partage() { [ -n "$jeton" ] && [ "$jeton" != null ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -m 30 -H "Authorization: Bearer $jeton" "http://127.0.0.1:$P_B/api/v1/statistiques")" = 200 ]; }
verifier "un jeton émis par l'instance A est accepté par l'instance B (clés partagées en base)" jeton_partage

stats_sur_replique() { [ "$(psql_ "$P_REPL" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'passerelle-lecture'")" -ge 1 ]; }
verifier "les statistiques sont lues sur la réplique (ConnectionStrings:PostgresLecture)" stats_sur_replique

lieu=$(psql_ "$P_PRIM" 'SELECT "Id" FROM "Lieux" WHERE NOT "Archive" ORDER BY "Id" LIMIT 1')
nom="Lieu renommé $RANDOM$RANDOM"
curl -fsS -m 30 "http://127.0.0.1:$P_B/api/v1/lieux?taille=1" >/dev/null # B's directory is loaded, and cached for an hour
psql_ "$P_PRIM" "UPDATE \"Lieux\" SET \"Nom\" = '$nom' WHERE \"Id\" = ${lieu:-0}; NOTIFY passerelle_annuaire;" >/dev/null
nom_vu_par_b() { curl -fsS -m 10 -G "http://127.0.0.1:$P_B/api/v1/lieux" --data-urlencode "q=$nom" | jq -e '.total >= 1' >/dev/null; }
verifier "un lieu changé en base apparaît dans l'annuaire de B sans attendre son cache (LISTEN/NOTIFY)" attendre 20 nom_vu_par_b

ligne_repliquee() { [ "$(psql_ "$P_REPL" "SELECT \"Nom\" FROM \"Lieux\" WHERE \"Id\" = ${lieu:-0}")" = "$nom" ]; }
verifier "l'écriture du primaire est lisible sur la réplique" attendre 30 ligne_repliquee

un_titulaire_par_tache() { local n; n=$(psql_ "$P_PRIM" 'SELECT count(*) FROM "BauxTaches"'); [ "${n:-0}" -ge 1 ] && [ "$(psql_ "$P_PRIM" 'SELECT count(DISTINCT "Nom") FROM "BauxTaches"')" = "$n" ]; }
verifier "chaque tâche de fond a un seul titulaire (baux en base)" attendre 60 un_titulaire_par_tache

source scripts/endurance.sh

# --- Fault: kill -9 of instance B during 64 concurrent bookings through HAProxy ---
# Every booking answered 201 must exist once; none twice; no slot beyond its capacity. Requests caught by the crash may
# fail (HAProxy answers 502/503 or the connection drops): they were not confirmed to anyone.
curl -fsS -m 30 "$HA/api/v1/creneaux?taille=200" | jq -r '.items[] | select(.placesRestantes >= 1) | .id' | head -n 8 >"$dir/creneaux.txt"
reserver() { # n — one booking on one of the 8 slots, prints « code jeton »
  local c; c=$(sed -n "$(( $1 % $(wc -l <"$dir/creneaux.txt") + 1 ))p" "$dir/creneaux.txt")
  local r; r=$(curl -s -m 60 -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"creneauId\":$c,\"prenom\":\"Essai\",\"nom\":\"Panne $1\",\"email\":\"panne$1@exemple.fr\",\"consentement\":true}" "$HA/api/v1/reservations")
  echo "$(echo "$r" | tail -n 1) $(echo "$r" | head -n -1 | jq -r '.jeton // empty' 2>/dev/null)"
}
export -f reserver; export dir HA
if [ -s "$dir/creneaux.txt" ]; then
  seq 1 64 | xargs -P 64 -I{} bash -c 'reserver {}' >"$dir/reservations.txt" 2>/dev/null & lot=$!
  # Disowned first: the shell then reaps B without printing its « Killed » notice in the log.
  sleep 0.5; disown "$PID_b" 2>/dev/null; kill -9 "$PID_b" 2>/dev/null
  wait "$lot"
fi
acceptees=$(awk '$1 == 201' "$dir/reservations.txt" 2>/dev/null | wc -l)
echo "       64 réservations pendant l'arrêt brutal de B : $acceptees acceptées (201), $((64 - acceptees)) refusées ou coupées ($(awk '{print $1}' "$dir/reservations.txt" 2>/dev/null | sort | uniq -c | tr -s ' ' | tr '\n' ';'))"
chaque_201_existe() {
  [ "$acceptees" -ge 1 ] || return 1
  local j; for j in $(awk '$1 == 201 {print $2}' "$dir/reservations.txt"); do
    [ "$(psql_ "$P_PRIM" "SELECT count(*) FROM \"Reservations\" WHERE \"Jeton\" = '$j'")" = 1 ] || return 1
  done
}
verifier "panne : chaque réservation confirmée (201) existe une fois" chaque_201_existe
pas_de_surreservation() {
  [ "$(psql_ "$P_PRIM" "SELECT count(*) FROM \"Creneaux\" c WHERE c.\"Reserves\" > c.\"Capacite\" OR (SELECT count(*) FROM \"Reservations\" r WHERE r.\"CreneauId\" = c.\"Id\" AND r.\"Statut\" <> 'Annulee') > c.\"Capacite\"")" = 0 ]
}
verifier "panne : aucun créneau au-delà de sa capacité" pas_de_surreservation
pas_de_doublon() { [ "$(psql_ "$P_PRIM" "SELECT count(*) FROM \"Reservations\" WHERE \"Email\" LIKE 'panne%@exemple.fr'")" -ge "$acceptees" ] && [ "$(psql_ "$P_PRIM" "SELECT count(*) FROM (SELECT \"Email\" FROM \"Reservations\" WHERE \"Email\" LIKE 'panne%@exemple.fr' GROUP BY \"Email\" HAVING count(*) > 1) d")" = 0 ]; }
verifier "panne : aucune réservation enregistrée deux fois" pas_de_doublon
a_seul_repond() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 20 "$HA/api/v1/creneaux?taille=1")" = 200 ]; }
verifier "panne : HAProxy sert encore les citoyens par A seule" attendre 30 a_seul_repond

# --- Fault: the PostgreSQL primary restarted during load ---
# While it is down, a request that needs it answers 503 with a French message (Passerelle's, or HAProxy's own French
# page once every /health fails), never 500; once it is back, bookings succeed again without restarting Passerelle.
charge() { # until $dir/fin-charge exists: a booking and a list of slots per round through HAProxy, « code … » per line
  local n=1000
  while [ ! -e "$dir/fin-charge" ]; do
    n=$((n + 1)); reserver "$n" >>"$dir/charge.txt"
    curl -s -o /dev/null -w '%{http_code} lecture\n' -m 60 "$HA/api/v1/creneaux?taille=5" >>"$dir/charge.txt"
    sleep 0.2
  done
}
: >"$dir/charge.txt"; charge & pid_charge=$!; pids+=($pid_charge)
sleep 3
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/primaire" -m fast -w -t 60 stop >/dev/null 2>&1
sleep 2
# Asked directly, up to 20 s while the primary is down: the first answer that is not a success is kept (a request may be held
# by the pooler, or answered from a connection not yet dropped, for a moment); every answer is kept for the 500 check.
direct_a=""; fin_direct=$((SECONDS + 20))
while [ "$SECONDS" -lt "$fin_direct" ]; do
  direct_a=$(curl -s -m 10 -w '\n%{http_code}' "http://127.0.0.1:$P_A/api/v1/creneaux?taille=5")
  echo "$direct_a" | tail -n 1 >>"$dir/direct.txt"
  [ "$(echo "$direct_a" | tail -n 1)" = 503 ] && break
  sleep 1
done
sleep 6
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/primaire" -l "$dir/primaire.log" -w -t 120 -o "-p $P_PRIM" start >/dev/null \
  || { tail -n 20 "$dir/primaire.log"; echo "Le primaire ne redémarre pas."; }
reprise() { # a slot with a free place, booked through HAProxy
  local c; c=$(curl -fsS -m 20 "$HA/api/v1/creneaux?taille=200" | jq -r '[.items[] | select(.placesRestantes >= 1)][-1].id // empty')
  [ -n "$c" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -m 30 -H 'Content-Type: application/json' \
    -d "{\"creneauId\":$c,\"prenom\":\"Essai\",\"nom\":\"Reprise\",\"email\":\"reprise$RANDOM@exemple.fr\",\"consentement\":true}" "$HA/api/v1/reservations")" = 201 ]
}
attendre 120 reprise; repris=$?
touch "$dir/fin-charge"; wait "$pid_charge" 2>/dev/null
echo "       pendant le redémarrage du primaire : $(awk '{print $1}' "$dir/charge.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';') (code HTTP : nombre de réponses)"
a_repondu_503() { [ "$(echo "$direct_a" | tail -n 1)" = 503 ] && echo "$direct_a" | grep -q "momentanément indisponible" && ! grep -q '^500$' "$dir/direct.txt"; }
verifier "primaire arrêté : l'instance répond 503 avec un message en français" a_repondu_503
sans_500() { ! awk '{print $1}' "$dir/charge.txt" | grep -q '^500$' && awk '{print $1}' "$dir/charge.txt" | grep -q '^503$'; }
verifier "primaire arrêté pendant la charge : des 503, aucune 500" sans_500
reprise_sans_redemarrage() { [ "$repris" = 0 ] && kill -0 "$PID_a" 2>/dev/null; }
verifier "primaire redémarré : les réservations reprennent sans redémarrer Passerelle" reprise_sans_redemarrage

# --- A backup restored into a fresh cluster: same counts, same statistics ---
# The statistics are read (on the replica, once it has replayed everything) before the writers stop; then the primary is
# copied with pg_basebackup (WAL streamed), the copy started as a cluster of its own and a Passerelle started on it.
lsn=$(psql_ "$P_PRIM" "SELECT pg_current_wal_lsn()")
replique_a_jour() { [ "$(psql_ "$P_REPL" "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ]; }
attendre 60 replique_a_jour
stats_avant=$(curl -fsS -m 60 -H "Authorization: Bearer $jeton" "http://127.0.0.1:$P_A/api/v1/statistiques" | jq -S . 2>/dev/null)
kill -TERM "$PID_a" 2>/dev/null; attendre 30 bash -c "! kill -0 $PID_a"
compter_tables() { psql_ "$1" "SELECT string_agg(t || '=' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', t), false, true, '')))[1]::text, ' ' ORDER BY t) FROM (SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public') x"; }
comptes_primaire=$(compter_tables "$P_PRIM")
P_COPIE=$(port); P_C=$(port)
runuser -u postgres -- "$bin/pg_basebackup" -h 127.0.0.1 -p "$P_PRIM" -U postgres -D "$dir/copie" -X stream >"$dir/copie.log" 2>&1 \
  && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/copie" -l "$dir/copie-pg.log" -w -t 120 -o "-p $P_COPIE" start >/dev/null 2>&1 \
  || { tail -n 20 "$dir/copie.log" "$dir/copie-pg.log" 2>/dev/null; echo "La sauvegarde n'a pas pu être restaurée."; }
memes_comptes() { [ -n "$comptes_primaire" ] && [ "$(compter_tables "$P_COPIE")" = "$comptes_primaire" ]; }
verifier "sauvegarde restaurée dans un cluster neuf : même nombre de lignes dans chaque table ($(echo "$comptes_primaire" | wc -w) tables)" memes_comptes
(cd "$dir/app" && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$P_COPIE;Username=postgres;Database=passerelle" Demo__Enabled=false \
  Logging__LogLevel__Default=Warning dotnet Passerelle.dll --urls "http://127.0.0.1:$P_C") >"$dir/c.log" 2>&1 & pids+=($!)
memes_statistiques() {
  attendre 300 sain "$P_C" || return 1
  local apres; apres=$(curl -fsS -m 60 -H "Authorization: Bearer $jeton" "http://127.0.0.1:$P_C/api/v1/statistiques" | jq -S . 2>/dev/null)
  [ -n "$stats_avant" ] && [ "$stats_avant" = "$apres" ]
}
verifier "sauvegarde restaurée : Passerelle démarré dessus donne les mêmes statistiques" memes_statistiques

if [ "$garder" = 1 ] && [ "$echecs" = 0 ]; then
  echo "Cluster en marche : HAProxy $HA, instances :$P_A et :$P_B, PgBouncer :$P_BOUNCER, primaire :$P_PRIM, réplique :$P_REPL. Ctrl-C pour tout arrêter."
  while true; do sleep 3600; done
fi
fin
