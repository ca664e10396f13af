// Leaflet finds its marker images from the address of its stylesheet, which fails once the stylesheet's address
// carries a content hash (leaflet-2273e3d8….css): markers then show as broken images. The images sit beside
// leaflet.js, whose address we read from its script element.
(function () {
  'use strict';
  if (typeof L === 'undefined' || !L.Icon || !L.Icon.Default) {
    return;
  }
  var script = document.querySelector('script[src*="/leaflet/"][src*="/dist/leaflet"]');
  if (script) {
    L.Icon.Default.imagePath = script.getAttribute('src').replace(/leaflet[^\/]*\.js(\?.*)?$/, 'images/');
  }
})();
