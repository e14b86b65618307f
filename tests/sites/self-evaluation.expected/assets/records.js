// Progressive enhancement for the action register: filter the table by
// status, source and owner. Without JavaScript the page still lists every
// action, grouped by status, source and owner further down.
(function () {
  "use strict";
  function init() {
    var table = document.querySelector("[data-records-register]");
    var box = document.querySelector("[data-records-filter]");
    if (!table || !box) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var fields = [["status", "Status"], ["source", "Source"], ["owner", "Owner"]];
    var selects = {};
    fields.forEach(function (f) {
      var values = [];
      rows.forEach(function (r) {
        var v = r.getAttribute("data-" + f[0]);
        if (values.indexOf(v) < 0) values.push(v);
      });
      values.sort();
      var id = "records-filter-" + f[0];
      var wrap = document.createElement("div");
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = f[1];
      var select = document.createElement("select");
      select.id = id;
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "All";
      select.appendChild(all);
      values.forEach(function (v) {
        var o = document.createElement("option");
        o.value = v;
        o.textContent = v;
        select.appendChild(o);
      });
      select.addEventListener("change", apply);
      wrap.appendChild(label);
      wrap.appendChild(select);
      box.appendChild(wrap);
      selects[f[0]] = select;
    });
    var count = document.createElement("p");
    count.className = "records-filter-count";
    count.setAttribute("role", "status");
    box.appendChild(count);
    box.hidden = false;
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = fields.every(function (f) {
          var want = selects[f[0]].value;
          return !want || r.getAttribute("data-" + f[0]) === want;
        });
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " actions";
    }
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
