// Progressive enhancement: the table lists every place; the map repeats the geocoded ones as points (no interaction, hidden from
// assistive technologies, like the gap table's map).
(function () {
  var div = document.getElementById('carte-acteurs');
  if (!div || typeof L === 'undefined') return;
  var lignes = Array.prototype.slice.call(document.querySelectorAll('#acteurs tr[data-lat]'))
    .filter(function (tr) { return tr.dataset.lat && tr.dataset.lon; });
  if (lignes.length === 0) return;
  div.hidden = false;
  document.getElementById('legende-acteurs').hidden = false;
  var carte = L.map(div, { keyboard: false, zoomControl: false });
  carte.attributionControl.setPrefix(false);
  L.tileLayer(div.dataset.tuiles, { maxZoom: 19, attribution: '&copy; contributeurs OpenStreetMap' }).addTo(carte);
  var groupe = L.featureGroup();
  lignes.forEach(function (tr) {
    var itinerant = tr.dataset.itinerant === '1';
    L.circleMarker([parseFloat(tr.dataset.lat), parseFloat(tr.dataset.lon)],
      { radius: 6, color: '#1d3f72', weight: itinerant ? 3 : 1, fillColor: '#1d3f72', fillOpacity: itinerant ? 0 : 0.8, interactive: false }).addTo(groupe);
  });
  groupe.addTo(carte);
  carte.fitBounds(groupe.getBounds(), { maxZoom: 13 });
})();
