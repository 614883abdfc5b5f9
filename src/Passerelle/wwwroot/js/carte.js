// Progressive enhancement only: the list and the form work without this file.
(function () {
  var bouton = document.getElementById('ma-position');
  if (bouton && 'geolocation' in navigator) {
    bouton.hidden = false;
    bouton.addEventListener('click', function () {
      bouton.textContent = 'Recherche de votre position…';
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('lat').value = p.coords.latitude.toFixed(5);
        document.getElementById('lon').value = p.coords.longitude.toFixed(5);
        document.getElementById('commune').value = '';
        bouton.closest('form').submit();
      }, function () { bouton.textContent = 'Position indisponible : indiquez votre commune'; });
    });
  }
  var div = document.getElementById('carte');
  if (!div || typeof L === 'undefined') return;
  var points = Array.prototype.slice.call(document.querySelectorAll('.resultat[data-lat]'))
    .filter(function (li) { return li.dataset.lat && li.dataset.lon; });
  if (points.length === 0) return;
  div.hidden = false;
  var passer = document.querySelector('.passer-carte');
  if (passer) passer.hidden = false;
  // Few tab stops, all in French: no keyboard panning stop on the map itself, no tabbable markers (the list below
  // holds the same places as links), French titles on the zoom buttons, no "Leaflet" link in the attribution.
  var carte = L.map(div, { keyboard: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: 'Agrandir la carte', zoomOutTitle: 'Réduire la carte' }).addTo(carte);
  carte.attributionControl.setPrefix(false);
  L.tileLayer(div.dataset.tuiles, { maxZoom: 19, attribution: '&copy; contributeurs OpenStreetMap' }).addTo(carte);
  var groupe = L.featureGroup();
  points.forEach(function (li) {
    var m = L.marker([parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)], { title: li.dataset.nom, alt: li.dataset.nom, keyboard: false });
    var lien = document.createElement('a');
    lien.href = li.dataset.url;
    lien.textContent = li.dataset.nom;
    m.bindPopup(lien);
    groupe.addLayer(m);
  });
  groupe.addTo(carte);
  carte.fitBounds(groupe.getBounds(), { maxZoom: 15, padding: [20, 20] });
})();
