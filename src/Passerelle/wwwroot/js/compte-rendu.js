// Record form, progressive enhancement: without JavaScript every field shows under a heading that names its type;
// with it, only the chosen type's fields show (the other section is disabled, so it is not sent), and the person
// is found as it is typed through the people search of the API.
(function () {
  'use strict';
  var form = document.getElementById('form-compte-rendu');
  var type = document.getElementById('type');
  if (!form || !type) return;
  var sections = form.querySelectorAll('[data-type-activite]');
  function appliquer() {
    for (var k = 0; k < sections.length; k++) {
      var actif = sections[k].getAttribute('data-type-activite') === type.value;
      sections[k].hidden = !actif;
      sections[k].disabled = !actif;
    }
  }
  type.addEventListener('change', appliquer);
  appliquer();
  var aide = document.getElementById('aide-type');
  if (aide) aide.textContent = 'Le formulaire montre les champs de ce type.';

  var champ = document.getElementById('recherche-personne-champ');
  var liste = document.getElementById('beneficiaire');
  var statut = document.getElementById('recherche-personne-statut');
  if (!champ || !liste || !window.fetch) return;
  var minuteur = null, derniere = '';
  function afficher(personnes) {
    var choisie = liste.value;
    // Keep "Sans fiche" and the person already chosen, then the matches.
    for (var k = liste.options.length - 1; k >= 1; k--) if (liste.options[k].value !== choisie) liste.remove(k);
    personnes.forEach(function (p) {
      if (String(p.id) === choisie) return;
      var o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.nom + (p.anneeNaissance ? ' (' + p.anneeNaissance + ')' : '');
      liste.appendChild(o);
    });
    statut.textContent = personnes.length + ' personne(s) trouvée(s) : choisissez dans la liste « Personne accompagnée ».';
  }
  champ.addEventListener('input', function () {
    clearTimeout(minuteur);
    var q = champ.value.trim();
    if (q.length < 2 || q === derniere) return;
    minuteur = setTimeout(function () {
      derniere = q;
      fetch('/api/v1/beneficiaires?max=20&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(afficher)
        .catch(function () { statut.textContent = 'Recherche indisponible : utilisez le bouton « Chercher ».'; });
    }, 250);
  });
})();
