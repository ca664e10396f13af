// "Autour de moi": the browser's position is asked only when the person presses the button, then the ordinary
// search URL is opened with it, so the result is a plain page like any other search (back button, sharing).
// The position is rounded to about 100 m: a shared or logged URL must not pinpoint a home.
(function () {
  'use strict';
  var button = document.getElementById('autour-de-moi');
  if (!button || !('geolocation' in navigator)) {
    return;
  }
  var form = button.form;
  var message = document.getElementById('position-message');
  button.parentElement.hidden = false;

  function say(text) {
    message.textContent = text;
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    say('Recherche de votre position…');
    navigator.geolocation.getCurrentPosition(function (position) {
      var params = new URLSearchParams(new FormData(form));
      params.delete('q');
      params.set('lat', position.coords.latitude.toFixed(3));
      params.set('lon', position.coords.longitude.toFixed(3));
      // the form's address ends with #resultats, which goes after the query
      var action = form.getAttribute('action').split('#');
      window.location.assign(action[0] + '?' + params.toString() + (action[1] ? '#' + action[1] : ''));
    }, function (error) {
      button.disabled = false;
      if (error.code === error.PERMISSION_DENIED) {
        say('Vous n’avez pas autorisé la localisation. Écrivez votre commune ou votre code postal.');
      } else {
        say('Votre position n’a pas pu être trouvée. Écrivez votre commune ou votre code postal.');
      }
    }, { timeout: 15000, maximumAge: 60000 });
  });
})();

// After a search the page opens at its results (the form's address ends with #resultats): the heading of the
// results, or the explanation when nothing was found, takes the focus so that a screen reader says it and the
// keyboard goes on from there.
(function () {
  'use strict';
  if (!/[?&](q|lat)=/.test(window.location.search)) {
    return;
  }
  var target = document.querySelector('[data-apres-recherche]');
  if (target) {
    target.focus();
  }
})();
