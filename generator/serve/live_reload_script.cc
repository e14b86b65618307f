// The browser half of live reload, served from memory at /__qahub/live-reload.js.
// Plain ES5 so it runs in every browser the intranet may have; no dependencies.
#include "serve/live_reload.h"

namespace qahub::serve {

std::string_view live_reload_script() {
  static constexpr std::string_view kScript = R"JS((function () {
  "use strict";
  if (!window.EventSource) return;
  var OVERLAY_ID = "qahub-error-overlay";
  var instance = null;
  var lastFocus = null;

  function clearOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (!old) return;
    old.parentNode.removeChild(old);
    if (lastFocus && document.body.contains(lastFocus)) lastFocus.focus();
    lastFocus = null;
  }

  function showOverlay(text) {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.parentNode.removeChild(old);
    var box = document.createElement("div");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    box.setAttribute("style", "position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:70vh;" +
      "overflow:auto;margin:0;padding:1rem 1.25rem;background:#ffffff;color:#0b0c0c;" +
      "border-bottom:6px solid #d4351c;box-shadow:0 2px 8px rgba(0,0,0,.35);" +
      "font:1rem/1.4 system-ui,sans-serif;text-align:left");
    var title = document.createElement("p");
    title.setAttribute("style", "margin:0 0 .5rem;font-weight:700;font-size:1.2rem;color:#0b0c0c");
    title.textContent = "qahub: the last edit did not build";
    var note = document.createElement("p");
    note.setAttribute("style", "margin:0 0 .5rem;color:#0b0c0c");
    note.textContent = "This page shows the last good build. Fix the errors below and save: the page reloads by itself.";
    var pre = document.createElement("pre");
    pre.setAttribute("tabindex", "0");
    pre.setAttribute("aria-label", "Build errors");
    pre.setAttribute("style", "margin:0 0 .75rem;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere;" +
      "background:#f3f2f1;color:#0b0c0c;border:1px solid #505a5f;font:.9rem/1.4 ui-monospace,monospace");
    pre.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close build errors";
    close.setAttribute("style", "font:inherit;padding:.35rem .75rem;background:#0b0c0c;color:#ffffff;" +
      "border:2px solid #0b0c0c;border-radius:0;cursor:pointer");
    close.addEventListener("click", clearOverlay);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") clearOverlay();
    });
    box.appendChild(title);
    box.appendChild(note);
    box.appendChild(pre);
    box.appendChild(close);
    document.body.appendChild(box);
    if (!lastFocus) lastFocus = document.activeElement;
  }

  // Beside this script, under the site's base path: "/hub/__qahub/events".
  var self = document.currentScript && document.currentScript.getAttribute("src");
  var events = self ? self.replace(/live-reload\.js([?#].*)?$/, "events") : "/__qahub/events";
  var source = new EventSource(events);
  source.addEventListener("hello", function (e) {
    // A different instance id means qahub serve was restarted: fetch the new build.
    if (instance !== null && instance !== e.data) window.location.reload();
    instance = e.data;
  });
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("errors", function (e) { showOverlay(e.data); });
  source.addEventListener("ok", function () { clearOverlay(); });
})();
)JS";
  return kScript;
}

}  // namespace qahub::serve
