// Map of the search results: progressive enhancement of the list, which stays the reference (it works without
// JavaScript). Markers are clustered; choosing a marker highlights its place in the list and choosing a place in
// the list opens its marker. Tiles come from the configured server only (none by default: markers alone).
(function () {
  'use strict';
  // the popup's link is built as elements, never as HTML: a name is text, and only a link to this site is kept
  function popupLink(href, name) {
    var link = document.createElement('a');
    if (/^\/(?![\/\\])/.test(href || '')) {
      link.setAttribute('href', href);
    }
    link.textContent = name;
    return link;
  }
  var element = document.getElementById('carte');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var items = Array.prototype.slice.call(document.querySelectorAll('ol.resultats > li[data-lat]'));
  if (items.length === 0) {
    return;
  }
  element.hidden = false;
  // clustering needs a maximum zoom even when there is no tile layer to give one
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19, zoomSnap: 0.25 });
  var tiles = element.getAttribute('data-tuiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }
  var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
  var bounds = [];
  var markers = {};
  items.forEach(function (item) {
    var point = [parseFloat(item.getAttribute('data-lat')), parseFloat(item.getAttribute('data-lon'))];
    var name = item.querySelector('h3 a').textContent;
    var marker = L.marker(point, { title: name, alt: name, keyboard: true });
    marker.bindPopup(popupLink(item.querySelector('h3 a').getAttribute('href'), name));
    marker.on('click', function () {
      items.forEach(function (other) { other.classList.remove('choisi'); });
      item.classList.add('choisi');
      item.scrollIntoView({ block: 'nearest' });
    });
    markers[item.id] = marker;
    cluster.addLayer(marker);
    bounds.push(point);
    item.addEventListener('focusin', function () {
      items.forEach(function (other) { other.classList.remove('choisi'); });
      item.classList.add('choisi');
      cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
    });
  });
  // the communes around the results, from Maillage's own contours (sent with the page): where the places are
  // reads even without a tile server
  var contours = document.getElementById('contours-communes');
  if (contours) {
    var collection = JSON.parse(contours.textContent);
    var shapes = L.geoJSON(collection, {
      style: { color: '#0b4f8a', weight: 1, fillColor: '#e8f0f8', fillOpacity: tiles ? 0.15 : 0.5 },
      interactive: false,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, { radius: 2, color: '#4a4a4a', interactive: false });
      }
    });
    element.setAttribute('data-contours-dessines', String(collection.features.length));
  }
  // the view must exist before the clusters are computed; a quarter-zoom step fits the results closely
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  map.addLayer(cluster);
  // names of the communes wide enough on screen to hold them, so that names never pile up
  if (contours) {
    shapes.addTo(map);
    shapes.bringToBack();
    shapes.eachLayer(function (layer) {
      var name = layer.feature.properties.nom;
      if (layer.getBounds) {
        var box = layer.getBounds();
        var width = map.latLngToContainerPoint(box.getNorthEast()).x - map.latLngToContainerPoint(box.getSouthWest()).x;
        if (width < name.length * 6) {
          return;
        }
      }
      var where = layer.getBounds ? layer.getBounds().getCenter() : layer.getLatLng();
      var label = document.createElement('span');
      label.textContent = name;
      L.tooltip({ permanent: true, direction: 'center', className: 'nom-commune', interactive: false })
        .setLatLng(where).setContent(label).addTo(map);
    });
  }
})();
