# Sourced by scripts/cluster.sh (not run alone): the soak of issue 16 on the running cluster.
# The realistic mix (bench/Passerelle.Bench/Endurance.cs: citizens search, list slots, book and cancel; mediators record
# accompaniments and read their files; coordinators read the statistics) runs through HAProxy on both instances for
# $endurance seconds, after a warm-up of the same mix (20 s, or a tenth of the soak when longer: B has served nothing yet,
# and the first minutes of a .NET process fill its JIT and caches), while this script samples every 2 s (every
# $endurance/120 s for long soaks): each instance's resident memory (VmRSS), the client backends
# on the primary, and PgBouncer's client and server connections (SHOW POOLS). Then three checks:
#   - no error (every answer in its route's expected codes, none missing), p95 per route printed;
#   - memory flat: the mean of the last quarter of samples is at most 10 % above the mean of the first quarter, for each
#     instance (20 % for a soak under 10 minutes: in CI's minute the GC is still sizing its heaps — B had served nothing
#     before the warm-up — so the short run can only catch a gross leak; the bench's 30 minutes is the real check);
#   - connections under the pooler's limits: PgBouncer servers <= default_pool_size (20), clients <= max_client_conn
#     (400), client backends on the primary <= 20 + 2 listeners (one per instance) + 1 (the sampling psql).

echauffement=$(( endurance / 10 > 20 ? endurance / 10 : 20 )); pas=$(( endurance / 120 > 2 ? endurance / 120 : 2 ))
marge=$(( endurance < 600 ? 20 : 10 ))
echo "Endurance : $echauffement s d'échauffement puis $endurance s de charge réaliste par HAProxy sur les deux instances…"
timeout $((echauffement + 300)) dotnet "$banc" endurance --url "$HA" --comptes "$dir/comptes.txt" --secondes "$echauffement" >"$dir/echauffement.txt" 2>&1
echauffement_rc=$?
echo "       échauffement : $(grep -E '^endurance:' "$dir/echauffement.txt" || tail -n 3 "$dir/echauffement.txt")"
rm -f "$dir/fin-endurance"; : >"$dir/echantillons.txt"
pools() { # « clients serveurs » of the passerelle pool, read by column name (the column list varies across versions)
  runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$P_BOUNCER" -U postgres -d pgbouncer -XAq -F '|' -c 'SHOW POOLS' 2>/dev/null | awk -F'|' '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["database"] == "passerelle" { print $c["cl_active"] + $c["cl_waiting"], $c["sv_active"] + $c["sv_idle"] + $c["sv_used"] + $c["sv_tested"] + $c["sv_login"] }'
}
echantillonner() { # « secondes rss_a_ko rss_b_ko backends_primaire clients_bouncer serveurs_bouncer » every $pas s
  local debut=$SECONDS
  while [ ! -e "$dir/fin-endurance" ]; do
    echo "$((SECONDS - debut)) $(ps -o rss= -p "$PID_a" | tr -d ' ') $(ps -o rss= -p "$PID_b" | tr -d ' ') \
$(psql_ "$P_PRIM" "SELECT count(*) FROM pg_stat_activity WHERE datname = 'passerelle' AND backend_type = 'client backend'") $(pools)" >>"$dir/echantillons.txt"
    sleep "$pas"
  done
}
echantillonner & pid_ech=$!; pids+=($pid_ech)
timeout $((endurance + 300)) dotnet "$banc" endurance --url "$HA" --comptes "$dir/comptes.txt" --secondes "$endurance" >"$dir/endurance.txt" 2>&1
endurance_rc=$?
touch "$dir/fin-endurance"; wait "$pid_ech" 2>/dev/null
sed 's/^/       /' "$dir/endurance.txt" | grep -v '^       endurance:'
echo "       mémoire (Mo, début → fin) : A $(awk 'NF >= 3 && $2 != "" {v[++n] = $2} END {if (n) printf "%.0f → %.0f", v[1] / 1024, v[n] / 1024}' "$dir/echantillons.txt"), B $(awk 'NF >= 3 {v[++n] = $3} END {if (n) printf "%.0f → %.0f", v[1] / 1024, v[n] / 1024}' "$dir/echantillons.txt") ; connexions au plus : primaire $(awk '{if ($4 > m) m = $4} END {print m + 0}' "$dir/echantillons.txt"), PgBouncer clients $(awk '{if ($5 > m) m = $5} END {print m + 0}' "$dir/echantillons.txt"), serveurs $(awk '{if ($6 > m) m = $6} END {print m + 0}' "$dir/echantillons.txt") ($(wc -l <"$dir/echantillons.txt") relevés)"
sans_erreur_endurance() { [ "$echauffement_rc" = 0 ] && [ "$endurance_rc" = 0 ] && grep -Eq '^endurance: [1-9][0-9]* requêtes, 0 erreurs' "$dir/endurance.txt"; }
verifier "endurance : le mélange réaliste passe sans erreur ($(grep -Eo '^endurance: [0-9]+ requêtes' "$dir/endurance.txt" | grep -Eo '[0-9]+' || echo 0) requêtes)" sans_erreur_endurance
memoire_stable() { # column: 2 for A, 3 for B
  awk -v c="$1" -v marge="$marge" '{ v[++n] = $c } END {
    if (n < 8) exit 1                                  # too few samples to say anything
    q = int(n / 4)
    for (i = 1; i <= q; i++) a += v[i]; for (i = n - q + 1; i <= n; i++) b += v[i]
    exit !(a > 0 && b <= (1 + marge / 100) * a) }' "$dir/echantillons.txt"
}
verifier "endurance : mémoire stable sur la durée (instance A, +$marge % au plus)" memoire_stable 2
verifier "endurance : mémoire stable sur la durée (instance B, +$marge % au plus)" memoire_stable 3
sous_les_limites() {
  [ -s "$dir/echantillons.txt" ] && awk 'NF >= 6 { if ($4 > 23 || $5 > 400 || $6 > 20) bad = 1; ok = 1 } END { exit !(ok && !bad) }' "$dir/echantillons.txt"
}
verifier "endurance : connexions sous les limites du pooler (20 serveurs, 400 clients, 23 au primaire)" sous_les_limites
