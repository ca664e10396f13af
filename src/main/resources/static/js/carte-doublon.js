// Map of a pair of the review queue: the two records' points, labelled A and B as in the table beside it (which
// stays the reference: the map only adds where the points are). Tiles come from the configured server only (none by
// default: the two markers alone). Names are set as text, never as HTML.
(function () {
  'use strict';
  var element = document.getElementById('carte-doublon');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var points;
  try {
    points = JSON.parse(element.getAttribute('data-points') || '[]');
  } catch (notJson) {
    return;
  }
  if (!Array.isArray(points) || points.length === 0) {
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 });
  var tiles = element.getAttribute('data-tuiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }
  var bounds = [];
  points.forEach(function (point) {
    var position = [Number(point.lat), Number(point.lon)];
    if (!isFinite(position[0]) || !isFinite(position[1])) {
      return;
    }
    var title = 'Fiche ' + point.lettre + ' : ' + point.nom;
    var label = document.createElement('span');
    label.textContent = point.lettre;
    L.marker(position, { title: title, alt: title, keyboard: true })
      .bindTooltip(label, { permanent: true, direction: 'right', className: 'etiquette-carte-doublon' })
      .addTo(map);
    bounds.push(position);
  });
  if (bounds.length === 0) {
    return;
  }
  map.fitBounds(bounds, { padding: [40, 40], maxZoom: 17 });
  element.setAttribute('data-points-dessines', String(bounds.length));
})();
