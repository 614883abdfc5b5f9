// Progressive enhancement: the table holds every value; the map repeats its rows as proportional circles.
(function () {
  var div = document.getElementById('carte-pilotage');
  if (!div || typeof L === 'undefined') return;
  var lignes = Array.prototype.slice.call(document.querySelectorAll('#ecarts tr[data-lat]'))
    .filter(function (tr) { return tr.dataset.lat && tr.dataset.lon; });
  if (lignes.length === 0) return;
  div.hidden = false;
  document.getElementById('legende-carte').hidden = false;
  var carte = L.map(div, { keyboard: false, zoomControl: false });
  // No zoom buttons: the map is hidden from assistive technologies (the table beside it holds the values), so it holds nothing
  // focusable; the wheel, a double click or a pinch zoom it.
  carte.attributionControl.setPrefix(false);
  L.tileLayer(div.dataset.tuiles, { maxZoom: 19, attribution: '&copy; contributeurs OpenStreetMap' }).addTo(carte);
  var groupe = L.featureGroup();
  lignes.forEach(function (tr) {
    var max = parseFloat(tr.dataset.max) || 1;
    var part = Math.min(1, (parseFloat(tr.dataset.priorite) || 0) / max);
    var rayon = Math.max(4, Math.sqrt(parseFloat(tr.dataset.population) || 0) / 15);
    var couleur = 'hsl(10, 80%, ' + Math.round(85 - part * 55) + '%)';
    L.circleMarker([parseFloat(tr.dataset.lat), parseFloat(tr.dataset.lon)],
      { radius: rayon, color: '#333', weight: 1, fillColor: couleur, fillOpacity: 0.8, interactive: false }).addTo(groupe);
  });
  groupe.addTo(carte);
  carte.fitBounds(groupe.getBounds(), { maxZoom: 13 });
})();
