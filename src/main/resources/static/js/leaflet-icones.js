// Markers are drawn by CSS (a divIcon), not by Leaflet's images: those images are found from the address of
// Leaflet's stylesheet, which fails once addresses carry a content hash or the stylesheet loads after the script
// (a single marker then asked for /marker-icon.png and /marker-shadow.png: 404, a broken image). The default icon
// of every map is replaced here, before any map is drawn.
(function () {
  'use strict';
  if (typeof L === 'undefined' || !L.Icon || !L.Icon.Default) {
    return;
  }
  var pin = L.divIcon({ className: 'repere-carte', html: '<span class="repere-carte-pointe"></span>',
    iconSize: [26, 26], iconAnchor: [13, 26], popupAnchor: [0, -24] });
  L.Marker.prototype.options.icon = pin;
  // kept for any code that still asks for the images: they sit beside leaflet.js
  var script = document.querySelector('script[src*="/leaflet/"][src*="/dist/leaflet"]');
  if (script) {
    L.Icon.Default.imagePath = script.getAttribute('src').replace(/leaflet[^\/]*\.js(\?.*)?$/, 'images/');
  }
})();
