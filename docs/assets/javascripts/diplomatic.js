/* The diplomatic view of a reading page (scripts/render/diplomatic.py): a toggle that shows the
   witness's forms in place of the edition's emendations and marks removals. The choice is kept
   in localStorage, so it holds on every reading page until the reader switches back; the
   reading view is the default. Only a class on <html> changes: no anchor moves. */
(function () {
  "use strict";
  var KEY = "edition-view";

  function stored() {
    try { return window.localStorage.getItem(KEY) === "diplomatic"; } catch (e) { return false; }
  }

  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "diplomatic" : "reading"); } catch (e) { /* private mode */ }
  }

  function apply(on) {
    document.documentElement.classList.toggle("diplomatic", on);
    document.querySelectorAll(".view-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function setup() {
    document.querySelectorAll(".view-toggle").forEach(function (button) {
      if (button.dataset.ready) { return; }
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = !document.documentElement.classList.contains("diplomatic");
        remember(on);
        apply(on);
      });
    });
    apply(stored());
  }

  apply(stored());
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
