// qahub: small progressive enhancements. Everything works without this file.
// The buttons it uses are in the page already and shown by the `js` class the
// head sets before the first paint, so nothing moves when this file runs
// (layout shift: tests/browser/layout_shift.mjs).
(function () {
  'use strict';
  // "Print this page" (print styles hide the site chrome); not rendered where
  // printing makes no sense (search, the 404 page).
  var printButton = document.querySelector('.print-button');
  if (printButton) printButton.addEventListener('click', function () { window.print(); });

  // On narrow screens the section links fold behind the "Menu" button, so the
  // page content is not pushed below a screenful of links. Without JavaScript,
  // and on wide screens, the list is always shown.
  var nav = document.querySelector('.site-nav');
  var toggle = nav && nav.querySelector('.nav-toggle');
  if (nav && toggle) {
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      nav.classList.toggle('nav-open', open);
    });
  }
})();
