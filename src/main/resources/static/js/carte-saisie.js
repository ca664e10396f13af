// The edit form's small map: a click (or Enter, the map having the focus, for the map's centre) places the lieu and
// fills the hidden latitude/longitude fields. Progressive enhancement: without JavaScript, or without a tile server
// to see where one clicks, the position stays the record's (or the commune's centre when the commune changes).
(function () {
  'use strict';
  var element = document.getElementById('carte-saisie');
  var latitude = document.getElementById('latitude');
  var longitude = document.getElementById('longitude');
  if (!element || !latitude || !longitude || typeof L === 'undefined') {
    return;
  }
  var tiles = element.getAttribute('data-tuiles');
  var lat = parseFloat(latitude.value);
  var lon = parseFloat(longitude.value);
  if (!tiles || isNaN(lat) || isNaN(lon)) {
    return;
  }
  var state = document.getElementById('carte-saisie-etat');
  element.hidden = false;
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', 'Carte : cliquez pour placer le lieu, ou appuyez sur Entrée pour le placer au centre de la carte');
  document.querySelectorAll('.si-script').forEach(function (hint) { hint.hidden = false; });
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 }).setView([lat, lon], 16);
  L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  var marker = L.marker([lat, lon], { keyboard: false, title: 'Position du lieu', alt: 'Position du lieu' }).addTo(map);
  function place(point) {
    marker.setLatLng(point);
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lng.toFixed(6);
    if (state) {
      state.textContent = 'Nouvelle position choisie (' + point.lat.toFixed(5).replace('.', ',') + ', '
        + point.lng.toFixed(5).replace('.', ',') + ') : enregistrez le formulaire pour la garder.';
    }
  }
  map.on('click', function (event) { place(event.latlng); });
  element.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target === element) {
      event.preventDefault();
      place(map.getCenter());
    }
  });
}());
