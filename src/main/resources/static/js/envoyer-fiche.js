// « Copier le texte »: shown only where the browser can copy; the text stays selectable by hand everywhere.
(function () {
  'use strict';
  var button = document.getElementById('copier-fiche');
  var text = document.getElementById('texte-fiche');
  if (!button || !text || !navigator.clipboard) {
    return;
  }
  var message = document.getElementById('copie-message');
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(text.value).then(function () {
      message.textContent = 'Texte copié : collez-le dans un message.';
    }, function () {
      text.select();
      message.textContent = 'La copie n’a pas marché : le texte est sélectionné, copiez-le à la main.';
    });
  });
})();
