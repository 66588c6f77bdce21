/* Timeline filters: by source and by period, without reloading the page; and the
 * redirect of the addresses of the single-page timeline to the page of their year.
 *
 * The pages read in full without this script. The controls are in the page
 * (<div class="tl-filter" data-noun="entries"><form class="tl-controls">, shown only where
 * scripts run, so that nothing moves when the page loads); this script makes them work: shows or
 * hides <article class="tl-entry" data-sources="a b" data-start="Y" data-end="Y"> (a year's
 * page) or <li class="tl-index-year" ...> (the index of years) and hides a year (its heading
 * and <div class="tl-year">) when none of its entries is shown.
 * The state is read from and written to the query string: ?source=a&source=b&from=Y&to=Y.
 *
 * Old addresses: /timeline/#y1954 and /timeline/#e-1954-… (the timeline was one page) go to
 * the page of that year; a year of several pages names the part of each entry in the
 * small file given by data-parts on its item of the index. A long source's own timeline is
 * such an index too (/timeline/<slug>/#e-… goes to the entry's page).
 */
(function () {
  "use strict";

  function go(href, hash) {
    window.location.replace(new URL(href, window.location.href).href.split("#")[0] + hash);
  }

  function redirect() {
    var match = /^#(?:y|e-)(\d{4})/.exec(window.location.hash);
    var item = match && document.querySelector(".tl-index #y" + match[1]);
    if (!item) return;
    var link = item.querySelector("a");
    var hash = window.location.hash;
    if (hash.indexOf("#y") === 0) {
      go(link.getAttribute("href"), "");
    } else if (item.dataset.parts) {
      var file = new URL(item.dataset.parts, window.location.href);
      fetch(file.href)
        .then(function (r) { return r.json(); })
        .then(function (map) {
          // The map's pages are relative to the map (the timeline's folder).
          var part = map[hash.slice(1)];
          go(part ? new URL(part, file).href : link.getAttribute("href"), hash);
        })
        .catch(function () { go(link.getAttribute("href"), hash); });
    } else {
      go(link.getAttribute("href"), hash);
    }
  }

  function setup() {
    redirect();
    var box = document.querySelector(".tl-filter");
    var form = box && box.querySelector("form.tl-controls");
    if (!form || box.dataset.ready) return;
    box.dataset.ready = "1";
    var entries = Array.prototype.slice.call(document.querySelectorAll(".tl-entry, .tl-index-year"));
    var noun = box.dataset.noun || "entries";
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=source]"));
    var min = +form.elements.from.min, max = +form.elements.from.max;
    var status = form.querySelector(".tl-status");
    var params = new URLSearchParams(window.location.search);
    var wanted = params.getAll("source");
    if (wanted.length) {
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
    }
    if (params.get("from")) form.elements.from.value = params.get("from");
    if (params.get("to")) form.elements.to.value = params.get("to");
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });

    function apply() {
      var chosen = Array.prototype.slice
        .call(form.querySelectorAll("input[name=source]:checked"))
        .map(function (i) { return i.value; });
      var from = +form.elements.from.value || min, to = +form.elements.to.value || max;
      var shown = 0;
      entries.forEach(function (e) {
        var hit = e.dataset.sources.split(" ").some(function (s) { return chosen.indexOf(s) >= 0; });
        var inPeriod = +e.dataset.start <= to && +e.dataset.end >= from;
        e.hidden = !(hit && inPeriod);
        if (!e.hidden) shown += 1;
      });
      document.querySelectorAll(".tl-year").forEach(function (year) {
        var any = year.querySelector(".tl-entry:not([hidden]), .tl-index-year:not([hidden])") !== null;
        year.hidden = !any;
        var heading = document.getElementById("y" + year.dataset.year);
        if (heading) heading.hidden = !any;
      });
      document.querySelectorAll(".tl-chart .tl-bar").forEach(function (bar) {
        bar.style.opacity = chosen.indexOf(bar.dataset.source) >= 0 ? "" : "0.15";
      });
      status.textContent = shown + " of " + entries.length + " " + noun + " shown";
      var query = new URLSearchParams();
      if (chosen.length !== boxes.length) chosen.forEach(function (s) { query.append("source", s); });
      if (from !== min) query.set("from", String(from));
      if (to !== max) query.set("to", String(to));
      var search = query.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    apply();
  }

  // Material's instant loading swaps pages without a new DOMContentLoaded.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
