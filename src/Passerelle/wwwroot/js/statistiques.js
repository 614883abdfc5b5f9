// Draws a chart above each statistics table marked data-graphique; the table stays as the accessible alternative.
(function () {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('table[data-graphique]').forEach(function (table) {
    var libelles = [], valeurs = [], masques = [];
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var th = tr.querySelector('th'), td = tr.querySelector('td');
      if (!th || !td) return;
      var v = parseInt(td.getAttribute('data-valeur'), 10);
      libelles.push(th.textContent.trim());
      // A masked cell stays in place as a gap, and the figure says so.
      if (isNaN(v)) { masques.push(th.textContent.trim()); valeurs.push(null); } else valeurs.push(v);
    });
    if (valeurs.length === masques.length) return;
    var figure = document.createElement('figure');
    figure.className = 'graphique';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Graphique : ' + (table.getAttribute('data-titre') || '') + ' (valeurs dans le tableau qui suit)');
    figure.appendChild(canvas);
    if (masques.length > 0) {
      var note = document.createElement('figcaption');
      note.className = 'aide';
      note.textContent = 'Laissé vide dans le graphique (masqué pour protéger les personnes) : ' + masques.join(', ') + '.';
      figure.appendChild(note);
    }
    var ancre = table.closest('.defilement') || table;
    ancre.parentNode.insertBefore(figure, ancre);
    new Chart(canvas, {
      type: table.getAttribute('data-graphique') === 'ligne' ? 'line' : 'bar',
      data: { labels: libelles, datasets: [{ label: 'Accompagnements', data: valeurs, backgroundColor: '#1d3f8f', borderColor: '#1d3f8f' }] },
      options: { indexAxis: table.getAttribute('data-graphique') === 'barres' ? 'y' : 'x', animation: false, plugins: { legend: { display: false } },
                 maintainAspectRatio: false }
    });
  });
})();
