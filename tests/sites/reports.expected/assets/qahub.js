// qahub: small progressive enhancements. Everything works without this file.
(function () {
  'use strict';
  // A "Print this page" button above the content (print styles hide the site chrome),
  // except where printing makes no sense (search, the 404 page: data-no-print).
  var main = document.getElementById('main');
  var h1 = main && main.querySelector('h1');
  if (h1 && window.print && !main.hasAttribute('data-no-print')) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'print-button';
    button.textContent = 'Print this page';
    button.addEventListener('click', function () { window.print(); });
    var lead = h1.nextElementSibling && h1.nextElementSibling.classList.contains('lead') ? h1.nextElementSibling : h1;
    lead.insertAdjacentElement('afterend', button);
  }

  // On narrow screens the section links fold behind a "Menu" button, so the
  // page content is not pushed below a screenful of links. Without this file,
  // and on wide screens, the list is always shown.
  var nav = document.querySelector('.site-nav');
  var list = nav && nav.querySelector('ul');
  if (nav && list) {
    list.id = list.id || 'site-nav-list';
    var row = document.createElement('div');
    row.className = 'wrap nav-toggle-row';
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'nav-toggle';
    toggle.textContent = 'Menu';
    toggle.setAttribute('aria-controls', list.id);
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      nav.classList.toggle('nav-open', open);
    });
    row.appendChild(toggle);
    nav.insertBefore(row, list);
    nav.classList.add('has-toggle');
  }
})();
