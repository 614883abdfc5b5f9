// Progressive enhancement shared by the maps of the steering pages (/pilotage, /pilotage/acteurs): the table holds every value, the
// map repeats its geocoded rows as circles. The map holds nothing focusable and is hidden from assistive technologies (the table
// beside it says the same), so no zoom buttons and no keyboard stop; the wheel, a double click or a pinch zoom it.
// A map is a <div class="carte-points" data-lignes="CSS selector of the rows" data-legende="id" data-style="priorite|lieux">.
(function () {
  var styles = {
    // Gap table: surface after the population, colour after the priority index (light: low, dark: high).
    priorite: function (tr) {
      var max = parseFloat(tr.dataset.max) || 1;
      var part = Math.min(1, (parseFloat(tr.dataset.priorite) || 0) / max);
      return { radius: Math.max(4, Math.sqrt(parseFloat(tr.dataset.population) || 0) / 15), color: '#333', weight: 1,
        fillColor: 'hsl(10, 80%, ' + Math.round(85 - part * 55) + '%)', fillOpacity: 0.8 };
    },
    // Actors: one point per place, filled for a fixed place, a ring for an itinerant stop.
    lieux: function (tr) {
      var itinerant = tr.dataset.itinerant === '1';
      return { radius: 6, color: '#1d3f72', weight: itinerant ? 3 : 1, fillColor: '#1d3f72', fillOpacity: itinerant ? 0 : 0.8 };
    }
  };
  if (typeof L === 'undefined') return;
  Array.prototype.forEach.call(document.querySelectorAll('.carte-points'), function (div) {
    var style = styles[div.dataset.style];
    var lignes = Array.prototype.slice.call(document.querySelectorAll(div.dataset.lignes))
      .filter(function (tr) { return tr.dataset.lat && tr.dataset.lon; });
    if (!style || lignes.length === 0) return;
    div.hidden = false;
    var legende = div.dataset.legende && document.getElementById(div.dataset.legende);
    if (legende) legende.hidden = false;
    var carte = L.map(div, { keyboard: false, zoomControl: false });
    carte.attributionControl.setPrefix(false);
    L.tileLayer(div.dataset.tuiles, { maxZoom: 19, attribution: '&copy; contributeurs OpenStreetMap' }).addTo(carte);
    var groupe = L.featureGroup();
    lignes.forEach(function (tr) {
      // A click on a circle opens its row's first link (the zone's page for the table's period, the place's page): a shortcut for
      // the mouse, never a tab stop (the row's link is the keyboard's way).
      var lien = tr.querySelector('a[href]');
      var options = style(tr);
      options.interactive = !!lien;
      var cercle = L.circleMarker([parseFloat(tr.dataset.lat), parseFloat(tr.dataset.lon)], options).addTo(groupe);
      if (lien) cercle.on('click', function () { window.location.href = lien.href; });
    });
    groupe.addTo(carte);
    carte.fitBounds(groupe.getBounds(), { maxZoom: 13 });
  });
})();
