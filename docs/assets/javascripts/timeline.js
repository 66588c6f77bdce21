/* Timeline filters: by source and by period, without reloading the page; and the
 * redirect of the addresses of the single-page timeline to the page of their year.
 *
 * The pages read in full without this script. It builds the controls inside
 * <div class="tl-filter" data-sources='[[slug, label], ...]' data-noun="entries">, shows or
 * hides <article class="tl-entry" data-sources="a b" data-start="Y" data-end="Y"> (a year's
 * page) or <li class="tl-index-year" ...> (the index of years) and hides a year (its heading
 * and <div class="tl-year">) when none of its entries is shown.
 * The state is read from and written to the query string: ?source=a&source=b&from=Y&to=Y.
 *
 * Old addresses: /timeline/#y1954 and /timeline/#e-1954-… (the timeline was one page) go to
 * the page of that year; a year of several pages names the part of each entry in the
 * small file given by data-parts on its item of the index.
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
      fetch(item.dataset.parts)
        .then(function (r) { return r.json(); })
        .then(function (map) { go(map[hash.slice(1)] || link.getAttribute("href"), hash); })
        .catch(function () { go(link.getAttribute("href"), hash); });
    } else {
      go(link.getAttribute("href"), hash);
    }
  }

  function setup() {
    redirect();
    var box = document.querySelector(".tl-filter");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var sources = JSON.parse(box.dataset.sources || "[]");
    var entries = Array.prototype.slice.call(document.querySelectorAll(".tl-entry, .tl-index-year"));
    var noun = box.dataset.noun || "entries";
    var starts = entries.map(function (e) { return +e.dataset.start; });
    var ends = entries.map(function (e) { return +e.dataset.end; });
    var min = Math.min.apply(null, starts), max = Math.max.apply(null, ends);
    var params = new URLSearchParams(window.location.search);
    var wanted = params.getAll("source");

    var form = document.createElement("form");
    form.className = "tl-controls";
    form.setAttribute("aria-label", "Filter the timeline");
    var set = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Sources";
    set.appendChild(legend);
    sources.forEach(function (pair) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = "source";
      box.value = pair[0];
      box.checked = wanted.length === 0 || wanted.indexOf(pair[0]) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + pair[1]));
      set.appendChild(label);
    });
    form.appendChild(set);
    function yearInput(name, text, value) {
      var label = document.createElement("label");
      label.textContent = text + " ";
      var input = document.createElement("input");
      input.type = "number";
      input.name = name;
      input.min = String(min);
      input.max = String(max);
      input.value = String(value);
      label.appendChild(input);
      return label;
    }
    var period = document.createElement("fieldset");
    var plegend = document.createElement("legend");
    plegend.textContent = "Period";
    period.appendChild(plegend);
    period.appendChild(yearInput("from", "From", params.get("from") || min));
    period.appendChild(yearInput("to", "to", params.get("to") || max));
    form.appendChild(period);
    var status = document.createElement("p");
    status.className = "tl-status";
    status.setAttribute("role", "status");
    form.appendChild(status);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    box.appendChild(form);

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
      if (chosen.length !== sources.length) chosen.forEach(function (s) { query.append("source", s); });
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
