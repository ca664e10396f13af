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
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 });
  var tiles = element.getAttribute('data-tuiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }
  var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
  var bounds = [];
  var markers = {};
  items.forEach(function (item) {
    var point = [parseFloat(item.getAttribute('data-lat')), parseFloat(item.getAttribute('data-lon'))];
    var name = item.querySelector('h2 a').textContent;
    var marker = L.marker(point, { title: name, alt: name, keyboard: true });
    marker.bindPopup(popupLink(item.querySelector('h2 a').getAttribute('href'), name));
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
  // the view must exist before the clusters are computed
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
  map.addLayer(cluster);
})();
