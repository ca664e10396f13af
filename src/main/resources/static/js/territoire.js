// Choropleth of a département's communes (coverage tier or IFN) and the suggested sites. Progressive
// enhancement: the page's tables carry the same information, and every colour has its words in the legend and in
// each commune's tooltip.
(function () {
  'use strict';
  // Leaflet writes tooltip strings as HTML: names are passed as text
  function asText(value) {
    var span = document.createElement('span');
    span.textContent = String(value);
    return span;
  }
  var element = document.getElementById('carte');
  var source = document.getElementById('donnees-carte');
  if (!element || !source || typeof L === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  element.hidden = false;
  fetch(data.contour).then(function (response) { return response.json(); }).then(function (collection) {
    // the map is created once its communes are known, so that its first view is theirs (no zoom animation)
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 14, zoomAnimation: false });
    var layer = L.geoJSON(collection, {
      filter: function (feature) { return feature.geometry && feature.geometry.type !== 'Point'; },
      style: function (feature) {
        var commune = data.communes[feature.properties.code];
        return { className: commune ? commune.classe : 'ifn-inconnu', weight: 1, color: '#4a4a4a', fillOpacity: 0.75 };
      },
      onEachFeature: function (feature, shape) {
        var commune = data.communes[feature.properties.code];
        if (commune) {
          shape.bindTooltip(asText(commune.texte));
        }
      }
    });
    if (layer.getLayers().length > 0) {
      map.fitBounds(layer.getBounds(), { padding: [10, 10], animate: false });
    } else {
      map.setView([46.6, 2.4], 5);
    }
    layer.addTo(map);
    data.suggestions.forEach(function (site) {
      L.circleMarker([site.latitude, site.longitude], { radius: 9, className: 'site-suggere' })
        .bindTooltip(asText(site.rang + '. ' + site.nom), { permanent: true, direction: 'right' })
        .addTo(map);
    });
    element.setAttribute('data-communes-dessinees', String(layer.getLayers().length));
  });
})();
