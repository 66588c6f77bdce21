/* Reading-page behaviour. The page reads in full without this script; it only adds the
   "cite this paragraph" button beside each paragraph number (copy a Chicago-style citation of
   one paragraph). */
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
    // Each numbered paragraph gets its button after its number (the page is written without
    // them: without this script they could do nothing).
    document.querySelectorAll(".para > .para-num").forEach(function (number) {
      var next = number.nextElementSibling;
      if (next && next.classList.contains("cite-button")) { return; }
      var n = number.getAttribute("data-n");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-button";
      button.setAttribute("data-para", n);
      button.setAttribute("aria-label", "Cite paragraph " + n);
      button.title = "Copy a citation of paragraph " + n;
      number.after(button);
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

/* Tooltips and note popovers, created when a reader needs one, not for every mark at load.
   One tooltip element serves the whole page: hovering or focusing a mark of the apparatus
   (a person, an abbreviation, an emendation, a redaction...) shows its title there; hovering
   or focusing a note reference shows the note's text. Tapping or clicking a note reference
   opens the note in place (a small non-modal dialog beside the reference): the page does not
   scroll, and closing it (Escape, the close button, a click elsewhere) puts the reader back
   on the reference. The notes list at the end of the page stays the fallback without script. */
(function () {
  "use strict";

  var SCOPE = ".md-content";
  var MARK = "[title], [data-edition-title]";
  var tip = null;
  var tipFor = null;
  var hideTimer = 0;
  var pop = null;
  var popFor = null;

  function noteFor(ref) {
    // Material's instant loading makes hrefs absolute: read the fragment of a same-page link.
    if (!ref.hash || ref.pathname !== window.location.pathname) { return null; }
    return document.getElementById(decodeURIComponent(ref.hash.slice(1)));
  }

  function noteContent(note) {
    // The note's paragraph(s) as printed in the list, without the back link.
    var box = document.createElement("div");
    Array.prototype.forEach.call(note.children, function (child) {
      box.appendChild(child.cloneNode(true));
    });
    box.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    box.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    return box;
  }

  function tipElement() {
    if (!tip || !document.body.contains(tip)) {
      tip = document.createElement("div");
      tip.id = "edition-tip";
      tip.className = "edition-tip md-typeset";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { scheduleHide(); });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function place(box, target) {
    // Below the target (above it when there is no room below), inside the viewport.
    var rect = target.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    box.style.left = "0px";
    box.style.top = "0px";
    box.style.maxWidth = Math.min(width - 16, 512) + "px";
    var own = box.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.left, width - own.width - 8));
    var top = rect.bottom + 6;
    if (top + own.height > window.innerHeight && rect.top - own.height - 6 > 0) {
      top = rect.top - own.height - 6;
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function titleOf(el) {
    return el.getAttribute("title") || el.getAttribute("data-edition-title") || "";
  }

  function stashTitle(el) {
    // The native tooltip would double ours: the title moves aside while ours shows, and the
    // element is described by ours meanwhile.
    var title = el.getAttribute("title");
    if (title !== null) {
      el.setAttribute("data-edition-title", title);
      el.removeAttribute("title");
    }
    el.setAttribute("aria-describedby", "edition-tip");
  }

  function restoreTitle(el) {
    var title = el.getAttribute("data-edition-title");
    if (title !== null) {
      el.setAttribute("title", title);
      el.removeAttribute("data-edition-title");
    }
    if (el.getAttribute("aria-describedby") === "edition-tip") {
      el.removeAttribute("aria-describedby");
    }
  }

  function showTip(target) {
    window.clearTimeout(hideTimer);
    if (tipFor === target && tip && !tip.hidden) { return; }
    hideTip();
    var box = tipElement();
    box.textContent = "";
    if (target.matches("a.footnote-ref")) {
      var note = noteFor(target);
      if (!note) { return; }
      box.appendChild(noteContent(note));
      box.classList.add("edition-tip--note");
    } else {
      var text = titleOf(target);
      if (!text) { return; }
      box.textContent = text;
      box.classList.remove("edition-tip--note");
      stashTitle(target);
    }
    tipFor = target;
    box.hidden = false;
    box.classList.add("edition-tip--active");
    place(box, target);
  }

  function hideTip() {
    window.clearTimeout(hideTimer);
    if (tipFor) { restoreTitle(tipFor); }
    tipFor = null;
    if (tip) {
      tip.hidden = true;
      tip.classList.remove("edition-tip--active");
    }
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideTip, 150);
  }

  function targetOf(node) {
    if (!node || !node.closest || !node.closest(SCOPE)) { return null; }
    if (node.closest("#edition-tip, .note-pop")) { return null; }
    var ref = node.closest("a.footnote-ref");
    if (ref) { return ref; }
    var mark = node.closest(MARK);
    return mark && mark.closest(SCOPE) ? mark : null;
  }

  function openNote(ref) {
    var note = noteFor(ref);
    if (!note) { return false; }
    hideTip();
    closeNote(false);
    var label = ref.getAttribute("data-label") || "";
    pop = document.createElement("div");
    pop.className = "note-pop md-typeset";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", "Note " + label);
    pop.tabIndex = -1;
    var bar = document.createElement("div");
    bar.className = "note-pop__bar";
    var jump = document.createElement("a");
    jump.href = "#" + note.id;
    jump.className = "note-pop__list";
    jump.textContent = "In the list of notes";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "note-pop__close";
    close.setAttribute("aria-label", "Close note " + label);
    close.textContent = "×";
    close.addEventListener("click", function () { closeNote(true); });
    jump.addEventListener("click", function () { closeNote(false); });
    bar.appendChild(jump);
    bar.appendChild(close);
    pop.appendChild(noteContent(note));
    pop.appendChild(bar);
    document.body.appendChild(pop);
    popFor = ref;
    ref.setAttribute("aria-expanded", "true");
    place(pop, ref);
    pop.focus({ preventScroll: true });
    return true;
  }

  function closeNote(refocus) {
    if (!pop) { return; }
    pop.remove();
    pop = null;
    if (popFor) {
      popFor.setAttribute("aria-expanded", "false");
      if (refocus) { popFor.focus({ preventScroll: true }); }
    }
    popFor = null;
  }

  function listen() {
    document.addEventListener("pointerover", function (event) {
      if (event.pointerType === "touch") { return; }
      var target = targetOf(event.target);
      if (target) { showTip(target); }
    });
    document.addEventListener("pointerout", function (event) {
      var target = targetOf(event.target);
      if (!target || target !== tipFor) { return; }
      var to = event.relatedTarget;
      if (to && (target.contains(to) || (tip && tip.contains(to)))) { return; }
      scheduleHide();
    });
    document.addEventListener("focusin", function (event) {
      var target = targetOf(event.target);
      if (target) { showTip(target); } else if (tipFor) { hideTip(); }
    });
    document.addEventListener("focusout", function (event) {
      if (tipFor && event.target === tipFor) { hideTip(); }
    });
    document.addEventListener("click", function (event) {
      var ref = event.target.closest && event.target.closest(SCOPE + " a.footnote-ref");
      if (ref && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
        if (popFor === ref) { closeNote(true); event.preventDefault(); return; }
        if (openNote(ref)) { event.preventDefault(); }
        return;
      }
      if (pop && !pop.contains(event.target)) { closeNote(false); }
      // A tap on a mark that is not a link (a later mention, an abbreviation, a redaction)
      // shows its tooltip, since a touch screen has no hover; a tap elsewhere hides it.
      var mark = targetOf(event.target);
      if (mark && !event.target.closest("a[href], button")) {
        showTip(mark);
      } else if (tipFor && !(tip && tip.contains(event.target))) {
        hideTip();
      }
    }, true);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      if (pop) { closeNote(true); } else { hideTip(); }
    });
    window.addEventListener("resize", function () { hideTip(); });
  }

  listen();
  if (window.document$ && window.document$.subscribe) {
    // Material's instant loading swaps the page: nothing of the old one stays open.
    window.document$.subscribe(function () { hideTip(); closeNote(false); });
  }
})();

/* Scripts that only some pages, or only a search, need are loaded when they are wanted, so that
   a reading page ships none of them: the search (search.js, when a reader focuses the search box,
   presses one of its keys, /, s or f, or opens a shared search address ?q=…) and the filters of
   the timeline, the persons index and works cited (when the page has them). */
(function () {
  "use strict";
  var self = document.currentScript;
  if (!self) { return; }
  var loaded = Object.create(null);
  function load(name) {
    if (loaded[name]) { return; }
    loaded[name] = true;
    var tag = document.createElement("script");
    tag.src = new URL(name, self.src).href;
    document.body.appendChild(tag);
  }
  var ON_PAGE = [
    [".tl-filter, .tl-index", "timeline.js"],
    [".works-filter", "works.js"],
    ["[data-person-filter]", "persons.js"]
  ];
  function forThisPage() {
    ON_PAGE.forEach(function (pair) {
      if (document.querySelector(pair[0])) { load(pair[1]); }
    });
  }
  var search = document.querySelector("[data-edition-search]");
  var input = search && search.querySelector("input[name=q]");
  if (input) {
    input.addEventListener("focus", function () { load("search.js"); });
    var toggle = document.getElementById("__search");
    if (toggle) { toggle.addEventListener("change", function () { load("search.js"); }); }
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey &&
          (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        input.focus();
      }
    });
    if (new URLSearchParams(window.location.search).get("q")) { load("search.js"); }
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(forThisPage);  // Material's instant loading swaps pages
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", forThisPage);
  } else {
    forThisPage();
  }
})();

/* The colour-scheme toggle of the header (overrides/partials/palette.html): a click on its
   label, an arrow key or Enter moves automatic → light → dark; "automatic" follows the system
   when it changes. window.__editionPalette (overrides/partials/javascripts/palette.html) applies
   a choice and keeps it for the next page. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-edition-palette]");
  if (!form || !window.__editionPalette) { return; }
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input.md-option"));

  function current() {
    var index = inputs.findIndex(function (input) { return input.checked; });
    return index < 0 ? 0 : index;
  }

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) { window.__editionPalette(index, true); }
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var next = inputs[(current() + 1) % inputs.length];
    next.click();
    next.focus();
  });
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
    var index = current();
    if (inputs[index].getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
      window.__editionPalette(index, true);
    }
  });
})();
