// Map of a territory's places, made to be embedded (iframe). The territory's contour is drawn from Maillage's
// own data, so the map reads even without a tile server.
(function () {
  'use strict';
  // the popup's link is built as elements, never as HTML: a name is text, and only a link to this site is kept
  function popupLink(href, name, target) {
    var link = document.createElement('a');
    if (/^\/(?![\/\\])/.test(href || '')) {
      link.setAttribute('href', href);
    }
    if (target) {
      link.setAttribute('target', target);
    }
    link.textContent = name;
    return link;
  }
  var element = document.getElementById('carte');
  if (!element || typeof L === 'undefined') {
    return;
  }
  // clustering needs a maximum zoom even when there is no tile layer to give one
  // a quarter-zoom step lets the territory fill the frame (whole steps left the Rhône at 15 % of it)
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19, zoomSnap: 0.25 });
  var tiles = element.getAttribute('data-tuiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }
  var points = [];
  var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
  Array.prototype.forEach.call(document.querySelectorAll('.liste-carte li[data-lat]'), function (item) {
    var link = item.querySelector('a');
    var point = [parseFloat(item.getAttribute('data-lat')), parseFloat(item.getAttribute('data-lon'))];
    var marker = L.marker(point, { title: link.textContent, alt: link.textContent, keyboard: true });
    marker.bindPopup(popupLink(link.getAttribute('href'), link.textContent, '_top'));
    cluster.addLayer(marker);
    points.push(point);
  });
  if (points.length > 0) {
    map.fitBounds(points, { padding: [20, 20], maxZoom: 13 });
  } else {
    map.setView([46.6, 2.4], 5);
  }
  map.addLayer(cluster);
  var contour = element.getAttribute('data-contour');
  if (contour) {
    fetch(contour).then(function (response) { return response.json(); }).then(function (collection) {
      var shapes = collection.features.filter(function (f) { return f.geometry && f.geometry.type !== 'Point'; });
      var layer = L.geoJSON({ type: 'FeatureCollection', features: shapes },
        { style: { color: '#0b4f8a', weight: 1, fillColor: '#e8f0f8', fillOpacity: 0.4 }, interactive: false });
      layer.addTo(map);
      layer.bringToBack();
      // the territory is the subject: show all of it, not only where its places are
      if (shapes.length > 0) {
        map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      }
      element.setAttribute('data-contour-dessine', 'oui');
    });
  }
})();
