// qahub: small progressive enhancements. Everything works without this file.
(function () {
  'use strict';
  // A "Print this page" button above the content (print styles hide the site chrome).
  var main = document.getElementById('main');
  var h1 = main && main.querySelector('h1');
  if (h1 && window.print) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'print-button';
    button.textContent = 'Print this page';
    button.addEventListener('click', function () { window.print(); });
    var lead = h1.nextElementSibling && h1.nextElementSibling.classList.contains('lead') ? h1.nextElementSibling : h1;
    lead.insertAdjacentElement('afterend', button);
  }
})();
