// Filter the person index (/persons/) by category. The page reads in full without it: the
// buttons are in the page (shown only where scripts run, so nothing moves when it loads)
// and this script makes them work.
(function () {
  function setup() {
    var bar = document.querySelector("[data-person-filter]");
    if (!bar || bar.dataset.ready) return;
    bar.dataset.ready = "1";
    var entries = document.querySelectorAll(".person-index__entry");
    var buttons = Array.prototype.slice.call(bar.querySelectorAll(".person-filter__button"));
    buttons.forEach(function (button) {
      var category = button.dataset.category;
      button.addEventListener("click", function () {
        entries.forEach(function (entry) {
          entry.hidden = category !== "all" && entry.dataset.category !== category;
        });
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
      });
    });
  }

  // Material's instant loading swaps pages without a full reload: subscribe when available.
  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
