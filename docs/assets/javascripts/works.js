/* Works cited: filter the list by source and by kind.
 *
 * The page lists every work without this script; the script only adds two <select>s
 * above the list and hides the entries that do not match. An entry is the paragraph
 * holding a <span class="work-entry" data-kind="…" data-sources="slug slug">.
 * A link to /works-cited/#source-<slug> (a source page's header) opens the page
 * filtered on that source.
 */
(function () {
  "use strict";

  function setup() {
    var markers = Array.prototype.slice.call(document.querySelectorAll("span.work-entry"));
    if (!markers.length || document.querySelector(".works-filter")) {
      return;
    }
    var entries = markers.map(function (marker) {
      return {
        node: marker.parentElement,
        kind: marker.getAttribute("data-kind") || "",
        sources: (marker.getAttribute("data-sources") || "").split(" ")
      };
    });

    function options(values, label) {
      var select = document.createElement("select");
      var all = document.createElement("option");
      all.value = "";
      all.textContent = label;
      select.appendChild(all);
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value[0];
        option.textContent = value[1];
        select.appendChild(option);
      });
      return select;
    }

    var sourceNames = {};
    var names = document.querySelector("span.works-sources");
    if (names) {
      try {
        sourceNames = JSON.parse(names.getAttribute("data-names") || "{}");
      } catch (error) {
        sourceNames = {};
      }
    }
    var kinds = {};
    entries.forEach(function (entry) {
      var label = entry.node.querySelector(".work-kind");
      kinds[entry.kind] = label ? label.textContent.replace(/[()]/g, "") : entry.kind;
    });
    var sourceSet = {};
    entries.forEach(function (entry) {
      entry.sources.forEach(function (slug) { if (slug) { sourceSet[slug] = slug; } });
    });

    var bySource = options(Object.keys(sourceSet).sort().map(function (s) {
      return [s, sourceNames[s] || s];
    }),
      "All sources");
    var byKind = options(Object.keys(kinds).sort().map(function (k) { return [k, kinds[k]]; }),
      "All kinds");
    bySource.setAttribute("aria-label", "Filter by source");
    byKind.setAttribute("aria-label", "Filter by kind");
    var count = document.createElement("span");
    count.className = "works-filter__count";
    count.setAttribute("aria-live", "polite");

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

    var bar = document.createElement("div");
    bar.className = "works-filter";
    bar.appendChild(bySource);
    bar.appendChild(byKind);
    bar.appendChild(count);
    entries[0].node.parentNode.insertBefore(bar, entries[0].node);
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
