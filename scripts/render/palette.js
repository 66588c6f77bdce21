/* The colour scheme of the page: see overrides/partials/palette-script.html. */
window.__editionPalette = function (index, switching) {
  var form = document.querySelector("form[data-edition-palette]");
  if (!form) { return; }
  var inputs = form.querySelectorAll("input.md-option");
  var body = document.body;
  index = Math.max(0, Math.min(index | 0, inputs.length - 1));
  var chosen = inputs[index];
  var media = chosen.getAttribute("data-md-color-media");
  var source = chosen;
  if (media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    source = form.querySelector("[data-md-color-media='(prefers-color-scheme: " +
      (light ? "light" : "dark") + ")']") || chosen;
  }
  var color = { media: media };
  ["scheme", "primary", "accent"].forEach(function (key) {
    color[key] = source.getAttribute("data-md-color-" + key);
  });
  if (switching) { body.setAttribute("data-md-color-switching", ""); }
  Object.keys(color).forEach(function (key) {
    body.setAttribute("data-md-color-" + key, color[key]);
  });
  for (var i = 0; i < inputs.length; i++) {
    var label = inputs[i].nextElementSibling;
    if (label) { label.hidden = i !== index; }
  }
  chosen.checked = true;
  __md_set("__palette", { index: index, color: color });
  var header = getComputedStyle(document.querySelector("[data-md-component=header]"));
  [["color-scheme", header.colorScheme],
   ["theme-color", "#" + (header.backgroundColor.match(/\d+/g) || []).slice(0, 3).map(function (c) {
     return (+c).toString(16).padStart(2, "0");
   }).join("")]].forEach(function (pair) {
    var meta = document.head.querySelector("meta[name='" + pair[0] + "']");
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = pair[0];
      document.head.appendChild(meta);
    }
    meta.content = pair[1];
  });
  if (switching) {
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }
};
(function () {
  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : 0;
  if (!stored) {
    var inputs = document.querySelectorAll("form[data-edition-palette] input.md-option");
    for (var i = 0; i < inputs.length; i++) {
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) { index = i; break; }
    }
  }
  window.__editionPalette(index, false);
  var form = document.querySelector("form[data-edition-palette]");
  if (form) { form.setAttribute("data-palette-ready", ""); }
})();
