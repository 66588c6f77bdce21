/* Reading-page behaviour. The page reads in full without this script; it only adds the
   "cite this paragraph" control (copy a Chicago-style citation of one paragraph). */
(function () {
  "use strict";

  function citationFor(button) {
    var data = document.getElementById("edition-cite-data");
    if (!data) { return null; }
    var info = JSON.parse(data.textContent);
    var n = button.getAttribute("data-para");
    var page = info.pages[n] || null;
    var url = info.url + "#p" + n;
    var today = new Date();
    var months = ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"];
    var accessed = months[today.getMonth()] + " " + today.getDate() + ", " + today.getFullYear();
    return info.template
      .replace("{page}", page ? page + ", " : "")
      .replace("{para}", n)
      .replace("{url}", url)
      .replace("{accessed}", accessed);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function focusableScrollers() {
    // A table wider than the page scrolls inside Material's wrapper: keyboard readers must
    // be able to focus the wrapper to scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
      }
    });
  }

  function setup() {
    focusableScrollers();
    var buttons = document.querySelectorAll(".cite-button");
    buttons.forEach(function (button) {
      if (button.dataset.ready) { return; }
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = citationFor(button);
        if (!text) { return; }
        button.setAttribute("data-citation", text);
        copy(text).then(function () {
          button.classList.add("cite-button--done");
          window.setTimeout(function () { button.classList.remove("cite-button--done"); }, 2000);
        });
      });
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
