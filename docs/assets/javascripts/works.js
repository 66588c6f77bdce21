/* Works cited: filter the list by source and by kind.
 *
 * The page lists every work without this script. The two <select>s above the list are in
 * the page (shown only where scripts run, so nothing moves when it loads); the script makes
 * them work and hides the entries that do not match. An entry is the paragraph
 * holding a <span class="work-entry" data-kind="…" data-sources="slug slug">.
 * A link to /works-cited/#source-<slug> (a source page's header) opens the page
 * filtered on that source.
 */
(function () {
  "use strict";

  function setup() {
    var markers = Array.prototype.slice.call(document.querySelectorAll("span.work-entry"));
    if (!markers.length) {
      return;
    }
    var entries = markers.map(function (marker) {
      return {
        node: marker.parentElement,
        kind: marker.getAttribute("data-kind") || "",
        sources: (marker.getAttribute("data-sources") || "").split(" ")
      };
    });

    var bar = document.querySelector(".works-filter");
    if (!bar || bar.dataset.ready) { return; }
    bar.dataset.ready = "1";
    var selects = bar.querySelectorAll("select");
    var bySource = selects[0], byKind = selects[1];
    var count = bar.querySelector(".works-filter__count");
    var sourceSet = {};
    Array.prototype.forEach.call(bySource.options, function (option) {
      if (option.value) { sourceSet[option.value] = true; }
    });

    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var ok = (!bySource.value || entry.sources.indexOf(bySource.value) !== -1) &&
          (!byKind.value || entry.kind === byKind.value);
        entry.node.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + entries.length + " works";
    }

    bySource.addEventListener("change", apply);
    byKind.addEventListener("change", apply);

    function fromHash() {
      var match = /^#source-([a-z0-9-]+)$/.exec(window.location.hash);
      if (match && sourceSet[match[1]]) {
        bySource.value = match[1];
        apply();
      }
    }
    window.addEventListener("hashchange", fromHash);
    apply();
    fromHash();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup); // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
